/**
 * httpFetch against servers made here: node:http for statuses, headers, bodies, aborts and
 * resets; node:https with a self-signed certificate made by openssl; and a child process that
 * must exit as soon as its requests are done, keep-alive sockets or not, without calling global
 * fetch (whose first request compiles undici's parser; Node 24 loads undici's module for node:http
 * too, so the module list no longer tells the two apart).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { createHttpFetch, httpFetch, type HttpResponse } from '../../src/registry/http-fetch.js';
import { isConnectionReset } from '../../src/registry/retry.js';
import { describeNetworkError, TimeoutError, type FetchLike } from '../../src/registry/transport.js';

// Both fit the transport's contract (checked by tsc).
const fetchers: FetchLike[] = [httpFetch, fetch];

interface TestServer {
  url: string;
  /** Connections accepted so far. */
  connections: Socket[];
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
}

const servers: Server[] = [];
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipshape-http-fetch-'));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(work, { recursive: true, force: true });
});

function track(server: Server, handler: (req: IncomingMessage, res: ServerResponse) => void): TestServer {
  const state: TestServer = { url: '', connections: [], requests: [] };
  server.on('connection', (socket: Socket) => state.connections.push(socket));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res);
    });
  });
  servers.push(server);
  return state;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  server: Server = createServer(),
  scheme = 'http',
): Promise<TestServer> {
  const state = track(server, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

async function text(response: HttpResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body!) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, the promise resolved');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds (the server learns of a close a moment after the client acts), up to 2 s. */
async function eventually(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 2000; !done() && Date.now() < deadline;) await sleep(10);
}

describe('statuses, headers and bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await listen((req, res) => {
      if (req.url === '/headers') {
        res.setHeader('Content-Type', 'application/vnd.oci.image.index.v1+json');
        res.setHeader('Docker-Content-Digest', 'sha256:abc');
        res.setHeader('WWW-Authenticate', ['Bearer realm="https://auth.example/token"', 'Basic realm="x"']);
        res.setHeader('X-Repeated', ['one', 'two', 'three']);
        res.writeHead(201).end('created');
      } else if (req.url === '/echo') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ method: req.method, length: req.headers['content-length'] }));
      } else if (req.url === '/redirect') {
        res.writeHead(307, { Location: 'http://storage.example/blob?sig=1' }).end();
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else {
        res.writeHead(404, { 'Content-Length': '9' }).end('not found');
      }
    });
  });

  test('status, headers case-insensitive, repeated headers joined with ", " as global fetch joins them', async () => {
    for (const fetchLike of fetchers) {
      const response = await fetchLike(`${server.url}/headers`, {
        method: 'GET',
        headers: {},
        redirect: 'manual',
        signal: new AbortController().signal,
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toBe('application/vnd.oci.image.index.v1+json');
      expect(response.headers.get('DOCKER-CONTENT-DIGEST')).toBe('sha256:abc');
      expect(response.headers.get('Www-Authenticate')).toBe(
        'Bearer realm="https://auth.example/token", Basic realm="x"',
      );
      expect(response.headers.get('x-repeated')).toBe('one, two, three');
      expect(response.headers.get('x-absent')).toBeNull();
      await response.body?.cancel();
    }
    const response = await httpFetch(`${server.url}/headers`);
    expect(await text(response)).toBe('created');
  });

  test('method, headers and a string body are sent, with its Content-Length in bytes', async () => {
    const before = server.requests.length;
    const response = await httpFetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'shipshape-test' },
      body: 'scope=é',
    });
    expect(JSON.parse(await text(response))).toEqual({ method: 'POST', length: '8' });
    const seen = server.requests[before];
    expect(seen.body).toBe('scope=é');
    expect(seen.headers['user-agent']).toBe('shipshape-test');
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // No Accept-Encoding: bodies arrive as stored, so their digests check.
    expect(seen.headers['accept-encoding']).toBeUndefined();
  });

  test('a redirect is answered as it is, never followed', async () => {
    const before = server.requests.length;
    const response = await httpFetch(`${server.url}/redirect`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://storage.example/blob?sig=1');
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/redirect']);
  });

  test('HEAD and 204 have a null body; an error status keeps its body', async () => {
    const head = await httpFetch(`${server.url}/missing`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-length')).toBe('9');
    expect(head.body).toBeNull();
    const empty = await httpFetch(`${server.url}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const missing = await httpFetch(`${server.url}/missing`);
    expect(await text(missing)).toBe('not found');
  });

  test('keep-alive: requests one after another share one connection, HEAD and 204 included', async () => {
    const own = createHttpFetch();
    const before = server.connections.length;
    const statuses: number[] = [];
    for (const [path, method] of [
      ['/missing', 'HEAD'],
      ['/empty', 'GET'],
      ['/headers', 'GET'],
      ['/missing', 'GET'],
    ]) {
      const response = await own(`${server.url}${path}`, { method });
      if (response.body) await text(response);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([404, 204, 201, 404]);
    expect(server.connections.length - before).toBe(1);
  });

  test('a URL that is neither http nor https: a TypeError, nothing sent', async () => {
    const error = await rejection(httpFetch('ftp://127.0.0.1/file'));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('cannot fetch ftp: URLs (ftp://127.0.0.1/file)');
  });
});

describe('streaming with backpressure', () => {
  const total = 32 * 1024 * 1024;
  let written = 0;
  let server: TestServer;
  beforeAll(async () => {
    server = await listen((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, 7);
      res.writeHead(200, { 'Content-Length': String(total) });
      const write = () => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    });
  });

  test('a reader that stops reading stops the server; reading on gets every byte', async () => {
    const response = await httpFetch(`${server.url}/blob`);
    const reader = response.body!.getReader();
    let received = (await reader.read()).value!.byteLength;
    await sleep(300);
    // Socket buffers and a few chunks, not the 32 MiB the server would write without backpressure.
    expect(written).toBeLessThan(12 * 1024 * 1024);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
    }
    expect(received).toBe(total);
    expect(written).toBe(total);
  });
});

describe('aborts', () => {
  let server: TestServer;
  const closed: string[] = [];
  beforeAll(async () => {
    server = await listen((req, res) => {
      res.on('close', () => closed.push(req.url ?? ''));
      if (req.url === '/partial') {
        res.writeHead(200, { 'Content-Length': '1000' });
        res.write(Buffer.alloc(100, 1)); // and the rest never comes
      }
      // '/silent': no answer at all
    });
  });

  test("before the headers: rejected with the signal's reason, the connection closed", async () => {
    const abort = new AbortController();
    const reason = new TimeoutError(50);
    setTimeout(() => abort.abort(reason), 50);
    const error = await rejection(httpFetch(`${server.url}/silent`, { signal: abort.signal }));
    expect(error).toBe(reason);
    await eventually(() => closed.includes('/silent'));
    expect(closed).toContain('/silent');
  });

  test("in the middle of the body: the next read rejects with the signal's reason", async () => {
    const abort = new AbortController();
    const response = await httpFetch(`${server.url}/partial`, { signal: abort.signal });
    const reader = response.body!.getReader();
    expect((await reader.read()).value!.byteLength).toBe(100);
    const reason = new TimeoutError(1000);
    abort.abort(reason);
    expect(await rejection(reader.read())).toBe(reason);
    await eventually(() => closed.includes('/partial'));
    expect(closed).toContain('/partial');
  });

  test('a signal already aborted: rejected with its reason, nothing sent', async () => {
    const before = server.connections.length;
    const reason = new Error('cancelled');
    const error = await rejection(httpFetch(`${server.url}/silent`, { signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    await sleep(20);
    expect(server.connections.length).toBe(before);
  });

  test('an abort without a reason: an AbortError, as fetch gives', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    const error = await rejection(httpFetch(`${server.url}/silent`, { signal: abort.signal }));
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('connection failures keep their code', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await listen((req, res) => {
      if (req.url === '/reset') {
        req.socket.destroy();
      } else {
        res.writeHead(200, { 'Content-Length': '1000' });
        res.write(Buffer.alloc(100, 2), () => res.socket?.destroy());
      }
    });
  });

  test('reset before the response: ECONNRESET, a reset for the retry logic', async () => {
    const error = await rejection(httpFetch(`${server.url}/reset`));
    expect(error).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(isConnectionReset(error)).toBe(true);
    expect(describeNetworkError(error)).toBe('socket hang up (ECONNRESET)');
  });

  test('reset in the middle of the body: the read rejects with ECONNRESET', async () => {
    const response = await httpFetch(`${server.url}/mid-body`);
    const reader = response.body!.getReader();
    let received = 0;
    const error = await rejection(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.byteLength;
        }
      })(),
    );
    expect(received).toBe(100);
    expect(error).toMatchObject({ code: 'ECONNRESET', message: 'aborted' });
    expect(isConnectionReset(error)).toBe(true);
  });

  test('nobody listening: ECONNREFUSED, described with the address', async () => {
    const closedServer = createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, '127.0.0.1', resolve));
    const port = (closedServer.address() as AddressInfo).port;
    await new Promise((resolve) => closedServer.close(resolve));
    const error = await rejection(httpFetch(`http://127.0.0.1:${port}/v2/`));
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isConnectionReset(error)).toBe(false);
    expect(describeNetworkError(error)).toBe(`connect ECONNREFUSED 127.0.0.1:${port}`);
  });
});

