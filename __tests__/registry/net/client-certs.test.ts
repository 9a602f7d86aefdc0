/**
 * Which client certificates of certs.d a context holds: the first of each key type by name, as
 * Node's TLS keeps one per type; and keys Node cannot read are named, never quoted.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseClientPairs, withKeyType, type TypedPair } from '../../../src/registry/net/client-certs.js';
import { DockerCertsError } from '../../../src/registry/net/docker-certs.js';
import { makePki, type Pki } from '../../support/test-pki.js';

const pair = (name: string, keyType: string): TypedPair => ({
  name,
  keyType,
  cert: `C ${name}`,
  key: `K ${name}`,
});
const names = (pairs: TypedPair[]) => pairs.map((p) => p.name);

describe('chooseClientPairs', () => {
  test.each<[string, TypedPair[], string[], string[]]>([
    ['none', [], [], []],
    ['one', [pair('client.cert', 'ec')], ['client.cert'], []],
    // docker offers every pair; Node can hold one per key type: both types are offered
    ['an EC and an RSA pair', [pair('b.cert', 'rsa'), pair('a.cert', 'ec')], ['a.cert', 'b.cert'], []],
    // the same type twice: the first by name, as docker tries them in name order
    [
      'two EC pairs and an RSA one',
      [pair('z.cert', 'ec'), pair('m.cert', 'rsa'), pair('a.cert', 'ec')],
      ['a.cert', 'm.cert'],
      ['z.cert'],
    ],
    [
      'RSA and RSA-PSS are two types',
      [pair('a.cert', 'rsa'), pair('b.cert', 'rsa-pss')],
      ['a.cert', 'b.cert'],
      [],
    ],
  ])('%s', (_what, pairs, offered, notOffered) => {
    const choice = chooseClientPairs(pairs);
    expect(names(choice.offered)).toEqual(offered);
    expect(names(choice.notOffered)).toEqual(notOffered);
  });
});

describe('withKeyType', () => {
  let work: string;
  let pki: Pki;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'shipshape-client-certs-'));
    pki = makePki(work, 'client CA');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the key’s type, from the key itself', () => {
    const ec = pki.client('ec client');
    const rsa = pki.client('rsa client', { keyType: 'rsa' });
    expect(withKeyType({ ...ec, name: 'a.cert' }, '/certs.d/reg:5443').keyType).toBe('ec');
    expect(withKeyType({ ...rsa, name: 'b.cert' }, '/certs.d/reg:5443').keyType).toBe('rsa');
  });

  test('a key Node cannot read: an error naming the key file and its certificate, not quoting it', () => {
    const { cert } = pki.client('x');
    const error = (() => {
      try {
        withKeyType({ cert, key: 'not a key: hunter2', name: 'client.cert' }, '/certs.d/reg:5443');
      } catch (thrown) {
        return thrown as Error;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(DockerCertsError);
    expect(error.message).toBe(
      '/certs.d/reg:5443/client.key is not an unencrypted PEM private key (the key of client certificate client.cert)',
    );
  });
});
