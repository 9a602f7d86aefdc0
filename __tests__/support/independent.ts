/**
 * Counts made without shipshape's code, to check its figures: manifests read with plain
 * fetch (support/registry.ts), layer tars listed by GNU tar.
 */
import { execFileSync } from 'node:child_process';
import { getManifest, labFetch, type Manifest } from './registry.js';

export interface TarCount {
  /** Sum of regular file sizes. */
  bytes: number;
  /** Number of regular files. */
  files: number;
}

/**
 * `tar -tv` of a layer blob (gzip or plain): regular files are the lines that start with '-',
 * except whiteout markers (`.wh.NAME`), which are deletions, not files.
 */
export function countTar(blob: Buffer): TarCount {
  const gzip = blob[0] === 0x1f && blob[1] === 0x8b;
  const listing = execFileSync('tar', [gzip ? '-tvzf' : '-tvf', '-'], {
    input: blob,
    maxBuffer: 1 << 28,
  }).toString();
  let bytes = 0;
  let files = 0;
  for (const line of listing.split('\n')) {
    if (!line.startsWith('-')) continue;
    const fields = line.trim().split(/\s+/);
    if (fields.at(-1)!.split('/').at(-1)!.startsWith('.wh.')) continue;
    const size = Number(fields[2]);
    bytes += size;
    files++;
  }
  return { bytes, files };
}

export async function getBlob(repository: string, digest: string): Promise<Buffer> {
  const slash = repository.indexOf('/');
  const res = await labFetch(
    repository.slice(0, slash),
    `/v2/${repository.slice(slash + 1)}/blobs/${digest}`,
  );
  if (!res.ok) throw new Error(`blob ${digest}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export interface IndependentPlatform {
  platform: string;
  compressed: number;
  uncompressed: number;
  layers: { digest: string; compressed: number; uncompressed: number; files: number }[];
}

/** The platform manifests of `repository@digest` (attestations skipped); '' for a lone manifest. */
async function platformManifests(
  repository: string,
  digest: string,
): Promise<{ platform: string; manifest: Manifest }[]> {
  const top = await getManifest(`${repository}@${digest}`);
  if (!top) throw new Error(`${repository}@${digest} not found`);
  const manifests: { platform: string; manifest: Manifest }[] = [];
  if (top.body.manifests) {
    for (const m of top.body.manifests) {
      if (m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      const platform = [m.platform?.os, m.platform?.architecture, m.platform?.variant]
        .filter(Boolean)
        .join('/');
      manifests.push({ platform, manifest: (await getManifest(`${repository}@${m.digest}`))! });
    }
  } else {
    manifests.push({ platform: '', manifest: top });
  }
  return manifests;
}

/** Every platform of `repository@digest` (attestations skipped), counted by hand. */
export async function countImage(repository: string, digest: string): Promise<IndependentPlatform[]> {
  const result: IndependentPlatform[] = [];
  for (const { platform, manifest } of await platformManifests(repository, digest)) {
    const layers = [];
    for (const layer of manifest.body.layers ?? []) {
      const count = countTar(await getBlob(repository, layer.digest));
      layers.push({
        digest: layer.digest,
        compressed: layer.size,
        uncompressed: count.bytes,
        files: count.files,
      });
    }
    result.push({
      platform,
      compressed: layers.reduce((s, l) => s + l.compressed, 0),
      uncompressed: layers.reduce((s, l) => s + l.uncompressed, 0),
      layers,
    });
  }
  return result;
}

/** One entry of a `tar -tv` listing: its type letter (`-`, `d`, `l`, `h`...), size and path. */
interface TarEntry {
  type: string;
  size: number;
  path: string;
}

/** `tar -tv` of a layer blob, every entry, paths without `./`, a leading or a trailing `/`. */
export function listTar(blob: Buffer): TarEntry[] {
  const gzip = blob[0] === 0x1f && blob[1] === 0x8b;
  const listing = execFileSync('tar', [gzip ? '-tvzf' : '-tvf', '-'], { input: blob, maxBuffer: 1 << 28 });
  const entries: TarEntry[] = [];
  for (const line of listing.toString().split('\n')) {
    if (line.trim() === '') continue;
    // `-rw-r--r-- 0/0  300000 2026-12-05 23:00 root/.cache/pip/x`; a link adds ` -> target` or ` link to target`.
    const fields = line.trim().split(/\s+/);
    const type = line[0]!;
    let name = fields.slice(5).join(' ');
    if (type === 'l') name = name.split(' -> ')[0]!;
    if (type === 'h') name = name.split(' link to ')[0]!;
    entries.push({ type, size: Number(fields[2]), path: name.replace(/^\.?\/+/, '').replace(/\/+$/, '') });
  }
  return entries;
}

/**
 * The regular files a container of `repository@digest`'s `platform` sees, path -> bytes: its
 * layers' tar listings stacked bottom first, as the OCI image spec says: `.wh..wh..opq` in a
 * directory hides what lower layers have in it, `DIR/.wh.NAME` hides DIR/NAME and all below it,
 * an entry that is not a directory hides what lower layers have below its path. Hard links
 * count 0 bytes, as tar lists them.
 */
export async function mergedFiles(
  repository: string,
  digest: string,
  platform = 'linux/amd64',
): Promise<Map<string, number>> {
  const manifests = await platformManifests(repository, digest);
  const found =
    manifests.find((m) => m.platform === platform) ?? (manifests.length === 1 ? manifests[0] : undefined);
  if (!found) throw new Error(`${repository}@${digest} has no ${platform}`);
  const visible = new Map<string, TarEntry>();
  const dropUnder = (dir: string, andItself: boolean) => {
    for (const path of [...visible.keys()])
      if ((andItself && path === dir) || path.startsWith(`${dir}/`) || dir === '') visible.delete(path);
  };
  for (const layer of found.manifest.body.layers ?? []) {
    const entries = listTar(await getBlob(repository, layer.digest));
    // What this layer hides is hidden in the layers below it only: deletions first, then its entries.
    for (const entry of entries) {
      const slash = entry.path.lastIndexOf('/');
      const dir = slash < 0 ? '' : entry.path.slice(0, slash);
      const name = entry.path.slice(slash + 1);
      if (name === '.wh..wh..opq') dropUnder(dir, false);
      else if (name.startsWith('.wh.')) dropUnder(`${dir === '' ? '' : `${dir}/`}${name.slice(4)}`, true);
      else if (entry.type !== 'd') dropUnder(entry.path, false);
    }
    for (const entry of entries) {
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
      if (!name.startsWith('.wh.')) visible.set(entry.path, entry);
    }
  }
  const files = new Map<string, number>();
  for (const [path, entry] of visible) if (entry.type === '-') files.set(path, entry.size);
  return files;
}

/** Bytes of the files at `path` and below it (`root/.cache/pip`, no leading slash). */
export function bytesUnder(files: Map<string, number>, path: string): number {
  let bytes = 0;
  for (const [file, size] of files) if (file === path || file.startsWith(`${path}/`)) bytes += size;
  return bytes;
}