describe('https', () => {
  let server: TestServer;
  let cert: string;
  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(work, 'key.pem'),
        '-out',
        join(work, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(work, 'cert.pem'), 'utf8');
    const tls = createHttpsServer({ key: readFileSync(join(work, 'key.pem')), cert });
    server = await listen(
      (req, res) => res.end(`secure: ${(req.socket as Socket & { encrypted?: boolean }).encrypted}`),
      tls,
      'https',
    );
  });

  test('an https URL goes over TLS, and the certificate is checked: a self-signed one is refused', async () => {
    const error = await rejection(httpFetch(`${server.url}/v2/`));
    expect(error).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(server.requests).toHaveLength(0);
  });

  test('with an agent that trusts the certificate: answered over TLS', async () => {
    const trusting = createHttpFetch({ https: new HttpsAgent({ ca: cert, keepAlive: true }) });
    const response = await trusting(`${server.url}/v2/`);
    expect(response.status).toBe(200);
    expect(await text(response)).toBe('secure: true');
  });
});

describe('a process that uses it', () => {
  test('exits as soon as its requests are done, reusing one connection, without global fetch', async () => {
    const server = await listen((_req, res) => res.end('{"ok":true}'));
    const source = readFileSync(new URL('../../src/registry/http-fetch.ts', import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(work, 'http-fetch.mjs'), outputText);
    writeFileSync(
      join(work, 'probe.mjs'),
      `let fetchCalls = 0;
      globalThis.fetch = () => {
        fetchCalls++;
        throw new Error('global fetch is not the transport');
      };
      const { httpFetch } = await import('./http-fetch.mjs');
      const bodies = [];
      for (let i = 0; i < 3; i++) {
        const response = await httpFetch(process.argv[2] + '/v2/');
        let body = '';
        for await (const chunk of response.body) body += Buffer.from(chunk).toString('utf8');
        bodies.push(JSON.parse(body));
      }
      process.stdout.write(JSON.stringify({ bodies, fetchCalls }) + '\\n');`,
    );
    const child = spawn(process.execPath, [join(work, 'probe.mjs'), server.url], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let answeredAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      answeredAt = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lingered = Date.now() - answeredAt;
    expect(code).toBe(0);
    expect(JSON.parse(output)).toEqual({ bodies: [{ ok: true }, { ok: true }, { ok: true }], fetchCalls: 0 });
    expect(server.connections).toHaveLength(1);
    // A socket holding the process open would keep it until the server's 5 s keep-alive timeout.
    expect(lingered).toBeLessThan(1000);
  }, 15_000);
});
