/**
 * Which of certs.d's client certificates a TLS connection offers. docker (Go's TLS) keeps every
 * `NAME.cert` + `NAME.key` pair and, in each handshake, sends the first one by name that the
 * server accepts: a key type its signature algorithms allow, an issuer among the CAs it names.
 * Node's TLS (OpenSSL) holds one certificate per key type in a context and picks among those by
 * the server's signature algorithms only. So the first pair of each key type (RSA, ECDSA,
 * Ed25519, ...) is offered, which gives docker's choice between key types; a later pair of a type
 * already taken is not offered (docker would send it to a server that names only its issuer).
 */
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { DockerCertsError, type ClientPair } from './docker-certs.js';

export interface TypedPair extends ClientPair {
  /** Node's name for the key's algorithm: `rsa`, `ec`, `ed25519`, `rsa-pss`, ... */
  keyType: string;
}

export interface ClientChoice {
  /** The pairs a context holds: the first of each key type, in name order. */
  offered: TypedPair[];
  /** Pairs left out, each after the first of its key type. */
  notOffered: TypedPair[];
}

/** The pure half: the first pair of each key type, by name (the order docker tries them in). */
export function chooseClientPairs(pairs: readonly TypedPair[]): ClientChoice {
  const choice: ClientChoice = { offered: [], notOffered: [] };
  const taken = new Set<string>();
  for (const pair of [...pairs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (taken.has(pair.keyType)) choice.notOffered.push(pair);
    else {
      taken.add(pair.keyType);
      choice.offered.push(pair);
    }
  }
  return choice;
}

/** The key's type; a key Node cannot read (encrypted, not PEM) is an error naming its file, not quoting it. */
export function withKeyType(pair: ClientPair, dir: string): TypedPair {
  let keyType: string | undefined;
  try {
    keyType = createPrivateKey(pair.key).asymmetricKeyType;
  } catch {
    // Go's LoadX509KeyPair refuses the same keys (docker fails to push with one).
  }
  const keyFile = `${pair.name.slice(0, -'.cert'.length)}.key`;
  if (!keyType) {
    throw new DockerCertsError(
      `${join(dir, keyFile)} is not an unencrypted PEM private key (the key of client certificate ${pair.name})`,
    );
  }
  return { ...pair, keyType };
}
