/**
 * An artifact (oci/artifact.ts) under a tag, read and written through the registry client:
 *  - read: the tag's manifest (one GET) and its one layer (one small blob GET);
 *  - write: the empty config when the repository lacks it (a HEAD), the content blob, and the
 *    manifest PUT under the tag. No referrers API, no subject: a plain tag, which every registry
 *    that stores images keeps.
 * What is under the tag and is not our artifact is reported as `foreign`, never changed here.
 */
import { Readable } from 'node:stream';
import {
  artifactLayer,
  artifactManifest,
  EMPTY_CONFIG,
  EMPTY_DESCRIPTOR,
  sha256Digest,
} from '../oci/artifact.js';
import { OCI_MANIFEST } from '../oci/media-types.js';
import type { RegistryClient } from './client.js';
import { isNotFound } from './errors.js';

/** Content larger than this under our tag is not ours (a history of 10,000 records is about 3 MB). */
export const MAX_ARTIFACT_BYTES = 8 * 1024 * 1024;

export type ArtifactRead =
  | { status: 'absent' }
  | { status: 'found'; digest: string; content: Buffer }
  | { status: 'foreign'; digest: string; reason: string };

export interface ArtifactLocation {
  client: RegistryClient;
  repository: string;
  tag: string;
  artifactType: string;
  /** How the tag is named in errors: `localhost:5000/acme/app:shipshape-history`. */
  image: string;
}

/** What the tag holds: nothing, our artifact's content, or something else. */
export async function readArtifact(at: ArtifactLocation): Promise<ArtifactRead> {
  let manifest;
  try {
    manifest = await at.client.manifest(at.repository, at.tag, { image: at.image });
  } catch (error) {
    if (isNotFound(error)) return { status: 'absent' };
    throw error;
  }
  const found = artifactLayer(manifest.body, manifest.mediaType, at.artifactType);
  if ('foreign' in found) return { status: 'foreign', digest: manifest.digest, reason: found.foreign };
  if (found.layer.size > MAX_ARTIFACT_BYTES) {
    return {
      status: 'foreign',
      digest: manifest.digest,
      reason: `its layer is ${found.layer.size} bytes, more than the ${MAX_ARTIFACT_BYTES} a history may have`,
    };
  }
  const content = await at.client.blob(at.repository, found.layer.digest, { image: at.image });
  return { status: 'found', digest: manifest.digest, content };
}

/** The digest the tag points to now, or undefined when there is no such tag (one HEAD). */
export async function tagDigest(at: ArtifactLocation): Promise<string | undefined> {
  try {
    return (await at.client.headManifest(at.repository, at.tag, { image: at.image })).digest;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The blobs of an artifact holding `content`, uploaded; returns the manifest to PUT (not yet PUT). */
export async function uploadArtifactBlobs(at: ArtifactLocation, content: Buffer): Promise<Buffer> {
  const context = { image: at.image };
  const { client, repository } = at;
  if (!(await client.hasBlob(repository, EMPTY_DESCRIPTOR.digest, context))) {
    await client.uploadBlob(
      repository,
      EMPTY_DESCRIPTOR.digest,
      EMPTY_CONFIG.length,
      () => Readable.from([EMPTY_CONFIG]),
      context,
    );
  }
  await client.uploadBlob(
    repository,
    sha256Digest(content),
    content.length,
    () => Readable.from([content]),
    context,
  );
  return artifactManifest(at.artifactType, content);
}

/** PUTs the manifest under the tag; returns its digest. */
export function putArtifactManifest(at: ArtifactLocation, manifest: Buffer): Promise<string> {
  return at.client.putManifest(at.repository, at.tag, manifest, OCI_MANIFEST, { image: at.image });
}
