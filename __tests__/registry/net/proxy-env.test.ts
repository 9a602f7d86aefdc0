/**
 * The proxy rules of @actions/http-client (its proxy.ts), case by case: which variable, which
 * NO_PROXY entries bypass, the loopback; and proxy URLs with credentials.
 */
import { describe, expect, test } from '@jest/globals';
import {
  bypassesProxy,
  describeProxy,
  parseProxy,
  ProxyConfigError,
  proxyFor,
} from '../../../src/registry/net/proxy-env.js';

const P = 'http://proxy.corp:3128';

describe('proxyFor: which variable', () => {
  test.each<[string, Record<string, string>, string | undefined]>([
    ['https://reg.example/v2/', { HTTPS_PROXY: P }, 'HTTPS_PROXY'],
    ['https://reg.example/v2/', { https_proxy: P }, 'https_proxy'],
    // the lower-case name wins, as in http-client
    ['https://reg.example/v2/', { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, 'https_proxy'],
    // an empty lower-case value falls through to the upper-case one
    ['https://reg.example/v2/', { https_proxy: '', HTTPS_PROXY: P }, 'HTTPS_PROXY'],
    ['http://reg.example/v2/', { HTTP_PROXY: P }, 'HTTP_PROXY'],
    ['http://reg.example/v2/', { http_proxy: P, HTTP_PROXY: 'http://other:1' }, 'http_proxy'],
    // each scheme has its own variable: no borrowing
    ['https://reg.example/v2/', { HTTP_PROXY: P }, undefined],
    ['http://reg.example/v2/', { HTTPS_PROXY: P }, undefined],
    ['https://reg.example/v2/', {}, undefined],
  ])('%s with %j -> %s', (url, env, variable) => {
    expect(proxyFor(new URL(url), env)?.variable).toBe(variable);
  });

  test('the proxy URL comes back without its credentials', () => {
    const proxy = proxyFor(new URL('https://reg.example/'), { HTTPS_PROXY: 'http://u:p@proxy.corp:3128' });
    expect(proxy?.url.href).toBe('http://proxy.corp:3128/');
    expect(describeProxy(proxy!)).toBe('http://proxy.corp:3128 (HTTPS_PROXY)');
  });
});

describe('bypassesProxy: the loopback and NO_PROXY', () => {
  test.each<[string, string, boolean]>([
    // the loopback, whatever NO_PROXY says
    ['https://localhost:5443/', '', true],
    ['http://LOCALHOST/', '', true],
    ['http://127.0.0.1:5000/', '', true],
    ['http://127.8.9.10/', '', true],
    ['http://[::1]:5000/', '', true],
    ['http://[0:0:0:0:0:0:0:1]:5000/', '', true],
    ['https://reg.example/', '', false],
    ['https://localhost.example/', '', false],
    // `*` is everything
    ['https://reg.example/', '*', true],
    ['https://reg.example/', 'other.example, *', true],
    // a host, and its subdomains
    ['https://reg.example/', 'reg.example', true],
    ['https://a.b.reg.example/', 'reg.example', true],
    ['https://notreg.example/', 'reg.example', false],
    ['https://reg.example.org/', 'reg.example', false],
    // case and spaces do not matter; empty entries are skipped
    ['https://REG.Example/', ' , reg.EXAMPLE ,', true],
    // a leading dot: subdomains only
    ['https://a.reg.example/', '.reg.example', true],
    ['https://reg.example/', '.reg.example', false],
    // host:port entries match that port only; the default port counts when the URL has none
    ['https://reg.example:5443/', 'reg.example:5443', true],
    ['https://reg.example:5444/', 'reg.example:5443', false],
    ['https://reg.example/', 'reg.example:443', true],
    ['http://reg.example/', 'reg.example:80', true],
    ['http://reg.example/', 'reg.example:443', false],
    ['https://a.reg.example:5443/', 'reg.example:5443', true],
    // an IP as written
    ['https://10.1.2.3:5000/', '10.1.2.3', true],
    ['https://10.1.2.3:5000/', '10.1.2.4', false],
  ])('%s with NO_PROXY=%j -> %s', (url, noProxy, bypass) => {
    expect(bypassesProxy(new URL(url), { NO_PROXY: noProxy })).toBe(bypass);
  });

  test('no_proxy (lower case) is read first; an empty one falls through to NO_PROXY', () => {
    const url = new URL('https://reg.example/');
    expect(bypassesProxy(url, { no_proxy: 'reg.example', NO_PROXY: 'other' })).toBe(true);
    expect(bypassesProxy(url, { no_proxy: 'other', NO_PROXY: 'reg.example' })).toBe(false);
    expect(bypassesProxy(url, { no_proxy: '', NO_PROXY: 'reg.example' })).toBe(true);
  });

  test('a bypassed host gets no proxy at all', () => {
    expect(
      proxyFor(new URL('https://reg.example/'), { HTTPS_PROXY: P, NO_PROXY: 'reg.example' }),
    ).toBeUndefined();
    expect(proxyFor(new URL('https://localhost:5443/'), { HTTPS_PROXY: P })).toBeUndefined();
  });
});

describe('parseProxy', () => {
  test('host:port alone is an http proxy', () => {
    expect(parseProxy('proxy.corp:3128', 'HTTPS_PROXY').url.href).toBe('http://proxy.corp:3128/');
    expect(parseProxy(' 10.0.0.1:8080 ', 'HTTPS_PROXY').url.href).toBe('http://10.0.0.1:8080/');
  });

  test('an https proxy stays one', () => {
    expect(parseProxy('https://proxy.corp', 'HTTPS_PROXY').url.protocol).toBe('https:');
  });

  test('credentials: decoded, sent as Basic, every form of them reported as a secret', () => {
    const proxy = parseProxy('http://me%40corp:p%40ss%3Aword@proxy.corp:3128', 'HTTPS_PROXY');
    const token = Buffer.from('me@corp:p@ss:word').toString('base64');
    expect(proxy.authorization).toBe(`Basic ${token}`);
    expect(proxy.secrets).toEqual(
      expect.arrayContaining(['p@ss:word', 'p%40ss%3Aword', token, `Basic ${token}`]),
    );
    expect(proxy.url.username).toBe('');
    expect(proxy.url.password).toBe('');
  });

  test('no credentials: no header, no secrets', () => {
    const proxy = parseProxy('http://proxy.corp:3128', 'HTTP_PROXY');
    expect(proxy.authorization).toBeUndefined();
    expect(proxy.secrets).toEqual([]);
  });

  test.each([
    [
      'socks5://u:hunter2@proxy.corp:1080',
      'HTTPS_PROXY names a socks5 proxy ("socks5://***@proxy.corp:1080"): only http:// and https:// proxies are supported',
    ],
    ['http://u:hunter2@[bad', 'HTTPS_PROXY is not a proxy URL: "http://***@[bad"'],
  ])('%s: an error naming the variable, never the password', (value, message) => {
    let error: unknown;
    try {
      parseProxy(value, 'HTTPS_PROXY');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProxyConfigError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
