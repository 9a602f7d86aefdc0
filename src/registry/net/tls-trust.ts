/**
 * The TLS settings for one registry host, as docker would have them: the CAs and the client
 * certificate of its certs.d directory on top of what Node trusts anyway (its CA store and
 * NODE_EXTRA_CA_CERTS); no verification for the hosts docker calls insecure (the loopback and
 * `insecure-registries`), which docker speaks to over TLS without checking the certificate.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { readHostCerts } from './docker-certs.js';

export interface TrustSettings {
  /** docker's certs.d directory: `/etc/docker/certs.d` unless a test or a rootless setup says otherwise. */
  certsRoot: string;
  /** NODE_EXTRA_CA_CERTS is read from here when the CA list has to be spelled out. */
  env: Record<string, string | undefined>;
}

export interface HostTls {
  /** Null: Node's default context (its CA store and NODE_EXTRA_CA_CERTS), nothing added. */
  secureContext: tls.SecureContext | null;
  rejectUnauthorized: boolean;
  /** Where a CA for this host goes (named when its certificate is not trusted). */
  certsDir: string;
  /** The client certificate's file, when certs.d gives one. */
  clientCertificate?: string;
}

/** Built once per host: a secure context parses every CA it holds, ~20 ms for Node's store. */
export function hostTls(host: string, insecure: boolean, settings: TrustSettings): HostTls {
  const certs = readHostCerts(host, settings.certsRoot);
  const rejectUnauthorized = !insecure;
  if (certs.ca.length === 0 && !certs.client) {
    return { secureContext: null, rejectUnauthorized, certsDir: certs.dir };
  }
  // Given a `ca`, Node trusts only it: the defaults must be listed too, as docker adds certs.d's
  // CAs to the system pool rather than replacing it.
  const ca = certs.ca.length > 0 ? [...certs.ca, ...defaultCertificates(settings.env)] : undefined;
  const secureContext = tls.createSecureContext({
    ...(ca && { ca }),
    ...(certs.client && { cert: certs.client.cert, key: certs.client.key }),
  });
  return {
    secureContext,
    rejectUnauthorized,
    certsDir: certs.dir,
    ...(certs.client && { clientCertificate: certs.client.name }),
  };
}

type GetCACertificates = (type: 'default') => string[];

/**
 * What Node trusts by default: `tls.getCACertificates('default')` where Node has it (22.15, 23.10
 * and later: its store, NODE_EXTRA_CA_CERTS and the system store when Node is told to use it);
 * before, its bundled store and the NODE_EXTRA_CA_CERTS file, read here.
 */
export function defaultCertificates(env: Record<string, string | undefined>): string[] {
  const getCACertificates = (tls as unknown as { getCACertificates?: GetCACertificates }).getCACertificates;
  if (getCACertificates) return getCACertificates('default');
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
