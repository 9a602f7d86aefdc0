/**
 * The layer scan: one pass over a layer blob's tar, never buffering file contents, that gives
 * the layer's sizes (regular files only, as DESIGN.md defines them), its whiteouts, its largest
 * files, its bytes under well-known cache directories, and a compact list of its entries for
 * the cross-layer waste computation (wasted.ts).
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash, type Hash } from 'node:crypto';
import { extract, type Header } from 'tar-stream';
import { type CacheKind, cacheKindOf, emptyCacheBytes } from './cache-paths.js';
import { type LayerCompression, type ZstdDecoderChoice, decompressLayer } from './decompress.js';
import { RECORD_BUDGET, compactRecord, isRecordPath } from './records.js';

/** What an entry is, as far as sizes and hiding go. Stored one byte per entry. */
export const EntryKind = {
  /** A regular file: its size counts. */
  File: 0,
  /** A hard link: a second name for a file, 0 bytes. */
  HardLink: 1,
  Directory: 2,
  /** A symlink, device or fifo: no bytes, but it replaces what was at its path. */
  Other: 3,
  /** `DIR/.wh.NAME`: deletes `DIR/NAME` (and all below it) from the layers underneath. */
  Whiteout: 4,
  /** `DIR/.wh..wh..opq`: hides everything below `DIR` in the layers underneath. */
  Opaque: 5,
} as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

/**
 * A layer's entries as parallel arrays (no object per entry: a layer may have 500k entries).
 * Paths are normalized (`./usr/bin/` -> `usr/bin`); a whiteout or opaque marker keeps its own
 * path (`etc/.wh.passwd`, `var/cache/.wh..wh..opq`).
 */
export interface LayerEntries {
  count: number;
  paths: string[];
  kinds: Uint8Array;
  /** Bytes of regular files; 0 for every other kind. */
  sizes: Float64Array;
}

export interface LargeFile {
  path: string;
  size: number;
}

export interface LayerScan {
  /** What the bytes were, whatever the media type said. */
  compression: LayerCompression;
  /** Sum of the sizes of the regular files in the tar (hard links count 0). */
  uncompressed: number;
  /** Regular files, whiteout markers excluded. */
  files: number;
  /** `.wh.` entries, opaque markers included. */
  whiteouts: number;
  /** The largest regular files, largest first (ties: first in the tar first). */
  largestFiles: LargeFile[];
  /** Bytes of regular files under each kind of well-known cache directory (cache-paths.ts). */
  cacheBytes: Record<CacheKind, number>;
  entries: LayerEntries;
  /**
   * What the layer holds, whatever its file times: a SHA-256 over every entry in tar order
   * (path, type, mode, owner, size, link target and the file's bytes; never mtime, atime,
   * ctime or user/group names). Two builds of one Dockerfile step give the same digest unless
   * a file changed, even when the layer blobs differ.
   */
  contentDigest: string;
  /**
   * The text of the package managers' own records the advisor reads (records.ts says which:
   * dpkg's status and file lists, apt's extended states, package.json manifests, npm's hidden
   * lockfile, pnpm's lock.yaml and .modules.yaml), by path; manifests inside node_modules are cut to the fields that name
   * dependencies. Absent when the layer has none.
   */
  records?: Record<string, string>;
}

