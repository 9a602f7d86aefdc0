/**
 * From an image reference to a ready source: parse it, find credentials for its registry,
 * make the client. The one call the measuring stage needs.
 */
import { resolveCredentials, type ExplicitCredentials } from './auth.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';
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
}

export interface Connection {
  reference: RegistryReference;
  /** Tag or digest to ask the manifests endpoint for. */
  manifestReference: string;
  client: RegistryClient;
  source: RegistrySource;
}

export async function connect(image: string, options: ConnectOptions): Promise<Connection> {
  const { explicitCredentials: explicit, env, input, ...clientOptions } = options;
  const reference = parseRegistryReference(image, input);
  const credentials = await resolveCredentials(reference.registry, {
    explicit,
    env,
    onSecret: options.onSecret,
  });
  const client = new RegistryClient({
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
  });
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
