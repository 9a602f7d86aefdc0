/**
 * Index, manifest and config JSON turned into the image model: pure parsing with errors that
 * name where the bytes came from, platform selection, and `loadImage`, which walks
 * index -> platform manifests -> configs through an ImageSource.
 */
import { layerHistory, type HistoryEntry } from './history.js';
import { jsonSyntaxWhere } from '../util/json.js';
import {
  platformName,
  type Descriptor,
  type Image,
  type Layer,
  type PlatformImage,
  type PlatformSpec,
} from './model.js';
import type { FetchedManifest, ImageSource } from './source.js';
import {
  DOCKER_CONFIG,
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_MANIFEST,
  isIndex,
  isManifest,
} from '../registry/media-types.js';

/** Registries must accept manifests up to 4 MiB (distribution spec); nothing real is larger. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Configs carry the history and env; a few hundred kB is already extreme. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** How many manifests and configs are fetched at once. */
export const DEFAULT_CONCURRENCY = 4;
// An index may point to indexes; an absurd depth (a hostile source) is an error, not a hang.
const MAX_INDEX_DEPTH = 4;

/** Bytes that are not the JSON they claim to be. The message starts with where they came from. */
export class ManifestError extends Error {
  constructor(
    /** Where the bytes came from: `localhost:5000/app:1, manifest sha256:...`. */
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ManifestError';
  }
}

/** Bytes that are a manifest, but of no image: an artifact, or an index of attestations only. */
export class NotAnImageError extends ManifestError {
  constructor(source: string, reason: string) {
    super(source, reason);
    this.name = 'NotAnImageError';
  }
}

