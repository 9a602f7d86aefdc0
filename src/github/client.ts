/**
 * The GitHub REST client: Octokit from @actions/github, pointed at GITHUB_API_URL so that GitHub
 * Enterprise works, through the proxy the step's environment names (proxy-fetch.ts, by the same
 * rules as the registry client), and retrying what GitHub asks to be retried.
 *
 * @actions/github is heavy to load (Octokit, undici): import this module with `await import()`
 * only when a comment is actually posted, never statically from an action.
 */
import { getOctokit } from '@actions/github';
import { WaitBudget, WaitBudgetError } from './wait-budget.js';
import { apiOriginPlugin } from './api-origin.js';
import { createProxyFetch } from './proxy-fetch.js';

export type GitHubClient = ReturnType<typeof getOctokit>;
type OctokitPlugin = Parameters<typeof getOctokit>[2];

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface GitHubClientOptions {
  token: string;
  /** The environment to read GITHUB_API_URL and the proxy variables from (the io's). */
  env: Record<string, string | undefined>;
  /** Called with the proxy's password and Proxy-Authorization value, so that the caller can mask them. */
  onSecret?: (value: string) => void;
  /** For tests: the fetch requests go through (the step's proxy-aware fetch by default). */
  fetch?: typeof globalThis.fetch;
  /** How often one request is retried before its error is thrown (default 3). */
  maxRetries?: number;
  /** The longest single wait accepted, in seconds (default 60); a longer one fails at once rather than stall the job. */
  maxWaitSeconds?: number;
  /**
   * Per request (ms), 30 s by default, or SHIPSHAPE_GITHUB_TIMEOUT_MS from `env` (for tests): undici
   * alone would wait 5 minutes for headers, and again for the body, on each try.
   */
  timeout?: number;
  /**
   * What the step may still wait before retries, shared by its clients (wait-budget.ts); a new
   * one of 60 s (or SHIPSHAPE_GITHUB_WAIT_BUDGET_MS from `env`) by default.
   */
  waitBudget?: WaitBudget;
  /** Told before each wait, so that a pause in the log has a reason. */
  onRetry?: (message: string) => void;
  /** For tests: how to wait, and what time it is (ms since the epoch). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** GITHUB_API_URL without a trailing slash, or api.github.com. */
export function apiBaseUrl(env: Record<string, string | undefined>): string {
  return (env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 3,
    maxWaitSeconds: options.maxWaitSeconds ?? 60,
  };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const timeout = options.timeout ?? timeoutFromEnv(options.env) ?? DEFAULT_TIMEOUT_MS;
  const budget = options.waitBudget ?? WaitBudget.fromEnv(options.env);

  // Our fetch replaces @actions/github's, whose proxy is read from process.env once, for the
  // base URL only. The origin plugin sits inside the retries: a refusal to leave the API's host
  // is final, not retried.
  const baseUrl = apiBaseUrl(options.env);
  const fetch = options.fetch ?? createProxyFetch({ env: options.env, onSecret: options.onSecret });
  return getOctokit(
    options.token,
    { baseUrl, userAgent: 'shipshape', request: { fetch } },
    apiOriginPlugin(baseUrl),
    retryPlugin(policy, { sleep, now, timeout, budget, onRetry: options.onRetry }),
  );
}

function timeoutFromEnv(env: Record<string, string | undefined>): number | undefined {
  const value = env.SHIPSHAPE_GITHUB_TIMEOUT_MS?.trim();
  return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}

export interface RetryPolicy {
  maxRetries: number;
  maxWaitSeconds: number;
}

export interface RetryDecision {
  waitMs: number;
  reason: string;
}

/** What an Octokit request error looks like here (RequestError, read structurally). */
interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
const SERVER_ERRORS = new Set([500, 502, 503, 504]);
/** GitHub's advice when a secondary rate limit comes without retry-after: wait a minute. */
const SECONDARY_FALLBACK_SECONDS = 60;

/**
 * Whether to retry a failed request, and after how long; undefined to give up.
 *
 * - Rate limits (403/429): after `retry-after` when given; else, with the primary limit used up
 *   (`x-ratelimit-remaining: 0`), until `x-ratelimit-reset`; else, for a secondary limit, a minute.
 *   Any method: GitHub refused the request, so nothing was created twice.
 * - Server errors (500/502/503/504, and network failures, which Octokit reports as 500 without a
 *   response): exponential backoff from 1 s, for idempotent methods only, since a POST that
 *   failed with 502 may still have created the comment.
 * - Never more than `maxRetries` retries, nor one wait longer than `maxWaitSeconds`; and the waits
 *   of a step, together, stay within its WaitBudget (checked by the caller).
 */
export function retryDecision(
  error: unknown,
  method: string,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): RetryDecision | undefined {
  if (attempt >= policy.maxRetries || typeof error !== 'object' || error === null) return undefined;
  if (proxyWillRefuseAgain(error)) return undefined;
  const { status, message = '', response } = error as FailedRequest;
  const headers = response?.headers ?? {};
  let seconds: number | undefined;
  let reason: string;
  if (status === 403 || status === 429) {
    const retryAfter = headers['retry-after'];
    const secondary = /secondary rate limit/i.test(message);
    if (retryAfter !== undefined) {
      seconds = retryAfterSeconds(String(retryAfter), nowMs) ?? SECONDARY_FALLBACK_SECONDS;
    } else if (
      String(headers['x-ratelimit-remaining']) === '0' &&
      headers['x-ratelimit-reset'] !== undefined
    ) {
      seconds = Math.max(1, Number(headers['x-ratelimit-reset']) - Math.floor(nowMs / 1000) + 1);
    } else if (secondary) {
      seconds = SECONDARY_FALLBACK_SECONDS;
    } else {
      return undefined; // a permission error: retrying will not help
    }
    reason = secondary ? 'secondary rate limit' : 'rate limit';
  } else if (status !== undefined && SERVER_ERRORS.has(status) && IDEMPOTENT.has(method.toUpperCase())) {
    seconds = 2 ** attempt;
    reason = response ? `server error ${status}` : `network error (${message})`;
  } else {
    return undefined;
  }
  if (!Number.isFinite(seconds) || seconds > policy.maxWaitSeconds) return undefined;
  return { waitMs: seconds * 1000, reason };
}

/** `retry-after` is seconds or an HTTP date. */
function retryAfterSeconds(value: string, nowMs: number): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/**
 * A proxy variable that is not a proxy URL, or a proxy that refused us (407: no credentials):
 * the same again on a retry. A proxy that cannot be reached is retried like any network error.
 */
function proxyWillRefuseAgain(error: object): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'ProxyConfigError') return true;
    if (cause.name === 'ProxyError' && (cause as { status?: number }).status !== undefined) return true;
  }
  return false;
}

