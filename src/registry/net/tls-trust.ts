/**
 * The TLS settings for each registry host, as docker would have them. A host docker verifies
 * trusts, in this order: the CAs of its certs.d directory, NODE_EXTRA_CA_CERTS (with Node's own
 * bundled CAs), and the system's CA store, as docker trusts the system's pool plus certs.d. The
 * system's store is added only for a host whose certificate the others do not verify (routes.ts
 * asks again): reading it and building a context of it costs ~40 ms, and the public registries'
 * CAs are in Node's bundle. The hosts docker calls insecure (the loopback, `insecure-registries`)
 * are spoken to over TLS without checking the certificate: no CA list is built for them, and none
 * is read for plain HTTP.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { chooseClientPairs, withKeyType } from './client-certs.js';
import { DockerCertsError, readHostCerts } from './docker-certs.js';

export interface TrustSettings {
  /** docker's certs.d directory: `/etc/docker/certs.d` unless a test or a rootless setup says otherwise. */
  certsRoot: string;
  /** NODE_EXTRA_CA_CERTS is read from here on a Node that cannot say what it trusts. */
  env: Record<string, string | undefined>;
}

/** Where the CAs beyond certs.d come from (Node's, unless a test gives its own). */
export interface CaSources {
  /** What Node trusts by default: its bundled CAs and NODE_EXTRA_CA_CERTS. */
  defaults(): string[];
  /** The system's store; undefined on a Node that cannot read it (before 22.15 and 23.10). */
  system(): string[] | undefined;
}

export interface HostTls {
  /** Null: Node's default context (its CA store and NODE_EXTRA_CA_CERTS), nothing added. */
  secureContext: tls.SecureContext | null;
  /** The CAs the context trusts; undefined: Node's defaults (or none needed: an insecure host). */
  ca: readonly string[] | undefined;
  rejectUnauthorized: boolean;
  /** Where a CA for this host goes (named when its certificate is not trusted). */
  certsDir: string;
  /** The client certificates offered (their `.cert` files): the first of each key type. */
  clientCertificates: string[];
  /** Client certificates of certs.d that are not offered: a second of a key type. */
  notOffered: string[];
  /** Whether the system's store is among the CAs (so a message can name it as a place for one). */
  systemStore: boolean;
}

/** Whether the system's store is added: on a second try, for a certificate the others did not verify. */
export type SystemStore = 'without' | 'with';

/**
 * certs.d's CAs, then Node's defaults (bundled, NODE_EXTRA_CA_CERTS), then the system's, each
 * certificate once. Given a `ca`, Node trusts only it, so everything trusted must be listed.
 */
export function composeCaList(
  certsD: readonly string[],
  defaults: readonly string[],
  system: readonly string[] | undefined,
): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const pem of [...certsD, ...defaults, ...(system ?? [])]) {
    const key = pem.replace(/\r\n/g, '\n').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(pem);
  }
  return list;
}

/**
 * The trust of every host a run reaches, built on first use and kept: a context parses each CA it
 * holds (~15-20 ms for Node's and Debian's stores), and reading the system store takes ~25-60 ms
 * the first time in a process. Hosts with nothing in certs.d share one context.
 */
export class TlsTrust {
  private readonly hosts = new Map<string, HostTls>();
  /** certs.d as first read for each host: the second try, with the system's store, reads no newer files. */
  private readonly certsRead = new Map<string, ReturnType<typeof readHostCerts>>();
  private base: { system: string[] | undefined; ca: string[] | undefined } | undefined;
  private shared: tls.SecureContext | null | undefined;

  constructor(
    private readonly settings: TrustSettings,
    private readonly sources: CaSources = nodeCaSources(settings.env),
  ) {}

  /**
   * `without` the system's store first; `with` it for a host whose certificate that did not
   * verify (the same as `without` for a host not verified, or on a Node that cannot read it).
   */
  forHost(host: string, insecure: boolean, systemStore: SystemStore = 'without'): HostTls {
    const key = `${insecure ? 'insecure' : `secure ${systemStore}`} ${host}`;
    let trust = this.hosts.get(key);
    if (!trust) {
      trust = this.build(host, insecure, systemStore === 'with');
      this.hosts.set(key, trust);
    }
    return trust;
  }

