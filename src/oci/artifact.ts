/**
 * An OCI artifact as the image spec (1.1) describes one without the referrers API: an image
 * manifest with an `artifactType` of its own, the empty config (`{}`, the spec's
 * `application/vnd.oci.empty.v1+json`) and one layer holding the content. shipshape keeps its
 * size history that way (artifactType `application/vnd.shipshape.size-history.v1+json`), under a
 * plain tag, so any registry that takes an image takes it. Pure: bytes in, bytes or a reason out.
 */
import { createHash } from 'node:crypto';
import type { Descriptor } from './descriptor.js';
import { OCI_MANIFEST } from './media-types.js';

export const SIZE_HISTORY_ARTIFACT_TYPE = 'application/vnd.shipshape.size-history.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** The empty config's bytes (`{}`), its digest and size, as the spec gives them. */
export const EMPTY_CONFIG = Buffer.from('{}');
export const EMPTY_DESCRIPTOR: Descriptor = {
  mediaType: OCI_EMPTY,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
};

export const sha256Digest = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** The manifest of an artifact whose one layer is `content`: the exact bytes to PUT. */
export function artifactManifest(artifactType: string, content: Buffer): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: EMPTY_DESCRIPTOR,
    layers: [{ mediaType: artifactType, digest: sha256Digest(content), size: content.length }],
  };
  return Buffer.from(JSON.stringify(manifest));
}

/**
 * The content layer of an artifact manifest of `artifactType`, or why the manifest is not one
 * (another artifact, an image, an index): the reason names types, never quotes the manifest.
 */
export function artifactLayer(
  body: Buffer,
  mediaType: string,
  artifactType: string,
): { layer: Descriptor } | { foreign: string } {
  if (mediaType !== OCI_MANIFEST)
    return { foreign: `it is a ${short(mediaType)}, not an OCI artifact manifest` };
  let manifest: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    manifest = parsed as Record<string, unknown>;
  } catch {
    return { foreign: 'its manifest is not a JSON object' };
  }
  const config = manifest.config as Record<string, unknown> | undefined;
  const type = typeof manifest.artifactType === 'string' ? manifest.artifactType : config?.mediaType;
  if (type !== artifactType) {
    return {
      foreign: `its artifact type is ${typeof type === 'string' ? short(type) : 'missing'}, not ${artifactType}`,
    };
  }
  const layers = manifest.layers;
  if (!Array.isArray(layers) || layers.length !== 1) return { foreign: 'it does not have exactly one layer' };
  const layer = layers[0] as Record<string, unknown>;
  if (
    typeof layer?.digest !== 'string' ||
    !/^sha256:[0-9a-f]{64}$/.test(layer.digest) ||
    !Number.isSafeInteger(layer.size) ||
    (layer.size as number) < 0
  ) {
    return { foreign: 'its layer has no sha256 digest and size' };
  }
  return { layer: { mediaType: String(layer.mediaType), digest: layer.digest, size: layer.size as number } };
}

// A media type from a registry, cut to a sane length and to the characters media types have.
function short(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9.+/_-]/g, '?');
  return cleaned.length > 100 ? `${cleaned.slice(0, 100)}…` : cleaned;
}
