/**
 * TLS failures in words a user can act on. A certificate Node cannot verify becomes a message
 * that names the host, the reason, and where docker (and so shipshape) looks for the CA; a server
 * that wants a client certificate says where that goes. And one question for the scheme fallback:
 * did the server answer our TLS hello in plain HTTP?
 */
import { causeChain } from '../retry.js';

export interface TlsContext {
  /** `host:port` as in the image reference. */
  host: string;
  /** The certs.d directory docker reads for that host. */
  certsDir: string;
  /** The client certificates offered (their file names), if any. */
  clientCertificates?: readonly string[];
  /** certs.d's client certificates that could not be offered (a second of a key type). */
  notOffered?: readonly string[];
  /** The system's CA store is trusted too, so a CA can go there. */
  systemStore?: boolean;
}

export class TlsTrustError extends Error {
  constructor(
    message: string,
    /** Node's code for the failure (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`, ...). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'TlsTrustError';
  }
}

/** A signature chain that ends in no CA we trust. */
const UNTRUSTED = new Map([
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its certificate is signed by a CA this runner does not trust'],
  ['UNABLE_TO_GET_ISSUER_CERT', 'its certificate is signed by a CA this runner does not trust'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'its certificate is signed by a CA this runner does not trust'],
  ['CERT_UNTRUSTED', 'its certificate is signed by a CA this runner does not trust'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'its certificate chain ends in a self-signed CA this runner does not trust'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its certificate is self-signed, and this runner does not trust it'],
]);

const INVALID = new Map([
  ['CERT_HAS_EXPIRED', 'its certificate has expired'],
  ['CERT_NOT_YET_VALID', 'its certificate is not valid yet (or this runner’s clock is behind)'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is for another name'],
  ['HOSTNAME_MISMATCH', 'its certificate is for another name'],
  ['CERT_SIGNATURE_FAILURE', 'its certificate’s signature does not verify'],
  ['CERT_REVOKED', 'its certificate has been revoked'],
  ['INVALID_CA', 'a CA in its chain is not a valid CA'],
  ['INVALID_PURPOSE', 'its certificate is not for a TLS server'],
]);

/** A certificate chain that ends in no CA we trust: a failure that more CAs may cure. */
export function isUntrustedChain(error: unknown): boolean {
  return causeChain(error).some(({ code }) => typeof code === 'string' && UNTRUSTED.has(code));
}

/**
 * The error for a TLS failure talking to `context.host`; undefined when `error` is no certificate
 * problem (a refused connection, a reset), which the caller reports as it is.
 */
export function explainTlsError(error: unknown, context: TlsContext): TlsTrustError | undefined {
  for (const { message, code } of causeChain(error)) {
    if (typeof code !== 'string') continue;
    const untrusted = UNTRUSTED.get(code);
    if (untrusted) {
      return new TlsTrustError(
        `TLS to ${context.host} failed: ${untrusted} (${code}). Put the CA that signs it in ` +
          `${context.certsDir}/ca.crt (where docker looks for it), ` +
          (context.systemStore
            ? 'in the file NODE_EXTRA_CA_CERTS names, or in the system’s CA store'
            : 'or in the file NODE_EXTRA_CA_CERTS names'),
        code,
      );
    }
    const invalid = INVALID.get(code);
    if (invalid) {
      // Node's reason for a name mismatch lists the names the certificate is for: worth keeping.
      const detail = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? `: ${altnameReason(error, message)}` : '';
      return new TlsTrustError(
        `TLS to ${context.host} failed: ${invalid} (${code})${detail}. The registry's certificate must ` +
          `be fixed; a CA of your own for it goes in ${context.certsDir}/ca.crt`,
        code,
      );
    }
    if (/ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE)/.test(code)) {
      const offered = context.clientCertificates ?? [];
      const said =
        offered.length === 0
          ? 'it wants a client certificate'
          : `it refused the client certificate${offered.length > 1 ? 's' : ''} ` +
            offered.map((name) => `${context.certsDir}/${name}`).join(', ');
      const notOffered = context.notOffered ?? [];
      const unused =
        notOffered.length === 0
          ? ''
          : `; not offered: ${notOffered.join(', ')} (Node offers one client certificate per key type, the first by name)`;
      return new TlsTrustError(
        `TLS to ${context.host} failed: ${said} (${code}). A client certificate for it goes in ` +
          `${context.certsDir}/ as NAME.cert with its key NAME.key, as for docker${unused}`,
        code,
      );
    }
  }
  return undefined;
}

function altnameReason(error: unknown, message: string): string {
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : message;
}

/**
 * The server answered our TLS hello with something that is not TLS: an HTTP response read as a
 * TLS record (`wrong version number`, `packet length too long`), or the connection dropped before
 * the handshake. Only meaningful for an error before the handshake completed.
 */
export function isPlainHttpAnswer(error: unknown): boolean {
  for (const { message, code } of causeChain(error)) {
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') return true;
    if (/wrong version number|packet length too long|unknown protocol/i.test(message)) return true;
    if (code === 'ECONNRESET' || /socket disconnected before secure TLS connection/i.test(message))
      return true;
  }
  return false;
}
