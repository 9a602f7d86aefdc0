/**
 * The registry clients of one run: one client per registry host and credentials, however many
 * times the run connects to it. The baseline read before the build, the image measured after
 * it, the baseline read again and a push check all speak to the same registry: one client
 * pings it once, asks for a token once per scope, and keeps the manifests and configs it has
 * read by digest (client.ts), instead of each connect() starting over.
 *
 * A client is shared only where everything that shapes its requests is the same: the host, the
 * credentials (another user's token is never reused), the insecure registries and the timeout.
 * The callbacks (onSecret, debug) are the first caller's: a pool belongs to one run, whose
 * callers all mask and log through the same runner.
 */
import type { Credentials } from './auth.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';

export class RegistryClients {
  private readonly clients = new Map<string, RegistryClient>();
  private readonly found = new Map<string, Promise<Credentials | undefined>>();

  /**
   * The credentials for a registry, looked up once a run (Docker's config is read and a
   * credential helper run once, not at every connect); a lookup that failed is tried again.
   */
  credentials(
    registry: string,
    explicit: unknown,
    lookUp: () => Promise<Credentials | undefined>,
  ): Promise<Credentials | undefined> {
    const key = JSON.stringify([registry, explicit ?? null]);
    let found = this.found.get(key);
    if (!found) {
      found = lookUp();
      this.found.set(key, found);
      found.catch(() => this.found.delete(key));
    }
    return found;
  }

  /** The pool's client for these options, made on first use. */
  client(options: RegistryClientOptions): RegistryClient {
    const key = poolKey(options);
    let client = this.clients.get(key);
    if (!client) {
      client = new RegistryClient(options);
      this.clients.set(key, client);
    }
    return client;
  }

  /** How many clients the pool holds (one per host and credentials). */
  get size(): number {
    return this.clients.size;
  }
}

function poolKey(options: RegistryClientOptions): string {
  const credentials: Credentials = options.credentials ?? {};
  return JSON.stringify([
    options.host.toLowerCase(),
    credentials.username ?? null,
    credentials.password ?? null,
    credentials.identityToken ?? null,
    [...(options.insecureRegistries ?? [])].sort(),
    options.timeout ?? null,
  ]);
}
