/**
 * One multi-platform OCI index from the legs' manifests, as `docker buildx imagetools create`
 * makes it: a leg is a single-platform manifest (its platform read from its config) or an
 * index of platform manifests and the attestation manifests that belong to them. Each platform
 * must come from one leg only. Pure: the manifests are fetched by the caller.
 */
import { StepError } from '../util/errors.js';
import { createHash } from 'node:crypto';
import { type ParsedManifest } from '../oci/manifest.js';
import { isIndex, isManifest, OCI_INDEX } from '../oci/media-types.js';
import { isAttestation } from '../oci/platform.js';
import { platformName, type Descriptor, type PlatformSpec } from '../oci/descriptor.js';

export interface FetchedLeg {
  /** The digest the leg reported. */
  digest: string;
  mediaType: string;
  /** The exact bytes of the leg's manifest or index. */
  body: Buffer;
  parsed: ParsedManifest;
  /** For a single-platform manifest: the platform its config names. */
  configPlatform?: PlatformSpec;
}

/** A manifest the merged index lists, with the leg it came from. */
export interface IndexEntry {
  leg: string;
  descriptor: Descriptor;
  /** The descriptor as it will be written (a leg index's own JSON, unknown fields kept). */
  json: Record<string, unknown>;
  /** undefined for an attestation manifest. */
  platform?: string;
}

export interface IndexPlan {
  /** The index's bytes, as they are PUT (the digest is their sha256). */
  body: Buffer;
  digest: string;
  mediaType: typeof OCI_INDEX;
  /** What the index references: platform manifests, then attestation manifests. */
  entries: IndexEntry[];
  /** `linux/amd64`, `linux/arm64`, in the index's order. */
  platforms: string[];
}

export class MergeError extends StepError {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

const REFERENCE_DIGEST = 'vnd.docker.reference.digest';

export function planIndex(legs: readonly FetchedLeg[]): IndexPlan {
  if (legs.length === 0) throw new MergeError('There are no leg digests to merge.');
  const all = legs.flatMap(legEntries);
  const platforms = all.filter((entry) => entry.platform !== undefined);
  checkEachPlatformOnce(platforms);

  // Sorted, so that the index (and its digest) does not depend on the order the legs were listed in.
  platforms.sort(
    (a, b) => compare(a.platform!, b.platform!) || compare(a.descriptor.digest, b.descriptor.digest),
  );
  const rank = new Map(platforms.map((entry, i) => [entry.descriptor.digest, i]));
  const attestations = all
    .filter((entry) => entry.platform === undefined)
    .map((entry, i) => ({ entry, i, of: rank.get(entry.descriptor.annotations?.[REFERENCE_DIGEST] ?? '') }))
    .sort((a, b) => (a.of ?? Infinity) - (b.of ?? Infinity) || a.i - b.i)
    .map(({ entry }) => entry);
  const entries = [...platforms, ...attestations];

  const body = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries.map((e) => e.json) }),
  );
  return {
    body,
    digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
    mediaType: OCI_INDEX,
    entries,
    platforms: platforms.map((entry) => entry.platform!),
  };
}

function legEntries(leg: FetchedLeg): IndexEntry[] {
  const { parsed } = leg;
  if (parsed.kind === 'manifest') {
    const spec = leg.configPlatform;
    if (!spec?.os || !spec.architecture) {
      throw new MergeError(
        `Leg ${leg.digest} is a manifest whose config names no platform (os and architecture): ` +
          'it cannot be placed in a multi-platform index.',
      );
    }
    const platform = {
      os: spec.os,
      architecture: spec.architecture,
      ...(spec.variant && { variant: spec.variant }),
    };
    const descriptor = { mediaType: leg.mediaType, digest: leg.digest, size: leg.body.length, platform };
    return [{ leg: leg.digest, descriptor, json: { ...descriptor }, platform: platformName(platform) }];
  }

  const raw = (JSON.parse(leg.body.toString('utf8')) as { manifests: Record<string, unknown>[] }).manifests;
  const entries = parsed.manifests.map((descriptor, i): IndexEntry => {
    const json = raw[i]!;
    if (isAttestation(descriptor)) return { leg: leg.digest, descriptor, json };
    if (isIndex(descriptor.mediaType)) {
      throw new MergeError(
        `Leg ${leg.digest} is an index that holds another index (${descriptor.digest}): ` +
          'give the digests of the platform images instead.',
      );
    }
    if (!isManifest(descriptor.mediaType) || !descriptor.platform) {
      throw new MergeError(
        `Leg ${leg.digest} holds ${descriptor.digest} (${descriptor.mediaType}), which is neither an image ` +
          'with a platform nor an attestation manifest.',
      );
    }
    return { leg: leg.digest, descriptor, json, platform: platformName(descriptor.platform) };
  });
  if (!entries.some((entry) => entry.platform !== undefined)) {
    throw new MergeError(`Leg ${leg.digest} is an index with no image platform (only attestations).`);
  }
  return entries;
}

// The variant a platform has when it names none (containerd's normalisation): linux/arm64 is linux/arm64/v8.
const DEFAULT_VARIANT: Record<string, string> = { arm64: 'v8', arm: 'v7', amd64: 'v1' };

function platformKey(platform: PlatformSpec): string {
  const variant = platform.variant ?? DEFAULT_VARIANT[platform.architecture] ?? '';
  return `${platform.os}/${platform.architecture}/${variant}`;
}

function checkEachPlatformOnce(platforms: readonly IndexEntry[]): void {
  const byKey = new Map<string, IndexEntry[]>();
  for (const entry of platforms) {
    const key = platformKey(entry.descriptor.platform!);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const duplicates = [...byKey.values()].filter((entries) => entries.length > 1);
  if (duplicates.length === 0) return;
  const lines = duplicates.map(
    (entries) =>
      `${entries[0]!.platform} is in ${entries.length} legs: ` +
      entries
        .map((e) => (e.leg === e.descriptor.digest ? e.leg : `${e.descriptor.digest} (in leg ${e.leg})`))
        .join(', '),
  );
  throw new MergeError(
    `Each platform must come from one leg, and ${lines.length === 1 ? 'one does' : 'some do'} not:\n` +
      `${lines.map((l) => `  ${l}`).join('\n')}\nNothing was pushed. Check the platforms of the matrix legs ` +
      'and that each leg uploaded only its own digest.',
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
