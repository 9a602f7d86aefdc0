/**
 * A blob as a node Readable that is never held whole: its digest is checked while it flows, an
 * idle timeout runs between chunks, and a body that breaks off (reset, stall, short) is taken up
 * again where it stopped, with a Range request, or from the start when the server ignores Range
 * (the bytes already passed on are then read again, checked equal, and skipped).
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStreamReadResult } from 'node:stream/web';
import { RegistryError } from './errors.js';
import { backoffDelay, isConnectionReset, type RetryPolicy } from './retry.js';
import {
  asRegistryError,
  formatSeconds,
  TimeoutError,
  type ResponseLike,
  type StreamingExchange,
} from './transport.js';

export interface BlobStreamOptions {
  digest: string;
  /** The image (or blob) to name in errors. */
  image: string;
  /** The descriptor's size when the caller knows it: a body that ends before it is short. */
  size?: number;
  /** Longest wait for the next chunk (ms). */
  idleTimeout: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

/** Opens the blob at `offset` (a Range request when > 0); rejects with a RegistryError on a bad status. */
export type OpenBlob = (offset: number) => Promise<StreamingExchange>;

const HASHES: Record<string, string> = { sha256: 'sha256', sha512: 'sha512' };

class ShortBodyError extends Error {}

/** The algorithm of `sha256:...`, or a RegistryError for digests we cannot check. */
export function digestAlgorithm(digest: string, image: string): string {
  const algorithm = HASHES[digest.slice(0, digest.indexOf(':'))];
  if (!algorithm) throw new RegistryError('protocol', image, `${image}: cannot verify digest "${digest}"`);
  return algorithm;
}

/** Whether `bytes` hash to `digest`. */
export function matchesDigest(bytes: Buffer, digest: string): boolean {
  const colon = digest.indexOf(':');
  const algorithm = HASHES[digest.slice(0, colon)];
  return (
    algorithm !== undefined && createHash(algorithm).update(bytes).digest('hex') === digest.slice(colon + 1)
  );
}

/** Streams the blob whose first response is `first`; `open` fetches the rest after a break. */
export function verifiedBlobStream(
  first: StreamingExchange,
  open: OpenBlob,
  options: BlobStreamOptions,
): Readable {
  const algorithm = digestAlgorithm(options.digest, options.image);
  return Readable.from(chunks(first, open, options, algorithm), {
    objectMode: false,
    highWaterMark: 256 * 1024,
  });
}

async function* chunks(
  first: StreamingExchange,
  open: OpenBlob,
  options: BlobStreamOptions,
  algorithm: string,
): AsyncGenerator<Buffer> {
  const { image, digest } = options;
  const hash: Hash = createHash(algorithm);
  let offset = 0; // bytes passed on
  let total = options.size ?? totalLength(first.response, 0);
  let current: StreamingExchange = first;
  // A restart from byte 0: bytes to read again and skip, and the hash they must have.
  let skip = 0;
  let skippedHash: Hash | undefined;
  let prefix = '';
  let retries = 0;
  let streakStart = options.now();
  try {
    for (;;) {
      const startedAt = offset;
      try {
        for await (const chunk of readWithIdleTimeout(current, options.idleTimeout)) {
          let data = chunk;
          if (skip > 0) {
            const again = data.subarray(0, skip);
            skippedHash!.update(again);
            skip -= again.length;
            data = data.subarray(again.length);
            if (skip === 0 && skippedHash!.digest('hex') !== prefix) {
              throw new RegistryError(
                'digest-mismatch',
                image,
                `${image}: blob ${digest} changed while it was downloaded again from the start`,
              );
            }
            if (data.length === 0) continue;
          }
          hash.update(data);
          offset += data.length;
          yield data;
        }
        if (skip > 0 || (total !== undefined && offset < total)) {
          // The whole blob, by its digest, only shorter than said: no retry makes it longer.
          if (skip === 0 && `${algorithm}:${hash.copy().digest('hex')}` === digest) {
            const said = options.size !== undefined ? 'its descriptor says' : 'the registry said';
            throw new RegistryError(
              'protocol',
              image,
              `${image}: blob ${digest} is ${offset} bytes, but ${said} ${total}: the descriptor and the blob's size do not match`,
            );
          }
          throw new ShortBodyError(`the body ended after ${offset} of ${total ?? '?'} bytes`);
        }
        break;
      } catch (error) {
        current.abort.abort();
        const timedOut = error instanceof TimeoutError;
        if (!timedOut && !(error instanceof ShortBodyError) && !isConnectionReset(error)) {
          throw asRegistryError(error, { image });
        }
        // New bytes passed on start a new streak; bytes read again and skipped do not.
        if (offset > startedAt) {
          retries = 0;
          streakStart = options.now();
        }
        retries++;
        const wait = backoffDelay(retries, options.retry, options.random);
        const elapsed = options.now() - streakStart;
        if (retries >= options.retry.maxAttempts || elapsed + wait > options.retry.maxRetryTime) {
          const cause = timedOut
            ? `no data for ${formatSeconds(options.idleTimeout)}`
            : error instanceof ShortBodyError
              ? error.message
              : 'the connection was reset';
          throw new RegistryError(
            timedOut ? 'timeout' : 'network',
            image,
            `${image}: blob ${digest} broke off after ${offset} bytes: ${cause} (gave up after ${retries} retries)`,
            undefined,
            { cause: error },
          );
        }
        await options.sleep(wait);
        current = await open(offset);
        if (current.response.status === 206) {
          const start = rangeStart(current.response);
          if (start !== offset) {
            throw new RegistryError(
              'protocol',
              image,
              `${image}: blob ${digest}: asked for bytes from ${offset}, the registry sent from ${start ?? '?'}`,
            );
          }
          total ??= totalLength(current.response, offset);
        } else {
          // No Range support: read from byte 0 again, check the part already passed on, skip it.
          prefix = hash.copy().digest('hex');
          skippedHash = createHash(algorithm);
          skip = offset;
          total ??= totalLength(current.response, 0);
        }
      }
    }
  } finally {
    current.abort.abort();
  }
  const actual = hash.digest('hex');
  if (`${algorithm}:${actual}` !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      image,
      `${image}: blob ${digest} does not match its content (got ${algorithm}:${actual}, ${offset} bytes)`,
    );
  }
}

// The body's chunks, each awaited for at most `idleTimeout` ms.
async function* readWithIdleTimeout(
  exchange: StreamingExchange,
  idleTimeout: number,
): AsyncGenerator<Buffer> {
  const body = exchange.response.body;
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const timer = setTimeout(() => exchange.abort.abort(new TimeoutError(idleTimeout)), idleTimeout);
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        throw exchange.abort.signal.reason instanceof TimeoutError ? exchange.abort.signal.reason : error;
      } finally {
        clearTimeout(timer);
      }
      if (result.done) return;
      const value = result.value;
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}

/** The whole blob's length from a 200's Content-Length or a 206's Content-Range (`bytes 10-99/100`). */
function totalLength(response: ResponseLike, offset: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length !== null && /^\d+$/.test(length) ? offset + Number(length) : undefined;
}

function rangeStart(response: ResponseLike): number | undefined {
  const match = /^bytes\s+(\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}
