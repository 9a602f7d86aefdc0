export const id = 556;
export const ids = [556];
export const modules = {

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: DEFAULT_API_URL, DEFAULT_TIMEOUT_MS, apiBaseUrl, retryDecision

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(157);
// EXTERNAL MODULE: ./src/github/wait-budget.ts
var wait_budget = __webpack_require__(4030);
;// CONCATENATED MODULE: ./src/github/api-origin.ts
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
/** A request or a redirect that would take the token to another host than the API's. */
class ForeignHostError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ForeignHostError';
    }
}
function apiOriginPlugin(apiBaseUrl) {
    const origin = new URL(apiBaseUrl).origin;
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            const url = new URL(octokit.request.endpoint.parse(options).url);
            const where = `${options.method} ${url.pathname}`;
            if (url.origin !== origin) {
                throw new ForeignHostError(`GitHub's answer led ${where} to another host (${url.host}) than the API's (${new URL(origin).host}); ` +
                    'not followed with the token');
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
                throw new ForeignHostError(next?.origin === origin
                    ? `GitHub's answer to ${where} redirects more than ${MAX_REDIRECTS} times`
                    : `GitHub's answer to ${where} redirects to another host (${next?.host ?? 'an invalid Location'}); ` +
                        'not followed with the token');
            }
            return response;
        });
    };
}
/**
 * A fetch that follows redirects within `origin` only (as fetch would: 303, and 301/302 after a
 * POST, become a GET without a body) and hands back a redirect that leads elsewhere unfollowed.
 */
function withinOrigin(fetch, origin) {
    const within = async (input, init = {}) => {
        let url = new URL(input instanceof Request ? input.url : input.toString());
        let options = { ...init, redirect: 'manual' };
        for (let redirects = 0;; redirects++) {
            const response = await fetch(url, options);
            const location = response.headers.get('location');
            if (!REDIRECTS.has(response.status) || location === null)
                return response;
            const next = new URL(location, url);
            if (next.origin !== origin || redirects >= MAX_REDIRECTS)
                return response;
            await response.body?.cancel().catch(() => { });
            const method = (options.method ?? 'GET').toUpperCase();
            if (response.status === 303 ||
                ((response.status === 301 || response.status === 302) && method === 'POST')) {
                options = { ...options, method: 'GET', body: undefined };
            }
            url = next;
        }
    };
    wrapped.add(within);
    return within;
}
const wrapped = new WeakSet();
function resolve(location, base) {
    try {
        return new URL(location, base);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/registry/net/proxy-env.ts
var proxy_env = __webpack_require__(1573);
// EXTERNAL MODULE: ./src/registry/net/proxy-tunnel.ts
var proxy_tunnel = __webpack_require__(4798);
;// CONCATENATED MODULE: ./src/github/proxy-fetch.ts
/**
 * The fetch Octokit uses: the proxy for each request chosen from the step's environment by the
 * rules the registry client follows (registry/net/proxy-env.ts: HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY in either case, the loopback never proxied), through an undici ProxyAgent: a CONNECT
 * tunnel for https, the absolute form for http through an http proxy. Without a proxy, Node's own
 * fetch, and the undici package is not even loaded.
 *
 * A proxy that cannot be reached, or that wants credentials it was not given, is an error that
 * names it (never its credentials); nothing falls back to a direct connection. The proxy's
 * password and Proxy-Authorization value are handed to `onSecret` before any request is made.
 *
 * The trust is Node's (its CAs and NODE_EXTRA_CA_CERTS): docker's certs.d is for registries, not
 * for a GitHub Enterprise server.
 */


const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** A connection to the proxy itself that failed: the proxy is down, or its name does not resolve. */
const UNREACHABLE = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ETIMEDOUT',
]);
function createProxyFetch(options) {
    const env = { ...options.env };
    const onSecret = options.onSecret ?? (() => { });
    for (const variable of PROXY_VARIABLES) {
        const value = env[variable];
        if (!value)
            continue;
        try {
            (0,proxy_env/* parseProxy */.YR)(value, variable).secrets.forEach(onSecret);
        }
        catch {
            // Reported (without its credentials) by the request that needs it.
        }
    }
    const direct = options.directFetch ?? globalThis.fetch;
    const load = options.loadUndici ?? (() => Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)));
    let undici;
    const agents = new Map();
    const agentFor = (lib, proxy) => {
        const key = `${proxy.url.href} ${proxy.authorization ?? ''}`;
        let agent = agents.get(key);
        if (!agent) {
            agent = new lib.ProxyAgent({
                uri: proxy.url.href,
                ...(proxy.authorization && { token: proxy.authorization }),
                // http through an http proxy in the absolute form, as curl and @actions/http-client send
                // it; https always through a CONNECT tunnel.
                proxyTunnel: false,
            });
            agents.set(key, agent);
        }
        return agent;
    };
    return async (input, init) => {
        const url = new URL(typeof input === 'object' && !(input instanceof URL) ? input.url : String(input));
        const proxy = (0,proxy_env/* proxyFor */.iJ)(url, env); // a ProxyConfigError names the variable, not its credentials
        if (!proxy)
            return direct(input, init);
        const lib = await (undici ??= load());
        try {
            return (await lib.fetch(input, {
                ...init,
                dispatcher: agentFor(lib, proxy),
            }));
        }
        catch (error) {
            throw explainProxyFailure(error, proxy, url);
        }
    };
}
/**
 * Octokit takes the message of a failed fetch from its cause (undici's way of reporting a network
 * error): the cause says which proxy and what to do. Anything else is passed on as it came.
 */
