/**
 * The write side of the distribution API (OCI distribution spec, "Push"): blob existence, cross-
 * repository mount, monolithic blob upload (POST a session, PUT its Location with ?digest=) and
 * manifest PUT. The client gives each call a `send` that authorizes for a scope and retries what
 * is safe to retry; this file decides what is safe:
 *
 * - HEAD, the POST that opens a session, the mount POST and the manifest PUT may be sent again
 *   (a repeated POST only leaves an unused session behind, which the registry expires; a manifest
 *   PUT of the same bytes has the same outcome).
 * - The PUT that carries a blob is sent once: after a break the session's state is unknown (part
 *   of the bytes may have been taken). The upload starts over with a new session instead, after a
 *   HEAD that finds out whether the blob made it anyway.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { digestAlgorithm } from './blob-stream.js';
import { isRegistryError, RegistryError } from './errors.js';
import { backoffDelay, isRetryableStatus, type RetryPolicy } from './retry.js';
import { statusError } from './status-error.js';
import type { BufferedExchange, HttpRequest } from './transport.js';

/** A request as the client sends it: authorized for `scope`, at most `maxBytes` of answer read. */
export type Send = (
  request: Omit<HttpRequest, 'authorization' | 'image'>,
  scope: string,
  maxBytes?: number,
) => Promise<BufferedExchange>;

export interface UploadTarget {
  /** `http://localhost:5000`. */
  baseUrl: string;
  repository: string;
  /** Named in errors. */
  image: string;
}

export interface UploadPacing {
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

export const pullScope = (repository: string): string => `repository:${repository}:pull`;
export const pushScope = (repository: string): string => `repository:${repository}:pull,push`;

/** Whether the repository has the blob (HEAD; 404 is false, any other failure an error). */
export async function blobExists(
  send: Send,
  target: UploadTarget,
  digest: string,
  scope = pullScope(target.repository),
): Promise<boolean> {
  digestAlgorithm(digest, target.image);
  const exchange = await send({ method: 'HEAD', url: blobUrl(target, digest) }, scope, 0);
  const status = exchange.response.status;
  if (status === 200) return true;
  if (status === 404) return false;
  throw statusError(status, target.image, `blob ${digest} of ${target.image}`, exchange);
}

/**
 * Links a blob of `fromRepository` (same registry) into the target without sending its bytes.
 * False when the registry opened an upload instead (the blob is not there, we may not read it,
 * or the registry does not mount): that session is cancelled.
 */
export async function mountBlob(
  send: Send,
  target: UploadTarget,
  digest: string,
  fromRepository: string,
): Promise<boolean> {
  digestAlgorithm(digest, target.image);
  const query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
  const scope = `${pushScope(target.repository)} ${pullScope(fromRepository)}`;
  const exchange = await send(
    { method: 'POST', url: `${uploadsUrl(target)}?${query}`, headers: { 'Content-Length': '0' } },
    scope,
  );
  const status = exchange.response.status;
  if (status === 201) return true;
  if (status === 202) {
    const location = exchange.response.headers.get('location');
    if (location) await cancelUpload(send, new URL(location, exchange.url).toString(), target);
    return false;
  }
  throw statusError(
    status,
    target.image,
    `mount of blob ${digest} into ${target.image}`,
    exchange,
    exchange.body,
  );
}

/**
 * Uploads a blob in one PUT, streamed from `open()` (called again for each new try, so it must
 * give the same bytes each time). The bytes are checked against `size` and `digest` as they go,
 * and the last chunk is held back until they match: a registry never commits wrong content.
 */
export async function uploadBlob(
  send: Send,
  target: UploadTarget,
  digest: string,
  size: number,
  open: () => Readable,
  pacing: UploadPacing,
): Promise<void> {
  const algorithm = digestAlgorithm(digest, target.image);
  const scope = pushScope(target.repository);
  const start = pacing.now();
  for (let attempt = 1; ; attempt++) {
    const location = await startUpload(send, target, scope);
    let localFailure: Error | undefined;
    const body = () =>
      checkedContent(open(), { digest, size, algorithm, image: target.image }, (error) => {
        localFailure = error;
      });
    let outcome: 'done' | 'retry';
    let failure: RegistryError;
    try {
      const exchange = await send(
        {
          method: 'PUT',
          url: withDigest(location, digest),
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
          body,
          once: true,
        },
        scope,
      );
      const status = exchange.response.status;
      if (status === 201 || status === 204) {
        checkAnsweredDigest(exchange, digest, target.image);
        return;
      }
      failure = statusError(
        status,
        target.image,
        `upload of blob ${digest} to ${target.image}`,
        exchange,
        exchange.body,
      );
      // 404: the session is gone (expired, or lost by a registry behind a load balancer).
      outcome = isRetryableStatus(status) || status === 404 ? 'retry' : 'done';
    } catch (error) {
      if (localFailure || !isRegistryError(error) || (error.kind !== 'network' && error.kind !== 'timeout')) {
        await cancelUpload(send, location, target);
        throw localFailure ?? error;
      }
      failure = error;
      outcome = 'retry';
    }
    await cancelUpload(send, location, target);
    if (outcome === 'done') throw failure;
    // The answer may have been lost after the registry took the blob.
    if (await blobExists(send, target, digest, scope).catch(() => false)) return;
    const wait = backoffDelay(attempt, pacing.retry, pacing.random);
    if (attempt >= pacing.retry.maxAttempts || pacing.now() - start + wait > pacing.retry.maxRetryTime) {
      throw new RegistryError(
        failure.kind,
        target.image,
        `${failure.message} (gave up after ${attempt} uploads)`,
        failure.status,
        { cause: failure },
      );
    }
    await pacing.sleep(wait);
  }
}

/**
 * Whether we may push to the repository, without writing anything: an upload session opened with
 * a pull,push authorization, then cancelled (as go-containerregistry's CheckPushPermission: some
 * registries grant a push token to anyone and refuse only the write). Throws the registry's
 * refusal (401, 403, ...).
 */
export async function checkPushAccess(send: Send, target: UploadTarget): Promise<void> {
  const location = await startUpload(send, target, pushScope(target.repository));
  await cancelUpload(send, location, target);
}

/**
 * PUTs a manifest or an index under a tag or a digest. Returns its digest: the sha256 of `body`,
 * which a digest reference and the registry's Docker-Content-Digest must both match.
 */
export async function putManifest(
  send: Send,
  target: UploadTarget,
  reference: string,
  body: Buffer,
  mediaType: string,
): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (reference.includes(':') && reference !== digest) {
    digestAlgorithm(reference, target.image);
    throw new RegistryError(
      'digest-mismatch',
      target.image,
      `${target.image}: the manifest to push does not match digest ${reference} (its sha256 is ${digest})`,
    );
  }
  const exchange = await send(
    {
      method: 'PUT',
      url: `${target.baseUrl}/v2/${target.repository}/manifests/${reference}`,
      headers: { 'Content-Type': mediaType },
      body,
    },
    pushScope(target.repository),
  );
  const status = exchange.response.status;
  if (status < 200 || status >= 300) {
    throw statusError(
      status,
      target.image,
      `push of manifest ${reference} to ${target.image}`,
      exchange,
      exchange.body,
    );
  }
  checkAnsweredDigest(exchange, digest, target.image);
  return digest;
}

