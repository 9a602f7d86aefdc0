/**
 * One HTTP exchange with a registry, made robust: a timeout, redirects followed by hand so that
 * credentials never reach another host (the `Authorization` header goes to the one host it was
 * made for, not to blob storage behind a 307; a body that carries a credential is not sent on to
 * another host at all), and retries with backoff on 429/5xx, connection resets and timeouts,
 * within a number of attempts and a total time. What a final status means is the caller's
 * business; this only gets a response.
 */
import { Transform, type Readable } from 'node:stream';
import { RegistryError } from './errors.js';
import {
  backoffDelay,
  causeChain,
  isConnectionReset,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry.js';

/** What the transport asks of a request: global fetch and httpFetch both take it. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | Readable;
  /** Set with a stream body, as global fetch requires. */
  duplex?: 'half';
  redirect: 'manual';
  signal: AbortSignal;
}

/** What the transport reads of a response: global fetch's Response and httpFetch's both have it. */
export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

/** Global fetch or httpFetch (the default, which spares the process undici's start-up). */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export interface TransportOptions {
  /** Per request (ms): until the headers arrive; for buffered bodies, until the body is read too. */
  timeout: number;
  retry: RetryPolicy;
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  userAgent: string;
  /** Told of every request and its answer (method, URL without its query, status): no header, no body. */
  debug?: (line: string) => void;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /**
   * The `Authorization` header and the one `host[:port]` it is for: sent to that host only, on
   * the first request and on redirects that lead back to it, never elsewhere.
   */
  authorization?: { header: string; host: string };
  /** The body carries a credential (an OAuth2 refresh token): a redirect to another host is refused. */
  secretBody?: boolean;
  /**
   * A function opens a stream, once per send (a retry or a redirect sends it again); while it
   * flows, the timeout counts from its last chunk, so a large upload is not cut off by it.
   */
  body?: string | Buffer | (() => Readable);
  /** Sent once, never retried: a request whose repetition is not harmless (an upload's PUT). */
  once?: boolean;
  /** The image the request is for, named in every error. */
  image: string;
}

export interface Exchange {
  response: ResponseLike;
  /** The URL that answered, after redirects. */
  url: string;
  attempts: number;
  elapsed: number;
}

export interface BufferedExchange extends Exchange {
  body: Buffer;
}

/** A response whose body is still to be read, with the means to cut it off. */
export interface StreamingExchange extends Exchange {
  abort: AbortController;
}

export const MAX_REDIRECTS = 10;

