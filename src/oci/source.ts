/**
 * Where an image's manifests and blobs come from: a registry repository, or an OCI layout on
 * disk. The model and the layer scan read through this and never know which.
 */
import type { Readable } from 'node:stream';

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  /** The exact bytes (their sha256 is the digest). */
  body: Buffer;
}

export interface ImageSource {
  /** A human name for errors: `localhost:5000/acme/app:1.2.3`, or the layout path. */
  readonly name: string;
  /** A manifest or index, by tag or digest (`latest`, `sha256:...`). */
  manifest(reference: string): Promise<FetchedManifest>;
  /** A small blob (a config), whole, digest-checked. */
  blob(digest: string): Promise<Buffer>;
  /**
   * A blob as a stream; the stream errors when its bytes do not match the digest. `size`, the
   * descriptor's, lets a body that ends short (a chunked answer cut off cleanly) be resumed.
   */
  blobStream(digest: string, size?: number): Promise<Readable>;
  /**
   * After read number `attempt` of a blob stream came back wrong (bytes that do not match the
   * digest, or do not decode): waits, and says whether to read it again. Only a network source
   * has it: a file on disk read again gives the same bytes.
   */
  mayReadAgain?(attempt: number): Promise<boolean>;
}
