/**
 * Making a blob present in a repository, the cheapest way first: already there, then a
 * cross-repository mount from another repository of the same registry, then an upload. Used by
 * the legs (from an OCI layout) and the merge (from another repository or registry).
 */
import { PassThrough, type Readable } from 'node:stream';
import type { RegistryClient } from './client.js';

export type BlobPresence = 'existing' | 'mounted' | 'uploaded';

export interface BlobCopy {
  client: RegistryClient;
  repository: string;
  digest: string;
  size: number;
  /** Repositories of the same registry to mount from, tried in order. */
  mountFrom: readonly string[];
  /** A fresh stream of the blob's bytes, per upload attempt. */
  open: () => Readable;
  /** Named in errors. */
  image: string;
}

export async function ensureBlob(copy: BlobCopy): Promise<BlobPresence> {
  const { client, repository, digest } = copy;
  const context = { image: copy.image };
  if (await client.hasBlob(repository, digest, context)) return 'existing';
  for (const from of copy.mountFrom) {
    if (await client.mountBlob(repository, digest, from, context)) return 'mounted';
  }
  await client.uploadBlob(repository, digest, copy.size, copy.open, context);
  return 'uploaded';
}

/**
 * A stream now for one that opens later: the upload asks for its body synchronously, while a
 * layout or a registry answers asynchronously. An error on either side ends both.
 */
export function deferredStream(open: () => Promise<Readable>): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  open().then(
    (stream) => {
      stream.on('error', (error) => out.destroy(error));
      out.on('close', () => stream.destroy());
      stream.pipe(out);
    },
    (error: Error) => out.destroy(error),
  );
  return out;
}