  private build(host: string, insecure: boolean, withSystem: boolean): HostTls {
    let certs = this.certsRead.get(host);
    if (!certs) {
      certs = readHostCerts(host, this.settings.certsRoot);
      this.certsRead.set(host, certs);
    }
    const clients = chooseClientPairs(certs.clients.map((pair) => withKeyType(pair, certs.dir)));
    const described = {
      rejectUnauthorized: !insecure,
      certsDir: certs.dir,
      clientCertificates: clients.offered.map((pair) => pair.name),
      notOffered: clients.notOffered.map((pair) => pair.name),
    };
    // Nothing is verified: no CA is needed, only the client certificates, if any.
    if (insecure) {
      const secureContext =
        clients.offered.length > 0 ? secureContextOf(certs.dir, undefined, clients.offered) : null;
      return { ...described, secureContext, ca: undefined, systemStore: false };
    }
    // Without the system's store: Node's own context, or certs.d's CAs on top of its defaults.
    const base = withSystem ? this.baseCa() : { system: undefined, ca: undefined };
    const systemStore = base.system !== undefined;
    if (certs.ca.length === 0 && clients.offered.length === 0) {
      return {
        ...described,
        secureContext: withSystem ? this.baseContext() : null,
        ca: base.ca,
        systemStore,
      };
    }
    const ca = certs.ca.length > 0 ? composeCaList(certs.ca, this.sources.defaults(), base.system) : base.ca;
    return { ...described, secureContext: secureContextOf(certs.dir, ca, clients.offered), ca, systemStore };
  }

  /** Node's defaults and the system's store; undefined where Node cannot read the system's. */
  private baseCa() {
    if (!this.base) {
      const system = this.sources.system();
      this.base = { system, ca: system && composeCaList([], this.sources.defaults(), system) };
    }
    return this.base;
  }

  /** The context of every verified host without a file in certs.d: null (Node's own) without the system's store. */
  private baseContext(): tls.SecureContext | null {
    if (this.shared === undefined) {
      const { ca } = this.baseCa();
      this.shared = ca ? tls.createSecureContext({ ca }) : null;
    }
    return this.shared;
  }
}

function secureContextOf(
  dir: string,
  ca: string[] | undefined,
  clients: readonly { cert: string; key: string }[],
): tls.SecureContext {
  try {
    return tls.createSecureContext({
      ...(ca && { ca }),
      ...(clients.length > 0 && { cert: clients.map((c) => c.cert), key: clients.map((c) => c.key) }),
    });
  } catch (error) {
    // Name the directory and OpenSSL's code; quote nothing from the files.
    const code = (error as NodeJS.ErrnoException).code ?? 'no code';
    const what = /KEY_VALUES_MISMATCH/.test(code)
      ? 'a client certificate is not the one of its key'
      : 'its certificates cannot be used';
    throw new DockerCertsError(`${dir}: ${what} (${code})`);
  }
}

type GetCACertificates = (type: 'default' | 'system') => string[];

function getCACertificates(): GetCACertificates | undefined {
  return (tls as unknown as { getCACertificates?: GetCACertificates }).getCACertificates;
}

/** Node's own answers: `tls.getCACertificates` where it exists, the fallbacks below before it. */
export function nodeCaSources(env: Record<string, string | undefined>): CaSources {
  return { defaults: () => defaultCertificates(env), system: systemCertificates };
}

/**
 * The system's store as Node reads it (on Linux, OpenSSL's default file and directory, or the
 * SSL_CERT_FILE and SSL_CERT_DIR they are overridden with); undefined before Node 22.15 and
 * 23.10, which cannot read it: there the defaults alone are trusted.
 */
export function systemCertificates(): string[] | undefined {
  const get = getCACertificates();
  if (!get) return undefined;
  try {
    return get('system');
  } catch {
    return undefined;
  }
}

/**
 * What Node trusts by default: `tls.getCACertificates('default')` where Node has it (22.15, 23.10
 * and later: its store, NODE_EXTRA_CA_CERTS and the system store when Node is told to use it);
 * before, its bundled store and the NODE_EXTRA_CA_CERTS file, read here.
 */
export function defaultCertificates(env: Record<string, string | undefined>): string[] {
  const get = getCACertificates();
  if (get) return get('default');
  const extra = env.NODE_EXTRA_CA_CERTS;
  let extraPem: string[] = [];
  if (extra) {
    try {
      extraPem = [readFileSync(extra, 'utf8')];
    } catch {
      // Node warns about an unreadable NODE_EXTRA_CA_CERTS at start-up and goes on without it; so do we.
    }
  }
  return [...tls.rootCertificates, ...extraPem];
}
