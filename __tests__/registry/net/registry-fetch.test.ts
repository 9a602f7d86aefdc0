import { describe, expect, test } from '@jest/globals';
import { registryFetch } from '../../../src/registry/net/registry-fetch.js';

describe('registryFetch', () => {
  test('one fetch (one pool of connections) for the same settings, however many clients ask', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'ghcr.io' };
    const a = registryFetch({ env: { ...env }, insecureRegistries: ['b.lan', 'a.lan'] });
    const b = registryFetch({ env: { ...env, UNRELATED: 'x' }, insecureRegistries: ['a.lan', 'b.lan'] });
    expect(a).toBe(b);
  });

  test.each<[string, Record<string, string>, string[]]>([
    ['another proxy', { HTTPS_PROXY: 'http://other.corp:3128' }, []],
    ['another NO_PROXY', { NO_PROXY: 'x' }, []],
    ['another certs.d', { SHIPSHAPE_DOCKER_CERTS_DIR: '/tmp/certs.d' }, []],
    ['another NODE_EXTRA_CA_CERTS', { NODE_EXTRA_CA_CERTS: '/tmp/ca.pem' }, []],
    ['other insecure registries', {}, ['c.lan']],
  ])('%s: another fetch', (_what, env, insecureRegistries) => {
    const base = registryFetch({ env: {} });
    expect(registryFetch({ env, insecureRegistries })).not.toBe(base);
  });

  test('the proxy credentials are reported for masking at once, before any request', () => {
    const secrets: string[] = [];
    registryFetch({
      env: {
        HTTPS_PROXY: 'http://me:pa%24%24@proxy.corp:3128',
        http_proxy: 'http://you:other@proxy.corp:3128',
      },
      onSecret: (value) => secrets.push(value),
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        'pa$$',
        'pa%24%24',
        `Basic ${Buffer.from('me:pa$$').toString('base64')}`,
        'other',
        `Basic ${Buffer.from('you:other').toString('base64')}`,
      ]),
    );
  });
});
