/**
 * The GitHub token goes to GITHUB_API_URL's origin and nowhere else. Octokit adds it to every
 * request, wherever the request leads: a list's `Link: rel="next"` may name any URL, and fetch
 * follows redirects (undici drops the header across origins, but would hand the other host's
 * answer over as GitHub's). This plugin refuses a request to another origin before it is sent,
 * and follows redirects by hand within the origin only; a redirect elsewhere is an error.
 *
 * Type-only import: @actions/github is loaded by client.ts, lazily.
 */
import type { getOctokit } from '@actions/github';

type OctokitPlugin = Parameters<typeof getOctokit>[2];
type Fetch = typeof globalThis.fetch;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/** A request or a redirect that would take the token to another host than the API's. */
export class ForeignHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForeignHostError';
  }
}

export function apiOriginPlugin(apiBaseUrl: string): OctokitPlugin {
  const origin = new URL(apiBaseUrl).origin;
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      const url = new URL(octokit.request.endpoint.parse(options).url);
      const where = `${options.method} ${url.pathname}`;
      if (url.origin !== origin) {
        throw new ForeignHostError(
          `GitHub's answer led ${where} to another host (${url.host}) than the API's (${new URL(origin).host}); ` +
            'not followed with the token',
        );
      }
      // Set in place: the hooks below this one were bound to this very options object. A retry
      // (the plugin around this one) comes back with the fetch wrapped already.
      const fetch = options.request?.fetch ?? globalThis.fetch;
      options.request = {
        ...options.request,
        fetch: wrapped.has(fetch) ? fetch : withinOrigin(fetch, origin),
        redirect: 'manual',
      };
      const response = await request(options);
      if (REDIRECTS.has(response.status)) {
        const next = resolve(String(response.headers.location ?? ''), url);
        throw new ForeignHostError(
          next?.origin === origin
            ? `GitHub's answer to ${where} redirects more than ${MAX_REDIRECTS} times`
            : `GitHub's answer to ${where} redirects to another host (${next?.host ?? 'an invalid Location'}); ` +
                'not followed with the token',
        );
      }
      return response;
    });
  };
}

/**
 * A fetch that follows redirects within `origin` only (as fetch would: 303, and 301/302 after a
 * POST, become a GET without a body) and hands back a redirect that leads elsewhere unfollowed.
 */
export function withinOrigin(fetch: Fetch, origin: string): Fetch {
  const within: Fetch = async (input, init = {}) => {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    let options: RequestInit = { ...init, redirect: 'manual' };
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, options);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      const next = new URL(location, url);
      if (next.origin !== origin || redirects >= MAX_REDIRECTS) return response;
      await response.body?.cancel().catch(() => {});
      const method = (options.method ?? 'GET').toUpperCase();
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        options = { ...options, method: 'GET', body: undefined };
      }
      url = next;
    }
  };
  wrapped.add(within);
  return within;
}

const wrapped = new WeakSet<Fetch>();

function resolve(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