/** A platform filter that matches none of the platforms the image has. */
export class PlatformNotFoundError extends Error {
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

/** A platform filter entry that is not `os/arch[/variant]`. */
export class PlatformSyntaxError extends Error {
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a platform: expected os/arch[/variant], like linux/amd64`);
    this.name = 'PlatformSyntaxError';
  }
}

export interface ImageIndex {
  kind: 'index';
  /** OCI index or Docker manifest list. */
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  kind: 'manifest';
  /** OCI image manifest or Docker v2 schema 2 manifest. */
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export type ParsedManifest = ImageIndex | ImageManifest;

/** The parts of an image config the model uses. */
export interface ImageConfig {
  os?: string;
  architecture?: string;
  variant?: string;
  created?: string;
  history: HistoryEntry[];
  /** `rootfs.diff_ids`: the sha256 of each layer's uncompressed tar. */
  diffIds: string[];
}

// The OCI digest grammar; sha256/sha512 are further held to their hex length.
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

/** Whether `value` is a well-formed digest (`sha256:` + 64 lowercase hex, or another algorithm). */
export function isDigest(value: string): boolean {
  if (!DIGEST.test(value)) return false;
  const [algorithm, encoded] = value.split(':', 2) as [string, string];
  const length = HEX_LENGTH[algorithm];
  return length === undefined || (encoded.length === length && /^[0-9a-f]+$/.test(encoded));
}

/**
 * An index or manifest from its bytes. The kind comes from the body's `mediaType`, else from
 * `mediaType` (the Content-Type it was served with), else from its shape (OCI allows omitting it).
 */
export function parseManifest(body: Buffer | string, source: string, mediaType?: string): ParsedManifest {
  const json = parseJson(body, source, 'manifest', MAX_MANIFEST_BYTES);
  const fields = new Fields(json, source);
  const schemaVersion = json.schemaVersion;
  if (schemaVersion === 1) {
    throw new ManifestError(
      source,
      'is a Docker schema 1 manifest, which is not supported (deprecated since 2017: push the image again)',
    );
  }
  if (schemaVersion !== 2) {
    throw new ManifestError(source, `schemaVersion must be 2, got ${kindOf(schemaVersion)}`);
  }
  const declared = fields.optionalString('mediaType');
  const type = declared ?? knownType(mediaType) ?? (Array.isArray(json.manifests) ? OCI_INDEX : OCI_MANIFEST);
  const annotations = fields.optionalStringMap('annotations');
  if (isIndex(type)) {
    const manifests = fields.array('manifests').map((_, i) => fields.descriptor(`manifests[${i}]`));
    return { kind: 'index', mediaType: type, manifests, ...(annotations && { annotations }) };
  }
  if (isManifest(type)) {
    const config = fields.descriptor('config');
    const layers = fields.array('layers').map((_, i) => fields.descriptor(`layers[${i}]`));
    return { kind: 'manifest', mediaType: type, config, layers, ...(annotations && { annotations }) };
  }
  throw new NotAnImageError(
    source,
    `has media type ${type}, which is not an image index or manifest (${[OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ')})`,
  );
}

function knownType(mediaType: string | undefined): string | undefined {
  return mediaType && (isIndex(mediaType) || isManifest(mediaType)) ? mediaType : undefined;
}

/** An image config (OCI or Docker) from its bytes: platform, history, diff IDs. */
export function parseImageConfig(body: Buffer | string, source: string): ImageConfig {
  const json = parseJson(body, source, 'config', MAX_CONFIG_BYTES);
  const fields = new Fields(json, source);
  const os = fields.optionalString('os');
  const architecture = fields.optionalString('architecture');
  const variant = fields.optionalString('variant');
  const created = fields.optionalString('created');
  const history = (fields.optionalArray('history') ?? []).map((_, i) => {
    const entry = fields.at(`history[${i}]`);
    const createdBy = entry.optionalString('created_by');
    const entryCreated = entry.optionalString('created');
    const comment = entry.optionalString('comment');
    return {
      ...(entryCreated !== undefined && { created: entryCreated }),
      ...(createdBy !== undefined && { createdBy }),
      ...(comment !== undefined && { comment }),
      emptyLayer: entry.optionalBoolean('empty_layer') ?? false,
    };
  });
  const rootfs = json.rootfs === undefined ? undefined : fields.at('rootfs');
  const diffIds = (rootfs?.optionalArray('diff_ids') ?? []).map((_, i) => rootfs!.string(`diff_ids[${i}]`));
  return {
    ...(os !== undefined && { os }),
    ...(architecture !== undefined && { architecture }),
    ...(variant !== undefined && { variant }),
    ...(created !== undefined && { created }),
    history,
    diffIds,
  };
}

function parseJson(
  body: Buffer | string,
  source: string,
  what: string,
  maxBytes: number,
): Record<string, unknown> {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (size > maxBytes) {
    throw new ManifestError(source, `${what} is ${size} bytes, more than the ${maxBytes} a ${what} may have`);
  }
  const text = typeof body === 'string' ? body : body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Where, never what: V8's message quotes the bytes, and they may come from any file.
    throw new ManifestError(source, `${what} is not valid JSON${jsonSyntaxWhere(error, text)}`);
  }
  if (!isObject(json)) throw new ManifestError(source, `${what} must be a JSON object, got ${kindOf(json)}`);
  return json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a value is; a number or boolean as it is, a string by its length only: the bytes may come
 * from any file an OCI layout path led to, and a string there may be a secret.
 */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return `${typeof value} ${String(value)}`;
}

/** Typed reads of a JSON object; errors name the field's path (`manifests[2].digest`). */
class Fields {
  constructor(
    private readonly object: Record<string, unknown>,
    private readonly source: string,
    private readonly path = '',
  ) {}

  private fail(key: string, expected: string, value: unknown): never {
    throw new ManifestError(this.source, `${this.path}${key} must be ${expected}, got ${kindOf(value)}`);
  }

  private value(key: string): unknown {
    // `a[2]` reads index 2 of array `a`.
    const item = /^(.*)\[(\d+)\]$/.exec(key);
    if (!item) return this.object[key];
    const array = this.object[item[1]!];
    return Array.isArray(array) ? array[Number(item[2])] : undefined;
  }

  at(key: string): Fields {
    const value = this.value(key);
    if (!isObject(value)) this.fail(key, 'an object', value);
    return new Fields(value, this.source, `${this.path}${key}.`);
  }

  string(key: string): string {
    const value = this.value(key);
    if (typeof value !== 'string') this.fail(key, 'a string', value);
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.value(key) === undefined ? undefined : this.string(key);
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === 'boolean') return value;
    this.fail(key, 'true or false', value);
  }

  array(key: string): unknown[] {
    const value = this.value(key);
    if (!Array.isArray(value)) this.fail(key, 'an array', value);
    return value;
  }

  optionalArray(key: string): unknown[] | undefined {
    const value = this.value(key);
    // Go's encoders write a nil slice as null: the same as absent.
    return value === undefined || value === null ? undefined : this.array(key);
  }