function explainProxyFailure(error, proxy, url) {
    // Duck-typed: undici's errors may come from another realm (a test's VM context).
    const chain = [];
    for (let link = error?.cause; link && typeof link === 'object' && chain.length < 5;) {
        chain.push(link);
        link = link.cause;
    }
    for (const link of chain) {
        const text = String(link.message ?? '');
        // A refused CONNECT (https), or a 407 to a request in absolute form (http).
        const refused = /^Proxy response \((\d+)\) !== 200|^Proxy Authentication Required \((407)\)/.exec(text);
        if (refused)
            return fetchFailed(refusal(proxy, url.host, Number(refused[1] ?? refused[2])));
    }
    const first = chain[0];
    const code = typeof first?.code === 'string' ? first.code : '';
    // Through a proxy, the only connections made here are to the proxy.
    if (UNREACHABLE.has(code)) {
        const detail = String(first.message ?? '') || code;
        return fetchFailed(new proxy_tunnel/* ProxyError */.T(`cannot reach the proxy ${(0,proxy_env/* describeProxy */.GK)(proxy)}: ${detail}`, undefined, {
            cause: first,
        }));
    }
    return error;
}
function refusal(proxy, authority, status) {
    return new proxy_tunnel/* ProxyError */.T(`the proxy ${(0,proxy_env/* describeProxy */.GK)(proxy)} refused the request to ${authority}: ${status}` +
        (status === 407 ? ' (the proxy wants credentials: user:password@ in the proxy URL)' : ''), status);
}
/** Shaped as undici's own network failures, which Octokit reports by their cause. */
function fetchFailed(cause) {
    return new TypeError('fetch failed', { cause });
}

;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The GitHub REST client: Octokit from @actions/github, pointed at GITHUB_API_URL so that GitHub
 * Enterprise works, through the proxy the step's environment names (proxy-fetch.ts, by the same
 * rules as the registry client), and retrying what GitHub asks to be retried.
 *
 * @actions/github is heavy to load (Octokit, undici): import this module with `await import()`
 * only when a comment is actually posted, never statically from an action.
 */