/** What a registry `Authorization` header is tied to: the host of the URL it was made for. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${formatSeconds(ms)}`);
    this.name = 'TimeoutError';
  }
}

export class Transport {
  constructor(readonly options: TransportOptions) {}

  /** The whole body in memory (manifests, token responses): at most `maxBytes`. */
  async buffered(request: HttpRequest, maxBytes: number): Promise<BufferedExchange> {
    return this.withRetries(request, async (abort, progress) => {
      const exchange = await this.follow(request, abort, progress);
      const body =
        request.method === 'HEAD'
          ? Buffer.alloc(0)
          : await readLimited(exchange.response, maxBytes, request.image);
      return { ...exchange, body };
    });
  }

  /**
   * The headers only: the body is left to the caller, with no timeout running (a blob reader
   * keeps its own idle timeout) and `abort` to end the connection.
   */
  async streaming(request: HttpRequest): Promise<StreamingExchange> {
    return this.withRetries(request, async (abort, progress) => ({
      ...(await this.follow(request, abort, progress)),
      abort,
    }));
  }

  private async withRetries<T extends Omit<Exchange, 'attempts' | 'elapsed'>>(
    request: HttpRequest,
    attempt: (abort: AbortController, progress: () => void) => Promise<T>,
  ): Promise<T & Exchange> {
    const { retry, now, sleep, random } = this.options;
    const start = now();
    const maxAttempts = request.once ? 1 : retry.maxAttempts;
    for (let attempts = 1; ; attempts++) {
      const abort = new AbortController();
      const timer = setTimeout(
        () => abort.abort(new TimeoutError(this.options.timeout)),
        this.options.timeout,
      );
      const progress = () => timer.refresh();
      let wait: number | undefined;
      let failure: unknown;
      try {
        const result = await attempt(abort, progress);
        const status = result.response.status;
        if (!isRetryableStatus(status)) return { ...result, attempts, elapsed: now() - start };
        const retryAfter =
          status === 429 || status === 503
            ? parseRetryAfter(result.response.headers.get('retry-after'), now())
            : undefined;
        wait = retryAfter ?? backoffDelay(attempts, retry, random);
        if (!this.mayRetry(attempts, maxAttempts, start, wait))
          return { ...result, attempts, elapsed: now() - start };
        abort.abort(); // frees the connection of a response we will not read
      } catch (error) {
        failure = abort.signal.reason instanceof TimeoutError ? abort.signal.reason : error;
        if (!(failure instanceof TimeoutError) && !isConnectionReset(failure))
          throw asRegistryError(failure, request);
        wait = backoffDelay(attempts, retry, random);
        if (!this.mayRetry(attempts, maxAttempts, start, wait)) {
          throw asRegistryError(
            failure,
            request,
            ` (gave up after ${attempts} attempts in ${formatSeconds(now() - start)})`,
          );
        }
      } finally {
        clearTimeout(timer);
      }
      await sleep(wait);
    }
  }

  private mayRetry(attempts: number, maxAttempts: number, start: number, wait: number): boolean {
    const { retry, now } = this.options;
    return attempts < maxAttempts && now() - start + wait <= retry.maxRetryTime;
  }

  // One attempt: the request and its redirects, under one abort signal.
  private async follow(
    request: HttpRequest,
    abort: AbortController,
    progress: () => void,
  ): Promise<{ response: ResponseLike; url: string }> {
    let url = request.url;
    let method = request.method;
    let body = request.body;
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = { 'User-Agent': this.options.userAgent, ...request.headers };
      if (request.authorization && hostOf(url) === request.authorization.host)
        headers.Authorization = request.authorization.header;
      const sent = typeof body === 'function' ? withProgress(body(), progress) : body;
      const response = await this.options.fetch(url, {
        method,
        headers,
        body: sent,
        ...(typeof body === 'function' ? { duplex: 'half' as const } : {}),
        redirect: 'manual',
        signal: abort.signal,
      });
      this.options.debug?.(`registry: ${method} ${redact(url)} -> ${response.status}`);
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return { response, url };
      await response.body?.cancel().catch(() => {});
      if (redirects >= MAX_REDIRECTS) {
        throw new RegistryError(
          'protocol',
          request.image,
          `${request.image}: more than ${MAX_REDIRECTS} redirects (last to ${redact(location)})`,
        );
      }
      const next = new URL(location, url).toString();
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
      if (request.secretBody && body !== undefined && hostOf(next) !== hostOf(request.url)) {
        throw new RegistryError(
          'protocol',
          request.image,
          `${request.image}: ${hostOf(url)} redirected a request that carries credentials to another host ` +
            `(${hostOf(next)}); it is not sent there`,
        );
      }
      url = next;
    }
  }
}

// The stream as sent: each chunk pushes the timeout back. Either side failing ends the other.
function withProgress(source: Readable, progress: () => void): Readable {
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress();
      done(null, chunk);
    },
  });
  source.on('error', (error) => counted.destroy(error));
  counted.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return source.pipe(counted);
}

async function readLimited(response: ResponseLike, maxBytes: number, image: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(image, declared, maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(image, total, maxBytes);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks);
}

function tooLarge(image: string, bytes: number, maxBytes: number): RegistryError {
  return new RegistryError(
    'malformed',
    image,
    `${image}: the registry's answer is larger than the ${maxBytes} bytes allowed (${bytes} bytes or more)`,
  );
}

/** A network failure as a RegistryError that names the image; RegistryErrors pass through. */
export function asRegistryError(
  error: unknown,
  request: { image: string; url?: string },
  note = '',
): RegistryError {
  if (error instanceof RegistryError) return error;
  if (error instanceof TimeoutError) {
    return new RegistryError(
      'timeout',
      request.image,
      `${request.image}: timed out: ${error.message}${note}`,
      undefined,
      {
        cause: error,
      },
    );
  }
  const where = request.url ? ` (${new URL(request.url).host})` : '';
  return new RegistryError(
    'network',
    request.image,
    `${request.image}: cannot reach the registry${where}: ${describeNetworkError(error)}${note}`,
    undefined,
    { cause: error },
  );
}

/** `fetch failed` says nothing: the useful words are in the cause chain (`ECONNREFUSED 127.0.0.1:5000`). */
export function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  for (const { message, code } of causeChain(error)) {
    const text = typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
    if (text && text !== 'fetch failed') parts.push(text);
  }
  return parts.join(': ') || String(error);
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

// Pre-signed storage URLs carry credentials in their query: never print them.
function redact(location: string): string {
  return location.replace(/\?.*$/, '?…');
}