  optionalStringMap(key: string): Record<string, string> | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
      this.fail(key, 'an object of strings', value);
    }
    return value as Record<string, string>;
  }

  descriptor(key: string): Descriptor {
    const fields: Fields = this.at(key);
    const mediaType = fields.string('mediaType');
    const digest = fields.string('digest');
    if (!isDigest(digest)) fields.fail('digest', 'a digest (algorithm:hex)', digest);
    const size = fields.value('size');
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      fields.fail('size', 'a byte count (an integer >= 0)', size);
    }
    const platform = fields.value('platform') === undefined ? undefined : fields.platform('platform');
    const annotations = fields.optionalStringMap('annotations');
    return {
      mediaType,
      digest,
      size,
      ...(platform && { platform }),
      ...(annotations && { annotations }),
    };
  }

  private platform(key: string): PlatformSpec {
    const fields = this.at(key);
    const os = fields.string('os');
    const architecture = fields.string('architecture');
    const variant = fields.optionalString('variant');
    return { os, architecture, ...(variant && { variant }) };
  }
}

// --- Platforms ---

const ATTESTATION_TYPE = 'vnd.docker.reference.type';

/** BuildKit's attestation manifests (provenance, SBOM) ride in the index but are no platform. */
export function isAttestation(descriptor: Descriptor): boolean {
  if (descriptor.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest') return true;
  return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}

/** `linux/arm64/v8` -> { os, architecture, variant }; throws PlatformSyntaxError. */
export function parsePlatform(text: string): PlatformSpec {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '' || /\s/.test(part))) {
    throw new PlatformSyntaxError(text);
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return { os, architecture, ...(variant && { variant }) };
}

/** A platform filter from a list whose items may themselves be comma-separated. Empty = everything. */
export function parsePlatformFilter(list: readonly string[]): PlatformSpec[] {
  return list
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(parsePlatform);
}

// The variant a platform has when it names none (containerd's normalisation).
const DEFAULT_VARIANT: Record<string, string> = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
const ARCHITECTURE_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };

function normalize(spec: PlatformSpec): { os: string; architecture: string; variant?: string } {
  const architecture = spec.architecture.toLowerCase();
  return {
    os: spec.os.toLowerCase(),
    architecture: ARCHITECTURE_ALIASES[architecture] ?? architecture,
    variant: spec.variant?.toLowerCase(),
  };
}

/**
 * Whether an image platform satisfies one filter entry. A filter without a variant takes any
 * variant (`linux/arm64` matches `linux/arm64/v8`); with one, the image's variant (or its
 * architecture's default: arm64 v8, arm v7, amd64 v1) must be equal.
 */
export function platformMatches(wanted: PlatformSpec, actual: PlatformSpec): boolean {
  const want = normalize(wanted);
  const have = normalize(actual);
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  if (want.variant === undefined) return true;
  return want.variant === (have.variant ?? DEFAULT_VARIANT[have.architecture]);
}

function matchesAny(filter: readonly PlatformSpec[], actual: PlatformSpec): boolean {
  return filter.length === 0 || filter.some((wanted) => platformMatches(wanted, actual));
}

/** The image platforms of an index (attestations left out), those `filter` keeps (all when empty). */
export function selectPlatforms(index: ImageIndex, filter: readonly PlatformSpec[] = []): Descriptor[] {
  return index.manifests.filter(
    (descriptor) =>
      !isAttestation(descriptor) &&
      isManifest(descriptor.mediaType) &&
      descriptor.platform !== undefined &&
      matchesAny(filter, descriptor.platform),
  );
}

// --- Loading an image through a source ---

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
      if (nested.kind !== 'index') return [{ digest: descriptor.digest, manifest: nested }];
      return platformCandidates(source, nested, filter, depth + 1);
    }
    // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
    if (!isManifest(descriptor.mediaType)) return [];
    if (descriptor.platform && !matchesAny(filter, descriptor.platform)) return [];
    return [{ digest: descriptor.digest, descriptor }];
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
  return {
    spec,
    platform: {
      platform: platformName(spec),
      manifestDigest: candidate.digest,
      configDigest: manifest.config.digest,
      layers,
      compressed: layers.reduce((sum, layer) => sum + layer.compressed, 0),
    },
  };
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
