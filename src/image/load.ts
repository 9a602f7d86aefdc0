/**
 * `loadImage`: an image walked through an ImageSource, index -> platform manifests -> configs,
 * into the image model (model.ts). The parsing is oci/'s; this is the walk.
 */
import { ActionError } from '../util/errors.js';
import type { Descriptor, PlatformSpec } from '../oci/descriptor.js';
import { platformName } from '../oci/descriptor.js';
import {
  MAX_CONFIG_BYTES,
  ManifestError,
  NotAnImageError,
  parseImageConfig,
  parseManifest,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type ParsedManifest,
} from '../oci/manifest.js';
import { isAttestation, matchesAny, parsePlatformFilter } from '../oci/platform.js';
import { DOCKER_CONFIG, OCI_CONFIG, isIndex, isManifest } from '../oci/media-types.js';
import { layerHistory } from '../oci/history.js';
import type { FetchedManifest, ImageSource } from '../oci/source.js';
import type { DeclaredBase, Image, Layer, PlatformImage } from './model.js';

/** How many manifests and configs are fetched at once. */
export const DEFAULT_CONCURRENCY = 4;
// An index may point to indexes; an absurd depth (a hostile source) is an error, not a hang.
const MAX_INDEX_DEPTH = 4;

/** A platform filter that matches none of the platforms the image has. */
export class PlatformNotFoundError extends ActionError {
  constructor(
    readonly image: string,
    readonly wanted: string[],
    readonly available: string[],
  ) {
    super(
      `${image} has no platform matching ${wanted.join(', ')}; it has ` +
        (available.length ? available.join(', ') : 'no image platforms'),
    );
    this.name = 'PlatformNotFoundError';
  }
}

export interface LoadImageOptions {
  /** `linux/amd64`, `linux/arm64` (items may be comma-separated). Empty or absent: every platform. */
  platforms?: readonly string[];
  /** Manifests and configs fetched at once; DEFAULT_CONCURRENCY when absent. */
  concurrency?: number;
}

/**
 * The image `reference` names in `source`: the index (nested indexes included) walked to its
 * platform manifests and their configs, attestations left out, the platform filter applied.
 * Platforms keep the index's order. Throws PlatformNotFoundError when the filter keeps nothing.
 */
