/**
 * What a manifest response is: its digest (checked against its bytes) and its media type.
 */
import { createHash } from 'node:crypto';
import { digestAlgorithm, matchesDigest } from './blob-stream.js';
import { RegistryError } from './errors.js';
import { isIndex, isManifest, OCI_INDEX, OCI_MANIFEST } from '../oci/media-types.js';

/**
 * The manifest's digest: the one asked for, checked against the bytes; else the registry's
 * Docker-Content-Digest, checked too; else the bytes' sha256, once they are JSON at least (no
 * digest vouches for them, and a body cut short is no longer JSON).
 */
export function manifestDigest(
  reference: string,
  header: string | null,
  body: Buffer,
  image: string,
): string {
  const expected = reference.includes(':') ? reference : (header ?? undefined);
  if (expected === undefined) {
    checkJson(body, image);
    return `sha256:${sha256(body)}`;
  }
  digestAlgorithm(expected, image);
  if (!matchesDigest(body, expected)) {
    throw new RegistryError(
      'digest-mismatch',
      image,
      `${image}: the manifest's bytes do not match digest ${expected} (got sha256:${sha256(body)})`,
    );
  }
  return expected;
}

function checkJson(body: Buffer, image: string): void {
  try {
    JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new RegistryError(
      'malformed',
      image,
      `${image}: the manifest is not valid JSON (${(error as Error).message}, ${body.length} bytes)`,
    );
  }
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The Content-Type when it names a manifest type; else the body's `mediaType`; else guessed from its shape. */
export function manifestMediaType(contentType: string | null, body: Buffer): string {
  const header = contentType?.split(';')[0].trim();
  if (header && (isIndex(header) || isManifest(header))) return header;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { mediaType?: unknown; manifests?: unknown };
    if (typeof parsed.mediaType === 'string' && parsed.mediaType) return parsed.mediaType;
    return Array.isArray(parsed.manifests) ? OCI_INDEX : OCI_MANIFEST;
  } catch {
    return header ?? OCI_MANIFEST;
  }
}
