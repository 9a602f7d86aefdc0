/**
 * Layer tars built in memory from a short declarative list, for the layer scan and waste tests,
 * and compressed the ways registries serve them (gzip by zlib, zstd by the `zstd` CLI: this
 * Node's zlib may have no zstd compressor).
 */
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { pack, type Header } from 'tar-stream';

export type FixtureEntry =
  /** A regular file of `size` bytes (deterministic filler), or of `content`. */
  | { file: string; size?: number; content?: string | Buffer }
  | { dir: string }
  | { symlink: string; target: string }
  | { hardlink: string; target: string }
  /** A whiteout of `path`: the entry `DIR/.wh.NAME`. */
  | { whiteout: string }
  /** An opaque marker in directory `path`: the entry `path/.wh..wh..opq`. */
  | { opaque: string };

export interface TarOptions {
  /** Put before every name, e.g. `./` as `tar -C dir .` writes. */
  prefix?: string;
  /** Every entry's modification time (default 2024-01-01): what a rebuild changes. */
  mtime?: Date;
}

/** `size` bytes of printable filler that differ with `seed`, so files do not dedupe. */
export function filler(size: number, seed = 0): Buffer {
  const bytes = Buffer.alloc(size);
  let state = (seed * 2654435761 + 1) >>> 0;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = 97 + ((state >>> 16) % 26);
  }
  return bytes;
}

const whiteoutName = (path: string) => {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
};

type EntryHeader = Partial<Header> & { name: string };

/** The header of an entry, and its body for a regular file (a whiteout is an empty one). */
function header(
  entry: FixtureEntry,
  prefix: string,
  mtime = new Date(Date.UTC(2024, 0, 1)),
): { header: EntryHeader; body?: Buffer } {
  if ('file' in entry) {
    const body =
      entry.content !== undefined ? Buffer.from(entry.content) : filler(entry.size ?? 0, entry.file.length);
    return {
      header: { name: prefix + entry.file, type: 'file', size: body.length, mode: 0o644, mtime },
      body,
    };
  }
  if ('dir' in entry)
    return { header: { name: `${prefix + entry.dir}/`, type: 'directory', mode: 0o755, mtime } };
  if ('symlink' in entry) {
    return {
      header: { name: prefix + entry.symlink, type: 'symlink', linkname: entry.target, mode: 0o777, mtime },
    };
  }
  if ('hardlink' in entry) {
    return {
      header: {
        name: prefix + entry.hardlink,
        type: 'link',
        linkname: prefix + entry.target,
        mode: 0o644,
        mtime,
      },
    };
  }
  if ('whiteout' in entry) {
    const name = prefix + whiteoutName(entry.whiteout);
    return { header: { name, type: 'file', size: 0, mode: 0o644, mtime }, body: Buffer.alloc(0) };
  }
  const name = `${prefix + entry.opaque}/.wh..wh..opq`;
  return { header: { name, type: 'file', size: 0, mode: 0o644, mtime }, body: Buffer.alloc(0) };
}

/** An uncompressed layer tar of the entries, in order. */
export async function tarLayer(entries: readonly FixtureEntry[], options: TarOptions = {}): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  for (const entry of entries) {
    const { header: h, body } = header(entry, options.prefix ?? '', options.mtime);
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null) => (error ? reject(error) : resolve());
      if (body) tar.entry(h, body, callback);
      else tar.entry(h, callback);
    });
  }
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const gzip = (bytes: Buffer): Buffer => zlib.gzipSync(bytes);

/** zstd by the real `zstd` CLI (Debian package `zstd`). */
export function zstd(bytes: Buffer): Buffer {
  const run = spawnSync('zstd', ['-q', '-c', '-3'], { input: bytes, maxBuffer: 1 << 30 });
  if (run.error)
    throw new Error(`the zstd CLI is needed for zstd fixtures (apt-get install zstd): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`zstd failed: ${run.stderr.toString()}`);
  return run.stdout;
}

/** The bytes as a blob stream, in chunks of `chunkSize` (small, to cross every boundary). */
export function blobStream(bytes: Buffer, chunkSize = 4096): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

export const GZIP_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const ZSTD_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const TAR_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';
