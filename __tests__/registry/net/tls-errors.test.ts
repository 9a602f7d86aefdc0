/**
 * The words for each TLS failure, on errors shaped as Node makes them (the real ones, from real
 * handshakes, are in routed-fetch.test.ts), and which failures mean "this server speaks plain HTTP".
 */
import { describe, expect, test } from '@jest/globals';
import { explainTlsError, isPlainHttpAnswer, TlsTrustError } from '../../../src/registry/net/tls-errors.js';

const context = { host: 'reg.corp:5443', certsDir: '/etc/docker/certs.d/reg.corp:5443' };
const nodeError = (message: string, code: string, extra: object = {}) =>
  Object.assign(new Error(message), { code }, extra);

describe('explainTlsError', () => {
  test.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
  ])('%s: the host, the reason, and ca.crt in its certs.d directory', (code) => {
    const error = explainTlsError(nodeError('unable to verify', code), context);
    expect(error).toBeInstanceOf(TlsTrustError);
    expect(error!.code).toBe(code);
    expect(error!.message).toMatch(/^TLS to reg\.corp:5443 failed: its certificate/);
    expect(error!.message).toContain(
      `(${code}). Put the CA that signs it in /etc/docker/certs.d/reg.corp:5443/ca.crt`,
    );
  });

  test('an expired certificate: said so, no advice to trust another CA as the fix', () => {
    const error = explainTlsError(nodeError('certificate has expired', 'CERT_HAS_EXPIRED'), context)!;
    expect(error.message).toBe(
      "TLS to reg.corp:5443 failed: its certificate has expired (CERT_HAS_EXPIRED). The registry's certificate must be fixed; a CA of your own for it goes in /etc/docker/certs.d/reg.corp:5443/ca.crt",
    );
  });

  test("a name mismatch keeps Node's reason, which lists the certificate's names", () => {
    const reason = "Host: reg.corp. is not in the cert's altnames: DNS:other.corp";
    const error = explainTlsError(
      nodeError(
        `Hostname/IP does not match certificate's altnames: ${reason}`,
        'ERR_TLS_CERT_ALTNAME_INVALID',
        { reason },
      ),
      context,
    )!;
    expect(error.message).toContain(`is for another name (ERR_TLS_CERT_ALTNAME_INVALID): ${reason}.`);
  });

  test('a refused client certificate names the file offered', () => {
    const error = explainTlsError(
      nodeError('sslv3 alert bad certificate', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'),
      { ...context, clientCertificates: ['client.cert'] },
    )!;
    expect(error.message).toMatch(
      /^TLS to reg\.corp:5443 failed: it refused the client certificate \/etc\/docker\/certs\.d\/reg\.corp:5443\/client\.cert \(/,
    );
  });

  test('several offered, one left out: all named, and why the last was not offered', () => {
    const error = explainTlsError(
      nodeError('sslv3 alert bad certificate', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'),
      { ...context, clientCertificates: ['a.cert', 'b.cert'], notOffered: ['c.cert'] },
    )!;
    expect(error.message).toBe(
      'TLS to reg.corp:5443 failed: it refused the client certificates /etc/docker/certs.d/reg.corp:5443/a.cert, ' +
        '/etc/docker/certs.d/reg.corp:5443/b.cert (ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE). A client certificate for it ' +
        'goes in /etc/docker/certs.d/reg.corp:5443/ as NAME.cert with its key NAME.key, as for docker; not offered: ' +
        'c.cert (Node offers one client certificate per key type, the first by name)',
    );
  });

  test('where a CA goes: the system’s store is named only when it is read', () => {
    const untrusted = nodeError('unable to verify', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    const tail = (systemStore: boolean) =>
      explainTlsError(untrusted, { ...context, systemStore })!.message.split('ca.crt ')[1];
    expect(tail(true)).toBe(
      '(where docker looks for it), in the file NODE_EXTRA_CA_CERTS names, or in the system’s CA store',
    );
    expect(tail(false)).toBe('(where docker looks for it), or in the file NODE_EXTRA_CA_CERTS names');
  });

  test('found in the cause chain too', () => {
    const wrapped = new Error('fetch failed', { cause: nodeError('x', 'CERT_HAS_EXPIRED') });
    expect(explainTlsError(wrapped, context)?.code).toBe('CERT_HAS_EXPIRED');
  });

  test.each([
    nodeError('connect ECONNREFUSED 127.0.0.1:5443', 'ECONNREFUSED'),
    nodeError('socket hang up', 'ECONNRESET'),
    new Error('no code at all'),
  ])('not a certificate problem (%s): left to the caller', (error) => {
    expect(explainTlsError(error, context)).toBeUndefined();
  });
});

describe('isPlainHttpAnswer', () => {
  test.each<[Error, boolean]>([
    // OpenSSL reading "HTTP/1.1 400" as a TLS record
    [nodeError('write EPROTO ...:SSL routines:ssl3_get_record:wrong version number:...', 'EPROTO'), true],
    [nodeError('x', 'ERR_SSL_WRONG_VERSION_NUMBER'), true],
    [nodeError('...:packet length too long:...', 'EPROTO'), true],
    // the server hung up on the hello
    [
      nodeError(
        'Client network socket disconnected before secure TLS connection was established',
        'ECONNRESET',
      ),
      true,
    ],
    [nodeError('read ECONNRESET', 'ECONNRESET'), true],
    // a TLS server that refuses us is still a TLS server
    [nodeError('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), false],
    [nodeError('sslv3 alert bad certificate', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), false],
    [nodeError('connect ECONNREFUSED 127.0.0.1:5000', 'ECONNREFUSED'), false],
  ])('%s -> %s', (error, plain) => {
    expect(isPlainHttpAnswer(error)).toBe(plain);
  });
});
