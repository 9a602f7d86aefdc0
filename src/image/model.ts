/**
 * The image model: image -> platforms -> layers, as plain data. It knows nothing of HTTP or
 * files (registry/ and oci-layout.ts turn those into this), like go-containerregistry's v1.
 */

export interface Layer {
  digest: string;
  mediaType: string;
  /** The descriptor's size: bytes a pull downloads. */
  compressed: number;
  /** The history entry that made this layer (`RUN /bin/sh -c ...`), when the config says. */
  createdBy?: string;
}

export interface PlatformImage {
  /** `linux/amd64`, `linux/arm/v7`. */
  platform: string;
  manifestDigest: string;
  configDigest: string;
  layers: Layer[];
  /** Sum of the layer descriptor sizes (config excluded): what a pull downloads. */
  compressed: number;
}

export interface Image {
  /** The reference as the user gave it, or the OCI layout path. */
  ref: string;
  /** The digest the reference resolved to: an index's, or a single manifest's. */
  digest: string;
  mediaType: string;
  /** Attestation manifests are never platforms. */
  platforms: PlatformImage[];
}