export interface ScanOptions {
  /** The layer descriptor's media type; the first bytes decide when they can. */
  mediaType?: string;
  /** How many of the largest files to keep (default 10). */
  largestFiles?: number;
  zstd?: ZstdDecoderChoice;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

/**
 * A tar path as the scan keys it: no leading `./` or `/`, no trailing `/`, no empty or `.`
 * segments. `./` alone (the root) becomes ''.
 */
export function normalizeTarPath(name: string): string {
  let start = 0;
  let end = name.length;
  for (;;) {
    if (name.charCodeAt(start) === 47 /* / */) start++;
    else if (
      name.charCodeAt(start) === 46 /* . */ &&
      (name.charCodeAt(start + 1) === 47 || start + 1 === end)
    )
      start += 2;
    else break;
  }
  while (end > start && name.charCodeAt(end - 1) === 47) end--;
  if (start >= end) return '';
  const path = start === 0 && end === name.length ? name : name.slice(start, end);
  // Rare: `a//b`, `a/./b`. Looked for before splitting, so the common path allocates no more.
  return path.includes('//') || path.includes('/./') || path.endsWith('/.') ? cleanSegments(path) : path;
}

function cleanSegments(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/**
 * The `limit` largest items seen, largest first, in a small sorted array: an insert costs at most
 * `limit` moves and only happens for an item larger than the current smallest kept.
 */
export class Largest<T> {
  readonly items: T[] = [];
  private readonly sizes: number[] = [];

  constructor(private readonly limit: number) {}

  /** Whether an item of this size would be kept (cheap: lets callers build the item only then). */
  admits(size: number): boolean {
    return this.limit > 0 && (this.sizes.length < this.limit || size > this.sizes[this.sizes.length - 1]);
  }

  add(size: number, item: T): void {
    if (!this.admits(size)) return;
    let at = this.sizes.length;
    while (at > 0 && this.sizes[at - 1] < size) at--;
    this.sizes.splice(at, 0, size);
    this.items.splice(at, 0, item);
    if (this.sizes.length > this.limit) {
      this.sizes.pop();
      this.items.pop();
    }
  }
}

/** Parallel arrays that double when full, trimmed to size at the end. */
class EntriesBuilder {
  private count = 0;
  private readonly paths: string[] = [];
  private kinds = new Uint8Array(1024);
  private sizes = new Float64Array(1024);

  add(path: string, kind: EntryKind, size: number): void {
    if (this.count === this.kinds.length) {
      const kinds = new Uint8Array(this.count * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const sizes = new Float64Array(this.count * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    this.paths.push(path);
    this.kinds[this.count] = kind;
    this.sizes[this.count] = size;
    this.count++;
  }

  build(): LayerEntries {
    return {
      count: this.count,
      paths: this.paths,
      kinds: this.kinds.slice(0, this.count),
      sizes: this.sizes.slice(0, this.count),
    };
  }
}

/** The per-layer figures, fed one tar header at a time. */
class LayerTally {
  uncompressed = 0;
  files = 0;
  whiteouts = 0;
  readonly cacheBytes = emptyCacheBytes();
  readonly largest: Largest<LargeFile>;
  readonly entries = new EntriesBuilder();
  readonly content: Hash = createHash('sha256');

  constructor(largestFiles: number) {
    this.largest = new Largest(largestFiles);
  }

  add(header: Header): void {
    const path = normalizeTarPath(header.name);
    if (path === '') return; // the root directory entry
    // Times (mtime, and the PAX atime/ctime) are left out on purpose: they are what a rebuild
    // changes. The file's bytes follow this record in the hash (scanLayer feeds them). A hard
    // link's target is a tar path, normalized like the entry's; a symlink's is kept as written.
    const target = header.type === 'link' ? normalizeTarPath(header.linkname ?? '') : (header.linkname ?? '');
    this.content.update(
      `${path}\0${header.type ?? 'file'}\0${header.mode ?? 0}\0${header.uid ?? 0}\0${header.gid ?? 0}\0` +
        `${header.size ?? 0}\0${target}\0${header.devmajor ?? 0}\0${header.devminor ?? 0}\n`,
    );
    const slash = path.lastIndexOf('/');
    if (path.startsWith(WHITEOUT_PREFIX, slash + 1)) {
      this.whiteouts++;
      const opaque = path.length - slash - 1 === OPAQUE_MARKER.length && path.endsWith(OPAQUE_MARKER);
      this.entries.add(path, opaque ? EntryKind.Opaque : EntryKind.Whiteout, 0);
      return;
    }
    switch (header.type as string | null | undefined) {
      case 'file':
      case 'contiguous-file':
      case null:
      case undefined: {
        const size = header.size ?? 0;
        this.files++;
        this.uncompressed += size;
        if (size > 0) {
          const cache = cacheKindOf(path);
          if (cache !== undefined) this.cacheBytes[cache] += size;
          if (this.largest.admits(size)) this.largest.add(size, { path, size });
        }
        this.entries.add(path, EntryKind.File, size);
        return;
      }
      case 'link':
        this.entries.add(path, EntryKind.HardLink, 0);
        return;
      case 'directory':
        this.entries.add(path, EntryKind.Directory, 0);
        return;
      default:
        this.entries.add(path, EntryKind.Other, 0);
    }
  }
}

const ignore = () => {};

/**
 * Scans one layer blob: decompresses it (by its first bytes), reads its tar once and drains
 * every entry's contents without keeping them. Rejects on a blob error (a digest mismatch, a
 * reset), a corrupt stream or a truncated tar.
 */
export async function scanLayer(blob: Readable, options: ScanOptions = {}): Promise<LayerScan> {
  const { compression, tar } = await decompressLayer(blob, options);
  const tally = new LayerTally(options.largestFiles ?? 10);
  const entries = extract();
  const records: Record<string, string> = {};
  let recordBytes = 0;
  entries.on('entry', (header, contents, next) => {
    tally.add(header);
    // The bytes go into the content digest as they stream past (one hash per layer, no copy).
    if ((header.size ?? 0) > 0) contents.on('data', (chunk) => void tally.content.update(chunk as Buffer));
    const path = normalizeTarPath(header.name);
    const size = header.size ?? 0;
    const type = header.type as string | null | undefined;
    const isFile = type === 'file' || type === 'contiguous-file' || type === null || type === undefined;
    if (isFile && size > 0 && recordBytes + size <= RECORD_BUDGET && isRecordPath(path)) {
      recordBytes += size;
      const chunks: Buffer[] = [];
      contents.on('data', (chunk) => chunks.push(chunk as Buffer));
      contents.on('end', () => {
        const text = compactRecord(path, Buffer.concat(chunks).toString('utf8'));
        if (text !== undefined) records[path] = text;
        next();
      });
      contents.on('error', ignore);
      return;
    }
    contents.on('end', next);
    // A failing tar destroys the open entry with the same error the pipeline rejects with.
    contents.on('error', ignore);
    contents.resume();
  });
  await pipeline(tar, entries);
  return {
    compression,
    uncompressed: tally.uncompressed,
    files: tally.files,
    whiteouts: tally.whiteouts,
    largestFiles: tally.largest.items,
    cacheBytes: tally.cacheBytes,
    entries: tally.entries.build(),
    contentDigest: `sha256:${tally.content.digest('hex')}`,
    ...(Object.keys(records).length > 0 && { records }),
  };
}
