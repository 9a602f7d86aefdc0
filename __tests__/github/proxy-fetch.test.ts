// The GitHub client's fetch: the proxy chosen per request from the step's environment, by the
// registry client's rules, through a real forward proxy (support/forward-proxy.ts) to a small
// server under a name only the proxy resolves; undici loaded only when a proxy applies; a dead or
// refusing proxy named in the error, never its password.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHubClient } from '../../src/github/client.js';
import { createProxyFetch } from '../../src/github/proxy-fetch.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';

const NAME = 'api.github.test';
let server: Server;
let port: number;
let api: string;
let proxy: ForwardProxy;
let authProxy: ForwardProxy;
const seen: { method: string; url: string; host: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, host: request.headers.host ?? '' });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ login: 'octocat', path: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  api = `http://${NAME}:${port}`;
  proxy = await startForwardProxy({ hosts: { [NAME]: '127.0.0.1' } });
  authProxy = await startForwardProxy({ credentials: 'lab:s3cret/pw', hosts: { [NAME]: '127.0.0.1' } });
});

afterAll(async () => {
  await proxy.close();
  await authProxy.close();
  await new Promise((resolve) => server.close(resolve));
});

/** A closed port: listened on, then let go. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

const undiciLoader = () => {
  const load = jest.fn(() => import('undici'));
  return load;
};

describe('createProxyFetch', () => {
  test('HTTP_PROXY: the request goes through the proxy in absolute form, with its credentials', async () => {
    const secrets: string[] = [];
    const fetch = createProxyFetch({
      env: { HTTP_PROXY: `http://lab:s3cret%2Fpw@${authProxy.host}` },
      onSecret: (s) => secrets.push(s),
    });
    const before = authProxy.log.length;
    const response = await fetch(`${api}/user`);
    expect(await response.json()).toEqual({ login: 'octocat', path: '/user' });
    expect(authProxy.log.slice(before)).toEqual([
      {
        method: 'GET',
        target: `${api}/user`,
        status: 200,
        proxyAuthorization: `Basic ${Buffer.from('lab:s3cret/pw').toString('base64')}`,
      },
    ]);
    // Masked before any request: the password as written and decoded, the header value.
    expect(secrets).toEqual(expect.arrayContaining(['s3cret/pw', 's3cret%2Fpw']));
    expect(secrets).toContain(`Basic ${Buffer.from('lab:s3cret/pw').toString('base64')}`);
  });

  test('lower case wins, as @actions/http-client reads it', async () => {
    const fetch = createProxyFetch({
      env: { http_proxy: `http://${proxy.host}`, HTTP_PROXY: 'http://127.0.0.1:1' },
    });
    const before = proxy.log.length;
    expect((await fetch(`${api}/a`)).status).toBe(200);
    expect(proxy.log.slice(before).map((e) => e.target)).toEqual([`${api}/a`]);
  });

  test('https goes through a CONNECT tunnel to the host and port', async () => {
    const fetch = createProxyFetch({ env: { HTTPS_PROXY: `http://${proxy.host}` } });
    const before = proxy.log.length;
    // Nothing speaks TLS there: the request fails, after the proxy was asked for the tunnel.
    await expect(fetch(`https://${NAME}:${port}/user`)).rejects.toThrow();
    expect(proxy.log.slice(before)).toEqual([{ method: 'CONNECT', target: `${NAME}:${port}`, status: 200 }]);
  });

  test.each([
    ['NO_PROXY lists the host', { HTTP_PROXY: 'PROXY', NO_PROXY: `example.org,${NAME}` }],
    ['no_proxy lists the domain', { HTTP_PROXY: 'PROXY', no_proxy: '.test' }],
    ['NO_PROXY is *', { HTTP_PROXY: 'PROXY', NO_PROXY: '*' }],
    ['only HTTPS_PROXY, for an http URL', { HTTPS_PROXY: 'PROXY' }],
  ])('%s: direct, and undici is not loaded', async (_name, given: Record<string, string>) => {
    const env = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [k, v === 'PROXY' ? `http://${proxy.host}` : v]),
    );
    const load = undiciLoader();
    // The name resolves only at the proxy: the direct fetch is a stand-in that records its call.
    const direct = jest.fn(async (_input: string | URL | Request, _init?: RequestInit) => new Response('{}'));
    const fetch = createProxyFetch({ env, directFetch: direct, loadUndici: load });
    const before = proxy.log.length;
    expect((await fetch(`${api}/user`, { method: 'GET' })).status).toBe(200);
    expect(direct).toHaveBeenCalledWith(`${api}/user`, { method: 'GET' });
    expect(load).not.toHaveBeenCalled();
    expect(proxy.log.length).toBe(before);
  });

  test('the loopback is never proxied', async () => {
    const load = undiciLoader();
    const fetch = createProxyFetch({ env: { HTTP_PROXY: 'http://127.0.0.1:1' }, loadUndici: load });
    expect((await fetch(`http://127.0.0.1:${port}/user`)).status).toBe(200);
    expect(load).not.toHaveBeenCalled();
  });

  test('undici is loaded once, however many requests go through the proxy', async () => {
    const load = undiciLoader();
    const fetch = createProxyFetch({ env: { HTTP_PROXY: `http://${proxy.host}` }, loadUndici: load });
    await Promise.all([fetch(`${api}/1`), fetch(`${api}/2`), fetch(`${api}/3`)]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a dead proxy: an error naming it (not its password), nothing sent directly', async () => {
    const dead = await deadPort();
    const fetch = createProxyFetch({ env: { HTTP_PROXY: `http://lab:hunter2@127.0.0.1:${dead}` } });
    const before = seen.length;
    const error = (await fetch(`${api}/user`).catch((e: unknown) => e)) as TypeError;
    expect(error).toBeInstanceOf(TypeError);
    expect((error.cause as Error).message).toBe(
      `cannot reach the proxy http://127.0.0.1:${dead} (HTTP_PROXY): connect ECONNREFUSED 127.0.0.1:${dead}`,
    );
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('hunter2');
    expect(seen.length).toBe(before);
  });

  test.each([
    ['http (the proxy answers 407)', () => `${api}/user`, 'HTTP_PROXY'],
    ['https (the proxy refuses the tunnel)', () => `https://${NAME}:${port}/user`, 'HTTPS_PROXY'],
  ])('a proxy that wants credentials, over %s: an error that says so', async (_name, url, variable) => {
    const fetch = createProxyFetch({ env: { [variable]: `http://${authProxy.host}` } });
    const error = (await fetch(url()).catch((e: unknown) => e)) as TypeError;
    expect((error.cause as Error).message).toBe(
      `the proxy http://${authProxy.host} (${variable}) refused the request to ${NAME}:${port}: 407 ` +
        '(the proxy wants credentials: user:password@ in the proxy URL)',
    );
  });

  test('a proxy variable that is no proxy URL: an error naming the variable, without credentials', async () => {
    const fetch = createProxyFetch({ env: { HTTP_PROXY: 'socks5://lab:hunter2@proxy.corp:1080' } });
    await expect(fetch(`${api}/user`)).rejects.toThrow(
      'HTTP_PROXY names a socks5 proxy ("socks5://***@proxy.corp:1080"): only http:// and https:// proxies are supported',
    );
  });
});

describe('the GitHub client through it', () => {
  const client = (env: Record<string, string>, sleep = jest.fn(async () => {})) => ({
    sleep,
    octokit: createGitHubClient({
      token: 't',
      env: { GITHUB_API_URL: api, ...env },
      sleep,
      waitBudget: undefined,
    }),
  });

  test('Octokit requests go through the proxy the step environment names', async () => {
    const { octokit } = client({ HTTP_PROXY: `http://${proxy.host}` });
    const before = proxy.log.length;
    const { data } = await octokit.rest.users.getAuthenticated();
    expect(data.login).toBe('octocat');
    expect(proxy.log.slice(before)).toEqual([{ method: 'GET', target: `${api}/user`, status: 200 }]);
  });

  test('a dead proxy: Octokit’s error is the proxy’s, after the network retries', async () => {
    const dead = await deadPort();
    const { octokit, sleep } = client({ HTTP_PROXY: `http://127.0.0.1:${dead}` });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toThrow(
      `cannot reach the proxy http://127.0.0.1:${dead} (HTTP_PROXY): connect ECONNREFUSED 127.0.0.1:${dead}`,
    );
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  test.each([
    ['a proxy that wants credentials', () => ({ HTTP_PROXY: `http://${authProxy.host}` }), /407/],
    [
      'a proxy variable that is no proxy URL',
      () => ({ HTTP_PROXY: 'ftp://proxy.corp' }),
      /HTTP_PROXY names a ftp proxy/,
    ],
  ])('%s: not retried, the same answer would come again', async (_name, env, message) => {
    const { octokit, sleep } = client(env());
    await expect(octokit.rest.users.getAuthenticated()).rejects.toThrow(message);
    expect(sleep).not.toHaveBeenCalled();
  });
});
