/**
 * Index, manifest and config JSON turned into data: pure parsing with errors that name where
 * the bytes came from. Walking an image through a source is image/load.ts's.
 */
import type { HistoryEntry } from './history.js';
import { jsonSyntaxWhere } from '../util/json.js';
import { ActionError } from '../util/errors.js';
import type { Descriptor, PlatformSpec } from './descriptor.js';
import {
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_MANIFEST,
  isIndex,
  isManifest,
} from './media-types.js';

/** Registries must accept manifests up to 4 MiB (distribution spec); nothing real is larger. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Configs carry the history and env; a few hundred kB is already extreme. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** Bytes that are not the JSON they claim to be. The message starts with where they came from. */
export class ManifestError extends ActionError {
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
  /** `config.Labels` whose values are strings (others are left out: labels are no reason to fail). */
  labels?: Record<string, string>;
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
  const labels = stringEntries(isObject(json.config) ? json.config.Labels : undefined);
  return {
    ...(os !== undefined && { os }),
    ...(architecture !== undefined && { architecture }),
    ...(variant !== undefined && { variant }),
    ...(created !== undefined && { created }),
    history,
    diffIds,
    ...(labels && { labels }),
  };
}

/** The string-valued entries of an object (no prototype keys), or undefined when there are none. */
function stringEntries(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
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
