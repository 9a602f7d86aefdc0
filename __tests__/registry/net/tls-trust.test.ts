/**
 * The CA list and context each host gets: certs.d, then Node's defaults (bundled and
 * NODE_EXTRA_CA_CERTS), then (asked for again, after a certificate those did not verify) the
 * system's store, each certificate once; built once per host, one
 * context shared by the hosts with nothing in certs.d; nothing read for the hosts that are not
 * verified; and on a Node that cannot read the system's store, Node's own context as before.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { DockerCertsError } from '../../../src/registry/net/docker-certs.js';
import {
  composeCaList,
  systemCertificates,
  TlsTrust,
  type CaSources,
} from '../../../src/registry/net/tls-trust.js';
import { makePki, type Pki } from '../../support/test-pki.js';

let work: string;
let root: string;
let pki: Pki;
/** Three distinct CAs standing for "Node's bundle", "NODE_EXTRA_CA_CERTS" and "the system's store". */
let bundled: string;
let extra: string;
let system: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipshape-tls-trust-'));
  root = join(work, 'certs.d');
  pki = makePki(join(work, 'pki'), 'certs.d CA');
  bundled = makePki(join(work, 'bundled'), 'bundled CA').ca;
  extra = makePki(join(work, 'extra'), 'extra CA').ca;
  system = makePki(join(work, 'system'), 'system CA').ca;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Sources that count their calls; `systemStore: null` is a Node before 22.15, which cannot read it. */
function sources(systemStore: string[] | null = [system, bundled]) {
  const calls = { defaults: 0, system: 0 };
  const given: CaSources = {
    defaults: () => (calls.defaults++, [bundled, extra]),
    system: () => (calls.system++, systemStore ?? undefined),
  };
  return { given, calls };
}

