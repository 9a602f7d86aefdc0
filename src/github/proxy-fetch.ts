/**
 * The fetch Octokit uses: the proxy for each request chosen from the step's environment by the
 * rules the registry client follows (registry/net/proxy-env.ts: HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY in either case, the loopback never proxied), through an undici ProxyAgent: a CONNECT
 * tunnel for https, the absolute form for http through an http proxy. Without a proxy, Node's own
 * fetch, and the undici package is not even loaded.
 *
 * A proxy that cannot be reached, or that wants credentials it was not given, is an error that
 * names it (never its credentials); nothing falls back to a direct connection. The proxy's
 * password and Proxy-Authorization value are handed to `onSecret` before any request is made.
 *
 * The trust is Node's (its CAs and NODE_EXTRA_CA_CERTS): docker's certs.d is for registries, not
 * for a GitHub Enterprise server.
 */
import { describeProxy, parseProxy, proxyFor, type ProxySetting } from '../registry/net/proxy-env.js';
import { ProxyError } from '../registry/net/proxy-tunnel.js';

type Env = Record<string, string | undefined>;
type Fetch = typeof globalThis.fetch;
type Undici = Pick<typeof import('undici'), 'fetch' | 'ProxyAgent'>;

export interface ProxyFetchOptions {
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case): the step's environment. */
  env: Env;
  /** Called with the proxy's password and Proxy-Authorization value, so that the caller can mask them. */
  onSecret?: (value: string) => void;
  /** For tests: the fetch used without a proxy (Node's by default). */
  directFetch?: Fetch;
  /** For tests: how the undici package is loaded (counted, or refused). */
  loadUndici?: () => Promise<Undici>;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** A connection to the proxy itself that failed: the proxy is down, or its name does not resolve. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

export function createProxyFetch(options: ProxyFetchOptions): Fetch {
  const env = { ...options.env };
  const onSecret = options.onSecret ?? (() => {});
  for (const variable of PROXY_VARIABLES) {
    const value = env[variable];
    if (!value) continue;
    try {
      parseProxy(value, variable).secrets.forEach(onSecret);
    } catch {
      // Reported (without its credentials) by the request that needs it.
    }
  }
  const direct = options.directFetch ?? globalThis.fetch;
  const load = options.loadUndici ?? (() => import('undici'));
  let undici: Promise<Undici> | undefined;
  const agents = new Map<string, InstanceType<Undici['ProxyAgent']>>();

  const agentFor = (lib: Undici, proxy: ProxySetting) => {
    const key = `${proxy.url.href} ${proxy.authorization ?? ''}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new lib.ProxyAgent({
        uri: proxy.url.href,
        ...(proxy.authorization && { token: proxy.authorization }),
        // http through an http proxy in the absolute form, as curl and @actions/http-client send
        // it; https always through a CONNECT tunnel.
        proxyTunnel: false,
      });
      agents.set(key, agent);
    }
    return agent;
  };

  return async (input, init) => {
    const url = new URL(typeof input === 'object' && !(input instanceof URL) ? input.url : String(input));
    const proxy = proxyFor(url, env); // a ProxyConfigError names the variable, not its credentials
    if (!proxy) return direct(input, init);
    const lib = await (undici ??= load());
    try {
      return (await lib.fetch(input as Parameters<Undici['fetch']>[0], {
        ...(init as Parameters<Undici['fetch']>[1]),
        dispatcher: agentFor(lib, proxy),
      })) as unknown as Response;
    } catch (error) {
      throw explainProxyFailure(error, proxy, url);
    }
  };
}

/**
 * Octokit takes the message of a failed fetch from its cause (undici's way of reporting a network
 * error): the cause says which proxy and what to do. Anything else is passed on as it came.
 */
function explainProxyFailure(error: unknown, proxy: ProxySetting, url: URL): unknown {
  // Duck-typed: undici's errors may come from another realm (a test's VM context).
  const chain: { message?: unknown; code?: unknown }[] = [];
  for (
    let link = (error as { cause?: unknown })?.cause;
    link && typeof link === 'object' && chain.length < 5;
  ) {
    chain.push(link as { message?: unknown; code?: unknown });
    link = (link as { cause?: unknown }).cause;
  }
  for (const link of chain) {
    const text = String(link.message ?? '');
    // A refused CONNECT (https), or a 407 to a request in absolute form (http).
    const refused = /^Proxy response \((\d+)\) !== 200|^Proxy Authentication Required \((407)\)/.exec(text);
    if (refused) return fetchFailed(refusal(proxy, url.host, Number(refused[1] ?? refused[2])));
  }
  const first = chain[0];
  const code = typeof first?.code === 'string' ? first.code : '';
  // Through a proxy, the only connections made here are to the proxy.
  if (UNREACHABLE.has(code)) {
    const detail = String(first!.message ?? '') || code;
    return fetchFailed(
      new ProxyError(`cannot reach the proxy ${describeProxy(proxy)}: ${detail}`, undefined, {
        cause: first,
      }),
    );
  }
  return error;
}

function refusal(proxy: ProxySetting, authority: string, status: number): ProxyError {
  return new ProxyError(
    `the proxy ${describeProxy(proxy)} refused the request to ${authority}: ${status}` +
      (status === 407 ? ' (the proxy wants credentials: user:password@ in the proxy URL)' : ''),
    status,
  );
}

/** Shaped as undici's own network failures, which Octokit reports by their cause. */
function fetchFailed(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}