// POST /v2/<name>/blobs/uploads/: the session's URL, absolute.
async function startUpload(send: Send, target: UploadTarget, scope: string): Promise<string> {
  const exchange = await send(
    { method: 'POST', url: `${uploadsUrl(target)}`, headers: { 'Content-Length': '0' } },
    scope,
  );
  const status = exchange.response.status;
  const location = exchange.response.headers.get('location');
  if (status !== 202) {
    throw statusError(status, target.image, `upload to ${target.image}`, exchange, exchange.body);
  }
  if (!location) {
    throw new RegistryError(
      'protocol',
      target.image,
      `${target.image}: the registry opened an upload without saying where (no Location)`,
    );
  }
  return new URL(location, exchange.url).toString();
}

// Best effort: a session left open only costs the registry until it expires it.
async function cancelUpload(send: Send, location: string, target: UploadTarget): Promise<void> {
  await send({ method: 'DELETE', url: location }, pushScope(target.repository), 64 * 1024).catch(() => {});
}

// The session URL may carry state in its query already (`?_state=...`): appended to, never re-encoded.
function withDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

function checkAnsweredDigest(exchange: BufferedExchange, digest: string, image: string): void {
  const answered = exchange.response.headers.get('docker-content-digest');
  if (answered && answered !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      image,
      `${image}: the registry stored ${answered} where ${digest} was sent`,
    );
  }
}

function uploadsUrl(target: UploadTarget): string {
  return `${target.baseUrl}/v2/${target.repository}/blobs/uploads/`;
}

function blobUrl(target: UploadTarget, digest: string): string {
  return `${target.baseUrl}/v2/${target.repository}/blobs/${digest}`;
}

interface Expected {
  digest: string;
  size: number;
  algorithm: string;
  image: string;
}

/**
 * The content as sent, one chunk behind: the last chunk leaves only once the byte count and the
 * digest match, so a request with wrong content never completes. `onFailure` learns why it broke.
 */
function checkedContent(source: Readable, expected: Expected, onFailure: (error: Error) => void): Readable {
  const hash = createHash(expected.algorithm);
  let count = 0;
  let held: Buffer | undefined;
  const fail = (message: string) => {
    const error = new RegistryError('digest-mismatch', expected.image, `${expected.image}: ${message}`);
    onFailure(error);
    return error;
  };
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      count += chunk.length;
      if (count > expected.size) {
        done(fail(`blob ${expected.digest} to upload has more than its ${expected.size} bytes`));
        return;
      }
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done) {
      const actual = `${expected.digest.slice(0, expected.digest.indexOf(':'))}:${hash.digest('hex')}`;
      if (count !== expected.size) {
        done(fail(`blob ${expected.digest} to upload has ${count} bytes, not ${expected.size}`));
      } else if (actual !== expected.digest) {
        done(fail(`blob ${expected.digest} to upload does not match its content (${actual})`));
      } else {
        done(null, held);
      }
    },
  });
  source.on('error', (error) => {
    onFailure(error);
    checked.destroy(error);
  });
  checked.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return source.pipe(checked);
}
