/**
 * An ImageSource over an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as
 * `buildx --output type=oci` writes it: a directory (`tar=false`) or a tar of one. So an image
 * that was built but not pushed (a PR from a fork) can be measured like a pushed one.
 *
 * A tar is never extracted: its headers are read once to find where each blob's bytes lie,
 * and blobs are streamed from those offsets. Every blob is checked against its digest while it
 * streams.
 */
import { ActionError } from '../util/errors.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { MAX_MANIFEST_BYTES, isDigest, parseManifest, type ImageIndex } from '../oci/manifest.js';
import type { FetchedManifest, ImageSource } from '../oci/source.js';
import { OCI_INDEX, OCI_MANIFEST } from '../oci/media-types.js';
import type { Descriptor } from '../oci/descriptor.js';

/** The layout is missing, malformed, or does not hold what was asked for. */

// Blobs are read 1 MiB at a time: zlib works faster on large inputs (64 KiB reads cost ~0.15 s per 200 MB).
const READ_CHUNK = 1 << 20;
export class OciLayoutError extends ActionError {
  constructor(message: string) {
    super(message);
    this.name = 'OciLayoutError';
  }
}

/** A blob whose bytes do not hash to (or do not have the size of) its digest. */
export class BlobDigestError extends ActionError {
  constructor(
    readonly digest: string,
    readonly actual: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlobDigestError';
  }
}

const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';
// Algorithms we can verify; other digests are refused rather than served unchecked.
const HASHES: Record<string, string> = { sha256: 'sha256', sha512: 'sha512' };

/** Opens a layout directory or a tar of one; fails early when it is neither. */
export async function openOciLayout(path: string): Promise<ImageSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new OciLayoutError(`OCI layout ${path} cannot be read: ${(error as Error).message}`);
  }
  const files: LayoutFiles = info.isDirectory()
    ? new DirectoryFiles(path)
    : new TarFiles(path, await indexTar(path));

  const marker = await files.read('oci-layout', 64 * 1024).catch(() => undefined);
  if (marker === undefined) {
    throw new OciLayoutError(`${path} is not an OCI image layout: it has no oci-layout file`);
  }
  let version: unknown;
  try {
    version = (JSON.parse(marker.toString('utf8')) as { imageLayoutVersion?: unknown }).imageLayoutVersion;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string' || !version.startsWith('1.')) {
    // Not what it says instead: the file may be anything the path points at.
    throw new OciLayoutError(`${path}: its oci-layout file does not say imageLayoutVersion 1.x`);
  }
  const indexBytes = await files.read('index.json', MAX_MANIFEST_BYTES).catch((error: Error) => {
    throw new OciLayoutError(`${path} is not an OCI image layout: index.json: ${error.message}`);
  });
  const index = parseManifest(indexBytes, `${path}, index.json`, OCI_INDEX);
  if (index.kind !== 'index') throw new OciLayoutError(`${path}: index.json is not an image index`);
  return new OciLayoutSource(path, files, indexBytes, index);
}

class OciLayoutSource implements ImageSource {
  private readonly indexDigest: string;

  constructor(
    readonly name: string,
    private readonly files: LayoutFiles,
    private readonly indexBytes: Buffer,
    private readonly index: ImageIndex,
  ) {
    this.indexDigest = `sha256:${createHash('sha256').update(indexBytes).digest('hex')}`;
  }

  /**
   * '' is the layout's image: the one manifest index.json lists, or index.json itself when it
   * lists several. Otherwise a digest, or a name from the `org.opencontainers.image.ref.name`
   * (`1.2.3`) or `io.containerd.image.name` (`example.com/app:1.2.3`) annotations.
   */
  async manifest(reference: string): Promise<FetchedManifest> {
    const manifests = this.index.manifests;
    if (reference === this.indexDigest || (reference === '' && manifests.length !== 1)) {
      return { digest: this.indexDigest, mediaType: this.index.mediaType, body: this.indexBytes };
    }
    if (reference === '') return this.fetch(manifests[0]!.digest, manifests[0]);
    if (isDigest(reference)) {
      return this.fetch(
        reference,
        manifests.find((descriptor) => descriptor.digest === reference),
      );
    }
    const named = manifests.filter(
      (descriptor) =>
        descriptor.annotations?.[REF_NAME] === reference ||
        descriptor.annotations?.[CONTAINERD_NAME] === reference,
    );
    if (named.length === 1) return this.fetch(named[0]!.digest, named[0]);
    if (named.length > 1) {
      throw new OciLayoutError(
        `${this.name}: ${named.length} images are named ${reference}: ${named.map((d) => d.digest).join(', ')}`,
      );
    }
    const names = manifests.map((descriptor) => descriptor.annotations?.[REF_NAME]).filter(Boolean);
    throw new OciLayoutError(
      `${this.name} has no image named ${reference}; ` +
        (names.length ? `its names are ${names.join(', ')}` : 'its images have no names'),
    );
  }