const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_TIMEOUT_MS = 30_000;
/** GITHUB_API_URL without a trailing slash, or api.github.com. */
function apiBaseUrl(env) {
    return (env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
}
function createGitHubClient(options) {
    const policy = {
        maxRetries: options.maxRetries ?? 3,
        maxWaitSeconds: options.maxWaitSeconds ?? 60,
    };
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const now = options.now ?? Date.now;
    const timeout = options.timeout ?? timeoutFromEnv(options.env) ?? DEFAULT_TIMEOUT_MS;
    const budget = options.waitBudget ?? wait_budget/* WaitBudget */.Tr.fromEnv(options.env);
    // Our fetch replaces @actions/github's, whose proxy is read from process.env once, for the
    // base URL only. The origin plugin sits inside the retries: a refusal to leave the API's host
    // is final, not retried.
    const baseUrl = apiBaseUrl(options.env);
    const fetch = options.fetch ?? createProxyFetch({ env: options.env, onSecret: options.onSecret });
    return (0,github/* getOctokit */.Q)(options.token, { baseUrl, userAgent: 'shipshape', request: { fetch } }, apiOriginPlugin(baseUrl), retryPlugin(policy, { sleep, now, timeout, budget, onRetry: options.onRetry }));
}
function timeoutFromEnv(env) {
    const value = env.SHIPSHAPE_GITHUB_TIMEOUT_MS?.trim();
    return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
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
function retryDecision(error, method, attempt, policy, nowMs) {
    if (attempt >= policy.maxRetries || typeof error !== 'object' || error === null)
        return undefined;
    if (proxyWillRefuseAgain(error))
        return undefined;
    const { status, message = '', response } = error;
    const headers = response?.headers ?? {};
    let seconds;
    let reason;
    if (status === 403 || status === 429) {
        const retryAfter = headers['retry-after'];
        const secondary = /secondary rate limit/i.test(message);
        if (retryAfter !== undefined) {
            seconds = retryAfterSeconds(String(retryAfter), nowMs) ?? SECONDARY_FALLBACK_SECONDS;
        }
        else if (String(headers['x-ratelimit-remaining']) === '0' &&
            headers['x-ratelimit-reset'] !== undefined) {
            seconds = Math.max(1, Number(headers['x-ratelimit-reset']) - Math.floor(nowMs / 1000) + 1);
        }
        else if (secondary) {
            seconds = SECONDARY_FALLBACK_SECONDS;
        }
        else {
            return undefined; // a permission error: retrying will not help
        }
        reason = secondary ? 'secondary rate limit' : 'rate limit';
    }
    else if (status !== undefined && SERVER_ERRORS.has(status) && IDEMPOTENT.has(method.toUpperCase())) {
        seconds = 2 ** attempt;
        reason = response ? `server error ${status}` : `network error (${message})`;
    }
    else {
        return undefined;
    }
    if (!Number.isFinite(seconds) || seconds > policy.maxWaitSeconds)
        return undefined;
    return { waitMs: seconds * 1000, reason };
}
/** `retry-after` is seconds or an HTTP date. */
function retryAfterSeconds(value, nowMs) {
    if (/^\d+$/.test(value.trim()))
        return Number(value);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
/**
 * A proxy variable that is not a proxy URL, or a proxy that refused us (407: no credentials):
 * the same again on a retry. A proxy that cannot be reached is retried like any network error.
 */
function proxyWillRefuseAgain(error) {
    for (let cause = error; cause instanceof Error; cause = cause.cause) {
        if (cause.name === 'ProxyConfigError')
            return true;
        if (cause.name === 'ProxyError' && cause.status !== undefined)
            return true;
    }
    return false;
}
function retryPlugin(policy, { sleep, now, timeout, budget, onRetry }) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, requestOptions) => {
            for (let attempt = 0;; attempt++) {
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
                }
                catch (caught) {
                    // A timeout is a network error (500 without a response): retried for idempotent methods only.
                    const error = signal.aborted
                        ? new NoFullAnswerError(`GitHub did not answer ${where} within ${timeout / 1000} s`)
                        : caught;
                    const decision = retryDecision(error, requestOptions.method, attempt, policy, now());
                    if (!decision)
                        throw error;
                    if (!budget.take(decision.waitMs)) {
                        throw new wait_budget/* WaitBudgetError */.R2(`GitHub ${decision.reason} on ${where}: a retry in ${decision.waitMs / 1000} s would take ` +
                            `this step's waits on the GitHub API past ${budget.limitMs / 1000} s ` +
                            `(${budget.waitedSeconds} s waited already)`, { cause: error });
                    }
                    onRetry?.(`GitHub ${decision.reason} on ${where}: ` +
                        `retrying in ${decision.waitMs / 1000} s (retry ${attempt + 1} of ${policy.maxRetries})`);
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
function isBrokenJson(response) {
    return (response.status !== 204 && // No Content (a DELETE): nothing to break off
        /\bjson\b/i.test(String(response.headers['content-type'] ?? '')) &&
        typeof response.data === 'string');
}
/** Shaped as Octokit's network failures (status 500, no response): retried like them, for idempotent methods. */
class NoFullAnswerError extends Error {
    status = 500;
    constructor(message) {
        super(message);
        this.name = 'NoFullAnswerError';
    }
}
/** The hook sees the route template (`/repos/{owner}/...`); fill it in for the log. */
function requestPath(options) {
    return options.url.replace(/\{([^}]+)\}/g, (whole, name) => options[name] === undefined ? whole : encodeURIComponent(String(options[name])));
}


/***/ }),

/***/ 1573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ describeProxy),
/* harmony export */   YR: () => (/* binding */ parseProxy),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/* unused harmony exports ProxyConfigError, bypassesProxy */
/**
 * Which proxy a request goes through, from the variables the runner sets, by the rules of
 * @actions/http-client (what every other action on the runner follows): `https_proxy` or
 * `HTTPS_PROXY` for https URLs, `http_proxy` or `HTTP_PROXY` for http ones, the lower-case name
 * first; none for the loopback; none for a host `no_proxy` / `NO_PROXY` lists: `*`, a host or
 * `host:port`, which also matches its subdomains, or `.domain`, which matches only subdomains.
 */
class ProxyConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ProxyConfigError';
    }
}
/** The proxy for `target`, or undefined to connect directly. */
function proxyFor(target, env) {
    if (bypassesProxy(target, env))
        return undefined;
    const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const variable = names.find((name) => env[name]);
    if (!variable)
        return undefined;
    return parseProxy(env[variable], variable);
}
/** Whether `target` is reached directly: the loopback always, and what NO_PROXY lists. */
function bypassesProxy(target, env) {
    const hostname = target.hostname.toUpperCase();
    if (!hostname)
        return false;
    if (isLoopbackName(hostname))
        return true;
    const noProxy = env.no_proxy || env.NO_PROXY || '';
    if (!noProxy)
        return false;
    const port = target.port || (target.protocol === 'https:' ? '443' : target.protocol === 'http:' ? '80' : '');
    const candidates = port ? [hostname, `${hostname}:${port}`] : [hostname];
    return noProxy
        .split(',')
        .map((item) => item.trim().toUpperCase())
        .filter((item) => item)
        .some((item) => item === '*' ||
        candidates.some((candidate) => candidate === item ||
            candidate.endsWith(`.${item}`) ||
            (item.startsWith('.') && candidate.endsWith(item))));
}
// As @actions/http-client: by name, without resolving anything.
function isLoopbackName(upper) {
    return (upper === 'LOCALHOST' ||
        upper.startsWith('127.') ||
        upper.startsWith('[::1]') ||
        upper.startsWith('[0:0:0:0:0:0:0:1]'));
}
/**
 * A proxy variable's value: a URL, or `host:port` taken as `http://host:port`. Only http and https
 * proxies are spoken to; anything else is an error that names the variable, never its credentials.
 */