interface RetryRuntime {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  timeout: number;
  budget: WaitBudget;
  onRetry: ((message: string) => void) | undefined;
}

function retryPlugin(
  policy: RetryPolicy,
  { sleep, now, timeout, budget, onRetry }: RetryRuntime,
): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      for (let attempt = 0; ; attempt++) {
        const { pathname } = new URL(requestPath(requestOptions), DEFAULT_API_URL);
        const where = `${requestOptions.method} ${pathname}`;
        // A fresh signal per try; it covers the body too. Set in place: the hooks below this
        // one were bound to this very options object.
        const signal = AbortSignal.timeout(timeout);
        requestOptions.request = { ...requestOptions.request, signal };
        try {
          const response = await request(requestOptions);
          if (isBrokenJson(response))
            throw new NoFullAnswerError(`GitHub's answer to ${where} broke off before its end`);
          return response;
        } catch (caught) {
          // A timeout is a network error (500 without a response): retried for idempotent methods only.
          const error = signal.aborted
            ? new NoFullAnswerError(`GitHub did not answer ${where} within ${timeout / 1000} s`)
            : caught;
          const decision = retryDecision(error, requestOptions.method, attempt, policy, now());
          if (!decision) throw error;
          if (!budget.take(decision.waitMs)) {
            throw new WaitBudgetError(
              `GitHub ${decision.reason} on ${where}: a retry in ${decision.waitMs / 1000} s would take ` +
                `this step's waits on the GitHub API past ${budget.limitMs / 1000} s ` +
                `(${budget.waitedSeconds} s waited already)`,
              { cause: error },
            );
          }
          onRetry?.(
            `GitHub ${decision.reason} on ${where}: ` +
              `retrying in ${decision.waitMs / 1000} s (retry ${attempt + 1} of ${policy.maxRetries})`,
          );
          await sleep(decision.waitMs);
        }
      }
    });
  };
}

/**
 * Octokit does not fail a 2xx whose JSON body broke off (a reset mid-body, a truncated answer):
 * it hands over the text read so far, or '', as `data`. A comment list read that way looks empty,
 * and a second comment would be posted. JSON that parsed is never a string for the endpoints we use.
 */
function isBrokenJson(response: {
  status: number;
  headers: Record<string, unknown>;
  data: unknown;
}): boolean {
  return (
    response.status !== 204 && // No Content (a DELETE): nothing to break off
    /\bjson\b/i.test(String(response.headers['content-type'] ?? '')) &&
    typeof response.data === 'string'
  );
}

/** Shaped as Octokit's network failures (status 500, no response): retried like them, for idempotent methods. */
class NoFullAnswerError extends Error {
  readonly status = 500;
  constructor(message: string) {
    super(message);
    this.name = 'NoFullAnswerError';
  }
}

/** The hook sees the route template (`/repos/{owner}/...`); fill it in for the log. */
function requestPath(options: { url: string } & Record<string, unknown>): string {
  return options.url.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    options[name] === undefined ? whole : encodeURIComponent(String(options[name])),
  );
}