  async blob(digest: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobStream(digest)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async blobStream(digest: string): Promise<Readable> {
    const path = this.blobPath(digest);
    const size = await this.files.size(path);
    if (size === undefined) throw new OciLayoutError(`${this.name} has no blob ${digest}`);
    const verifier = digestVerifier(digest, size, `${this.name}: blob ${digest}`);
    // pipeline: an error on either side (or the reader stopping) tears both down.
    return pipeline(this.files.stream(path, size), verifier, () => {});
  }

  private async fetch(digest: string, descriptor: Descriptor | undefined): Promise<FetchedManifest> {
    const size = await this.files.size(this.blobPath(digest));
    if (size === undefined) throw new OciLayoutError(`${this.name} has no manifest ${digest}`);
    if (size > MAX_MANIFEST_BYTES) {
      throw new OciLayoutError(
        `${this.name}: manifest ${digest} is ${size} bytes, more than a manifest may have`,
      );
    }
    const body = await this.blob(digest);
    return { digest, mediaType: descriptor?.mediaType ?? declaredMediaType(body), body };
  }

  private blobPath(digest: string): string {
    const [algorithm, hex] = digest.split(':', 2) as [string, string | undefined];
    // The digest becomes a path: only well-formed ones, so `sha256:../../x` reads nothing.
    if (!isDigest(digest) || !HASHES[algorithm] || hex === undefined) {
      throw new OciLayoutError(`${this.name}: ${JSON.stringify(digest)} is not a sha256 or sha512 digest`);
    }
    return `blobs/${algorithm}/${hex}`;
  }
}

/** A manifest's own `mediaType`, else its shape's (OCI allows leaving it out). */
function declaredMediaType(body: Buffer): string {
  try {
    const json = JSON.parse(body.toString('utf8')) as { mediaType?: unknown; manifests?: unknown };
    if (typeof json.mediaType === 'string') return json.mediaType;
    return Array.isArray(json.manifests) ? OCI_INDEX : OCI_MANIFEST;
  } catch {
    return ''; // not JSON: parseManifest reports it, naming the digest
  }
}

/**
 * A pass-through that hashes what flows and, at the end, errors with BlobDigestError when
 * the bytes do not hash to `digest` or are not `size` long (a truncated or tampered blob).
 */
export function digestVerifier(digest: string, size: number | undefined, what: string): Transform {
  const [algorithm, expected] = digest.split(':', 2) as [string, string];
  const hash = createHash(HASHES[algorithm] ?? algorithm);
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      length += chunk.length;
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = `${algorithm}:${hash.digest('hex')}`;
      if (size !== undefined && length !== size) {
        callback(new BlobDigestError(digest, actual, `${what} is ${length} bytes, expected ${size}`));
      } else if (actual !== `${algorithm}:${expected}`) {
        callback(
          new BlobDigestError(
            digest,
            actual,
            `${what} does not match its digest: its bytes hash to ${actual}`,
          ),
        );
      } else {
        callback();
      }
    },
  });
}

/** Where a layout's files live: a directory, or byte ranges of a tar. */
interface LayoutFiles {
  /** Size of a file in the layout, undefined when it has none. */
  size(path: string): Promise<number | undefined>;
  stream(path: string, size: number): Readable;
  /** A whole small file; rejects when missing or over `maxBytes`. */
  read(path: string, maxBytes: number): Promise<Buffer>;
}

class DirectoryFiles implements LayoutFiles {
  constructor(private readonly root: string) {}

  async size(path: string): Promise<number | undefined> {
    try {
      const info = await stat(join(this.root, path));
      return info.isFile() ? info.size : undefined;
    } catch {
      return undefined;
    }
  }

  stream(path: string): Readable {
    return createReadStream(join(this.root, path), { highWaterMark: READ_CHUNK });
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const size = await this.size(path);
    if (size === undefined) throw new Error(`no ${path}`);
    if (size > maxBytes) throw new Error(`${path} is ${size} bytes, more than ${maxBytes}`);
    return readFile(join(this.root, path));
  }
}

class TarFiles implements LayoutFiles {
  constructor(
    private readonly tarPath: string,
    private readonly entries: Map<string, TarEntry>,
  ) {}

  async size(path: string): Promise<number | undefined> {
    return this.entries.get(path)?.size;
  }

  stream(path: string): Readable {
    const entry = this.entries.get(path)!;
    // createReadStream's `end` is inclusive, and an empty range is not expressible.
    if (entry.size === 0) return Readable.from([]);
    return createReadStream(this.tarPath, {
      start: entry.offset,
      end: entry.offset + entry.size - 1,
      highWaterMark: READ_CHUNK,
    });
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`no ${path}`);
    if (entry.size > maxBytes) throw new Error(`${path} is ${entry.size} bytes, more than ${maxBytes}`);
    const handle = await open(this.tarPath, 'r');
    try {
      return await readAt(handle, entry.offset, entry.size, this.tarPath);
    } finally {
      await handle.close();
    }
  }
}