function certsD(host: string, files: Record<string, string>) {
  const dir = join(root, host);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

const trustOf = (s: CaSources) => new TlsTrust({ certsRoot: root, env: {} }, s);

describe('composeCaList', () => {
  test('certs.d, then the defaults, then the system’s; each certificate once, whitespace aside', () => {
    expect(composeCaList(['A'], ['B', 'C'], ['D'])).toEqual(['A', 'B', 'C', 'D']);
    expect(composeCaList(['A\r\n'], ['A\n', 'B'], ['B', 'C'])).toEqual(['A\r\n', 'B', 'C']);
    expect(composeCaList([], ['B'], undefined)).toEqual(['B']);
  });
});

describe('TlsTrust.forHost', () => {
  test.each([
    ['a verified host with nothing in certs.d, first', 'ghcr.io', false],
    [
      'a host that is not verified (loopback, insecure-registries), its certs.d CA aside',
      'localhost:5443',
      true,
    ],
  ])('%s: Node’s own context, no CA list, no store read', (_what, host, insecure) => {
    const { given, calls } = sources();
    if (insecure) certsD(host, { 'ca.crt': pki.ca });
    expect(trustOf(given).forHost(host, insecure)).toMatchObject({
      ca: undefined,
      secureContext: null,
      rejectUnauthorized: !insecure,
      systemStore: false,
    });
    expect(calls).toEqual({ defaults: 0, system: 0 });
  });

  test('a verified host with nothing in certs.d, with the system’s store: the defaults and it, in one context for all such hosts', () => {
    const { given, calls } = sources();
    const trust = trustOf(given);
    const a = trust.forHost('ghcr.io', false, 'with');
    const b = trust.forHost('registry.example:5443', false, 'with');
    expect(a.ca).toEqual([bundled, extra, system]);
    expect(a.rejectUnauthorized).toBe(true);
    expect(a.systemStore).toBe(true);
    expect(a.secureContext).not.toBeNull();
    expect(b.secureContext).toBe(a.secureContext);
    expect(calls).toEqual({ defaults: 1, system: 1 });
  });

  test('a CA in certs.d comes first, in a context of the host’s own', () => {
    const { given } = sources();
    certsD('private.example:5443', { 'ca.crt': pki.ca });
    const trust = trustOf(given);
    const plain = trust.forHost('ghcr.io', false, 'with');
    expect(trust.forHost('private.example:5443', false).ca).toEqual([pki.ca, bundled, extra]);
    const own = trust.forHost('private.example:5443', false, 'with');
    expect(own.ca).toEqual([pki.ca, bundled, extra, system]);
    expect(own.secureContext).not.toBe(plain.secureContext);
    expect(own.certsDir).toBe(join(root, 'private.example:5443'));
  });

  test('built once per host: a later change to certs.d is not read again in the run', () => {
    const { given } = sources();
    const trust = trustOf(given);
    const first = trust.forHost('once.example', false);
    certsD('once.example', { 'ca.crt': pki.ca });
    expect(trust.forHost('once.example', false)).toBe(first);
    expect(first.ca).toBeUndefined();
    expect(trust.forHost('once.example', false, 'with').ca).not.toContain(pki.ca);
  });

  test('an insecure host with a client certificate: a context for it, still no CA read', () => {
    const { given, calls } = sources();
    const client = pki.client('insecure client');
    certsD('insecure-mtls.example', { 'client.cert': client.cert, 'client.key': client.key });
    const trust = trustOf(given);
    const insecure = trust.forHost('insecure-mtls.example', true);
    expect(insecure.secureContext).not.toBeNull();
    expect(insecure.clientCertificates).toEqual(['client.cert']);
    expect(calls).toEqual({ defaults: 0, system: 0 });
  });

  test('a Node that cannot read the system’s store: Node’s own context, or certs.d on top of its defaults', () => {
    const { given } = sources(null);
    const trust = trustOf(given);
    expect(trust.forHost('ghcr.io', false, 'with')).toMatchObject({
      ca: undefined,
      secureContext: null,
      systemStore: false,
    });
    certsD('old-node.example', { 'ca.crt': pki.ca });
    const own = trust.forHost('old-node.example', false, 'with');
    expect(own.ca).toEqual([pki.ca, bundled, extra]);
    expect(own.systemStore).toBe(false);
  });

  test('client certificates: the first of each key type offered, the rest named', () => {
    const { given } = sources();
    const ec = pki.client('ec client');
    const ec2 = pki.client('second ec client');
    const rsa = pki.client('rsa client', { keyType: 'rsa' });
    certsD('pairs.example', {
      'a.cert': ec.cert,
      'a.key': ec.key,
      'b.cert': rsa.cert,
      'b.key': rsa.key,
      'c.cert': ec2.cert,
      'c.key': ec2.key,
    });
    const trust = trustOf(given).forHost('pairs.example', false);
    expect(trust.clientCertificates).toEqual(['a.cert', 'b.cert']);
    expect(trust.notOffered).toEqual(['c.cert']);
    expect(trust.ca).toBeUndefined(); // Node's own CAs beside the client certificates
    expect(trustOf(given).forHost('pairs.example', false, 'with').ca).toEqual([bundled, extra, system]);
  });

  test('a client certificate that is not its key’s: an error naming the directory, quoting nothing', () => {
    const { given } = sources();
    const one = pki.client('one');
    const other = pki.client('other');
    certsD('mismatch.example', { 'client.cert': one.cert, 'client.key': other.key });
    let error: Error | undefined;
    try {
      trustOf(given).forHost('mismatch.example', false);
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(error).toBeInstanceOf(DockerCertsError);
    expect(error!.message).toBe(
      `${join(root, 'mismatch.example')}: a client certificate is not the one of its key (ERR_OSSL_X509_KEY_VALUES_MISMATCH)`,
    );
  });
});

describe('the system’s store as Node reads it', () => {
  const hasIt = typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';
  (hasIt ? test : test.skip)('on this Node: tls.getCACertificates("system")', () => {
    const get = (tls as unknown as { getCACertificates(type: string): string[] }).getCACertificates;
    expect(systemCertificates()).toEqual(get('system'));
  });
  (hasIt ? test.skip : test)('before Node 22.15: undefined, and the defaults alone are trusted', () => {
    expect(systemCertificates()).toBeUndefined();
  });
});
