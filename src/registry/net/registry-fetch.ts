/**
 * The fetch the registry clients of a run share: requests routed by the environment's proxy
 * settings, docker's certs.d and the insecure registries (routes.ts), over one pool of keep-alive
 * connections per host for the whole process, however many clients connect().
 */
import { KEEP_ALIVE, type HttpFetch } from '../http-fetch.js';
import { DOCKER_CERTS_DIR } from './docker-certs.js';
import { parseProxy } from './proxy-env.js';
import { createRoutedFetch } from './routed-fetch.js';
import { Routes } from './routes.js';

export interface RegistryFetchOptions {
  /** The proxy variables, NODE_EXTRA_CA_CERTS and SHIPSHAPE_DOCKER_CERTS_DIR are read from here. */
  env: Record<string, string | undefined>;
  insecureRegistries?: readonly string[];
  /** Called with the proxy's password and Proxy-Authorization value, so that the caller can mask them. */
  onSecret?: (value: string) => void;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];

const shared = new Map<string, HttpFetch>();

export function registryFetch(options: RegistryFetchOptions): HttpFetch {
  const { env, onSecret = () => {} } = options;
  // Masked now, before a request can fail and print anything.
  for (const variable of PROXY_VARIABLES.slice(0, 4)) {
    const value = env[variable];
    if (!value) continue;
    try {
      parseProxy(value, variable).secrets.forEach(onSecret);
    } catch {
      // A value that does not parse is reported (without its credentials) by the request that needs it.
    }
  }
  const certsRoot = env.SHIPSHAPE_DOCKER_CERTS_DIR || DOCKER_CERTS_DIR;
  const insecureRegistries = [...(options.insecureRegistries ?? [])].sort();
  const key = JSON.stringify([
    certsRoot,
    insecureRegistries,
    env.NODE_EXTRA_CA_CERTS ?? '',
    PROXY_VARIABLES.map((name) => env[name] ?? ''),
  ]);
  let fetch = shared.get(key);
  if (!fetch) {
    const routes = new Routes({ env: { ...env }, insecureRegistries, certsRoot, agentOptions: KEEP_ALIVE });
    fetch = createRoutedFetch(routes);
    shared.set(key, fetch);
  }
  return fetch;
}