// --- The tar index ---

/** Where a regular file's bytes lie in a tar. */
export interface TarEntry {
  /** Byte offset of the file's data in the tar. */
  offset: number;
  size: number;
}

const BLOCK = 512;
// PAX and GNU long-name records hold a name or two; more is a hostile or broken tar.
const MAX_META_BYTES = 1024 * 1024;

/**
 * The regular files of a tar (name without a leading `./` -> data offset and size), from its
 * headers alone: ustar (with the name prefix field), PAX `x` headers (`path`, `size`, `linkpath`),
 * GNU `L`/`K` long names and base-256 sizes. Hard links point to their target's bytes.
 */
export async function indexTar(path: string): Promise<Map<string, TarEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size: tarSize } = await handle.stat();
    const entries = new Map<string, TarEntry>();
    const links: [name: string, target: string][] = [];
    let pending: { path?: string; linkpath?: string; size?: number } = {};
    let offset = 0;

    const magic = await readAt(handle, 0, Math.min(2, tarSize), path);
    if (magic[0] === 0x1f && magic[1] === 0x8b) {
      throw new OciLayoutError(
        `${path} is gzip-compressed: decompress it first (gunzip), then measure the tar`,
      );
    }
    if (tarSize < BLOCK) throw new OciLayoutError(`${path} is not a tar archive (${tarSize} bytes)`);

    while (offset + BLOCK <= tarSize) {
      const header = await readAt(handle, offset, BLOCK, path);
      if (header.every((byte) => byte === 0)) break; // end-of-archive marker
      if (!checksumMatches(header)) {
        throw new OciLayoutError(`${path} is not a tar archive (bad header checksum at byte ${offset})`);
      }
      const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]!);
      const dataOffset = offset + BLOCK;
      let size = readNumber(header, 124, 12);

      if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
        if (size > MAX_META_BYTES) {
          throw new OciLayoutError(`${path}: a ${type} header at byte ${offset} is ${size} bytes long`);
        }
        const data = await readAt(handle, dataOffset, size, path);
        if (type === 'x') pending = { ...pending, ...paxRecords(data) };
        if (type === 'L') pending.path = cString(data);
        if (type === 'K') pending.linkpath = cString(data);
        // 'g' (global) records describe the whole archive, not one file's name: ignored.
      } else {
        const name = normalizeName(pending.path ?? headerName(header));
        if (pending.size !== undefined) size = pending.size;
        if (type === '0' || type === '7') entries.set(name, { offset: dataOffset, size });
        if (type === '1')
          links.push([name, normalizeName(pending.linkpath ?? cString(header.subarray(157, 257)))]);
        pending = {};
      }
      if (dataOffset + size > tarSize) {
        throw new OciLayoutError(`${path} is truncated: the entry at byte ${offset} runs past its end`);
      }
      offset = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
    }
    for (const [name, target] of links) {
      const entry = entries.get(target);
      if (entry) entries.set(name, entry);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, offset: number, length: number, path: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
    if (bytesRead === 0) throw new OciLayoutError(`${path} is truncated at byte ${offset + done}`);
    done += bytesRead;
  }
  return buffer;
}

// The checksum is the byte sum of the header with its own field read as spaces. Old tars
// summed signed bytes; both are accepted.
function checksumMatches(header: Buffer): boolean {
  const stored = readNumber(header, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** An octal field, or GNU's base-256 form (high bit set) for sizes over 8 GiB. */
function readNumber(header: Buffer, offset: number, length: number): number {
  const field = header.subarray(offset, offset + length);
  if (field[0]! & 0x80) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

// POSIX ustar splits long names into prefix (345..500) + name; GNU tars use those bytes for
// other things, so the prefix counts only with the POSIX magic.
function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const posix = header.subarray(257, 263).toString('latin1') === 'ustar\0';
  const prefix = posix ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** PAX records: `<length> <key>=<value>\n`, where length counts the whole record in bytes. */
function paxRecords(data: Buffer): { path?: string; linkpath?: string; size?: number } {
  const result: { path?: string; linkpath?: string; size?: number } = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space === -1 ? NaN : parseInt(data.subarray(at, space).toString('latin1'), 10);
    if (!Number.isSafeInteger(length) || length <= 0) break; // padding or garbage: stop
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    const key = record.slice(0, equals);
    const value = record.slice(equals + 1);
    if (key === 'path') result.path = value;
    if (key === 'linkpath') result.linkpath = value;
    if (key === 'size') result.size = Number(value);
    at += length;
  }
  return result;
}

function normalizeName(name: string): string {
  return name.replace(/^(?:\.?\/)+/, '');
}