function parseProxy(value, variable) {
    const text = value.trim();
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    }
    catch {
        throw new ProxyConfigError(`${variable} is not a proxy URL: "${withoutCredentials(text)}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ProxyConfigError(`${variable} names a ${url.protocol.slice(0, -1)} proxy ("${withoutCredentials(text)}"): only http:// and https:// proxies are supported`);
    }
    const username = decode(url.username);
    const rawPassword = url.password;
    const password = decode(rawPassword);
    url.username = '';
    url.password = '';
    if (!username && !password)
        return { url, variable, secrets: [] };
    const token = Buffer.from(`${username}:${password}`).toString('base64');
    const authorization = `Basic ${token}`;
    const secrets = [...new Set([password, rawPassword, token, authorization])].filter((secret) => secret);
    return { url, variable, authorization, secrets };
}
function decode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}
function withoutCredentials(text) {
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, (_match, scheme) => `${scheme ?? ''}***@`);
}
/** `http://proxy.corp:3128`, as errors name it (never with credentials). */
function describeProxy(proxy) {
    return `${proxy.url.protocol}//${proxy.url.host} (${proxy.variable})`;
}


/***/ }),

/***/ 4798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ ProxyError),
/* harmony export */   a: () => (/* binding */ TunnelAgent)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _proxy_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1573);
/**
 * An https Agent whose connections go through an HTTP proxy: `CONNECT host:port`, then TLS to the
 * registry inside the tunnel, with the host's own TLS settings (its CAs, client certificate,
 * verification), so the proxy sees only where the connection goes. Keep-alive as any Agent: one
 * tunnel carries request after request. A proxy that cannot be reached or refuses the tunnel is an
 * error that names it; there is no falling back to a direct connection.
 */




class ProxyError extends Error {
    status;
    constructor(message, 
    /** The proxy's status for the CONNECT, when it answered one. */
    status, options) {
        super(message, options);
        this.status = status;
        this.name = 'ProxyError';
    }
}
class TunnelAgent extends node_https__WEBPACK_IMPORTED_MODULE_1__.Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    // node:http calls this for each new connection; the socket is handed over through the callback
    // once the tunnel is up (a documented way for createConnection to answer).
    createConnection(requestOptions, callback) {
        const options = requestOptions;
        const host = options.host ?? 'localhost';
        const port = Number(options.port ?? 443);
        const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
        const proxy = this.proxy;
        const send = proxy.url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
        const connect = send({
            host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: proxy.url.port || (proxy.url.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: authority,
            headers: {
                Host: authority,
                ...(proxy.authorization && { 'Proxy-Authorization': proxy.authorization }),
            },
            agent: false,
        });
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            callback(error, undefined);
        };
        // The cause's message (`connect ECONNREFUSED 127.0.0.1:3128`) is added by whoever describes it.
        connect.once('error', (error) => fail(new ProxyError(`cannot reach the proxy ${(0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(proxy)}`, undefined, { cause: error })));
        connect.once('connect', (response, socket, head) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                fail(new ProxyError(`the proxy ${(0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(proxy)} refused the tunnel to ${authority}: ${response.statusCode} ${response.statusMessage ?? ''}`.trimEnd() +
                    (response.statusCode === 407
                        ? ' (the proxy wants credentials: user:password@ in the proxy URL)'
                        : ''), response.statusCode));
                return;
            }
            if (head.length > 0)
                socket.unshift(head);
            settled = true;
            // The options node:http prepared for a direct connection (servername, the agent's TLS
            // settings), over the tunnel instead of a socket of its own.
            const secure = node_tls__WEBPACK_IMPORTED_MODULE_2__.connect({ ...options, socket, host, port });
            callback(null, secure);
        });
        connect.end();
        return undefined;
    }
}


/***/ })

};
