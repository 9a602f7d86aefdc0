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

/** Every platform of `repository@digest` (attestations skipped), counted by hand. */
export async function countImage(repository: string, digest: string): Promise<IndependentPlatform[]> {
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
  const result: IndependentPlatform[] = [];
  for (const { platform, manifest } of manifests) {
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
