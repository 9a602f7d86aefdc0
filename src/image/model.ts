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
  /** The base image the image names itself, when it does. */
  declaredBase?: DeclaredBase;
}

/**
 * The base image an image names (`org.opencontainers.image.base.name`, with `.base.digest`):
 * the manifest's annotation, else its index's, else the config's label. Whoever built the image
 * wrote it: text to show, never to obey.
 */
export interface DeclaredBase {
  name: string;
  digest?: string;
  /**
   * `annotation`: the manifest's or the index's, written for this image; `label`: the config's,
   * which a build inherits from its base image's own config (so it may name the base's base).
   */
  from: 'annotation' | 'label';
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