export async function loadImage(
  source: ImageSource,
  reference: string,
  options: LoadImageOptions = {},
): Promise<Image> {
  const filter = parsePlatformFilter(options.platforms ?? []);
  source = bounded(source, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const top = await source.manifest(reference);
  const parsed = parseManifest(top.body, where(source, 'manifest', top.digest), top.mediaType);

  const candidates: Candidate[] =
    parsed.kind === 'manifest'
      ? [{ digest: top.digest, manifest: parsed }]
      : await platformCandidates(source, parsed, filter);

  const loaded = await Promise.all(candidates.map((candidate) => loadPlatform(source, candidate)));
  const images = loaded.filter((image): image is LoadedPlatform => image !== undefined);
  const platforms = images.filter((image) => matchesAny(filter, image.spec)).map((image) => image.platform);

  if (platforms.length === 0) {
    if (filter.length === 0) {
      throw new NotAnImageError(
        where(source, 'manifest', top.digest),
        'has no image platforms (only attestations or artifacts)',
      );
    }
    const available = [
      ...(parsed.kind === 'index' ? await allPlatformNames(source, parsed) : []),
      ...images.map((image) => image.platform.platform),
    ];
    throw new PlatformNotFoundError(source.name, filter.map(platformName), [...new Set(available)]);
  }
  return { ref: source.name, digest: top.digest, mediaType: parsed.mediaType, platforms };
}

/** A platform manifest to load: by descriptor from an index, or already fetched (a lone manifest). */
interface Candidate {
  digest: string;
  descriptor?: Descriptor;
  manifest?: ImageManifest;
  /** The annotations of the index that names the manifest. */
  indexAnnotations?: Record<string, string>;
}

interface LoadedPlatform {
  spec: PlatformSpec;
  platform: PlatformImage;
}

function where(source: ImageSource, what: string, digest: string): string {
  return `${source.name}, ${what} ${digest}`;
}

/**
 * The image manifests of an index and of the indexes it points to, in order. Those whose
 * descriptor names a platform are filtered here, before any fetch; those without one are kept,
 * to be filtered once their config tells the platform.
 */
async function platformCandidates(
  source: ImageSource,
  index: ImageIndex,
  filter: readonly PlatformSpec[],
  depth = 0,
): Promise<Candidate[]> {
  const walk = async (descriptor: Descriptor): Promise<Candidate[]> => {
    if (isAttestation(descriptor)) return [];
    if (isIndex(descriptor.mediaType)) {
      if (depth + 1 >= MAX_INDEX_DEPTH) {
        throw new ManifestError(
          where(source, 'index', descriptor.digest),
          `indexes nest more than ${MAX_INDEX_DEPTH} deep`,
        );
      }
      const nested = await fetchManifest(source, descriptor);
      if (nested.kind !== 'index')
        return [{ digest: descriptor.digest, manifest: nested, indexAnnotations: index.annotations }];
      return platformCandidates(source, nested, filter, depth + 1);
    }
    // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
    if (!isManifest(descriptor.mediaType)) return [];
    if (descriptor.platform && !matchesAny(filter, descriptor.platform)) return [];
    return [{ digest: descriptor.digest, descriptor, indexAnnotations: index.annotations }];
  };
  return (await Promise.all(index.manifests.map(walk))).flat();
}

/** Names of every image platform an index declares, nested indexes included (for errors). */
async function allPlatformNames(source: ImageSource, index: ImageIndex, depth = 0): Promise<string[]> {
  const names: string[] = [];
  for (const descriptor of index.manifests) {
    if (isAttestation(descriptor)) continue;
    if (isIndex(descriptor.mediaType) && depth + 1 < MAX_INDEX_DEPTH) {
      const nested = await fetchManifest(source, descriptor);
      if (nested.kind === 'index') names.push(...(await allPlatformNames(source, nested, depth + 1)));
    } else if (descriptor.platform) {
      names.push(platformName(descriptor.platform));
    }
  }
  return names;
}

/** A manifest by descriptor, held to the descriptor's digest and size. */
async function fetchManifest(source: ImageSource, descriptor: Descriptor): Promise<ParsedManifest> {
  const fetched: FetchedManifest = await source.manifest(descriptor.digest);
  const origin = where(source, 'manifest', descriptor.digest);
  if (fetched.digest !== descriptor.digest) {
    throw new ManifestError(origin, `the source returned ${fetched.digest} instead`);
  }
  if (fetched.body.length !== descriptor.size) {
    throw new ManifestError(origin, `is ${fetched.body.length} bytes, the index says ${descriptor.size}`);
  }
  return parseManifest(fetched.body, origin, fetched.mediaType || descriptor.mediaType);
}

/** One platform: its manifest (fetched unless given) and config; undefined when it is no image. */
async function loadPlatform(source: ImageSource, candidate: Candidate): Promise<LoadedPlatform | undefined> {
  const manifest = candidate.manifest ?? (await fetchManifest(source, candidate.descriptor!));
  if (manifest.kind !== 'manifest') {
    throw new ManifestError(
      where(source, 'manifest', candidate.digest),
      `is an index, but the index that points to it says ${candidate.descriptor?.mediaType}`,
    );
  }
  // A manifest whose config is no image config is an artifact riding in the index.
  if (manifest.config.mediaType !== OCI_CONFIG && manifest.config.mediaType !== DOCKER_CONFIG)
    return undefined;

  const configOrigin = where(source, 'config', manifest.config.digest);
  if (manifest.config.size > MAX_CONFIG_BYTES) {
    throw new ManifestError(
      configOrigin,
      `config is ${manifest.config.size} bytes, more than the ${MAX_CONFIG_BYTES} a config may have`,
    );
  }
  const body = await source.blob(manifest.config.digest);
  if (body.length !== manifest.config.size) {
    throw new ManifestError(
      configOrigin,
      `is ${body.length} bytes, the manifest says ${manifest.config.size}`,
    );
  }
  const config = parseImageConfig(body, configOrigin);

  const spec = candidate.descriptor?.platform ?? configPlatform(config);
  if (spec.os === 'unknown' && spec.architecture === 'unknown') return undefined;
  const history = layerHistory(config.history, manifest.layers.length);
  const layers = manifest.layers.map((descriptor, i): Layer => {
    const createdBy = history[i]?.createdBy;
    return {
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      compressed: descriptor.size,
      ...(createdBy !== undefined && { createdBy }),
    };
  });
  const declaredBase =
    declared(manifest.annotations, 'annotation') ??
    declared(candidate.indexAnnotations, 'annotation') ??
    declared(config.labels, 'label');
  return {
    spec,
    platform: {
      platform: platformName(spec),
      manifestDigest: candidate.digest,
      configDigest: manifest.config.digest,
      layers,
      compressed: layers.reduce((sum, layer) => sum + layer.compressed, 0),
      ...(declaredBase && { declaredBase }),
    },
  };
}

const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';

/** The base image a set of annotations or labels names; undefined without a (non-blank) name. */
function declared(
  values: Record<string, string> | undefined,
  from: DeclaredBase['from'],
): DeclaredBase | undefined {
  const name = values && Object.hasOwn(values, BASE_NAME) ? values[BASE_NAME]!.trim() : '';
  if (name === '') return undefined;
  const digest = Object.hasOwn(values!, BASE_DIGEST) ? values![BASE_DIGEST]!.trim() : '';
  return { name, ...(digest !== '' && { digest }), from };
}

function configPlatform(config: ImageConfig): PlatformSpec {
  return {
    os: config.os ?? 'unknown',
    architecture: config.architecture ?? 'unknown',
    ...(config.variant && { variant: config.variant }),
  };
}

/**
 * The source with at most `limit` manifest and blob fetches running at once, however the walk
 * fans out (nested indexes included). Only the fetches wait for a slot, never a task that
 * itself fetches, so the walk cannot deadlock.
 */
function bounded(source: ImageSource, limit: number): ImageSource {
  let active = 0;
  const waiting: (() => void)[] = [];
  const run = async <T>(fetch: () => Promise<T>): Promise<T> => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over
    try {
      return await fetch();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
  return {
    name: source.name,
    manifest: (reference) => run(() => source.manifest(reference)),
    blob: (digest) => run(() => source.blob(digest)),
    blobStream: (digest, size) => source.blobStream(digest, size),
  };
}
