/**
 * Certificates for TLS tests, made by openssl in a directory of the test's: a CA of its own, server
 * certificates it signs for given names (or that have expired), a self-signed one, and a client
 * certificate for mutual TLS. EC keys, so that making them takes milliseconds (RSA when asked).
 *
 *   const pki = makePki(dir);
 *   const server = pki.server('registry.test', ['DNS:localhost', 'IP:127.0.0.1']);
 *   createHttpsServer({ cert: server.cert, key: server.key }, ...);
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pair {
  cert: string;
  key: string;
}

export interface Pki {
  /** The CA's certificate (PEM). */
  ca: string;
  /** A certificate the CA signs, for the given subjectAltName entries (`DNS:x`, `IP:1.2.3.4`). */
  server(name: string, altNames: string[], options?: { expired?: boolean; keyType?: KeyType }): Pair;
  /** A client certificate the CA signs. */
  client(name: string, options?: { keyType?: KeyType }): Pair;
  /** A certificate that signs itself, for the given names. */
  selfSigned(name: string, altNames: string[]): Pair;
}

export type KeyType = 'ec' | 'rsa';

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256'];
const RSA = ['-newkey', 'rsa:2048', '-nodes', '-sha256'];

export function makePki(dir: string, caName = 'test CA'): Pki {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const slug = caName.replace(/\W+/g, '-');
  openssl([
    'req',
    '-x509',
    ...EC,
    '-days',
    '2',
    '-subj',
    `/CN=${caName}`,
    '-keyout',
    file(`${slug}.key`),
    '-out',
    file(`${slug}.crt`),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  let serial = 0;
  const signed = (name: string, extensions: string, expired = false, keyType: KeyType = 'ec'): Pair => {
    const base = file(`${slug}-${++serial}`);
    openssl([
      'req',
      ...(keyType === 'rsa' ? RSA : EC),
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${base}.key`,
      '-out',
      `${base}.csr`,
    ]);
    writeFileSync(`${base}.ext`, extensions);
    // -days -1: valid from now until a day ago, so expired (OpenSSL 3.0 has no -not_after).
    const validity = ['-days', expired ? '-1' : '2'];
    openssl([
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      file(`${slug}.crt`),
      '-CAkey',
      file(`${slug}.key`),
      '-set_serial',
      String(serial + 1000),
      ...validity,
      '-sha256',
      '-extfile',
      `${base}.ext`,
      '-out',
      `${base}.crt`,
    ]);
    return { cert: readFileSync(`${base}.crt`, 'utf8'), key: readFileSync(`${base}.key`, 'utf8') };
  };
  return {
    ca: readFileSync(file(`${slug}.crt`), 'utf8'),
    server: (name, altNames, options = {}) =>
      signed(
        name,
        `subjectAltName=${altNames.join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
        options.expired,
        options.keyType,
      ),
    client: (name, options = {}) =>
      signed(name, 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n', false, options.keyType),
    selfSigned: (name, altNames) => {
      const base = file(`${slug}-self-${++serial}`);
      openssl([
        'req',
        '-x509',
        ...EC,
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-addext',
        `subjectAltName=${altNames.join(',')}`,
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.crt`,
      ]);
      return { cert: readFileSync(`${base}.crt`, 'utf8'), key: readFileSync(`${base}.key`, 'utf8') };
    },
  };
}
