/**
 * A fetch-shaped function over node:http and node:https, for the registry transport. Global fetch
 * works too, but its first call loads undici and compiles llhttp to WebAssembly: ~200 ms, more
 * than a whole manifests-only measurement, paid by every action run. This one stays small: no
 * redirects followed (the transport follows them by hand), no decompression (no Accept-Encoding
 * is sent, so bodies arrive as stored and digests check against them), keep-alive agents whose
 * idle sockets never hold a finished process open. `sendRequest` is the part that sends one
 * request; net/routed-fetch.ts sends with it through proxies, with docker's trust per host.
 */
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface HttpFetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** A stream is piped as it comes (the caller sends its Content-Length); a string or Buffer is sent whole. */
  body?: string | Buffer | Readable;
  /** Redirects are answered as they are: a 3xx with its Location, for the caller to follow. */
  redirect?: 'manual';
  /** Aborting destroys the request (or the body) with the signal's reason. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** `get` is case-insensitive; a header sent several times gives its values joined with `, `. */
  headers: { get(name: string): string | null };
  /** Null for HEAD and for 204, 205 and 304, as with fetch. */
  body: ReadableStream<Uint8Array> | null;
}

export type HttpFetch = (url: string, init?: HttpFetchInit) => Promise<HttpResponse>;

export interface HttpAgents {
  http?: HttpAgent;
  https?: HttpsAgent;
}

// Idle sockets are unref'd by the agent, so they never keep the process alive; 5 s as Node's
// global agent, so that a socket the registry has closed meanwhile is rarely picked again.
export const KEEP_ALIVE = { keepAlive: true, timeout: 5_000 };
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** An HttpFetch over the given agents; keep-alive agents of its own for those not given. */
export function createHttpFetch(agents: HttpAgents = {}): HttpFetch {
  let http = agents.http;
  let https = agents.https;
  return (url, init = {}) => {
    const target = new URL(url);
    if (target.protocol === 'http:') {
      http ??= new HttpAgent(KEEP_ALIVE);
      return sendRequest(init, (options) => httpRequest(target, { ...options, agent: http }));
    }
    if (target.protocol === 'https:') {
      https ??= new HttpsAgent(KEEP_ALIVE);
      return sendRequest(init, (options) => httpsRequest(target, { ...options, agent: https }));
    }
    return Promise.reject(new TypeError(`cannot fetch ${target.protocol} URLs (${url})`));
  };
}

/** The default: one keep-alive agent per protocol, shared by every client in the process. */
export const httpFetch: HttpFetch = createHttpFetch();

/** Opens the request with the method and headers `sendRequest` worked out. */
export type OpenRequest = (options: {
  method: string;
  headers: Record<string, string | number>;
}) => ClientRequest;

export interface SendHooks {
  /** A request error in better words (an untrusted certificate, an unreachable proxy). */
  explain?: (error: Error) => Error;
  /** An error to fail with instead of handing out a response with this status (a proxy's 407). */
  refuse?: (status: number) => Error | undefined;
  /**
   * A TLS first try: a TLS handshake that does not finish within `timeout` ms, or fails the way
   * `isNotTls` tells, rejects with a NotTlsError, so the caller can try plain HTTP.
   */
  tlsFirstTry?: { timeout: number; isNotTls: (error: Error) => boolean };
}

/** The server did not speak TLS to a TLS first try. */
export class NotTlsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTlsError';
  }
}

export function sendRequest(
  init: HttpFetchInit,
  open: OpenRequest,
  hooks: SendHooks = {},
): Promise<HttpResponse> {
  const { signal } = init;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string | number> = { ...init.headers };
  const body = init.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) headers['Content-Length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const request = open({ method, headers });
    let response: IncomingMessage | undefined;
    const onAbort = () => {
      reject(signal!.reason);
      // The response first: destroyed with the reason, its body errors with it.
      if (response) response.destroy(signal!.reason);
      else request.destroy(signal!.reason);
    };
    const done = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });

    const tlsFirstTry = hooks.tlsFirstTry;
    let handshaken = false;
    if (tlsFirstTry) {
      request.on('socket', (socket: Socket) => {
        if (request.reusedSocket) handshaken = true;
        else socket.once('secureConnect', () => (handshaken = true));
      });
      // A plain HTTP server may wait for a request line instead of answering a TLS hello at all.
      const timer = setTimeout(() => {
        if (!handshaken)
          request.destroy(new NotTlsError(`no TLS handshake within ${tlsFirstTry.timeout} ms`));
      }, tlsFirstTry.timeout);
      request.on('close', () => clearTimeout(timer));
    }

    request.on('error', (error) => {
      done();
      if (tlsFirstTry && !handshaken && (error instanceof NotTlsError || tlsFirstTry.isNotTls(error))) {
        reject(error instanceof NotTlsError ? error : new NotTlsError(error.message));
        return;
      }
      // A no-op once the response is out: then its body carries the error.
      reject(hooks.explain ? hooks.explain(error) : error);
    });
    request.on('response', (message: IncomingMessage) => {
      response = message;
      message.on('close', done);
      const status = message.statusCode ?? 0;
      const refusal = hooks.refuse?.(status);
      if (refusal) {
        message.resume();
        reject(refusal);
        return;
      }
      const hasBody = method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
      // A body nobody reads holds its socket: drain it so the socket goes back to the pool.
      if (!hasBody) message.resume();
      resolve({
        status,
        headers: headersOf(message),
        body: hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : null,
      });
    });
    if (isStream(body)) {
      // A body that fails (a file read error, a digest check) ends the request with its error; a
      // request that ends first (an early answer, an abort) lets go of the body's source.
      body.on('error', (error) => request.destroy(error));
      request.on('close', () => {
        if (!body.readableEnded) body.destroy();
      });
      body.pipe(request);
    } else {
      request.end(body);
    }
  });
}

// Duck-typed: a stream from another realm (a VM context, as under jest) is a stream too.
function isStream(body: HttpFetchInit['body']): body is Readable {
  return typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe === 'function';
}

// headersDistinct keeps every value of a repeated header, which `headers` would drop for some.
function headersOf(message: IncomingMessage): HttpResponse['headers'] {
  const all = message.headersDistinct;
  return {
    get: (name) => all[name.toLowerCase()]?.join(', ') ?? null,
  };
}
