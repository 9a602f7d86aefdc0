/**
 * Bearer tokens by scope (`repository:acme/app:pull`), reused until they expire. A token is
 * dropped a little before its end (a tenth of its life, at most 10 s) so that it does not
 * expire between our check and the registry's.
 */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;

interface CachedToken {
  token: string;
  expiresAt: number;
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(private readonly now: () => number) {}

  get(scope: string): string | undefined {
    const cached = this.tokens.get(scope);
    if (!cached) return undefined;
    if (this.now() >= cached.expiresAt) {
      this.tokens.delete(scope);
      return undefined;
    }
    return cached.token;
  }

  /**
   * Keeps `token` for `expiresIn` seconds (the token response's `expires_in`; 60 s when it has
   * none, as the distribution spec says), counted from `issuedAt` (ms) when the server said.
   */
  set(scope: string, token: string, expiresIn?: number, issuedAt?: number): void {
    const lifetime = (expiresIn && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
    const now = this.now();
    // An issued_at in the future (clock skew) or far past is not trusted over our own clock.
    const start = issuedAt !== undefined && issuedAt <= now && now - issuedAt < lifetime ? issuedAt : now;
    const margin = Math.min(10_000, lifetime / 10);
    this.tokens.set(scope, { token, expiresAt: start + lifetime - margin });
  }

  /** Forgets a token the registry refused. */
  delete(scope: string): void {
    this.tokens.delete(scope);
  }
}
