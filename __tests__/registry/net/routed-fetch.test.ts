/**
 * The routed fetch against servers made here, over real sockets: HTTPS servers whose
 * certificates a test CA signs (or that are expired, self-signed, for another name, or want a
 * client certificate), a forward proxy (CONNECT and plain), and plain servers on the loopback
 * for the TLS-first tries of insecure hosts. Names under `.test` resolve to 127.0.0.1 through the
 * agents' `lookup` (and the proxy's own map), so a host can be secure without being loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { lookup as dnsLookup } from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import {
  createServer as createNetServer,
  type AddressInfo,
  type LookupFunction,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import * as tls from 'node:tls';
import { KEEP_ALIVE, type HttpResponse } from '../../../src/registry/http-fetch.js';
import { ProxyError } from '../../../src/registry/net/proxy-tunnel.js';
import { createRoutedFetch } from '../../../src/registry/net/routed-fetch.js';
import { Routes } from '../../../src/registry/net/routes.js';
import { TlsTrustError } from '../../../src/registry/net/tls-errors.js';
import { startForwardProxy, type ForwardProxy } from '../../support/forward-proxy.js';
import { makePki, type Pki } from '../../support/test-pki.js';

const lookup = ((hostname: string, options: object, callback: never) =>
  dnsLookup(
    hostname.endsWith('.test') ? '127.0.0.1' : hostname,
    options,
    callback,
  )) as unknown as LookupFunction;

interface TestServer {
  port: number;
  /** TCP connections accepted. */
  connections: number;
  /** Connections that failed before a request could be read (a TLS hello on a plain server). */
  clientErrors: number;
  requests: { url: string; host?: string; secure: boolean; clientCert?: string; body: string }[];
  close(): Promise<void>;
}

const closers: (() => Promise<void>)[] = [];
let work: string;
let certsRoot: string;
let pki: Pki;
let otherPki: Pki;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipshape-routed-'));
  certsRoot = join(work, 'certs.d');
  pki = makePki(join(work, 'pki'), 'private CA');
  otherPki = makePki(join(work, 'other-pki'), 'other CA');
});

afterAll(async () => {
  for (const close of closers) await close();
  rmSync(work, { recursive: true, force: true });
});

const handler = (state: TestServer) => (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const socket = req.socket as TLSSocket;
    const peer = socket.encrypted ? socket.getPeerCertificate() : undefined;
    state.requests.push({
      url: req.url ?? '',
      host: req.headers.host,
      secure: Boolean(socket.encrypted),
      ...(peer?.subject && { clientCert: String(peer.subject.CN) }),
      body,
    });
    res.end(`ok ${req.url}`);
  });
};

