/**
 * What went wrong talking to a registry, in words that name the image: the message is what the
 * user reads, `kind` and `status` are what callers branch on (a missing baseline is not a failure).
 */
export type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'digest-mismatch'
  | 'protocol';

export class RegistryError extends Error {
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
