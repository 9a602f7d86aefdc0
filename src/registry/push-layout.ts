/**
 * Pushes an image from an OCI layout (what buildx's docker driver exports) to registries by
 * digest, with no tag: every blob (skipped when the repository has it, mounted when another
 * repository of the same registry got it earlier in this push, else uploaded as a stream), then
 * every manifest, children before the index that lists them, each PUT under its own digest.
 */
import { parseManifest } from '../oci/manifest.js';
import type { ImageSource } from '../oci/source.js';
import type { RegistryClient } from './client.js';
import { deferredStream, ensureBlob } from './blob-copy.js';
import { limiter } from '../util/pool.js';

export interface PushTarget {
  client: RegistryClient;
  repository: string;
  /** `localhost:5000/legs/app`: named in errors and in the log. */
  name: string;
}

/** What one target got. */
export interface TargetPush {
  name: string;
  uploaded: number;
  uploadedBytes: number;
  /** Blob digests linked from another repository, with that repository. */
  mounted: number;
  /** Blobs the repository had already. */
  existing: number;
  manifests: number;
}

export interface LayoutContent {
  /** Config and layer blobs (attestations' too), each once. */
  blobs: { digest: string; size: number }[];
  /** Manifests and indexes, those an index lists before it; the top one last. */
  manifests: { digest: string; mediaType: string; body: Buffer }[];
}

/** Uploads at most this many blobs of one repository at once. */
export const UPLOAD_CONCURRENCY = 4;

/** Everything the manifest or index `digest` reaches in `source`. */
export async function layoutContent(source: ImageSource, digest: string): Promise<LayoutContent> {
  const content: LayoutContent = { blobs: [], manifests: [] };
  const seenBlobs = new Set<string>();
  const seenManifests = new Set<string>();
  const visit = async (manifestDigest: string): Promise<void> => {
    if (seenManifests.has(manifestDigest)) return;
    seenManifests.add(manifestDigest);
    const fetched = await source.manifest(manifestDigest);
    const parsed = parseManifest(fetched.body, `${source.name}@${manifestDigest}`, fetched.mediaType);
    if (parsed.kind === 'index') {
      for (const child of parsed.manifests) await visit(child.digest);
    } else {
      for (const blob of [parsed.config, ...parsed.layers]) {
        if (seenBlobs.has(blob.digest)) continue;
        seenBlobs.add(blob.digest);
        content.blobs.push({ digest: blob.digest, size: blob.size });
      }
    }
    content.manifests.push({ digest: fetched.digest, mediaType: parsed.mediaType, body: fetched.body });
  };
  await visit(digest);
  return content;
}

/**
 * Pushes `content` to each target in turn, so that a later target on the same registry mounts
 * the blobs of an earlier one instead of uploading them again.
 */
export async function pushLayoutContent(
  source: ImageSource,
  content: LayoutContent,
  targets: readonly PushTarget[],
): Promise<TargetPush[]> {
  const results: TargetPush[] = [];
  for (const [i, target] of targets.entries()) {
    const sameRegistry = targets.slice(0, i).filter((t) => t.client.host === target.client.host);
    results.push(await pushToTarget(source, content, target, sameRegistry));
  }
  return results;
}

async function pushToTarget(
  source: ImageSource,
  content: LayoutContent,
  target: PushTarget,
  mountFrom: readonly PushTarget[],
): Promise<TargetPush> {
  const { client, repository, name } = target;
  const result: TargetPush = { name, uploaded: 0, uploadedBytes: 0, mounted: 0, existing: 0, manifests: 0 };
  const context = { image: name };
  const limit = limiter(UPLOAD_CONCURRENCY);
  const mountFromRepositories = mountFrom.map((t) => t.repository);
  await Promise.all(
    content.blobs.map((blob) =>
      limit(async () => {
        const presence = await ensureBlob({
          client,
          repository,
          digest: blob.digest,
          size: blob.size,
          mountFrom: mountFromRepositories,
          open: () => deferredStream(() => source.blobStream(blob.digest)),
          image: name,
        });
        if (presence === 'existing') result.existing++;
        else if (presence === 'mounted') result.mounted++;
        else {
          result.uploaded++;
          result.uploadedBytes += blob.size;
        }
      }),
    ),
  );
  // In order: a registry may refuse an index whose manifests it does not have yet.
  for (const manifest of content.manifests) {
    await client.putManifest(repository, manifest.digest, manifest.body, manifest.mediaType, context);
    result.manifests++;
  }
  return result;
}
