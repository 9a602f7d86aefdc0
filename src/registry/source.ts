/**
 * One registry repository as an ImageSource, so that the image model and the layer scan read
 * through it without knowing about HTTP.
 */
import type { Readable } from 'node:stream';
import type { FetchedManifest, ImageSource } from '../oci/source.js';
import type { RegistryClient } from './client.js';

export class RegistrySource implements ImageSource {
  constructor(
    private readonly client: RegistryClient,
    readonly repository: string,
    /** `localhost:5000/acme/app:1.2.3`: named in every error. */
    readonly name: string,
  ) {}

  manifest(reference: string): Promise<FetchedManifest> {
    return this.client.manifest(this.repository, reference, { image: this.name });
  }

  blob(digest: string): Promise<Buffer> {
    return this.client.blob(this.repository, digest, { image: this.name });
  }

  blobStream(digest: string, size?: number): Promise<Readable> {
    return this.client.blobStream(this.repository, digest, { image: this.name, size });
  }

  mayReadAgain(attempt: number): Promise<boolean> {
    return this.client.mayRefetch(attempt);
  }
}

export function registrySource(client: RegistryClient, repository: string, displayName: string): ImageSource {
  return new RegistrySource(client, repository, displayName);
}