async function serve(options?: ServerOptions): Promise<TestServer> {
  const state: TestServer = { port: 0, connections: 0, clientErrors: 0, requests: [], close: async () => {} };
  const server = options ? createHttpsServer(options, handler(state)) : createServer(handler(state));
  server.on(options ? 'secureConnection' : 'connection', () => state.connections++);
  if (options) server.on('connection', () => {});
  server.on('clientError', (_error, socket: Socket) => {
    state.clientErrors++;
    socket.destroy();
  });
  server.on('tlsClientError', () => state.clientErrors++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  closers.push(state.close);
  return state;
}

/** A fetch as registryFetch makes it, with a resolver for `.test` names and this test's certs.d. */
function fetchWith(
  env: Record<string, string> = {},
  insecureRegistries: string[] = [],
  tlsProbeTimeout?: number,
) {
  const routes = new Routes({ env, insecureRegistries, certsRoot, agentOptions: { ...KEEP_ALIVE, lookup } });
  return createRoutedFetch(routes, tlsProbeTimeout ? { tlsProbeTimeout } : {});
}

function trustIn(host: string, files: Record<string, string>) {
  const dir = join(certsRoot, host);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

async function text(response: HttpResponse): Promise<string> {
  let body = '';
  for await (const chunk of response.body!) body += Buffer.from(chunk).toString('utf8');
  return body;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

const hasSystemStore = typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';

describe('trust: what docker trusts for the host', () => {
  let server: TestServer;
  let host: string;
  beforeAll(async () => {
    server = await serve(pki.server('registry.test', ['DNS:registry.test']));
    host = `registry.test:${server.port}`;
  });

  test('the CA in certs.d/<host:port>/ca.crt: trusted', async () => {
    trustIn(host, { 'ca.crt': pki.ca });
    const response = await fetchWith()(`https://${host}/v2/`);
    expect(await text(response)).toBe('ok /v2/');
    expect(server.requests.at(-1)).toMatchObject({ secure: true, host });
  });

  test('no CA for the host: an error naming the host, the reason and where the CA goes', async () => {
    const other = await serve(pki.server('other.test', ['DNS:other.test']));
    const error = await rejection(fetchWith()(`https://other.test:${other.port}/v2/`));
    expect(error).toBeInstanceOf(TlsTrustError);
    expect(error.message).toBe(
      `TLS to other.test:${other.port} failed: its certificate is signed by a CA this runner does not trust ` +
        `(UNABLE_TO_VERIFY_LEAF_SIGNATURE). Put the CA that signs it in ${certsRoot}/other.test:${other.port}/ca.crt ` +
        (hasSystemStore
          ? '(where docker looks for it), in the file NODE_EXTRA_CA_CERTS names, or in the system’s CA store'
          : '(where docker looks for it), or in the file NODE_EXTRA_CA_CERTS names'),
    );
    expect(other.requests).toHaveLength(0);
  });

  test('the CA in the system’s store only: trusted, as docker trusts the system pool', async () => {
    const elsewhere = await serve(otherPki.server('system.test', ['DNS:system.test']));
    const url = `https://system.test:${elsewhere.port}/v2/`;
    const withSystem = (store: string[]) =>
      createRoutedFetch(
        new Routes({
          env: {},
          certsRoot,
          agentOptions: { ...KEEP_ALIVE, lookup },
          caSources: { defaults: () => [...tls.rootCertificates], system: () => store },
        }),
      );
    expect(await text(await withSystem([otherPki.ca])(url))).toBe('ok /v2/');
    const error = await rejection(withSystem([pki.ca])(url));
    expect((error as TlsTrustError).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(error.message).toMatch(/, or in the system’s CA store$/);
    expect(elsewhere.requests).toHaveLength(1);
  });

  test('the system’s store is read only for a certificate the rest did not verify, once, then kept', async () => {
    const trusted = await serve(pki.server('known.test', ['DNS:known.test']));
    const systemOnly = await serve(otherPki.server('store.test', ['DNS:store.test']));
    trustIn(`known.test:${trusted.port}`, { 'ca.crt': pki.ca });
    let systemReads = 0;
    const fetch = createRoutedFetch(
      new Routes({
        env: {},
        certsRoot,
        agentOptions: { ...KEEP_ALIVE, lookup },
        caSources: {
          defaults: () => [...tls.rootCertificates],
          system: () => (systemReads++, [otherPki.ca]),
        },
      }),
    );
    expect(await text(await fetch(`https://known.test:${trusted.port}/v2/`))).toBe('ok /v2/');
    expect(systemReads).toBe(0);
    const storeUrl = `https://store.test:${systemOnly.port}`;
    expect(await text(await fetch(`${storeUrl}/v2/`))).toBe('ok /v2/');
    expect(systemReads).toBe(1);
    // A refused handshake (Node's CAs alone), then the request on a connection that verified.
    const refused = systemOnly.clientErrors;
    expect(refused).toBeGreaterThan(0);
    expect(systemOnly.connections).toBe(1);
    expect(systemOnly.requests).toHaveLength(1);
    expect(await text(await fetch(`${storeUrl}/v2/x`, { method: 'PUT', body: Buffer.from('b') }))).toBe(
      'ok /v2/x',
    );
    expect(systemReads).toBe(1);
    expect(systemOnly.clientErrors).toBe(refused);
    expect(systemOnly.requests.map((r) => r.body)).toEqual(['', 'b']);
  });

  test('a CA for another port of the same host does not count', async () => {
    const server2 = await serve(pki.server('registry.test', ['DNS:registry.test']));
    trustIn(`registry.test:${server2.port + 1}`, { 'ca.crt': pki.ca });
    const error = await rejection(fetchWith()(`https://registry.test:${server2.port}/v2/`));
    expect((error as TlsTrustError).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  test.each<[string, string, () => { cert: string; key: string }, RegExp]>([
    [
      'expired',
      'CERT_HAS_EXPIRED',
      () => pki.server('old.test', ['DNS:old.test'], { expired: true }),
      /has expired/,
    ],
    [
      'for another name',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      () => pki.server('elsewhere.test', ['DNS:elsewhere.test']),
      /is for another name \(ERR_TLS_CERT_ALTNAME_INVALID\): Host: named\.test\. is not in the cert's altnames: DNS:elsewhere\.test/,
    ],
    [
      'self-signed',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      () => pki.selfSigned('self.test', ['DNS:named.test']),
      /is self-signed/,
    ],
  ])('a certificate %s: %s, named with the host', async (_what, code, make, reason) => {
    const bad = await serve(make());
    const badHost = `named.test:${bad.port}`;
    trustIn(badHost, { 'ca.crt': pki.ca });
    const error = await rejection(fetchWith()(`https://${badHost}/v2/`));
    expect(error).toBeInstanceOf(TlsTrustError);
    expect((error as TlsTrustError).code).toBe(code);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(`TLS to ${badHost} failed`);
    expect(error.message).toContain(`${certsRoot}/${badHost}`);
  });

  test('certs.d adds to what Node trusts: a server signed by a CA from NODE_EXTRA_CA_CERTS still passes', async () => {
    // Node 22.15+ reads NODE_EXTRA_CA_CERTS from its own start-up environment only (getCACertificates);
    // before, it is read from the env given here. This checks the second path, on the Node the tests run on.
    const hasGetCACertificates =
      typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';
    const extra = join(work, 'extra-ca.pem');
    writeFileSync(extra, otherPki.ca);
    const signedElsewhere = await serve(otherPki.server('mixed.test', ['DNS:mixed.test']));
    const mixedHost = `mixed.test:${signedElsewhere.port}`;
    trustIn(mixedHost, { 'ca.crt': pki.ca }); // a CA that did not sign it
    const attempt = fetchWith({ NODE_EXTRA_CA_CERTS: extra })(`https://${mixedHost}/v2/`);
    if (hasGetCACertificates) {
      // This process did not start with it: the CA in certs.d alone is not enough.
      expect((await rejection(attempt)).message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } else {
      expect(await text(await attempt)).toBe('ok /v2/');
    }
  });

  describe('mutual TLS', () => {
    let mtls: TestServer;
    let mtlsHost: string;
    beforeAll(async () => {
      mtls = await serve({
        ...pki.server('mtls.test', ['DNS:mtls.test']),
        ca: pki.ca,
        requestCert: true,
        rejectUnauthorized: true,
      });
      mtlsHost = `mtls.test:${mtls.port}`;
    });

    test('no client certificate: an error saying where docker keeps one', async () => {
      trustIn(mtlsHost, { 'ca.crt': pki.ca });
      const error = await rejection(fetchWith()(`https://${mtlsHost}/v2/`));
      expect(error).toBeInstanceOf(TlsTrustError);
      expect(error.message).toMatch(
        new RegExp(
          `^TLS to ${mtlsHost} failed: it wants a client certificate \\(\\w+\\)\\. A client certificate for it goes in ${certsRoot}/${mtlsHost}/ as NAME\\.cert with its key NAME\\.key`,
        ),
      );
    });

    test('client.cert + client.key in certs.d: presented, accepted', async () => {
      const client = pki.client('shipshape client');
      trustIn(mtlsHost, { 'ca.crt': pki.ca, 'client.cert': client.cert, 'client.key': client.key });
      const response = await fetchWith()(`https://${mtlsHost}/v2/`);
      expect(await text(response)).toBe('ok /v2/');
      expect(mtls.requests.at(-1)?.clientCert).toBe('shipshape client');
    });

    test('an EC and an RSA pair: both offered, each server gets the one its signature algorithms take', async () => {
      // docker offers every pair; the first by name (EC) alone would fail the RSA-only server
      const ec = pki.client('ec client');
      const rsa = pki.client('rsa client', { keyType: 'rsa' });
      const pairs = {
        'ca.crt': pki.ca,
        'a.cert': ec.cert,
        'a.key': ec.key,
        'b.cert': rsa.cert,
        'b.key': rsa.key,
      };
      const mutual = { ca: pki.ca, requestCert: true, rejectUnauthorized: true };
      const rsaOnly = await serve({
        ...pki.server('rsa-only.test', ['DNS:rsa-only.test'], { keyType: 'rsa' }),
        ...mutual,
        sigalgs: 'rsa_pss_rsae_sha256:rsa_pkcs1_sha256',
      });
      const ecOnly = await serve({
        ...pki.server('ec-only.test', ['DNS:ec-only.test']),
        ...mutual,
        sigalgs: 'ecdsa_secp256r1_sha256',
      });
      for (const [server, name, expected] of [
        [rsaOnly, 'rsa-only.test', 'rsa client'],
        [ecOnly, 'ec-only.test', 'ec client'],
      ] as const) {
        const host = `${name}:${server.port}`;
        trustIn(host, pairs);
        expect(await text(await fetchWith()(`https://${host}/v2/`))).toBe('ok /v2/');
        expect(server.requests.at(-1)?.clientCert).toBe(expected);
      }
    });
  });
});

describe('proxies', () => {
  let server: TestServer;
  let host: string;
  let plain: TestServer;
  let proxy: ForwardProxy;
  const auth = 'corp user:s3cret';
  beforeAll(async () => {
    server = await serve(pki.server('registry.test', ['DNS:registry.test']));
    host = `registry.test:${server.port}`;
    trustIn(host, { 'ca.crt': pki.ca });
    plain = await serve();
    proxy = await startForwardProxy({
      credentials: auth,
      hosts: { 'registry.test': '127.0.0.1', 'plain.test': '127.0.0.1', 'untrusted.test': '127.0.0.1' },
    });
    closers.push(proxy.close);
  });
  const proxyUrl = () => `http://corp%20user:s3cret@${proxy.host}`;

  test('HTTPS: one CONNECT with the credentials, then TLS to the registry with its certs.d CA; requests share the tunnel', async () => {
    const fetch = fetchWith({ HTTPS_PROXY: proxyUrl() });
    const before = { log: proxy.log.length, connections: server.connections };
    for (const path of ['/v2/', '/v2/a', '/v2/b'])
      expect(await text(await fetch(`https://${host}${path}`))).toBe(`ok ${path}`);
    expect(proxy.log.slice(before.log)).toEqual([
      {
        method: 'CONNECT',
        target: host,
        status: 200,
        proxyAuthorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      },
    ]);
    expect(server.connections - before.connections).toBe(1);
  });

  test('the tunnel still checks the registry’s certificate: no CA for it, no trust', async () => {
    const untrusted = await serve(otherPki.server('untrusted.test', ['DNS:untrusted.test']));
    const error = await rejection(
      fetchWith({ HTTPS_PROXY: proxyUrl() })(`https://untrusted.test:${untrusted.port}/v2/`),
    );
    expect(error).toBeInstanceOf(TlsTrustError);
    expect(proxy.log.at(-1)).toMatchObject({
      method: 'CONNECT',
      target: `untrusted.test:${untrusted.port}`,
      status: 200,
    });
  });

  test('plain HTTP: the absolute URI to the proxy, with the credentials; the registry sees its own Host', async () => {
    const fetch = fetchWith({ HTTP_PROXY: proxyUrl() });
    const before = proxy.log.length;
    const response = await fetch(`http://plain.test:${plain.port}/v2/x?n=1`);
    expect(await text(response)).toBe('ok /v2/x?n=1');
    expect(proxy.log.slice(before)).toEqual([
      {
        method: 'GET',
        target: `http://plain.test:${plain.port}/v2/x?n=1`,
        status: 200,
        proxyAuthorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      },
    ]);
    expect(plain.requests.at(-1)).toMatchObject({ url: '/v2/x?n=1', host: `plain.test:${plain.port}` });
  });

  test('NO_PROXY: the listed host is reached directly', async () => {
    const before = { log: proxy.log.length, requests: server.requests.length };
    const fetch = fetchWith({ HTTPS_PROXY: proxyUrl(), NO_PROXY: 'other.example,.test' });
    expect(await text(await fetch(`https://${host}/v2/`))).toBe('ok /v2/');
    expect(proxy.log.length).toBe(before.log);
    expect(server.requests.length).toBe(before.requests + 1);
  });

  test('no credentials for a proxy that wants them: the proxy named, its 407, no password anywhere', async () => {
    const error = await rejection(fetchWith({ HTTPS_PROXY: `http://${proxy.host}` })(`https://${host}/v2/`));
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as ProxyError).status).toBe(407);
    expect(error.message).toBe(
      `the proxy http://${proxy.host} (HTTPS_PROXY) refused the tunnel to ${host}: 407 Proxy Authentication Required (the proxy wants credentials: user:password@ in the proxy URL)`,
    );
    const plainError = await rejection(
      fetchWith({ HTTP_PROXY: `http://${proxy.host}` })(`http://plain.test:${plain.port}/v2/`),
    );
    expect(plainError).toBeInstanceOf(ProxyError);
    expect(plainError.message).toContain(
      `the proxy http://${proxy.host} (HTTP_PROXY) refused the request to plain.test:${plain.port}: 407`,
    );
  });

  test('wrong credentials: refused, and the message carries neither them nor their encoding', async () => {
    const error = await rejection(
      fetchWith({ HTTPS_PROXY: `http://corp%20user:wr0ng-pass@${proxy.host}` })(`https://${host}/v2/`),
    );
    expect(error.message).toContain('407');
    expect(error.message).not.toMatch(/wr0ng-pass|corp user|Basic/);
  });

  test('a dead proxy: an error naming it, and no direct connection instead', async () => {
    const dead = createNetServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    const before = { connections: server.connections, plain: plain.connections };
    const error = await rejection(
      fetchWith({ HTTPS_PROXY: `http://u:p@127.0.0.1:${deadPort}` })(`https://${host}/v2/`),
    );
    expect(error).toBeInstanceOf(ProxyError);
    expect(error.message).toBe(`cannot reach the proxy http://127.0.0.1:${deadPort} (HTTPS_PROXY)`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    const plainError = await rejection(
      fetchWith({ HTTP_PROXY: `http://127.0.0.1:${deadPort}` })(`http://plain.test:${plain.port}/v2/`),
    );
    expect(plainError.message).toBe(`cannot reach the proxy http://127.0.0.1:${deadPort} (HTTP_PROXY)`);
    expect(server.connections).toBe(before.connections);
    expect(plain.connections).toBe(before.plain);
  });

  test('a proxy variable that does not parse: the request fails naming the variable', async () => {
    const error = await rejection(
      fetchWith({ HTTPS_PROXY: 'socks5://u:p@127.0.0.1:1080' })(`https://${host}/v2/`),
    );
    expect(error.message).toMatch(/^HTTPS_PROXY names a socks5 proxy/);
    expect(error.message).not.toContain('u:p');
  });
});

describe('insecure hosts: TLS first, plain HTTP when the server does not speak TLS', () => {
  test('a TLS server on the loopback, asked with http://: answered over TLS, its certificate unchecked', async () => {
    const server = await serve(pki.selfSigned('whatever', ['DNS:whatever.example']));
    const fetch = fetchWith();
    expect(await text(await fetch(`http://127.0.0.1:${server.port}/v2/`))).toBe('ok /v2/');
    expect(await text(await fetch(`http://127.0.0.1:${server.port}/v2/next`))).toBe('ok /v2/next');
    expect(server.requests.map((r) => r.secure)).toEqual([true, true]);
    expect(server.connections).toBe(1);
  });

  test('a plain server on the loopback: one failed TLS hello, then plain HTTP for the rest of the process', async () => {
    const server = await serve();
    const fetch = fetchWith();
    for (const path of ['/v2/', '/v2/a', '/v2/b'])
      expect(await text(await fetch(`http://localhost:${server.port}${path}`))).toBe(`ok ${path}`);
    expect(server.clientErrors).toBe(1);
    expect(server.requests.map((r) => r.url)).toEqual(['/v2/', '/v2/a', '/v2/b']);
    // the TLS try, then one keep-alive connection for the three requests
    expect(server.connections).toBe(2);
  });

  test('requests that start together: one TLS try between them', async () => {
    const server = await serve();
    const fetch = fetchWith();
    const bodies = await Promise.all(
      ['/1', '/2', '/3'].map(async (p) => text(await fetch(`http://127.0.0.1:${server.port}${p}`))),
    );
    expect(bodies).toEqual(['ok /1', 'ok /2', 'ok /3']);
    expect(server.clientErrors).toBe(1);
  });

  test('a plain server that never answers a TLS hello: plain HTTP once the try times out', async () => {
    // Answers only a complete HTTP request; a TLS hello (no blank line) gets silence.
    const silent = createNetServer((socket) => {
      let seen = '';
      socket.on('data', (chunk: Buffer) => {
        seen += chunk.toString('latin1');
        if (seen.includes('\r\n\r\n'))
          socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nplain');
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => silent.close(() => resolve())));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const response = await fetchWith({}, [], 300)(`http://127.0.0.1:${port}/v2/`);
    expect(await text(response)).toBe('plain');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('insecure-registries: a listed host is tried over TLS first, an unlisted one is not', async () => {
    const server = await serve();
    const listed = fetchWith({}, [`lan.test:${server.port}`]);
    expect(await text(await listed(`http://lan.test:${server.port}/v2/`))).toBe('ok /v2/');
    expect(server.clientErrors).toBe(1);
    const unlisted = fetchWith({}, []);
    expect(await text(await unlisted(`http://lan.test:${server.port}/v2/`))).toBe('ok /v2/');
    expect(server.clientErrors).toBe(1);
  });

  test('a stream body to a host not asked before goes as the URL says: a stream cannot be sent twice', async () => {
    const server = await serve();
    const response = await fetchWith()(`http://127.0.0.1:${server.port}/upload`, {
      method: 'PUT',
      headers: { 'Content-Length': '5' },
      body: Readable.from([Buffer.from('hello')]),
    });
    expect(await text(response)).toBe('ok /upload');
    expect(server.clientErrors).toBe(0);
    expect(server.requests[0]).toMatchObject({ body: 'hello', secure: false });
  });

  test('an https URL of an insecure host is not checked either, as docker does', async () => {
    const server = await serve(pki.selfSigned('x', ['DNS:x.example']));
    expect(await text(await fetchWith()(`https://localhost:${server.port}/v2/`))).toBe('ok /v2/');
  });
});
