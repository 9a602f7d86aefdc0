/**
 * The merge's registry side: find each leg's manifest in the images' repositories and read
 * what the index needs (read only, so a mistake stops the merge before anything is written),
 * then make every manifest the index references present in each repository it is pushed to
 * (cross-repository blob mounts on one registry, streamed copies between registries) and PUT
 * the index under its tags.
 */
import type { RegistryClient } from '../registry/client.js';
import { deferredStream, ensureBlob } from '../registry/blob-copy.js';
import { connect, type ConnectOptions } from '../registry/connect.js';
import { isNotFound } from '../registry/errors.js';
import { isNondistributable } from '../oci/media-types.js';
import { parseImageConfig, parseManifest } from '../oci/manifest.js';
import type { FetchedManifest } from '../oci/source.js';
import { limiter } from '../util/pool.js';
import { MergeError, type FetchedLeg, type IndexPlan } from './index-plan.js';
import type { Descriptor } from '../oci/descriptor.js';

export interface Repository {
  /** `localhost:5000/merge/app`, as the user named it. */
  name: string;
  /** The API host: two repositories on one host can mount each other's blobs. */
  host: string;
  /** The path on the registry: `merge/app`. */
  path: string;
  client: RegistryClient;
}

export async function openRepositories(
  names: readonly string[],
  options: ConnectOptions,
): Promise<Repository[]> {
  return Promise.all(
    names.map(async (name) => {
      const { client, reference } = await connect(name, options);
      return { name, host: reference.apiHost, path: reference.repository, client };
    }),
  );
}

/** A leg as read from the registry, with the repository that holds it and its manifests. */
export interface LocatedLeg extends FetchedLeg {
  source: Repository;
}

/**
 * Each digest's manifest, from the first repository that has it; for a single-platform
 * manifest its config too (for the platform), for an index every manifest it lists (so that a
 * leg with missing parts fails here, before the merge writes anything).
 */
export async function readLegs(
  digests: readonly string[],
  repositories: readonly Repository[],
): Promise<LocatedLeg[]> {
  return Promise.all(
    digests.map(async (digest) => {
      const { source, manifest } = await locate(digest, repositories);
      const where = `${source.name}@${digest}`;
      const parsed = parseManifest(manifest.body, where, manifest.mediaType);
      const leg: LocatedLeg = { digest, mediaType: manifest.mediaType, body: manifest.body, parsed, source };
      if (parsed.kind === 'manifest') {
        const config = parseImageConfig(
          await source.client.blob(source.path, parsed.config.digest, { image: where }),
          `${where}, config ${parsed.config.digest}`,
        );
        if (config.os && config.architecture) {
          leg.configPlatform = {
            os: config.os,
            architecture: config.architecture,
            ...(config.variant && { variant: config.variant }),
          };
        }
      } else {
        await Promise.all(parsed.manifests.map((d) => source.client.headManifest(source.path, d.digest)));
      }
      return leg;
    }),
  );
}

async function locate(
  digest: string,
  repositories: readonly Repository[],
): Promise<{ source: Repository; manifest: FetchedManifest }> {
  for (const repository of repositories) {
    try {
      return { source: repository, manifest: await repository.client.manifest(repository.path, digest) };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  throw new MergeError(
    `Leg digest ${digest} is in none of the images' repositories (${repositories.map((r) => r.name).join(', ')}). ` +
      'The legs push by digest to an image that the merge names in "images" (or in full-reference "tags").',
  );
}

// Blobs copied at once into one repository.
const BLOB_CONCURRENCY = 4;

/**
 * Makes the manifests the index lists (and their configs and layers) present in `target`:
 * nothing to do where the leg was pushed; otherwise mounted from the leg's repository on the
 * same registry, or streamed from it to another registry. Returns the number of blobs copied.
 */
export async function bringLegsInto(
  target: Repository,
  plan: IndexPlan,
  legs: readonly LocatedLeg[],
  log: (line: string) => void,
): Promise<number> {
  const sourceOf = new Map(legs.map((leg) => [leg.digest, leg.source]));
  let copied = 0;
  for (const entry of plan.entries) {
    const source = sourceOf.get(entry.leg)!;
    if (source === target || (await hasManifest(target, entry.descriptor.digest))) continue;
    const manifest = await source.client.manifest(source.path, entry.descriptor.digest);
    const parsed = parseManifest(manifest.body, `${source.name}@${manifest.digest}`, manifest.mediaType);
    if (parsed.kind !== 'manifest')
      throw new MergeError(`${source.name}@${manifest.digest} is not a manifest.`);
    const limit = limiter(BLOB_CONCURRENCY);
    const blobs = [parsed.config, ...parsed.layers].filter((d) => !isNondistributable(d.mediaType));
    const counts = await Promise.all(blobs.map((blob) => limit(() => copyBlob(blob, source, target))));
    copied += counts.reduce((a, b) => a + b, 0);
    await target.client.putManifest(target.path, manifest.digest, manifest.body, manifest.mediaType, {
      image: `${target.name}@${manifest.digest}`,
    });
    log(
      `Copied ${entry.platform ?? 'attestation'} manifest ${manifest.digest} from ${source.name} to ${target.name}`,
    );
  }
  return copied;
}

async function hasManifest(repository: Repository, digest: string): Promise<boolean> {
  try {
    await repository.client.headManifest(repository.path, digest);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** 1 when the blob's bytes were sent, 0 when it was there already or mounted. */
async function copyBlob(blob: Descriptor, source: Repository, target: Repository): Promise<number> {
  const presence = await ensureBlob({
    client: target.client,
    repository: target.path,
    digest: blob.digest,
    size: blob.size,
    mountFrom: source.host === target.host ? [source.path] : [],
    open: () => deferredStream(() => source.client.blobStream(source.path, blob.digest, { size: blob.size })),
    image: `${target.name}@${blob.digest}`,
  });
  return presence === 'uploaded' ? 1 : 0;
}

/** PUTs the index under each of the repository's tags. */
export async function tagIndex(
  repository: Repository,
  plan: IndexPlan,
  tags: readonly string[],
): Promise<void> {
  for (const tag of tags) {
    const digest = await repository.client.putManifest(repository.path, tag, plan.body, plan.mediaType, {
      image: `${repository.name}:${tag}`,
    });
    if (digest && digest !== plan.digest) {
      throw new MergeError(
        `${repository.name}:${tag}: the registry stored the index as ${digest}, not ${plan.digest}.`,
      );
    }
  }
}
