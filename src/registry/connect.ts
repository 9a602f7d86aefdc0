/**
 * From an image reference to a ready source: parse it, find credentials for its registry,
 * make the client. The one call the measuring stage needs.
 */
import { resolveCredentials, type ExplicitCredentials } from './auth.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';
import type { RegistryClients } from './clients.js';
import { registryFetch } from './net/registry-fetch.js';
import {
  displayReference,
  manifestReference,
  parseRegistryReference,
  type RegistryReference,
} from './reference.js';
import { RegistrySource } from './source.js';

export interface ConnectOptions extends Omit<RegistryClientOptions, 'host' | 'credentials'> {
  /** The action's own credentials, for their registry only; other registries get Docker's config's. */
  explicitCredentials?: ExplicitCredentials;
  /** Where DOCKER_CONFIG, HOME and PATH (for credential helpers) come from. */
  env: Record<string, string | undefined>;
  /** The input the reference came from, named when it does not parse. */
  input?: string;
  /**
   * The run's clients (clients.ts): a registry connected to before, with the same credentials,
   * gets the same client (its ping, tokens and the manifests it read); a new one otherwise.
   */
  clients?: RegistryClients;
}

export interface Connection {
  reference: RegistryReference;
  /** Tag or digest to ask the manifests endpoint for. */
  manifestReference: string;
  client: RegistryClient;
  source: RegistrySource;
}

export async function connect(image: string, options: ConnectOptions): Promise<Connection> {
  const { explicitCredentials: explicit, env, input, clients, ...clientOptions } = options;
  const reference = parseRegistryReference(image, input);
  const lookUp = () => resolveCredentials(reference.registry, { explicit, env, onSecret: options.onSecret });
  const credentials = await (clients ? clients.credentials(reference.registry, explicit, lookUp) : lookUp());
  const settings: RegistryClientOptions = {
    ...clientOptions,
    // Through the runner's proxy, trusting what docker trusts for the host.
    fetch:
      clientOptions.fetch ??
      registryFetch({
        env,
        insecureRegistries: clientOptions.insecureRegistries,
        onSecret: options.onSecret,
      }),
    timeout: clientOptions.timeout ?? timeoutFromEnv(env),
    host: reference.apiHost,
    credentials,
  };
  // A test's own fetch is its own business: such a client is never shared.
  const client = clients && !clientOptions.fetch ? clients.client(settings) : new RegistryClient(settings);
  return {
    reference,
    manifestReference: manifestReference(reference),
    client,
    source: new RegistrySource(client, reference.repository, displayReference(reference)),
  };
}

/**
 * SHIPSHAPE_REGISTRY_TIMEOUT_MS: a shorter per-request timeout, so that fault tests can drive a
 * slow registry past it in seconds; undefined (the client's 30 s) when unset or not a positive integer.
 */
export function timeoutFromEnv(env: Record<string, string | undefined>): number | undefined {
  const value = env.SHIPSHAPE_REGISTRY_TIMEOUT_MS?.trim();
  return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}
