/**
 * The size history as plain data: one record per push of a tag others compare against (the
 * default branch, releases), kept in the registry beside the image (registry/artifact.ts holds
 * the bytes, steps/history.ts the appends). Here: the record, its JSON document read back and
 * checked field by field (anyone with push access to the repository may have written it), and
 * the list operations of a safe append: append, merge of two lists, dedupe by digest + ref, and
 * the bound to the last N records.
 */
import { parseJsonText } from '../util/json.js';
import type { SizeReport } from './size-report.js';

export const HISTORY_VERSION = 1;
/** How many records are kept by default (the `history-limit` input). */
export const DEFAULT_HISTORY_LIMIT = 200;
/** The most a limit may be: a record is about 300 bytes a platform, the document stays small. */
export const MAX_HISTORY_LIMIT = 10_000;

export interface HistoryPlatform {
  platform: string;
  compressed: number;
  uncompressed: number | null;
  wasted: number | null;
  layers: number;
  /**
   * The base image the push was built on, as its report named it: a later pull request's
   * report names the baseline's base from it (compare/base-image.ts). Absent in older records.
   */
  base?: { name: string; source: 'annotation' | 'dockerfile' | 'label' };
}

export interface HistoryRecord {
  /** When the push was reported, ISO 8601 (UTC). */
  time: string;
  /** The commit built (GITHUB_SHA). */
  commit: string;
  /** The git ref pushed: `refs/heads/main`, `refs/tags/v1.2.3`. */
  ref: string;
  /** The image's digest (its index, or its manifest for one platform). */
  digest: string;
  platforms: HistoryPlatform[];
}

export interface HistoryDocument {
  version: typeof HISTORY_VERSION;
  records: HistoryRecord[];
}

/** A history document that is not one we write: says where, never quotes the text. */
export class HistoryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFormatError';
  }
}

/** Two records are the same push when they have the same image digest and ref. */
export const recordKey = (record: Pick<HistoryRecord, 'digest' | 'ref'>): string =>
  `${record.digest} ${record.ref}`;

/** The record of a pushed image, from its size report. */
export function recordOf(
  report: SizeReport,
  push: { time: Date; commit: string; ref: string },
): HistoryRecord {
  return {
    time: push.time.toISOString(),
    commit: push.commit,
    ref: push.ref,
    digest: report.image.digest,
    platforms: report.platforms.map((p) => ({
      platform: p.platform,
      compressed: p.compressed,
      uncompressed: p.uncompressed,
      wasted: p.wasted,
      layers: p.layers.length,
      // A name too long to read back is left out (the record must stay one we can parse).
      ...(p.base?.source &&
        p.base.name.length <= MAX_TEXT && { base: { name: p.base.name, source: p.base.source } }),
    })),
  };
}

/**
 * Every record of the lists once (the first copy of a digest + ref wins: a later re-run of the
 * same push adds nothing), in time order (ties by key, so two writers merging the same records
 * write the same bytes), bounded to the last `limit`.
 */
export function mergeHistories(lists: readonly (readonly HistoryRecord[])[], limit: number): HistoryRecord[] {
  const seen = new Map<string, HistoryRecord>();
  for (const list of lists)
    for (const record of list) if (!seen.has(recordKey(record))) seen.set(recordKey(record), record);
  const sorted = [...seen.values()].sort(
    (a, b) => compare(a.time, b.time) || compare(recordKey(a), recordKey(b)),
  );
  return sorted.slice(Math.max(0, sorted.length - limit));
}

/** `records` with `record` added (once), bounded to the last `limit`. */
export function appendRecord(
  records: readonly HistoryRecord[],
  record: HistoryRecord,
  limit: number,
): HistoryRecord[] {
  return mergeHistories([records, [record]], limit);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The document's bytes: stable for the same records, so equal merges give equal digests. */
export function serializeHistory(records: readonly HistoryRecord[]): string {
  const document: HistoryDocument = { version: HISTORY_VERSION, records: records.map(canonical) };
  return JSON.stringify(document);
}

// Fields in one order, whatever order the record was built or parsed in.
function canonical(r: HistoryRecord): HistoryRecord {
  return {
    time: r.time,
    commit: r.commit,
    ref: r.ref,
    digest: r.digest,
    platforms: r.platforms.map((p) => ({
      platform: p.platform,
      compressed: p.compressed,
      uncompressed: p.uncompressed,
      wasted: p.wasted,
      layers: p.layers,
      ...(p.base && { base: { name: p.base.name, source: p.base.source } }),
    })),
  };
}

const MAX_TEXT = 512;

/**
 * The records of a history document; throws a HistoryFormatError naming the first wrong field
 * (by its path, never its value) for anything we would not have written.
 */
export function parseHistory(text: string): HistoryRecord[] {
  let value: unknown;
  try {
    value = parseJsonText(text, 'the history');
  } catch (error) {
    throw new HistoryFormatError((error as Error).message);
  }
  const doc = object(value, 'history');
  if (doc.version !== HISTORY_VERSION)
    throw new HistoryFormatError(`history.version: expected ${HISTORY_VERSION}`);
  return array(doc.records, 'history.records').map((r, i) => record(r, `history.records[${i}]`));
}

function record(value: unknown, at: string): HistoryRecord {
  const r = object(value, at);
  const time = text(r.time, `${at}.time`);
  if (Number.isNaN(Date.parse(time))) throw new HistoryFormatError(`${at}.time: expected a date`);
  const digest = text(r.digest, `${at}.digest`);
  if (!/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest))
    throw new HistoryFormatError(`${at}.digest: expected a digest`);
  return {
    time,
    commit: text(r.commit, `${at}.commit`),
    ref: text(r.ref, `${at}.ref`),
    digest,
    platforms: array(r.platforms, `${at}.platforms`).map((p, i) => platform(p, `${at}.platforms[${i}]`)),
  };
}

function platform(value: unknown, at: string): HistoryPlatform {
  const p = object(value, at);
  return {
    platform: text(p.platform, `${at}.platform`),
    compressed: count(p.compressed, `${at}.compressed`),
    uncompressed: p.uncompressed === null ? null : count(p.uncompressed, `${at}.uncompressed`),
    wasted: p.wasted === null ? null : count(p.wasted, `${at}.wasted`),
    layers: count(p.layers, `${at}.layers`),
    ...(p.base !== undefined && { base: base(p.base, `${at}.base`) }),
  };
}

const BASE_SOURCES = ['annotation', 'dockerfile', 'label'] as const;

function base(value: unknown, at: string): NonNullable<HistoryPlatform['base']> {
  const b = object(value, at);
  const source = b.source as NonNullable<HistoryPlatform['base']>['source'];
  if (!BASE_SOURCES.includes(source))
    throw new HistoryFormatError(`${at}.source: ${BASE_SOURCES.join(', ')}`);
  return { name: text(b.name, `${at}.name`), source };
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HistoryFormatError(`${at}: expected an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new HistoryFormatError(`${at}: expected an array`);
  return value;
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT)
    throw new HistoryFormatError(`${at}: expected a string of at most ${MAX_TEXT} characters`);
  return value;
}

function count(value: unknown, at: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new HistoryFormatError(`${at}: expected a whole number`);
  return value as number;
}
