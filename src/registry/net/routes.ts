/**
 * How each request reaches its host: directly or through the proxy the environment names, over
 * TLS with what docker trusts for that host, or in plain HTTP. One keep-alive Agent per host (per
 * proxy for plain HTTP), made on first use and kept, so the requests of a run share connections.
 */
import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isInsecureRegistry } from '../endpoint.js';
import { DOCKER_CERTS_DIR } from './docker-certs.js';
import { describeProxy, proxyFor, type ProxySetting } from './proxy-env.js';
import { ProxyError, TunnelAgent } from './proxy-tunnel.js';
import { explainTlsError, isUntrustedChain, type TlsContext } from './tls-errors.js';
import { TlsTrust, type CaSources, type SystemStore } from './tls-trust.js';

export interface RoutesOptions {
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case), NODE_EXTRA_CA_CERTS. */
  env: Record<string, string | undefined>;
  /** Hosts (`host` or `host:port`) docker would call insecure, besides the loopback. */
  insecureRegistries?: readonly string[];
  /** docker's certs.d directory; `/etc/docker/certs.d` by default. */
  certsRoot?: string;
  /** Agent options for every agent made here (keep-alive settings). */
  agentOptions?: AgentOptions;
  /** For tests: the CAs beyond certs.d (Node's defaults and the system's store by default). */
  caSources?: CaSources;
}

/** Where and how one request is sent. */
export interface Route {
  /** TLS to the first hop: the registry, or an https proxy. */
  secure: boolean;
  agent: HttpAgent;
  /** node:http(s).request's where: the URL's host, or the proxy with the URL as an absolute path. */
  where: { hostname: string; port: string | number; path: string };
  /** Headers the hop needs: Host and Proxy-Authorization for a plain request through a proxy. */
  headers: Record<string, string>;
  /** The proxy a plain-HTTP request goes through (its 407 is an error of ours, not the registry's). */
  proxy?: ProxySetting;
  /** A failure in words that say what to do about it: an untrusted certificate, an unreachable proxy. */
  explain(error: Error): Error;
  /**
   * After `error`: true when the host now trusts more (the system's CA store, read only for a
   * certificate the rest did not verify), so the request is worth sending once more.
   */
  trustMore?(error: Error): boolean;
}

interface SecureHost {
  agent: HttpAgent;
  context: TlsContext;
  systemStore: SystemStore;
}

export class Routes {
  private readonly agents = new Map<string, HttpAgent>();
  private readonly secureHosts = new Map<string, SecureHost>();
  private readonly trust: TlsTrust;

  constructor(private readonly options: RoutesOptions) {
    const settings = { certsRoot: options.certsRoot ?? DOCKER_CERTS_DIR, env: options.env };
    this.trust = options.caSources ? new TlsTrust(settings, options.caSources) : new TlsTrust(settings);
  }

  /** An http URL of a host docker would try over TLS first: the loopback, `insecure-registries`. */
  triesTlsFirst(url: URL): boolean {
    return url.protocol === 'http:' && this.insecure(url);
  }

  /** Throws (a ProxyConfigError, a DockerCertsError) when the settings for this URL cannot be used. */
  route(url: URL): Route {
    const proxy = proxyFor(url, this.options.env);
    if (url.protocol === 'https:') return this.secureRoute(url, proxy);
    if (!proxy) {
      return {
        secure: false,
        agent: this.agent('http', () => new HttpAgent(this.options.agentOptions)),
        where: { hostname: bare(url.hostname), port: url.port || 80, path: url.pathname + url.search },
        headers: {},
        explain: (error) => error,
      };
    }
    const secureProxy = proxy.url.protocol === 'https:';
    return {
      secure: secureProxy,
      agent: this.agent(`proxy ${proxy.url.href}`, () =>
        secureProxy ? new HttpsAgent(this.options.agentOptions) : new HttpAgent(this.options.agentOptions),
      ),
      where: {
        hostname: bare(proxy.url.hostname),
        port: proxy.url.port || (secureProxy ? 443 : 80),
        path: url.href, // the absolute form, as a proxy wants it
      },
      headers: {
        Host: url.host,
        ...(proxy.authorization && { 'Proxy-Authorization': proxy.authorization }),
      },
      proxy,
      explain: (error) =>
        error instanceof ProxyError
          ? error
          : new ProxyError(`cannot reach the proxy ${describeProxy(proxy)}`, undefined, { cause: error }),
    };
  }

  private secureRoute(url: URL, proxy: ProxySetting | undefined): Route {
    const host = url.host;
    const key = `${host} ${proxy?.url.href ?? 'direct'}`;
    let used = this.secureHosts.get(key);
    if (used === undefined) {
      used = this.secureHost(host, proxy, this.insecure(url), 'without');
      this.secureHosts.set(key, used);
    }
    return {
      secure: true,
      agent: used.agent,
      where: { hostname: bare(url.hostname), port: url.port || 443, path: url.pathname + url.search },
      headers: {},
      explain: (error) => explainTlsError(error, used.context) ?? error,
      trustMore: (error) => {
        if (used.systemStore === 'with' || !isUntrustedChain(error) || this.insecure(url)) return false;
        // A request that failed beside the first one finds the wider trust already in place.
        if (this.secureHosts.get(key) !== used) return true;
        const wider = this.secureHost(host, proxy, this.insecure(url), 'with');
        this.secureHosts.set(key, wider);
        // On a Node that cannot read the system's store there is nothing more to trust.
        return wider.context.systemStore === true;
      },
    };
  }

  // Built once per host (and once more with the system's store), only for TLS: plain HTTP never reads a CA.
  private secureHost(
    host: string,
    proxy: ProxySetting | undefined,
    insecure: boolean,
    systemStore: SystemStore,
  ): SecureHost {
    const trust = this.trust.forHost(host, insecure, systemStore);
    const options = {
      ...this.options.agentOptions,
      rejectUnauthorized: trust.rejectUnauthorized,
      ...(trust.secureContext && { secureContext: trust.secureContext }),
    };
    return {
      agent: proxy ? new TunnelAgent(proxy, options) : new HttpsAgent(options),
      context: {
        host,
        certsDir: trust.certsDir,
        clientCertificates: trust.clientCertificates,
        notOffered: trust.notOffered,
        systemStore: trust.systemStore,
      },
      systemStore,
    };
  }

  private insecure(url: URL): boolean {
    return isInsecureRegistry(url.host, this.options.insecureRegistries);
  }

  private agent(key: string, make: () => HttpAgent): HttpAgent {
    let agent = this.agents.get(key);
    if (!agent) {
      agent = make();
      this.agents.set(key, agent);
    }
    return agent;
  }
}

// node:http wants an IPv6 literal without the brackets a URL keeps.
function bare(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
