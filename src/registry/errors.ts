/**
 * What went wrong talking to a registry, in words that name the image: the message is what the
 * user reads, `kind` and `status` are what callers branch on (a missing baseline is not a failure).
 */
import { ActionError } from '../util/errors.js';

export type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'digest-mismatch'
  /** A body that is not what was asked for: not JSON, or larger than allowed. */
  | 'malformed'
  | 'protocol';

export class RegistryError extends ActionError {
  constructor(
    readonly kind: RegistryErrorKind,
    /** The image (or blob) the request was for, as shown in the message. */
    readonly image: string,
    message: string,
    /** The HTTP status, when the registry answered with one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RegistryError';
  }

  get notFound(): boolean {
    return this.kind === 'not-found';
  }
}

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError;
}

/** Whether `error` says the image (or blob) does not exist, as opposed to any other failure. */
export function isNotFound(error: unknown): boolean {
  return error instanceof RegistryError && error.notFound;
}

/**
 * Whether `error` is an answer whose bytes came back wrong (not matching their digest, cut short,
 * not JSON, too large): the registry has the right bytes, and fetching them again usually gets them.
 */
export function isCorruptAnswer(error: unknown): boolean {
  return error instanceof RegistryError && (error.kind === 'digest-mismatch' || error.kind === 'malformed');
}

/** The same error with `note` added to its message (how often it was tried, say). */
export function withNote(error: RegistryError, note: string): RegistryError {
  return new RegistryError(error.kind, error.image, `${error.message}${note}`, error.status, {
    cause: error,
  });
}
