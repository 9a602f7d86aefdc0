export const id = 226;
export const ids = [226];
export const modules = {

/***/ 8226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  measureOptions: () => (/* binding */ measureOptions),
  resolveBaselineBeforeBuild: () => (/* binding */ resolveBaselineBeforeBuild),
  runSizeStep: () => (/* binding */ runSizeStep)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/compare/baseline.ts
var baseline = __webpack_require__(5460);
// EXTERNAL MODULE: ./src/compare/budget.ts
var compare_budget = __webpack_require__(3386);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/plan/reference.ts
var reference = __webpack_require__(478);
;// CONCATENATED MODULE: ./src/registry/reference.ts
/**
 * Where an image reference lives: registry host, repository, tag or digest, with Docker Hub's
 * naming rules (`alpine` is `docker.io/library/alpine`, served by `registry-1.docker.io`).
 * The grammar itself is plan/reference.ts's; this only splits the name.
 */

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key `docker login` writes for Docker Hub in config.json. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API_HOST]);
/** Parses `[registry/]repository[:tag][@digest]`; throws an InputError naming `input` when it is not one. */
function parseRegistryReference(text, input = 'image') {
    const { name, tag, digest } = (0,reference/* parseReference */.F2)(text, input);
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    // As docker: the first component is a registry only when it looks like a host.
    const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const registry = hasRegistry ? normalizeRegistry(first) : DOCKER_HUB;
    let repository = hasRegistry ? name.slice(slash + 1) : name;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    return {
        registry,
        apiHost: registryApiHost(registry),
        repository,
        ...(tag !== undefined && { tag }),
        ...(digest !== undefined && { digest }),
    };
}
/** `docker.io` for any of Docker Hub's names; other registries as given. */
function normalizeRegistry(host) {
    const lower = host.toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
function isDockerHub(registry) {
    return DOCKER_HUB_ALIASES.has(registry.toLowerCase());
}
/** The host to send API requests to. */
function registryApiHost(registry) {
    return isDockerHub(registry) ? DOCKER_HUB_API_HOST : registry.toLowerCase();
}
/** What to ask the manifests endpoint for: the digest when there is one, else the tag, else `latest`. */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/**
 * The full name for logs and errors: `docker.io/library/alpine:latest`,
 * `localhost:5000/acme/app:1.2.3@sha256:...`. A reference without tag or digest shows `:latest`,
 * the tag it resolves to.
 */
function displayReference(ref) {
    const tag = ref.tag ?? (ref.digest ? undefined : 'latest');
    return `${ref.registry}/${ref.repository}${tag !== undefined ? `:${tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** `host/repository:tag` or `host/repository@digest` for one manifest or blob reference. */
function displayName(registry, repository, reference) {
    const separator = reference.includes(':') ? '@' : ':';
    return `${normalizeRegistry(registry)}/${repository}${separator}${reference}`;
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
/**
 * Credentials for a registry: explicit ones (the action's username/password inputs) win;
 * otherwise Docker's own: `config.json` in `$DOCKER_CONFIG` or `~/.docker`, its `credHelpers`
 * or `credsStore` (`docker-credential-<name> get`, the host on stdin, JSON out), then its
 * `auths` entries (`auth` = base64 `user:password`, or an OAuth2 `identitytoken`).
 */





/** Credentials for `registry` (as in a reference: `docker.io`, `ghcr.io`, `localhost:5000`), or undefined for anonymous. */
async function resolveCredentials(registry, sources) {
    const found = await findCredentials(registry, sources);
    if (found) {
        for (const secret of [found.password, found.identityToken])
            if (secret)
                sources.onSecret?.(secret);
    }
    return found;
}
async function findCredentials(registry, sources) {
    if (sources.username || sources.password) {
        return { username: sources.username ?? '', password: sources.password ?? '' };
    }
    const config = await readDockerConfig(dockerConfigPath(sources.env));
    if (!config)
        return undefined;
    const helper = findByRegistry(config.credHelpers, registry) ?? config.credsStore;
    if (helper) {
        const fromHelper = await credentialsFromHelper(helper, helperServerUrl(registry), sources.env);
        if (fromHelper)
            return fromHelper;
    }
    const entry = findByRegistry(config.auths, registry);
    return entry ? credentialsFromEntry(entry) : undefined;
}
/** `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`. */
function dockerConfigPath(env) {
    const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    return (0,external_node_path_.join)(dir, 'config.json');
}
/** The parsed config, or undefined when there is no file. A file that is not JSON is an error. */
async function readDockerConfig(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${path} is not valid JSON: ${error.message}`, { cause: error });
    }
}
/**
 * The registry a config key names: `https://index.docker.io/v1/`, `index.docker.io` and
 * `docker.io` are all Docker Hub; `https://ghcr.io/v2/` is `ghcr.io` (scheme and path dropped,
 * as docker's ConvertToHostname does).
 */
function configKeyRegistry(key) {
    const host = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0];
    return normalizeRegistry(host);
}
/** What a credential helper is asked for: Docker Hub under its historical key, others by host. */
function helperServerUrl(registry) {
    return isDockerHub(registry) ? DOCKER_HUB_CONFIG_KEY : registry;
}
function findByRegistry(entries, registry) {
    if (!entries)
        return undefined;
    const wanted = normalizeRegistry(registry);
    // An exact key first, then any key that names the same registry in another form.
    if (Object.hasOwn(entries, registry))
        return entries[registry];
    const key = Object.keys(entries).find((k) => configKeyRegistry(k) === wanted);
    return key === undefined ? undefined : entries[key];
}
function credentialsFromEntry(entry) {
    let { username, password } = entry;
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0)
            throw new Error('docker config: an "auth" value is not base64 of user:password');
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
    }
    if (entry.identitytoken)
        return { ...(username && { username }), identityToken: entry.identitytoken };
    if (username === undefined && password === undefined)
        return undefined; // `{}`: a credsStore marker
    return { username: username ?? '', password: password ?? '' };
}
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const HELPER_TIMEOUT_MS = 30_000;
/**
 * `docker-credential-<helper> get` with the server URL on stdin. Undefined when the helper has
 * nothing for it ("credentials not found"); an error when the helper is missing or fails otherwise.
 */
async function credentialsFromHelper(helper, serverUrl, env) {
    if (!HELPER_NAME.test(helper))
        throw new Error(`docker config: invalid credential helper name "${helper}"`);
    const program = `docker-credential-${helper}`;
    const { stdout, stderr, error } = await runHelper(program, serverUrl, env);
    if (error) {
        const said = `${stdout} ${stderr}`.trim();
        if (/credentials not found/i.test(said))
            return undefined;
        const why = error.code === 'ENOENT' ? 'is not installed (not on PATH)' : 'failed';
        throw new Error(`credential helper ${program} ${why}${said ? `: ${said}` : ''}`, { cause: error });
    }
    let answer;
    try {
        answer = JSON.parse(stdout);
    }
    catch {
        throw new Error(`credential helper ${program} printed something that is not JSON`);
    }
    if (!answer.Secret)
        return undefined;
    // Docker's convention: the user name `<token>` marks an identity token.
    if (answer.Username === '<token>')
        return { identityToken: answer.Secret };
    return { username: answer.Username ?? '', password: answer.Secret };
}
function runHelper(program, input, env) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.execFile)(program, ['get'], { env: definedOnly(env), timeout: HELPER_TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => resolve({ stdout: String(stdout), stderr: String(stderr), error }));
        child.stdin?.on('error', () => { }); // a helper that exits without reading stdin: its exit code tells
        child.stdin?.end(input);
    });
}
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
function parseChallenges(header) {
    const challenges = [];
    const scanner = new Scanner(header);
    for (;;) {
        scanner.skip(/[\s,]/);
        if (scanner.done())
            return challenges;
        const scheme = scanner.token();
        if (scheme === '') {
            scanner.advance(); // not a token character: skip it rather than loop forever
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        parseParams(scanner, challenge);
    }
}
/** The first challenge of `scheme` (`bearer`, `basic`), if the header has one. */
function findChallenge(challenges, scheme) {
    return challenges.find((c) => c.scheme === scheme.toLowerCase());
}
// Reads the params after a scheme, up to the start of the next challenge.
function parseParams(scanner, challenge) {
    let first = true;
    for (;;) {
        const mark = scanner.position;
        scanner.skip(/[\s,]/);
        const afterScheme = first && !scanner.skipped(mark).includes(',');
        first = false;
        // `Basic dXNlcjpwYXNz`, `Negotiate abc+/def==`: a token68 right after the scheme.
        const token68 = afterScheme ? /^([A-Za-z0-9\-._~+/]+=*)[ \t]*(?=,|$)/.exec(scanner.rest()) : null;
        if (token68) {
            challenge.token68 = token68[1];
            scanner.position += token68[0].length;
            return;
        }
        const name = scanner.token();
        if (name === '') {
            scanner.position = mark;
            return;
        }
        scanner.skip(/[ \t]/);
        const equals = scanner.count('=');
        scanner.skip(/[ \t]/);
        const valueFollows = equals === 1 && !scanner.done() && scanner.peek() !== ',';
        if (equals === 0) {
            // A bare token: the next challenge's scheme. Rewind so the caller reads it.
            scanner.position = mark;
            return;
        }
        challenge.params[name.toLowerCase()] = !valueFollows
            ? ''
            : scanner.peek() === '"'
                ? scanner.quoted()
                : scanner.bareValue();
    }
}
class Scanner {
    text;
    position = 0;
    constructor(text) {
        this.text = text;
    }
    done() {
        return this.position >= this.text.length;
    }
    peek() {
        return this.text[this.position] ?? '';
    }
    advance() {
        this.position++;
    }
    skip(chars) {
        while (!this.done() && chars.test(this.peek()))
            this.position++;
    }
    rest() {
        return this.text.slice(this.position);
    }
    /** The text between `from` and the current position. */
    skipped(from) {
        return this.text.slice(from, this.position);
    }
    count(char) {
        let n = 0;
        while (this.peek() === char) {
            this.position++;
            n++;
        }
        return n;
    }
    token() {
        const start = this.position;
        while (!this.done() && TOKEN_CHAR.test(this.peek()))
            this.position++;
        return this.text.slice(start, this.position);
    }
    /** A quoted-string: `\"` and `\\` escapes, commas and spaces kept. */
    quoted() {
        this.position++; // opening quote
        let value = '';
        while (!this.done() && this.peek() !== '"') {
            if (this.peek() === '\\')
                this.position++;
            value += this.peek();
            this.position++;
        }
        this.position++; // closing quote
        return value;
    }
    /** An unquoted value: lenient, since some registries send `realm=https://host/token` bare. */
    bareValue() {
        const start = this.position;
        while (!this.done() && !/[\s,]/.test(this.peek()))
            this.position++;
        return this.text.slice(start, this.position);
    }
}

;// CONCATENATED MODULE: ./src/registry/errors.ts
class RegistryError extends Error {
    kind;
    image;
    status;
    constructor(kind, 
    /** The image (or blob) the request was for, as shown in the message. */
    image, message, 
    /** The HTTP status, when the registry answered with one. */
    status, options) {
        super(message, options);
        this.kind = kind;
        this.image = image;
        this.status = status;
        this.name = 'RegistryError';
    }
    get notFound() {
        return this.kind === 'not-found';
    }
}
function isRegistryError(error) {
    return error instanceof RegistryError;
}
/** Whether `error` says the image (or blob) does not exist, as opposed to any other failure. */
function isNotFound(error) {
    return error instanceof RegistryError && error.notFound;
}

;// CONCATENATED MODULE: ./src/registry/authorizer.ts


/** Sent as `client_id` in OAuth2 token requests, as docker sends `docker`. */
const OAUTH_CLIENT_ID = 'shipshape';
const MAX_TOKEN_RESPONSE = 1024 * 1024;
class Authorizer {
    transport;
    tokens;
    credentials;
    onSecret;
    pending = new Map();
    /** Undefined until the registry has challenged us; `null` once it has let us in without one. */
    challenge;
    constructor(transport, tokens, credentials, onSecret) {
        this.transport = transport;
        this.tokens = tokens;
        this.credentials = credentials;
        this.onSecret = onSecret;
    }
    /** Whether the registry has been asked already (GET /v2/). */
    get known() {
        return this.challenge !== undefined;
    }
    /** Takes what a 401 (or a 200) from the registry said about authentication. */
    adopt(wwwAuthenticate, challenges) {
        if (wwwAuthenticate === null) {
            this.challenge = null;
            return;
        }
        this.challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'basic') ?? null;
    }
    /** The header for a request in `scope` (`repository:acme/app:pull`); none when the registry needs none. */
    async authorization(scope, repositoryName) {
        const challenge = this.challenge;
        if (!challenge)
            return { reused: false };
        if (challenge.scheme === 'basic') {
            if (!this.credentials || this.credentials.password === undefined) {
                throw unauthorized(repositoryName, this.credentials);
            }
            return {
                header: `Basic ${this.basic(this.credentials.username ?? '', this.credentials.password)}`,
                scheme: 'basic',
                reused: false,
            };
        }
        const cached = this.tokens.get(scope);
        if (cached)
            return { header: `Bearer ${cached}`, scheme: 'bearer', reused: true };
        // Requests running side by side share one token request per scope.
        let pending = this.pending.get(scope);
        if (!pending) {
            pending = this.fetchToken(challenge, scope, repositoryName).finally(() => this.pending.delete(scope));
            this.pending.set(scope, pending);
        }
        return { header: `Bearer ${await pending}`, scheme: 'bearer', reused: false };
    }
    /**
     * After a 401 on a resource: drops the token that was refused and takes the response's
     * challenge (which may name a wider scope). Returns the scope to authorize again with, or
     * undefined when another try cannot help (fresh credentials refused for the same scope).
     */
    renew(scope, challenges, sent) {
        this.tokens.delete(scope);
        const next = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'basic');
        if (!next)
            return undefined;
        this.challenge = next;
        const wanted = next.scheme === 'bearer' ? (next.params.scope ?? scope) : scope;
        if (!sent.header || sent.reused || sent.scheme !== next.scheme)
            return wanted;
        return wanted !== scope ? wanted : undefined;
    }
    basic(username, password) {
        const encoded = Buffer.from(`${username}:${password}`).toString('base64');
        this.onSecret(encoded);
        return encoded;
    }
    async fetchToken(challenge, scope, repositoryName) {
        const realm = challenge.params.realm;
        if (!realm) {
            throw new RegistryError('protocol', repositoryName, `${repositoryName}: the registry asked for a Bearer token without saying where to get one (no realm)`);
        }
        const service = challenge.params.service;
        const identityToken = this.credentials?.identityToken;
        const image = repositoryName;
        let exchange;
        if (identityToken) {
            // OAuth2 refresh-token grant, as docker does with an identity token.
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: identityToken });
            if (service)
                form.set('service', service);
            form.set('scope', scope);
            form.set('client_id', OAUTH_CLIENT_ID);
            exchange = await this.transport.buffered({
                method: 'POST',
                url: realm,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
                image,
            }, MAX_TOKEN_RESPONSE);
        }
        else {
            const url = new URL(realm);
            if (service)
                url.searchParams.set('service', service);
            url.searchParams.set('scope', scope);
            const creds = this.credentials;
            const authorization = creds?.password !== undefined
                ? `Basic ${this.basic(creds.username ?? '', creds.password)}`
                : undefined;
            exchange = await this.transport.buffered({ method: 'GET', url: url.toString(), authorization, image }, MAX_TOKEN_RESPONSE);
        }
        const status = exchange.response.status;
        if (status === 401)
            throw unauthorized(repositoryName, this.credentials);
        if (status === 403) {
            throw new RegistryError('denied', image, `access to ${image} denied by the token service (HTTP 403)`, 403);
        }
        if (status < 200 || status >= 300) {
            throw new RegistryError(status >= 500 ? 'server' : 'protocol', image, `${image}: the token service ${new URL(realm).host} answered HTTP ${status}`, status);
        }
        let answer;
        try {
            answer = JSON.parse(exchange.body.toString('utf8'));
        }
        catch {
            throw new RegistryError('protocol', image, `${image}: the token service's answer is not JSON`);
        }
        const token = answer.token || answer.access_token;
        if (!token)
            throw new RegistryError('protocol', image, `${image}: the token service's answer holds no token`);
        this.onSecret(token);
        if (answer.refresh_token)
            this.onSecret(answer.refresh_token);
        const issuedAt = answer.issued_at ? Date.parse(answer.issued_at) : NaN;
        this.tokens.set(scope, token, answer.expires_in, Number.isNaN(issuedAt) ? undefined : issuedAt);
        return token;
    }
}
/** 401: the message says whether we had nothing to offer or what we offered was refused. */
function unauthorized(image, credentials, detail = '') {
    const why = credentials ? 'credentials were rejected' : 'no credentials';
    return new RegistryError('unauthorized', image, `authentication required for ${image}: ${why}${detail}`, 401);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/retry.ts
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    maxRetryTime: 60_000,
    baseDelay: 250,
    maxDelay: 10_000,
};
/** 429, and the 5xx that mean "try again" (a 501 or 505 will not get better). */
function isRetryableStatus(status) {
    return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
/**
 * The wait before retry number `retry` (1 for the first retry): half of the exponential step plus
 * a random part of the other half, so that clients that failed together do not retry together.
 */
function backoffDelay(retry, policy, random) {
    const step = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
    return Math.round(step / 2 + (random() * step) / 2);
}
/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // An HTTP date names its day and month; without letters Date.parse would take "-1" or "1.5" as a date.
    if (!/[a-z]{3}/i.test(text))
        return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/**
 * A connection the peer dropped: ECONNRESET (node:http's "socket hang up" and "aborted" carry it),
 * undici's "other side closed" / "terminated" (global fetch reports them as a TypeError whose
 * `cause` chain holds the socket error).
 */
function isConnectionReset(error) {
    for (const e of causeChain(error)) {
        if (typeof e.code === 'string' && RESET_CODES.has(e.code))
            return true;
        if (/socket hang up|other side closed|^terminated$/i.test(e.message))
            return true;
    }
    return false;
}
/**
 * An error and its causes, at most 5 deep. Duck-typed rather than `instanceof Error`: fetch's
 * errors may come from another realm (a VM context, as under jest).
 */
function causeChain(error) {
    const chain = [];
    for (let e = error; chain.length < 5 && typeof e === 'object' && e !== null;) {
        const { message, code, cause } = e;
        if (typeof message !== 'string')
            break;
        chain.push({ message, code });
        e = cause;
    }
    return chain;
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
/**
 * One HTTP exchange with a registry, made robust: a timeout, redirects followed by hand so that
 * the `Authorization` header never reaches another host (blob storage behind a 307), and retries
 * with backoff on 429/5xx, connection resets and timeouts, within a number of attempts and a
 * total time. What a final status means is the caller's business; this only gets a response.
 */


const MAX_REDIRECTS = 10;
/** What a registry `Authorization` header is tied to: the host of the URL it was made for. */
function hostOf(url) {
    return new URL(url).host;
}
class TimeoutError extends Error {
    ms;
    constructor(ms) {
        super(`no answer within ${formatSeconds(ms)}`);
        this.ms = ms;
        this.name = 'TimeoutError';
    }
}
class Transport {
    options;
    constructor(options) {
        this.options = options;
    }
    /** The whole body in memory (manifests, token responses): at most `maxBytes`. */
    async buffered(request, maxBytes) {
        return this.withRetries(request, async (abort) => {
            const exchange = await this.follow(request, abort);
            const body = request.method === 'HEAD'
                ? Buffer.alloc(0)
                : await readLimited(exchange.response, maxBytes, request.image);
            return { ...exchange, body };
        });
    }
    /**
     * The headers only: the body is left to the caller, with no timeout running (a blob reader
     * keeps its own idle timeout) and `abort` to end the connection.
     */
    async streaming(request) {
        return this.withRetries(request, async (abort) => ({ ...(await this.follow(request, abort)), abort }));
    }
    async withRetries(request, attempt) {
        const { retry, now, sleep, random } = this.options;
        const start = now();
        for (let attempts = 1;; attempts++) {
            const abort = new AbortController();
            const timer = setTimeout(() => abort.abort(new TimeoutError(this.options.timeout)), this.options.timeout);
            let wait;
            let failure;
            try {
                const result = await attempt(abort);
                const status = result.response.status;
                if (!isRetryableStatus(status))
                    return { ...result, attempts, elapsed: now() - start };
                const retryAfter = status === 429 || status === 503
                    ? parseRetryAfter(result.response.headers.get('retry-after'), now())
                    : undefined;
                wait = retryAfter ?? backoffDelay(attempts, retry, random);
                if (!this.mayRetry(attempts, start, wait))
                    return { ...result, attempts, elapsed: now() - start };
                abort.abort(); // frees the connection of a response we will not read
            }
            catch (error) {
                failure = abort.signal.reason instanceof TimeoutError ? abort.signal.reason : error;
                if (!(failure instanceof TimeoutError) && !isConnectionReset(failure))
                    throw asRegistryError(failure, request);
                wait = backoffDelay(attempts, retry, random);
                if (!this.mayRetry(attempts, start, wait)) {
                    throw asRegistryError(failure, request, ` (gave up after ${attempts} attempts in ${formatSeconds(now() - start)})`);
                }
            }
            finally {
                clearTimeout(timer);
            }
            await sleep(wait);
        }
    }
    mayRetry(attempts, start, wait) {
        const { retry, now } = this.options;
        return attempts < retry.maxAttempts && now() - start + wait <= retry.maxRetryTime;
    }
    // One attempt: the request and its redirects, under one abort signal.
    async follow(request, abort) {
        const authorizedHost = hostOf(request.url);
        let url = request.url;
        let method = request.method;
        let body = request.body;
        for (let redirects = 0;; redirects++) {
            const headers = { 'User-Agent': this.options.userAgent, ...request.headers };
            if (request.authorization && hostOf(url) === authorizedHost)
                headers.Authorization = request.authorization;
            const response = await this.options.fetch(url, {
                method,
                headers,
                body,
                redirect: 'manual',
                signal: abort.signal,
            });
            const location = response.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(response.status) || !location)
                return { response, url };
            await response.body?.cancel().catch(() => { });
            if (redirects >= MAX_REDIRECTS) {
                throw new RegistryError('protocol', request.image, `${request.image}: more than ${MAX_REDIRECTS} redirects (last to ${redact(location)})`);
            }
            url = new URL(location, url).toString();
            if (response.status === 303 ||
                ((response.status === 301 || response.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
            }
        }
    }
}
async function readLimited(response, maxBytes, image) {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
        await response.body?.cancel().catch(() => { });
        throw tooLarge(image, declared, maxBytes);
    }
    if (!response.body)
        return Buffer.alloc(0);
    const chunks = [];
    let total = 0;
    for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > maxBytes)
            throw tooLarge(image, total, maxBytes);
        chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    return Buffer.concat(chunks);
}
function tooLarge(image, bytes, maxBytes) {
    return new RegistryError('protocol', image, `${image}: the registry's answer is larger than the ${maxBytes} bytes allowed (${bytes} bytes or more)`);
}
/** A network failure as a RegistryError that names the image; RegistryErrors pass through. */
function asRegistryError(error, request, note = '') {
    if (error instanceof RegistryError)
        return error;
    if (error instanceof TimeoutError) {
        return new RegistryError('timeout', request.image, `${request.image}: timed out: ${error.message}${note}`, undefined, {
            cause: error,
        });
    }
    const where = request.url ? ` (${new URL(request.url).host})` : '';
    return new RegistryError('network', request.image, `${request.image}: cannot reach the registry${where}: ${describeNetworkError(error)}${note}`, undefined, { cause: error });
}
/** `fetch failed` says nothing: the useful words are in the cause chain (`ECONNREFUSED 127.0.0.1:5000`). */
function describeNetworkError(error) {
    const parts = [];
    for (const { message, code } of causeChain(error)) {
        const text = typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
        if (text && text !== 'fetch failed')
            parts.push(text);
    }
    return parts.join(': ') || String(error);
}
function formatSeconds(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
// Pre-signed storage URLs carry credentials in their query: never print them.
function redact(location) {
    return location.replace(/\?.*$/, '?…');
}

;// CONCATENATED MODULE: ./src/registry/blob-stream.ts
/**
 * A blob as a node Readable that is never held whole: its digest is checked while it flows, an
 * idle timeout runs between chunks, and a body that breaks off (reset, stall, short) is taken up
 * again where it stopped, with a Range request, or from the start when the server ignores Range
 * (the bytes already passed on are then read again, checked equal, and skipped).
 */





const HASHES = { sha256: 'sha256', sha512: 'sha512' };
class ShortBodyError extends Error {
}
/** The algorithm of `sha256:...`, or a RegistryError for digests we cannot check. */
function digestAlgorithm(digest, image) {
    const algorithm = HASHES[digest.slice(0, digest.indexOf(':'))];
    if (!algorithm)
        throw new RegistryError('protocol', image, `${image}: cannot verify digest "${digest}"`);
    return algorithm;
}
/** Whether `bytes` hash to `digest`. */
function matchesDigest(bytes, digest) {
    const colon = digest.indexOf(':');
    const algorithm = HASHES[digest.slice(0, colon)];
    return (algorithm !== undefined && (0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex') === digest.slice(colon + 1));
}
/** Streams the blob whose first response is `first`; `open` fetches the rest after a break. */
function verifiedBlobStream(first, open, options) {
    const algorithm = digestAlgorithm(options.digest, options.image);
    return external_node_stream_.Readable.from(chunks(first, open, options, algorithm), {
        objectMode: false,
        highWaterMark: 256 * 1024,
    });
}
async function* chunks(first, open, options, algorithm) {
    const { image, digest } = options;
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let offset = 0; // bytes passed on
    let total = options.size ?? totalLength(first.response, 0);
    let current = first;
    // A restart from byte 0: bytes to read again and skip, and the hash they must have.
    let skip = 0;
    let skippedHash;
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
                        skippedHash.update(again);
                        skip -= again.length;
                        data = data.subarray(again.length);
                        if (skip === 0 && skippedHash.digest('hex') !== prefix) {
                            throw new RegistryError('digest-mismatch', image, `${image}: blob ${digest} changed while it was downloaded again from the start`);
                        }
                        if (data.length === 0)
                            continue;
                    }
                    hash.update(data);
                    offset += data.length;
                    yield data;
                }
                if (skip > 0 || (total !== undefined && offset < total)) {
                    throw new ShortBodyError(`the body ended after ${offset} of ${total ?? '?'} bytes`);
                }
                break;
            }
            catch (error) {
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
                    throw new RegistryError(timedOut ? 'timeout' : 'network', image, `${image}: blob ${digest} broke off after ${offset} bytes: ${cause} (gave up after ${retries} retries)`, undefined, { cause: error });
                }
                await options.sleep(wait);
                current = await open(offset);
                if (current.response.status === 206) {
                    const start = rangeStart(current.response);
                    if (start !== offset) {
                        throw new RegistryError('protocol', image, `${image}: blob ${digest}: asked for bytes from ${offset}, the registry sent from ${start ?? '?'}`);
                    }
                    total ??= totalLength(current.response, offset);
                }
                else {
                    // No Range support: read from byte 0 again, check the part already passed on, skip it.
                    prefix = hash.copy().digest('hex');
                    skippedHash = (0,external_node_crypto_.createHash)(algorithm);
                    skip = offset;
                    total ??= totalLength(current.response, 0);
                }
            }
        }
    }
    finally {
        current.abort.abort();
    }
    const actual = hash.digest('hex');
    if (`${algorithm}:${actual}` !== digest) {
        throw new RegistryError('digest-mismatch', image, `${image}: blob ${digest} does not match its content (got ${algorithm}:${actual}, ${offset} bytes)`);
    }
}
// The body's chunks, each awaited for at most `idleTimeout` ms.
async function* readWithIdleTimeout(exchange, idleTimeout) {
    const body = exchange.response.body;
    if (!body)
        return;
    const reader = body.getReader();
    try {
        for (;;) {
            const timer = setTimeout(() => exchange.abort.abort(new TimeoutError(idleTimeout)), idleTimeout);
            let result;
            try {
                result = await reader.read();
            }
            catch (error) {
                throw exchange.abort.signal.reason instanceof TimeoutError ? exchange.abort.signal.reason : error;
            }
            finally {
                clearTimeout(timer);
            }
            if (result.done)
                return;
            const value = result.value;
            yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        }
    }
    finally {
        reader.releaseLock();
    }
}
/** The whole blob's length from a 200's Content-Length or a 206's Content-Range (`bytes 10-99/100`). */
function totalLength(response, offset) {
    const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
    if (range)
        return Number(range[1]);
    const length = response.headers.get('content-length');
    return length !== null && /^\d+$/.test(length) ? offset + Number(length) : undefined;
}
function rangeStart(response) {
    const match = /^bytes\s+(\d+)-/.exec(response.headers.get('content-range') ?? '');
    return match ? Number(match[1]) : undefined;
}

;// CONCATENATED MODULE: ./src/registry/endpoint.ts
/**
 * Which scheme a registry is spoken to with: HTTPS, except for the loopback (`localhost`,
 * 127.0.0.0/8, `[::1]`) and the hosts the user listed as insecure, which get plain HTTP.
 */
function isLoopback(host) {
    const hostname = hostnameOf(host);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/** `http://host` or `https://host` for `host[:port]`. */
function registryBaseUrl(host, insecureRegistries = []) {
    const lower = host.toLowerCase();
    // A listed entry matches with its port, or, when it has none, any port of that host.
    const listed = insecureRegistries.some((entry) => {
        const e = entry
            .trim()
            .toLowerCase()
            .replace(/^https?:\/\//, '')
            .replace(/\/+$/, '');
        return e === lower || (e === hostnameOf(e) && e === hostnameOf(lower));
    });
    return `${isLoopback(lower) || listed ? 'http' : 'https'}://${lower}`;
}
/** `host` without its port; IPv6 literals keep their brackets. */
function hostnameOf(host) {
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    const colon = host.indexOf(':');
    return colon >= 0 ? host.slice(0, colon) : host;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/registry/http-fetch.ts
/**
 * A fetch-shaped function over node:http and node:https, for the registry transport. Global fetch
 * works too, but its first call loads undici and compiles llhttp to WebAssembly: ~200 ms, more
 * than a whole manifests-only measurement, paid by every action run. This one stays small: no
 * redirects followed (the transport follows them by hand), no decompression (no Accept-Encoding
 * is sent, so bodies arrive as stored and digests check against them), keep-alive agents whose
 * idle sockets never hold a finished process open.
 */



// Idle sockets are unref'd by the agent, so they never keep the process alive; 5 s as Node's
// global agent, so that a socket the registry has closed meanwhile is rarely picked again.
const KEEP_ALIVE = { keepAlive: true, timeout: 5_000 };
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** An HttpFetch over the given agents; keep-alive agents of its own for those not given. */
function createHttpFetch(agents = {}) {
    let http = agents.http;
    let https = agents.https;
    return (url, init = {}) => {
        const target = new URL(url);
        if (target.protocol === 'http:') {
            http ??= new external_node_http_.Agent(KEEP_ALIVE);
            return send(init, (options) => (0,external_node_http_.request)(target, { ...options, agent: http }));
        }
        if (target.protocol === 'https:') {
            https ??= new external_node_https_.Agent(KEEP_ALIVE);
            return send(init, (options) => (0,external_node_https_.request)(target, { ...options, agent: https }));
        }
        return Promise.reject(new TypeError(`cannot fetch ${target.protocol} URLs (${url})`));
    };
}
/** The default: one keep-alive agent per protocol, shared by every client in the process. */
const httpFetch = createHttpFetch();
function send(init, open) {
    const { signal } = init;
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { ...init.headers };
    if (init.body !== undefined)
        headers['Content-Length'] = Buffer.byteLength(init.body);
    return new Promise((resolve, reject) => {
        const request = open({ method, headers });
        let response;
        const onAbort = () => {
            reject(signal.reason);
            // The response first: destroyed with the reason, its body errors with it.
            if (response)
                response.destroy(signal.reason);
            else
                request.destroy(signal.reason);
        };
        const done = () => signal?.removeEventListener('abort', onAbort);
        signal?.addEventListener('abort', onAbort, { once: true });
        request.on('error', (error) => {
            done();
            reject(error); // a no-op once the response is out: then its body carries the error
        });
        request.on('response', (message) => {
            response = message;
            message.on('close', done);
            const status = message.statusCode ?? 0;
            const hasBody = method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
            // A body nobody reads holds its socket: drain it so the socket goes back to the pool.
            if (!hasBody)
                message.resume();
            resolve({
                status,
                headers: headersOf(message),
                body: hasBody ? external_node_stream_.Readable.toWeb(message) : null,
            });
        });
        request.end(init.body);
    });
}
// headersDistinct keeps every value of a repeated header, which `headers` would drop for some.
function headersOf(message) {
    const all = message.headersDistinct;
    return {
        get: (name) => all[name.toLowerCase()]?.join(', ') ?? null,
    };
}

;// CONCATENATED MODULE: ./src/registry/media-types.ts
/**
 * The media types of the OCI image spec and of Docker's v2 schema 2 that shipshape reads.
 */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
const OCI_LAYER_NONDISTRIBUTABLE = 'application/vnd.oci.image.layer.nondistributable.v1.tar';
const OCI_LAYER_NONDISTRIBUTABLE_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
const OCI_LAYER_NONDISTRIBUTABLE_ZSTD = 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Windows base layers: "foreign", the registry usually does not hold their bytes. */
const DOCKER_LAYER_FOREIGN_GZIP = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';
/** What a manifest request accepts, indexes first so that a tag gives every platform. */
const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
function isIndex(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
function media_types_isManifest(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/** Layers whose bytes registries may legally refuse to serve (nondistributable, foreign). */
function isNondistributable(mediaType) {
    return mediaType.includes('.nondistributable.') || mediaType.includes('.foreign.');
}
/** How a layer blob is compressed, from its media type; undefined when it is no layer type we know. */
function layerCompression(mediaType) {
    switch (mediaType) {
        case OCI_LAYER_GZIP:
        case OCI_LAYER_NONDISTRIBUTABLE_GZIP:
        case DOCKER_LAYER_GZIP:
        case DOCKER_LAYER_FOREIGN_GZIP:
            return 'gzip';
        case OCI_LAYER_ZSTD:
        case OCI_LAYER_NONDISTRIBUTABLE_ZSTD:
            return 'zstd';
        case OCI_LAYER:
        case OCI_LAYER_NONDISTRIBUTABLE:
            return 'none';
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/registry/manifest-response.ts
/**
 * What a manifest response is: its digest (checked against its bytes) and its media type.
 */




/**
 * The manifest's digest: the one asked for, checked against the bytes; else the registry's
 * Docker-Content-Digest, checked too; else the bytes' sha256.
 */
function manifestDigest(reference, header, body, image) {
    const expected = reference.includes(':') ? reference : (header ?? undefined);
    if (expected === undefined)
        return `sha256:${sha256(body)}`;
    digestAlgorithm(expected, image);
    if (!matchesDigest(body, expected)) {
        throw new RegistryError('digest-mismatch', image, `${image}: the manifest's bytes do not match digest ${expected} (got sha256:${sha256(body)})`);
    }
    return expected;
}
function sha256(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
}
/** The Content-Type when it names a manifest type; else the body's `mediaType`; else guessed from its shape. */
function manifestMediaType(contentType, body) {
    const header = contentType?.split(';')[0].trim();
    if (header && (isIndex(header) || media_types_isManifest(header)))
        return header;
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        if (typeof parsed.mediaType === 'string' && parsed.mediaType)
            return parsed.mediaType;
        return Array.isArray(parsed.manifests) ? OCI_INDEX : OCI_MANIFEST;
    }
    catch {
        return header ?? OCI_MANIFEST;
    }
}

;// CONCATENATED MODULE: ./src/registry/token-cache.ts
/**
 * Bearer tokens by scope (`repository:acme/app:pull`), reused until they expire. A token is
 * dropped a little before its end (a tenth of its life, at most 10 s) so that it does not
 * expire between our check and the registry's.
 */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
class TokenCache {
    now;
    tokens = new Map();
    constructor(now) {
        this.now = now;
    }
    get(scope) {
        const cached = this.tokens.get(scope);
        if (!cached)
            return undefined;
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
    set(scope, token, expiresIn, issuedAt) {
        const lifetime = (expiresIn && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
        const now = this.now();
        // An issued_at in the future (clock skew) or far past is not trusted over our own clock.
        const start = issuedAt !== undefined && issuedAt <= now && now - issuedAt < lifetime ? issuedAt : now;
        const margin = Math.min(10_000, lifetime / 10);
        this.tokens.set(scope, { token, expiresAt: start + lifetime - margin });
    }
    /** Forgets a token the registry refused. */
    delete(scope) {
        this.tokens.delete(scope);
    }
}

;// CONCATENATED MODULE: ./src/registry/status-error.ts
/**
 * The RegistryError for a status that is final (after retries): what the user reads, with the
 * registry's own words when its error body has some.
 */


/** The error for a final non-success status. `subject` is what was asked for, named in the message. */
function statusError(status, image, subject, exchange, body) {
    const said = registryMessage(body);
    const tries = exchange.attempts > 1
        ? ` (gave up after ${exchange.attempts} attempts in ${formatSeconds(exchange.elapsed)})`
        : '';
    if (status === 404)
        return new RegistryError('not-found', image, `${subject} not found`, 404);
    if (status === 403) {
        return new RegistryError('denied', image, `access to ${subject} denied (HTTP 403)${said}`, 403);
    }
    if (status === 429) {
        return new RegistryError('rate-limited', image, `${subject}: rate limited by the registry (HTTP 429)${said}${tries}`, 429);
    }
    if (status >= 500) {
        return new RegistryError('server', image, `${subject}: the registry answered HTTP ${status}${said}${tries}`, status);
    }
    return new RegistryError('protocol', image, `${subject}: unexpected HTTP ${status}${said}`, status);
}
/** The distribution error body: {"errors":[{"code":"DENIED","message":"..."}]}, as `: DENIED ...`. */
function registryMessage(body) {
    if (!body || body.length === 0)
        return '';
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        const first = parsed.errors?.[0];
        const text = [first?.code, first?.message].filter(Boolean).join(' ');
        return text ? `: ${text}` : '';
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/registry/client.ts














const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_BLOB_BYTES = 16 * 1024 * 1024;
/** Stops a registry whose `Link` headers never end. */
const MAX_TAG_PAGES = 100;
class RegistryClient {
    options;
    host;
    /** `http://localhost:5000`, `https://ghcr.io`. */
    baseUrl;
    transport;
    authorizer;
    retry;
    timeout;
    now;
    sleep;
    random;
    pinged;
    constructor(options) {
        this.options = options;
        this.host = options.host.toLowerCase();
        this.baseUrl = registryBaseUrl(this.host, options.insecureRegistries);
        this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
        this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? ((ms) => (0,external_node_timers_promises_.setTimeout)(ms));
        this.random = options.random ?? Math.random;
        const onSecret = options.onSecret ?? (() => { });
        const { credentials } = options;
        for (const secret of [credentials?.password, credentials?.identityToken])
            if (secret)
                onSecret(secret);
        this.transport = new Transport({
            timeout: this.timeout,
            retry: this.retry,
            fetch: options.fetch ?? httpFetch,
            sleep: this.sleep,
            now: this.now,
            random: this.random,
            userAgent: options.userAgent ?? 'shipshape',
        });
        this.authorizer = new Authorizer(this.transport, new TokenCache(this.now), credentials, onSecret);
    }
    /** GET /v2/: learns how the registry wants us to authenticate. Done once, before the first request. */
    ping(image = normalizeRegistry(this.host)) {
        this.pinged ??= this.doPing(image).catch((error) => {
            this.pinged = undefined; // a failed ping is tried again by the next request
            throw error;
        });
        return this.pinged;
    }
    /** A manifest or index by tag or digest; its bytes are checked against the digest. */
    async manifest(repository, reference, context = {}) {
        const image = context.image ?? displayName(this.host, repository, reference);
        const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
        const maxBytes = this.options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
        const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'GET', url, headers: { Accept: MANIFEST_ACCEPT.join(', ') }, authorization, image }, maxBytes));
        const { response, body } = exchange;
        if (response.status !== 200)
            throw statusError(response.status, image, image, exchange, body);
        const digest = manifestDigest(reference, response.headers.get('docker-content-digest'), body, image);
        return { digest, mediaType: manifestMediaType(response.headers.get('content-type'), body), body };
    }
    /** The digest, media type and size of a manifest, without its body. */
    async headManifest(repository, reference, context = {}) {
        const image = context.image ?? displayName(this.host, repository, reference);
        const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
        const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'HEAD', url, headers: { Accept: MANIFEST_ACCEPT.join(', ') }, authorization, image }, 0));
        const { response } = exchange;
        if (response.status !== 200)
            throw statusError(response.status, image, image, exchange);
        const digest = response.headers.get('docker-content-digest') ?? (reference.includes(':') ? reference : undefined);
        const mediaType = response.headers.get('content-type')?.split(';')[0].trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest || !mediaType || !(isIndex(mediaType) || media_types_isManifest(mediaType)) || !Number.isInteger(size)) {
            // Some registries leave these out of a HEAD: the GET has them all.
            const manifest = await this.manifest(repository, reference, context);
            return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.body.length };
        }
        return { digest, mediaType, size };
    }
    /** Every tag of a repository, page by page as the registry's `Link` headers lead. */
    async tags(repository, context = {}) {
        const image = context.image ?? `${normalizeRegistry(this.host)}/${repository}`;
        const tags = [];
        let url = `${this.baseUrl}/v2/${repository}/tags/list?n=1000`;
        for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
            const pageUrl = url;
            const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'GET', url: pageUrl, authorization, image }, DEFAULT_MAX_MANIFEST_BYTES));
            const { response, body } = exchange;
            if (response.status !== 200)
                throw statusError(response.status, image, image, exchange, body);
            const parsed = JSON.parse(body.toString('utf8'));
            if (Array.isArray(parsed.tags))
                tags.push(...parsed.tags.filter((t) => typeof t === 'string'));
            const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '')?.[1];
            url = next ? new URL(next, this.baseUrl).toString() : undefined;
        }
        return tags;
    }
    /** A small blob (a config), whole and digest-checked. */
    async blob(repository, digest, context = {}) {
        const image = context.image ?? displayName(this.host, repository, digest);
        const maxBytes = this.options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
        const stream = await this.blobStream(repository, digest, context);
        const chunks = [];
        let total = 0;
        for await (const chunk of stream) {
            total += chunk.length;
            if (total > maxBytes) {
                stream.destroy();
                throw new RegistryError('protocol', image, `${image}: blob ${digest} is larger than the ${maxBytes} bytes allowed for a config`);
            }
            chunks.push(chunk);
        }
        return Buffer.concat(chunks);
    }
    /**
     * A blob as a stream, never held whole. The promise settles once the registry has answered
     * (a missing blob rejects it); the stream then errors if the bytes do not match the digest or
     * the body breaks off for good (breaks are resumed first, with Range when the registry allows).
     */
    async blobStream(repository, digest, context = {}) {
        const image = context.image ?? displayName(this.host, repository, digest);
        digestAlgorithm(digest, image);
        const open = (offset) => this.openBlob(repository, digest, image, offset);
        const first = await open(0);
        return verifiedBlobStream(first, open, {
            digest,
            image,
            size: context.size,
            idleTimeout: this.timeout,
            retry: this.retry,
            sleep: this.sleep,
            now: this.now,
            random: this.random,
        });
    }
    async openBlob(repository, digest, image, offset) {
        const url = `${this.baseUrl}/v2/${repository}/blobs/${digest}`;
        const headers = offset > 0 ? { Range: `bytes=${offset}-` } : {};
        const exchange = await this.authorized(repository, image, (authorization) => this.transport.streaming({ method: 'GET', url, headers, authorization, image }));
        const status = exchange.response.status;
        if (status === 200 || (status === 206 && offset > 0))
            return exchange;
        exchange.abort.abort();
        throw statusError(status, image, `blob ${digest} of ${image}`, exchange);
    }
    async doPing(image) {
        const exchange = await this.transport.buffered({ method: 'GET', url: `${this.baseUrl}/v2/`, image }, 64 * 1024);
        const { status, headers } = exchange.response;
        if (status === 401) {
            const header = headers.get('www-authenticate');
            this.authorizer.adopt(header ?? '', parseChallenges(header ?? ''));
        }
        else if (status >= 200 && status < 300) {
            this.authorizer.adopt(null, []);
        }
        else if (status === 404) {
            throw new RegistryError('protocol', image, `${image}: ${this.host} does not speak the registry API (GET ${this.baseUrl}/v2/ answered 404)`, 404);
        }
        else {
            throw statusError(status, image, `${image} (GET ${this.baseUrl}/v2/)`, exchange, exchange.body);
        }
    }
    // Sends with the scope's authorization; after a 401, renews it once when that can help.
    async authorized(repository, image, send) {
        await this.ping(image);
        const repositoryName = `${normalizeRegistry(this.host)}/${repository}`;
        const scope = `repository:${repository}:pull`;
        let sent = await this.authorizer.authorization(scope, repositoryName);
        let exchange = await send(sent.header);
        if (exchange.response.status !== 401)
            return exchange;
        exchange.abort?.abort();
        let challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
        const again = this.authorizer.renew(scope, challenges, sent);
        if (again !== undefined) {
            sent = await this.authorizer.authorization(again, repositoryName);
            exchange = await send(sent.header);
            if (exchange.response.status !== 401)
                return exchange;
            exchange.abort?.abort();
            challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
        }
        const error = findChallenge(challenges, 'bearer')?.params.error;
        throw unauthorized(repositoryName, this.options.credentials, error ? ` (${error})` : '');
    }
}

;// CONCATENATED MODULE: ./src/registry/source.ts
class RegistrySource {
    client;
    repository;
    name;
    constructor(client, repository, 
    /** `localhost:5000/acme/app:1.2.3`: named in every error. */
    name) {
        this.client = client;
        this.repository = repository;
        this.name = name;
    }
    manifest(reference) {
        return this.client.manifest(this.repository, reference, { image: this.name });
    }
    blob(digest) {
        return this.client.blob(this.repository, digest, { image: this.name });
    }
    blobStream(digest) {
        return this.client.blobStream(this.repository, digest, { image: this.name });
    }
}
function registrySource(client, repository, displayName) {
    return new RegistrySource(client, repository, displayName);
}

;// CONCATENATED MODULE: ./src/registry/connect.ts
/**
 * From an image reference to a ready source: parse it, find credentials for its registry,
 * make the client. The one call the measuring stage needs.
 */




async function connect(image, options) {
    const { username, password, env, input, ...clientOptions } = options;
    const reference = parseRegistryReference(image, input);
    const credentials = await resolveCredentials(reference.registry, {
        username,
        password,
        env,
        onSecret: options.onSecret,
    });
    const client = new RegistryClient({ ...clientOptions, host: reference.apiHost, credentials });
    return {
        reference,
        manifestReference: manifestReference(reference),
        client,
        source: new RegistrySource(client, reference.repository, displayReference(reference)),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/image/history.ts
/**
 * An image config's `history` mapped to its layers, so every layer knows the instruction that
 * made it, and a readable form of that instruction for reports.
 */
/**
 * The history entry of each layer, in layer order (`undefined` where the config does not say).
 *
 * Entries with `empty_layer: true` made no layer and are skipped; the others pair with the
 * layers in order. History is optional metadata and some tools omit entries, so when the
 * counts differ the entries are aligned from the END: the newest instructions belong to the
 * newest layers (the ones a Dockerfile under review made), and what is missing is almost
 * always the base image's past (imported or squashed bases, tools that write no history).
 * Layers without an entry then come first and stay `undefined`; surplus oldest entries are
 * dropped.
 */
function layerHistory(history, layerCount) {
    const made = (history ?? []).filter((entry) => !entry.emptyLayer);
    const skipped = made.length - layerCount;
    return Array.from({ length: layerCount }, (_, layer) => made[layer + skipped]);
}
// The shell a RUN went through: `/bin/sh -c`, `/bin/bash -o pipefail -c`, `sh -eux -c`,
// Windows' `cmd /S /C`. Written by both builders; `#(nop)` follows it for non-RUN steps.
const SHELL = String.raw `(?:(?:/\S*/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)(?: -o \S+| -[A-Za-z]+)* -c|cmd /S /C)`;
const LEADING_SHELL = new RegExp(`^${SHELL} `);
const NOP = new RegExp(`^(?:${SHELL} )?#\\(nop\\)\\s*`);
// `|2 A=1 B=two words /bin/sh -c ...`: the build args in effect, values unquoted.
const BUILD_ARGS = /^\|(\d+) /;
const SHELL_AFTER_ARGS = new RegExp(` ${SHELL} `);
// The classic builder names what COPY/ADD copied by content hash: `file:<64 hex>`.
const CONTENT_HASH = /\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\b/g;
const BUILDKIT_SUFFIX = '# buildkit';
/**
 * `created_by` as a person reads it: `RUN apk add curl`, `COPY app.py /srv/`, `ENV A=1`.
 *
 * Strips the machinery both builders add: BuildKit's ` # buildkit` suffix and `RUN |N ARG=...`
 * build args, the shell (`/bin/sh -c`), the classic builder's `#(nop)` marker for non-RUN
 * steps, and shortens its `file:<sha256>` content hashes to 12 hex digits like image IDs.
 * Commands the classic builder ran through the shell get the `RUN ` they lack. Anything
 * else (other tools' free text) is returned trimmed, as written.
 */
function cleanCreatedBy(createdBy) {
    // endsWith, not /\s*# buildkit$/: that regex is quadratic on long runs of spaces, and
    // history text is the Dockerfile author's.
    let text = createdBy.trim();
    if (text.endsWith(BUILDKIT_SUFFIX))
        text = text.slice(0, -BUILDKIT_SUFFIX.length).trimEnd();
    const nop = NOP.exec(text);
    if (nop)
        return shortenHashes(text.slice(nop[0].length).trim());
    const buildKitRun = text.startsWith('RUN ');
    const command = withoutShell(buildKitRun ? text.slice(4) : text);
    if (command !== undefined)
        return `RUN ${command.trim()}`;
    return text;
}
/** The command after the build args and the shell, or undefined when there is no shell. */
function withoutShell(run) {
    const args = BUILD_ARGS.exec(run);
    if (args) {
        const afterCount = run.slice(args[0].length);
        const shell = SHELL_AFTER_ARGS.exec(afterCount);
        if (shell)
            return afterCount.slice(shell.index + shell[0].length);
        // A SHELL we do not recognise: skip N `KEY=value` words (right when values have no spaces).
        const words = afterCount.split(' ');
        return words.slice(Number(args[1])).join(' ');
    }
    const shell = LEADING_SHELL.exec(run);
    return shell ? run.slice(shell[0].length) : undefined;
}
function shortenHashes(text) {
    return text.replace(CONTENT_HASH, '$1:$2');
}

;// CONCATENATED MODULE: ./src/image/model.ts
/**
 * The image model: image -> platforms -> layers, as plain data. It knows nothing of HTTP or
 * files (registry/ and oci-layout.ts turn those into this), like go-containerregistry's v1.
 */
/** `os/arch[/variant]`. */
function platformName(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

;// CONCATENATED MODULE: ./src/image/manifest.ts
/**
 * Index, manifest and config JSON turned into the image model: pure parsing with errors that
 * name where the bytes came from, platform selection, and `loadImage`, which walks
 * index -> platform manifests -> configs through an ImageSource.
 */



/** Registries must accept manifests up to 4 MiB (distribution spec); nothing real is larger. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Configs carry the history and env; a few hundred kB is already extreme. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** How many manifests and configs are fetched at once. */
const DEFAULT_CONCURRENCY = 4;
// An index may point to indexes; an absurd depth (a hostile source) is an error, not a hang.
const MAX_INDEX_DEPTH = 4;
/** Bytes that are not the JSON they claim to be. The message starts with where they came from. */
class ManifestError extends Error {
    source;
    constructor(
    /** Where the bytes came from: `localhost:5000/app:1, manifest sha256:...`. */
    source, reason) {
        super(`${source}: ${reason}`);
        this.source = source;
        this.name = 'ManifestError';
    }
}
/** A platform filter that matches none of the platforms the image has. */
class PlatformNotFoundError extends Error {
    image;
    wanted;
    available;
    constructor(image, wanted, available) {
        super(`${image} has no platform matching ${wanted.join(', ')}; it has ` +
            (available.length ? available.join(', ') : 'no image platforms'));
        this.image = image;
        this.wanted = wanted;
        this.available = available;
        this.name = 'PlatformNotFoundError';
    }
}
/** A platform filter entry that is not `os/arch[/variant]`. */
class PlatformSyntaxError extends Error {
    value;
    constructor(value) {
        super(`${JSON.stringify(value)} is not a platform: expected os/arch[/variant], like linux/amd64`);
        this.value = value;
        this.name = 'PlatformSyntaxError';
    }
}
// The OCI digest grammar; sha256/sha512 are further held to their hex length.
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Whether `value` is a well-formed digest (`sha256:` + 64 lowercase hex, or another algorithm). */
function isDigest(value) {
    if (!DIGEST.test(value))
        return false;
    const [algorithm, encoded] = value.split(':', 2);
    const length = HEX_LENGTH[algorithm];
    return length === undefined || (encoded.length === length && /^[0-9a-f]+$/.test(encoded));
}
/**
 * An index or manifest from its bytes. The kind comes from the body's `mediaType`, else from
 * `mediaType` (the Content-Type it was served with), else from its shape (OCI allows omitting it).
 */
function parseManifest(body, source, mediaType) {
    const json = parseJson(body, source, 'manifest', MAX_MANIFEST_BYTES);
    const fields = new Fields(json, source);
    const schemaVersion = json.schemaVersion;
    if (schemaVersion === 1) {
        throw new ManifestError(source, 'is a Docker schema 1 manifest, which is not supported (deprecated since 2017: push the image again)');
    }
    if (schemaVersion !== 2) {
        throw new ManifestError(source, `schemaVersion must be 2, got ${kindOf(schemaVersion)}`);
    }
    const declared = fields.optionalString('mediaType');
    const type = declared ?? knownType(mediaType) ?? (Array.isArray(json.manifests) ? OCI_INDEX : OCI_MANIFEST);
    const annotations = fields.optionalStringMap('annotations');
    if (isIndex(type)) {
        const manifests = fields.array('manifests').map((_, i) => fields.descriptor(`manifests[${i}]`));
        return { kind: 'index', mediaType: type, manifests, ...(annotations && { annotations }) };
    }
    if (media_types_isManifest(type)) {
        const config = fields.descriptor('config');
        const layers = fields.array('layers').map((_, i) => fields.descriptor(`layers[${i}]`));
        return { kind: 'manifest', mediaType: type, config, layers, ...(annotations && { annotations }) };
    }
    throw new ManifestError(source, `has media type ${type}, which is not an image index or manifest (${[OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ')})`);
}
function knownType(mediaType) {
    return mediaType && (isIndex(mediaType) || media_types_isManifest(mediaType)) ? mediaType : undefined;
}
/** An image config (OCI or Docker) from its bytes: platform, history, diff IDs. */
function parseImageConfig(body, source) {
    const json = parseJson(body, source, 'config', MAX_CONFIG_BYTES);
    const fields = new Fields(json, source);
    const os = fields.optionalString('os');
    const architecture = fields.optionalString('architecture');
    const variant = fields.optionalString('variant');
    const created = fields.optionalString('created');
    const history = (fields.optionalArray('history') ?? []).map((_, i) => {
        const entry = fields.at(`history[${i}]`);
        const createdBy = entry.optionalString('created_by');
        const entryCreated = entry.optionalString('created');
        const comment = entry.optionalString('comment');
        return {
            ...(entryCreated !== undefined && { created: entryCreated }),
            ...(createdBy !== undefined && { createdBy }),
            ...(comment !== undefined && { comment }),
            emptyLayer: entry.optionalBoolean('empty_layer') ?? false,
        };
    });
    const rootfs = json.rootfs === undefined ? undefined : fields.at('rootfs');
    const diffIds = (rootfs?.optionalArray('diff_ids') ?? []).map((_, i) => rootfs.string(`diff_ids[${i}]`));
    return {
        ...(os !== undefined && { os }),
        ...(architecture !== undefined && { architecture }),
        ...(variant !== undefined && { variant }),
        ...(created !== undefined && { created }),
        history,
        diffIds,
    };
}
function parseJson(body, source, what, maxBytes) {
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    if (size > maxBytes) {
        throw new ManifestError(source, `${what} is ${size} bytes, more than the ${maxBytes} a ${what} may have`);
    }
    let json;
    try {
        json = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
    }
    catch (error) {
        throw new ManifestError(source, `${what} is not valid JSON (${error.message})`);
    }
    if (!isObject(json))
        throw new ManifestError(source, `${what} must be a JSON object, got ${kindOf(json)}`);
    return json;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kindOf(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
/** Typed reads of a JSON object; errors name the field's path (`manifests[2].digest`). */
class Fields {
    object;
    source;
    path;
    constructor(object, source, path = '') {
        this.object = object;
        this.source = source;
        this.path = path;
    }
    fail(key, expected, value) {
        throw new ManifestError(this.source, `${this.path}${key} must be ${expected}, got ${kindOf(value)}`);
    }
    value(key) {
        // `a[2]` reads index 2 of array `a`.
        const item = /^(.*)\[(\d+)\]$/.exec(key);
        if (!item)
            return this.object[key];
        const array = this.object[item[1]];
        return Array.isArray(array) ? array[Number(item[2])] : undefined;
    }
    at(key) {
        const value = this.value(key);
        if (!isObject(value))
            this.fail(key, 'an object', value);
        return new Fields(value, this.source, `${this.path}${key}.`);
    }
    string(key) {
        const value = this.value(key);
        if (typeof value !== 'string')
            this.fail(key, 'a string', value);
        return value;
    }
    optionalString(key) {
        return this.value(key) === undefined ? undefined : this.string(key);
    }
    optionalBoolean(key) {
        const value = this.value(key);
        if (value === undefined || typeof value === 'boolean')
            return value;
        this.fail(key, 'true or false', value);
    }
    array(key) {
        const value = this.value(key);
        if (!Array.isArray(value))
            this.fail(key, 'an array', value);
        return value;
    }
    optionalArray(key) {
        const value = this.value(key);
        // Go's encoders write a nil slice as null: the same as absent.
        return value === undefined || value === null ? undefined : this.array(key);
    }
    optionalStringMap(key) {
        const value = this.value(key);
        if (value === undefined || value === null)
            return undefined;
        if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
            this.fail(key, 'an object of strings', value);
        }
        return value;
    }
    descriptor(key) {
        const fields = this.at(key);
        const mediaType = fields.string('mediaType');
        const digest = fields.string('digest');
        if (!isDigest(digest))
            fields.fail('digest', 'a digest (algorithm:hex)', digest);
        const size = fields.value('size');
        if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
            fields.fail('size', 'a byte count (an integer >= 0)', size);
        }
        const platform = fields.value('platform') === undefined ? undefined : fields.platform('platform');
        const annotations = fields.optionalStringMap('annotations');
        return {
            mediaType,
            digest,
            size,
            ...(platform && { platform }),
            ...(annotations && { annotations }),
        };
    }
    platform(key) {
        const fields = this.at(key);
        const os = fields.string('os');
        const architecture = fields.string('architecture');
        const variant = fields.optionalString('variant');
        return { os, architecture, ...(variant && { variant }) };
    }
}
// --- Platforms ---
const ATTESTATION_TYPE = 'vnd.docker.reference.type';
/** BuildKit's attestation manifests (provenance, SBOM) ride in the index but are no platform. */
function isAttestation(descriptor) {
    if (descriptor.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest')
        return true;
    return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}
/** `linux/arm64/v8` -> { os, architecture, variant }; throws PlatformSyntaxError. */
function parsePlatform(text) {
    const parts = text.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '' || /\s/.test(part))) {
        throw new PlatformSyntaxError(text);
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant && { variant }) };
}
/** A platform filter from a list whose items may themselves be comma-separated. Empty = everything. */
function parsePlatformFilter(list) {
    return list
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map(parsePlatform);
}
// The variant a platform has when it names none (containerd's normalisation).
const DEFAULT_VARIANT = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
const ARCHITECTURE_ALIASES = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };
function normalize(spec) {
    const architecture = spec.architecture.toLowerCase();
    return {
        os: spec.os.toLowerCase(),
        architecture: ARCHITECTURE_ALIASES[architecture] ?? architecture,
        variant: spec.variant?.toLowerCase(),
    };
}
/**
 * Whether an image platform satisfies one filter entry. A filter without a variant takes any
 * variant (`linux/arm64` matches `linux/arm64/v8`); with one, the image's variant (or its
 * architecture's default: arm64 v8, arm v7, amd64 v1) must be equal.
 */
function platformMatches(wanted, actual) {
    const want = normalize(wanted);
    const have = normalize(actual);
    if (want.os !== have.os || want.architecture !== have.architecture)
        return false;
    if (want.variant === undefined)
        return true;
    return want.variant === (have.variant ?? DEFAULT_VARIANT[have.architecture]);
}
function matchesAny(filter, actual) {
    return filter.length === 0 || filter.some((wanted) => platformMatches(wanted, actual));
}
/** The image platforms of an index (attestations left out), those `filter` keeps (all when empty). */
function selectPlatforms(index, filter = []) {
    return index.manifests.filter((descriptor) => !isAttestation(descriptor) &&
        isManifest(descriptor.mediaType) &&
        descriptor.platform !== undefined &&
        matchesAny(filter, descriptor.platform));
}
/**
 * The image `reference` names in `source`: the index (nested indexes included) walked to its
 * platform manifests and their configs, attestations left out, the platform filter applied.
 * Platforms keep the index's order. Throws PlatformNotFoundError when the filter keeps nothing.
 */
async function loadImage(source, reference, options = {}) {
    const filter = parsePlatformFilter(options.platforms ?? []);
    source = bounded(source, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    const top = await source.manifest(reference);
    const parsed = parseManifest(top.body, where(source, 'manifest', top.digest), top.mediaType);
    const candidates = parsed.kind === 'manifest'
        ? [{ digest: top.digest, manifest: parsed }]
        : await platformCandidates(source, parsed, filter);
    const loaded = await Promise.all(candidates.map((candidate) => loadPlatform(source, candidate)));
    const images = loaded.filter((image) => image !== undefined);
    const platforms = images.filter((image) => matchesAny(filter, image.spec)).map((image) => image.platform);
    if (platforms.length === 0) {
        if (filter.length === 0) {
            throw new ManifestError(where(source, 'manifest', top.digest), 'has no image platforms (only attestations or artifacts)');
        }
        const available = [
            ...(parsed.kind === 'index' ? await allPlatformNames(source, parsed) : []),
            ...images.map((image) => image.platform.platform),
        ];
        throw new PlatformNotFoundError(source.name, filter.map(platformName), [...new Set(available)]);
    }
    return { ref: source.name, digest: top.digest, mediaType: parsed.mediaType, platforms };
}
function where(source, what, digest) {
    return `${source.name}, ${what} ${digest}`;
}
/**
 * The image manifests of an index and of the indexes it points to, in order. Those whose
 * descriptor names a platform are filtered here, before any fetch; those without one are kept,
 * to be filtered once their config tells the platform.
 */
async function platformCandidates(source, index, filter, depth = 0) {
    const walk = async (descriptor) => {
        if (isAttestation(descriptor))
            return [];
        if (isIndex(descriptor.mediaType)) {
            if (depth + 1 >= MAX_INDEX_DEPTH) {
                throw new ManifestError(where(source, 'index', descriptor.digest), `indexes nest more than ${MAX_INDEX_DEPTH} deep`);
            }
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind !== 'index')
                return [{ digest: descriptor.digest, manifest: nested }];
            return platformCandidates(source, nested, filter, depth + 1);
        }
        // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
        if (!media_types_isManifest(descriptor.mediaType))
            return [];
        if (descriptor.platform && !matchesAny(filter, descriptor.platform))
            return [];
        return [{ digest: descriptor.digest, descriptor }];
    };
    return (await Promise.all(index.manifests.map(walk))).flat();
}
/** Names of every image platform an index declares, nested indexes included (for errors). */
async function allPlatformNames(source, index, depth = 0) {
    const names = [];
    for (const descriptor of index.manifests) {
        if (isAttestation(descriptor))
            continue;
        if (isIndex(descriptor.mediaType) && depth + 1 < MAX_INDEX_DEPTH) {
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind === 'index')
                names.push(...(await allPlatformNames(source, nested, depth + 1)));
        }
        else if (descriptor.platform) {
            names.push(platformName(descriptor.platform));
        }
    }
    return names;
}
/** A manifest by descriptor, held to the descriptor's digest and size. */
async function fetchManifest(source, descriptor) {
    const fetched = await source.manifest(descriptor.digest);
    const origin = where(source, 'manifest', descriptor.digest);
    if (fetched.digest !== descriptor.digest) {
        throw new ManifestError(origin, `the source returned ${fetched.digest} instead`);
    }
    if (fetched.body.length !== descriptor.size) {
        throw new ManifestError(origin, `is ${fetched.body.length} bytes, the index says ${descriptor.size}`);
    }
    return parseManifest(fetched.body, origin, fetched.mediaType || descriptor.mediaType);
}
/** One platform: its manifest (fetched unless given) and config; undefined when it is no image. */
async function loadPlatform(source, candidate) {
    const manifest = candidate.manifest ?? (await fetchManifest(source, candidate.descriptor));
    if (manifest.kind !== 'manifest') {
        throw new ManifestError(where(source, 'manifest', candidate.digest), `is an index, but the index that points to it says ${candidate.descriptor?.mediaType}`);
    }
    // A manifest whose config is no image config is an artifact riding in the index.
    if (manifest.config.mediaType !== OCI_CONFIG && manifest.config.mediaType !== DOCKER_CONFIG)
        return undefined;
    const configOrigin = where(source, 'config', manifest.config.digest);
    if (manifest.config.size > MAX_CONFIG_BYTES) {
        throw new ManifestError(configOrigin, `config is ${manifest.config.size} bytes, more than the ${MAX_CONFIG_BYTES} a config may have`);
    }
    const body = await source.blob(manifest.config.digest);
    if (body.length !== manifest.config.size) {
        throw new ManifestError(configOrigin, `is ${body.length} bytes, the manifest says ${manifest.config.size}`);
    }
    const config = parseImageConfig(body, configOrigin);
    const spec = candidate.descriptor?.platform ?? configPlatform(config);
    if (spec.os === 'unknown' && spec.architecture === 'unknown')
        return undefined;
    const history = layerHistory(config.history, manifest.layers.length);
    const layers = manifest.layers.map((descriptor, i) => {
        const createdBy = history[i]?.createdBy;
        return {
            digest: descriptor.digest,
            mediaType: descriptor.mediaType,
            compressed: descriptor.size,
            ...(createdBy !== undefined && { createdBy }),
        };
    });
    return {
        spec,
        platform: {
            platform: platformName(spec),
            manifestDigest: candidate.digest,
            configDigest: manifest.config.digest,
            layers,
            compressed: layers.reduce((sum, layer) => sum + layer.compressed, 0),
        },
    };
}
function configPlatform(config) {
    return {
        os: config.os ?? 'unknown',
        architecture: config.architecture ?? 'unknown',
        ...(config.variant && { variant: config.variant }),
    };
}
/**
 * The source with at most `limit` manifest and blob fetches running at once, however the walk
 * fans out (nested indexes included). Only the fetches wait for a slot, never a task that
 * itself fetches, so the walk cannot deadlock.
 */
function bounded(source, limit) {
    let active = 0;
    const waiting = [];
    const run = async (fetch) => {
        if (active < limit)
            active++;
        else
            await new Promise((resolve) => waiting.push(resolve)); // the slot is handed over
        try {
            return await fetch();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                active--;
        }
    };
    return {
        name: source.name,
        manifest: (reference) => run(() => source.manifest(reference)),
        blob: (digest) => run(() => source.blob(digest)),
        blobStream: (digest) => source.blobStream(digest),
    };
}

;// CONCATENATED MODULE: ./src/image/oci-layout.ts
/**
 * An ImageSource over an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as
 * `buildx --output type=oci` writes it: a directory (`tar=false`) or a tar of one. So an image
 * that was built but not pushed (a PR from a fork) can be measured like a pushed one.
 *
 * A tar is never extracted: its headers are read once to find where each blob's bytes lie,
 * and blobs are streamed from those offsets. Every blob is checked against its digest while it
 * streams.
 */







/** The layout is missing, malformed, or does not hold what was asked for. */
// Blobs are read 1 MiB at a time: zlib works faster on large inputs (64 KiB reads cost ~0.15 s per 200 MB).
const READ_CHUNK = 1 << 20;
class OciLayoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OciLayoutError';
    }
}
/** A blob whose bytes do not hash to (or do not have the size of) its digest. */
class BlobDigestError extends Error {
    digest;
    actual;
    constructor(digest, actual, message) {
        super(message);
        this.digest = digest;
        this.actual = actual;
        this.name = 'BlobDigestError';
    }
}
const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';
// Algorithms we can verify; other digests are refused rather than served unchecked.
const oci_layout_HASHES = { sha256: 'sha256', sha512: 'sha512' };
/** Opens a layout directory or a tar of one; fails early when it is neither. */
async function openOciLayout(path) {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch (error) {
        throw new OciLayoutError(`OCI layout ${path} cannot be read: ${error.message}`);
    }
    const files = info.isDirectory()
        ? new DirectoryFiles(path)
        : new TarFiles(path, await indexTar(path));
    const marker = await files.read('oci-layout', 64 * 1024).catch(() => undefined);
    if (marker === undefined) {
        throw new OciLayoutError(`${path} is not an OCI image layout: it has no oci-layout file`);
    }
    let version;
    try {
        version = JSON.parse(marker.toString('utf8')).imageLayoutVersion;
    }
    catch {
        version = undefined;
    }
    if (typeof version !== 'string' || !version.startsWith('1.')) {
        throw new OciLayoutError(`${path}: oci-layout must say imageLayoutVersion 1.x, got ${marker.toString('utf8')}`);
    }
    const indexBytes = await files.read('index.json', MAX_MANIFEST_BYTES).catch((error) => {
        throw new OciLayoutError(`${path} is not an OCI image layout: index.json: ${error.message}`);
    });
    const index = parseManifest(indexBytes, `${path}, index.json`, OCI_INDEX);
    if (index.kind !== 'index')
        throw new OciLayoutError(`${path}: index.json is not an image index`);
    return new OciLayoutSource(path, files, indexBytes, index);
}
class OciLayoutSource {
    name;
    files;
    indexBytes;
    index;
    indexDigest;
    constructor(name, files, indexBytes, index) {
        this.name = name;
        this.files = files;
        this.indexBytes = indexBytes;
        this.index = index;
        this.indexDigest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(indexBytes).digest('hex')}`;
    }
    /**
     * '' is the layout's image: the one manifest index.json lists, or index.json itself when it
     * lists several. Otherwise a digest, or a name from the `org.opencontainers.image.ref.name`
     * (`1.2.3`) or `io.containerd.image.name` (`example.com/app:1.2.3`) annotations.
     */
    async manifest(reference) {
        const manifests = this.index.manifests;
        if (reference === this.indexDigest || (reference === '' && manifests.length !== 1)) {
            return { digest: this.indexDigest, mediaType: this.index.mediaType, body: this.indexBytes };
        }
        if (reference === '')
            return this.fetch(manifests[0].digest, manifests[0]);
        if (isDigest(reference)) {
            return this.fetch(reference, manifests.find((descriptor) => descriptor.digest === reference));
        }
        const named = manifests.filter((descriptor) => descriptor.annotations?.[REF_NAME] === reference ||
            descriptor.annotations?.[CONTAINERD_NAME] === reference);
        if (named.length === 1)
            return this.fetch(named[0].digest, named[0]);
        if (named.length > 1) {
            throw new OciLayoutError(`${this.name}: ${named.length} images are named ${reference}: ${named.map((d) => d.digest).join(', ')}`);
        }
        const names = manifests.map((descriptor) => descriptor.annotations?.[REF_NAME]).filter(Boolean);
        throw new OciLayoutError(`${this.name} has no image named ${reference}; ` +
            (names.length ? `its names are ${names.join(', ')}` : 'its images have no names'));
    }
    async blob(digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    async blobStream(digest) {
        const path = this.blobPath(digest);
        const size = await this.files.size(path);
        if (size === undefined)
            throw new OciLayoutError(`${this.name} has no blob ${digest}`);
        const verifier = digestVerifier(digest, size, `${this.name}: blob ${digest}`);
        // pipeline: an error on either side (or the reader stopping) tears both down.
        return (0,external_node_stream_.pipeline)(this.files.stream(path, size), verifier, () => { });
    }
    async fetch(digest, descriptor) {
        const size = await this.files.size(this.blobPath(digest));
        if (size === undefined)
            throw new OciLayoutError(`${this.name} has no manifest ${digest}`);
        if (size > MAX_MANIFEST_BYTES) {
            throw new OciLayoutError(`${this.name}: manifest ${digest} is ${size} bytes, more than a manifest may have`);
        }
        const body = await this.blob(digest);
        return { digest, mediaType: descriptor?.mediaType ?? declaredMediaType(body), body };
    }
    blobPath(digest) {
        const [algorithm, hex] = digest.split(':', 2);
        // The digest becomes a path: only well-formed ones, so `sha256:../../x` reads nothing.
        if (!isDigest(digest) || !oci_layout_HASHES[algorithm] || hex === undefined) {
            throw new OciLayoutError(`${this.name}: ${JSON.stringify(digest)} is not a sha256 or sha512 digest`);
        }
        return `blobs/${algorithm}/${hex}`;
    }
}
/** A manifest's own `mediaType`, else its shape's (OCI allows leaving it out). */
function declaredMediaType(body) {
    try {
        const json = JSON.parse(body.toString('utf8'));
        if (typeof json.mediaType === 'string')
            return json.mediaType;
        return Array.isArray(json.manifests) ? OCI_INDEX : OCI_MANIFEST;
    }
    catch {
        return ''; // not JSON: parseManifest reports it, naming the digest
    }
}
/**
 * A pass-through that hashes what flows and, at the end, errors with BlobDigestError when
 * the bytes do not hash to `digest` or are not `size` long (a truncated or tampered blob).
 */
function digestVerifier(digest, size, what) {
    const [algorithm, expected] = digest.split(':', 2);
    const hash = (0,external_node_crypto_.createHash)(oci_layout_HASHES[algorithm] ?? algorithm);
    let length = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            length += chunk.length;
            callback(null, chunk);
        },
        flush(callback) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            if (size !== undefined && length !== size) {
                callback(new BlobDigestError(digest, actual, `${what} is ${length} bytes, expected ${size}`));
            }
            else if (actual !== `${algorithm}:${expected}`) {
                callback(new BlobDigestError(digest, actual, `${what} does not match its digest: its bytes hash to ${actual}`));
            }
            else {
                callback();
            }
        },
    });
}
class DirectoryFiles {
    root;
    constructor(root) {
        this.root = root;
    }
    async size(path) {
        try {
            const info = await (0,promises_.stat)((0,external_node_path_.join)(this.root, path));
            return info.isFile() ? info.size : undefined;
        }
        catch {
            return undefined;
        }
    }
    stream(path) {
        return (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(this.root, path), { highWaterMark: READ_CHUNK });
    }
    async read(path, maxBytes) {
        const size = await this.size(path);
        if (size === undefined)
            throw new Error(`no ${path}`);
        if (size > maxBytes)
            throw new Error(`${path} is ${size} bytes, more than ${maxBytes}`);
        return (0,promises_.readFile)((0,external_node_path_.join)(this.root, path));
    }
}
class TarFiles {
    tarPath;
    entries;
    constructor(tarPath, entries) {
        this.tarPath = tarPath;
        this.entries = entries;
    }
    async size(path) {
        return this.entries.get(path)?.size;
    }
    stream(path) {
        const entry = this.entries.get(path);
        // createReadStream's `end` is inclusive, and an empty range is not expressible.
        if (entry.size === 0)
            return external_node_stream_.Readable.from([]);
        return (0,external_node_fs_.createReadStream)(this.tarPath, {
            start: entry.offset,
            end: entry.offset + entry.size - 1,
            highWaterMark: READ_CHUNK,
        });
    }
    async read(path, maxBytes) {
        const entry = this.entries.get(path);
        if (!entry)
            throw new Error(`no ${path}`);
        if (entry.size > maxBytes)
            throw new Error(`${path} is ${entry.size} bytes, more than ${maxBytes}`);
        const handle = await (0,promises_.open)(this.tarPath, 'r');
        try {
            return await readAt(handle, entry.offset, entry.size, this.tarPath);
        }
        finally {
            await handle.close();
        }
    }
}
const BLOCK = 512;
// PAX and GNU long-name records hold a name or two; more is a hostile or broken tar.
const MAX_META_BYTES = 1024 * 1024;
/**
 * The regular files of a tar (name without a leading `./` -> data offset and size), from its
 * headers alone: ustar (with the name prefix field), PAX `x` headers (`path`, `size`, `linkpath`),
 * GNU `L`/`K` long names and base-256 sizes. Hard links point to their target's bytes.
 */
async function indexTar(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { size: tarSize } = await handle.stat();
        const entries = new Map();
        const links = [];
        let pending = {};
        let offset = 0;
        const magic = await readAt(handle, 0, Math.min(2, tarSize), path);
        if (magic[0] === 0x1f && magic[1] === 0x8b) {
            throw new OciLayoutError(`${path} is gzip-compressed: decompress it first (gunzip), then measure the tar`);
        }
        if (tarSize < BLOCK)
            throw new OciLayoutError(`${path} is not a tar archive (${tarSize} bytes)`);
        while (offset + BLOCK <= tarSize) {
            const header = await readAt(handle, offset, BLOCK, path);
            if (header.every((byte) => byte === 0))
                break; // end-of-archive marker
            if (!checksumMatches(header)) {
                throw new OciLayoutError(`${path} is not a tar archive (bad header checksum at byte ${offset})`);
            }
            const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
            const dataOffset = offset + BLOCK;
            let size = readNumber(header, 124, 12);
            if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
                if (size > MAX_META_BYTES) {
                    throw new OciLayoutError(`${path}: a ${type} header at byte ${offset} is ${size} bytes long`);
                }
                const data = await readAt(handle, dataOffset, size, path);
                if (type === 'x')
                    pending = { ...pending, ...paxRecords(data) };
                if (type === 'L')
                    pending.path = cString(data);
                if (type === 'K')
                    pending.linkpath = cString(data);
                // 'g' (global) records describe the whole archive, not one file's name: ignored.
            }
            else {
                const name = normalizeName(pending.path ?? headerName(header));
                if (pending.size !== undefined)
                    size = pending.size;
                if (type === '0' || type === '7')
                    entries.set(name, { offset: dataOffset, size });
                if (type === '1')
                    links.push([name, normalizeName(pending.linkpath ?? cString(header.subarray(157, 257)))]);
                pending = {};
            }
            if (dataOffset + size > tarSize) {
                throw new OciLayoutError(`${path} is truncated: the entry at byte ${offset} runs past its end`);
            }
            offset = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
        }
        for (const [name, target] of links) {
            const entry = entries.get(target);
            if (entry)
                entries.set(name, entry);
        }
        return entries;
    }
    finally {
        await handle.close();
    }
}
async function readAt(handle, offset, length, path) {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0)
            throw new OciLayoutError(`${path} is truncated at byte ${offset + done}`);
        done += bytesRead;
    }
    return buffer;
}
// The checksum is the byte sum of the header with its own field read as spaces. Old tars
// summed signed bytes; both are accepted.
function checksumMatches(header) {
    const stored = readNumber(header, 148, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : header[i];
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    return stored === unsigned || stored === signed;
}
/** An octal field, or GNU's base-256 form (high bit set) for sizes over 8 GiB. */
function readNumber(header, offset, length) {
    const field = header.subarray(offset, offset + length);
    if (field[0] & 0x80) {
        let value = field[0] & 0x7f;
        for (let i = 1; i < length; i++)
            value = value * 256 + field[i];
        return value;
    }
    const text = cString(field).trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}
// POSIX ustar splits long names into prefix (345..500) + name; GNU tars use those bytes for
// other things, so the prefix counts only with the POSIX magic.
function headerName(header) {
    const name = cString(header.subarray(0, 100));
    const posix = header.subarray(257, 263).toString('latin1') === 'ustar\0';
    const prefix = posix ? cString(header.subarray(345, 500)) : '';
    return prefix ? `${prefix}/${name}` : name;
}
/** PAX records: `<length> <key>=<value>\n`, where length counts the whole record in bytes. */
function paxRecords(data) {
    const result = {};
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const length = space === -1 ? NaN : parseInt(data.subarray(at, space).toString('latin1'), 10);
        if (!Number.isSafeInteger(length) || length <= 0)
            break; // padding or garbage: stop
        const record = data.subarray(space + 1, at + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        const key = record.slice(0, equals);
        const value = record.slice(equals + 1);
        if (key === 'path')
            result.path = value;
        if (key === 'linkpath')
            result.linkpath = value;
        if (key === 'size')
            result.size = Number(value);
        at += length;
    }
    return result;
}
function normalizeName(name) {
    return name.replace(/^(?:\.?\/)+/, '');
}

;// CONCATENATED MODULE: ./src/report/size-report.ts
const SIZE_REPORT_VERSION = 1;
function buildSizeReport(image, baseline) {
    return {
        version: SIZE_REPORT_VERSION,
        image: { ref: image.ref, digest: image.digest },
        baseline: baseline ? { ref: baseline.ref, digest: baseline.digest } : null,
        platforms: image.platforms.map((p) => platformReport(p, baseline)),
        removedPlatforms: (baseline?.platforms ?? [])
            .map((b) => b.platform)
            .filter((name) => !image.platforms.some((p) => p.platform === name)),
    };
}
function platformReport(p, baseline) {
    const base = baseline?.platforms.find((b) => b.platform === p.platform);
    const baseDigests = new Set(base?.layers.map((l) => l.digest));
    const imageDigests = new Set(p.layers.map((l) => l.digest));
    const layers = p.layers.map(layerReport);
    const added = layers.filter((l) => !baseDigests.has(l.digest));
    // A layer listed twice in one manifest is downloaded once.
    const newToPull = [...new Map(added.map((l) => [l.digest, l.compressed])).values()].reduce((a, b) => a + b, 0);
    return {
        platform: p.platform,
        compressed: p.compressed,
        uncompressed: p.uncompressed,
        wasted: p.wasted,
        newToPull: baseline ? newToPull : null,
        layers,
        baseline: base ? { ...figures(base), layerCount: base.layers.length } : null,
        delta: base
            ? {
                compressed: p.compressed - base.compressed,
                uncompressed: difference(p.uncompressed, base.uncompressed),
                wasted: difference(p.wasted, base.wasted),
                layerCount: p.layers.length - base.layers.length,
            }
            : null,
        changes: base
            ? { added, removed: base.layers.filter((l) => !imageDigests.has(l.digest)).map(layerReport) }
            : null,
    };
}
const layerReport = (l) => ({
    digest: l.digest,
    compressed: l.compressed,
    uncompressed: l.uncompressed,
    files: l.files,
    createdBy: l.createdBy ?? null,
});
const figures = (p) => ({
    compressed: p.compressed,
    uncompressed: p.uncompressed,
    wasted: p.wasted,
});
const difference = (a, b) => (a === null || b === null ? null : a - b);
/** The compressed change over all platforms; null when no platform has a baseline. */
function totalCompressedDelta(report) {
    const deltas = report.platforms.flatMap((p) => (p.delta ? [p.delta.compressed] : []));
    return deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) : null;
}
/**
 * A size report read back from JSON that someone else wrote (an artifact of a fork's run):
 * every field the renderer reads is checked for its type, so that no string can stand where
 * a number is printed unescaped. Throws with the path of the first wrong field.
 */
function parseSizeReport(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new Error(`not JSON: ${error.message}`, { cause: error });
    }
    const r = object(value, 'report');
    if (r.version !== SIZE_REPORT_VERSION)
        throw new Error(`report.version: expected ${SIZE_REPORT_VERSION}`);
    ref(r.image, 'report.image');
    if (r.baseline !== null)
        ref(r.baseline, 'report.baseline');
    array(r.platforms, 'report.platforms').forEach((p, i) => platform(p, `report.platforms[${i}]`));
    array(r.removedPlatforms, 'report.removedPlatforms').forEach((p, i) => string(p, `report.removedPlatforms[${i}]`));
    if (r.budget !== undefined) {
        const b = object(r.budget, 'report.budget');
        if (!['pass', 'warn', 'fail'].includes(b.status))
            throw new Error('report.budget.status: pass, warn or fail');
        array(b.violations, 'report.budget.violations').forEach((v, i) => {
            const o = object(v, `report.budget.violations[${i}]`);
            string(o.platform, `${i}.platform`);
            string(o.rule, `${i}.rule`);
            number(o.limit, `${i}.limit`);
            number(o.actual, `${i}.actual`);
        });
    }
    return value;
}
function platform(value, at) {
    const p = object(value, at);
    string(p.platform, `${at}.platform`);
    number(p.compressed, `${at}.compressed`);
    for (const key of ['uncompressed', 'wasted', 'newToPull'])
        nullable(p[key], `${at}.${key}`);
    array(p.layers, `${at}.layers`).forEach((l, i) => size_report_layer(l, `${at}.layers[${i}]`));
    for (const key of ['baseline', 'delta']) {
        if (p[key] === null)
            continue;
        const f = object(p[key], `${at}.${key}`);
        number(f.compressed, `${at}.${key}.compressed`);
        nullable(f.uncompressed, `${at}.${key}.uncompressed`);
        nullable(f.wasted, `${at}.${key}.wasted`);
        number(f.layerCount, `${at}.${key}.layerCount`);
    }
    if (p.changes !== null) {
        const c = object(p.changes, `${at}.changes`);
        array(c.added, `${at}.changes.added`).forEach((l, i) => size_report_layer(l, `${at}.changes.added[${i}]`));
        array(c.removed, `${at}.changes.removed`).forEach((l, i) => size_report_layer(l, `${at}.changes.removed[${i}]`));
    }
}
function size_report_layer(value, at) {
    const l = object(value, at);
    string(l.digest, `${at}.digest`);
    number(l.compressed, `${at}.compressed`);
    nullable(l.uncompressed, `${at}.uncompressed`);
    nullable(l.files, `${at}.files`);
    if (l.createdBy !== null)
        string(l.createdBy, `${at}.createdBy`);
}
function ref(value, at) {
    const o = object(value, at);
    string(o.ref, `${at}.ref`);
    string(o.digest, `${at}.digest`);
}
function object(value, at) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error(`${at}: expected an object`);
    return value;
}
function array(value, at) {
    if (!Array.isArray(value))
        throw new Error(`${at}: expected an array`);
    return value;
}
function string(value, at) {
    if (typeof value !== 'string')
        throw new Error(`${at}: expected a string`);
}
function number(value, at) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw new Error(`${at}: expected a number`);
}
function nullable(value, at) {
    if (value !== null)
        number(value, at);
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/image/cache-paths.ts
/**
 * Well-known cache directories that package managers leave in images, as data, and one matcher
 * that says which of them (if any) a layer path is under. The layer scan adds up the bytes of
 * regular files per kind, so a report can say "42 MB of apt lists in layer 3".
 *
 * Pattern syntax (paths as they stand in a layer tar, normalized: no leading `/` or `./`):
 * - a plain segment matches itself;
 * - `*` matches exactly one segment (`var/lib/gems/*` matches `var/lib/gems/3.1.0`);
 * - a leading `**` segment matches zero or more leading segments, so the pip pattern with it
 *   matches `root/.cache/pip/`, `home/app/.cache/pip/` and `.cache/pip/`.
 * Every pattern ends with `/`: it names a directory, and matches the paths below it.
 */
const CACHE_KINDS = [
    'apt',
    'apk',
    'yum',
    'pip',
    'npm',
    'yarn',
    'pnpm',
    'go',
    'conda',
    'gem',
    'tmp',
];
const CACHE_PATH_RULES = [
    { kind: 'apt', label: 'apt lists and archives', patterns: ['var/lib/apt/lists/', 'var/cache/apt/'] },
    { kind: 'apk', label: 'apk cache', patterns: ['var/cache/apk/'] },
    { kind: 'yum', label: 'yum/dnf cache', patterns: ['var/cache/yum/', 'var/cache/dnf/'] },
    { kind: 'pip', label: 'pip cache', patterns: ['root/.cache/pip/', '**/.cache/pip/'] },
    { kind: 'npm', label: 'npm cache', patterns: ['root/.npm/', '**/.npm/_cacache/'] },
    { kind: 'yarn', label: 'yarn cache', patterns: ['usr/local/share/.cache/yarn/', '**/.cache/yarn/'] },
    { kind: 'pnpm', label: 'pnpm store', patterns: ['**/.local/share/pnpm/store/', '**/.pnpm-store/'] },
    {
        kind: 'go',
        label: 'Go build and module cache',
        patterns: ['root/.cache/go-build/', '**/.cache/go-build/', '**/go/pkg/mod/cache/'],
    },
    { kind: 'conda', label: 'conda packages', patterns: ['opt/conda/pkgs/', '**/conda/pkgs/'] },
    {
        kind: 'gem',
        label: 'gem cache',
        patterns: ['usr/local/bundle/cache/', '**/.gem/', 'var/lib/gems/*/cache/'],
    },
    { kind: 'tmp', label: 'temporary files', patterns: ['tmp/', 'var/tmp/'] },
];
/** A pattern (without its leading `**` segment) as a regular-expression source. */
function patternSource(pattern) {
    if (!pattern.endsWith('/'))
        throw new Error(`cache path pattern must end with '/': ${pattern}`);
    return pattern
        .slice(0, -1)
        .split('/')
        .map((segment) => (segment === '*' ? '[^/]+/' : `${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`))
        .join('');
}
/**
 * One regular expression for the whole table, matched once per path. Anchored patterns stand
 * under `^`; patterns that start with `**` are searched for after `^` or any `/`, which V8 does
 * some ten times faster than a leading `(?:[^/]+/)*` (that backtracks at every segment). The
 * leftmost match wins, so the outermost cache directory names the kind.
 */
function compileCacheMatcher(rules = CACHE_PATH_RULES) {
    const anchored = [];
    const floating = [];
    const kinds = [];
    for (const [list, anywhere] of [
        [anchored, false],
        [floating, true],
    ]) {
        for (const rule of rules) {
            const patterns = rule.patterns.filter((pattern) => pattern.startsWith('**/') === anywhere);
            if (patterns.length === 0)
                continue;
            list.push(`(${patterns.map((pattern) => patternSource(anywhere ? pattern.slice(3) : pattern)).join('|')})`);
            kinds.push(rule.kind);
        }
    }
    const alternatives = [];
    if (anchored.length > 0)
        alternatives.push(`^(?:${anchored.join('|')})`);
    if (floating.length > 0)
        alternatives.push(`(?:^|/)(?:${floating.join('|')})`);
    const expression = new RegExp(alternatives.join('|'));
    /** The kind of cache a normalized path is under, or undefined. */
    return (path) => {
        const match = expression.exec(path);
        if (match === null)
            return undefined;
        for (let group = 1; group < match.length; group++) {
            if (match[group] !== undefined)
                return kinds[group - 1];
        }
        return undefined;
    };
}
/** The kind of cache a normalized path is under (`var/cache/apt/archives/x.deb` -> `apt`). */
const cacheKindOf = compileCacheMatcher();
/** A zero for each kind, in table order. */
function emptyCacheBytes() {
    const bytes = {};
    for (const kind of CACHE_KINDS)
        bytes[kind] = 0;
    return bytes;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/image/decompress.ts
/**
 * A layer blob as a tar stream. The compression is read from the blob's first bytes, because
 * registries and tools mislabel layers (gzip bytes under a plain-tar media type happen); the
 * media type only decides when the blob is too short to tell.
 */


/** zlib's default output chunk is 16 KiB; 256 KiB halves the per-chunk overhead downstream. */
const OUTPUT_CHUNK_SIZE = 256 * 1024;
/**
 * Network blobs arrive in 16-64 KiB chunks, and each write to zlib is a round trip to the thread
 * pool: handing the decoder 1 MiB at a time took a 200 MB layer from 1.8 s to 1.3 s (bench/).
 */
const INPUT_BATCH_SIZE = 1024 * 1024;
/** What a layer media type declares (`...tar+gzip`, `...rootfs.diff.tar.gzip`, `...tar+zstd`). */
function compressionFromMediaType(mediaType) {
    if (!mediaType)
        return undefined;
    if (mediaType.endsWith('+gzip') || mediaType.endsWith('.gzip'))
        return 'gzip';
    if (mediaType.endsWith('+zstd') || mediaType.endsWith('.zstd'))
        return 'zstd';
    if (mediaType.endsWith('.tar') || mediaType.endsWith('/tar'))
        return 'none';
    return undefined;
}
/** The compression the first bytes show, or undefined when they show neither gzip nor zstd. */
function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4) {
        const magic = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
        if (magic === 0xfd2fb528)
            return 'zstd';
        // A skippable frame (0x184D2A50..5F) may open a zstd stream.
        if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50)
            return 'zstd';
    }
    return undefined;
}
const SNIFF_BYTES = 4;
/**
 * Reads at least `count` bytes (fewer if the blob is shorter) and gives back a stream of the whole
 * blob: the same stream with the bytes put back, or, when the blob ended already, a new one.
 */
async function peek(stream, count) {
    const chunks = [];
    let length = 0;
    let ended = false;
    while (length < count && !ended) {
        const chunk = stream.read();
        if (chunk !== null) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            chunks.push(bytes);
            length += bytes.length;
            continue;
        }
        ended = stream.readableEnded || (await nextReadable(stream));
    }
    const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (ended)
        return { head, blob: external_node_stream_.Readable.from(head.length > 0 ? [head] : [], { objectMode: false }) };
    if (head.length > 0)
        stream.unshift(head);
    return { head, blob: stream };
}
/** Waits for more bytes (false) or the end (true); rejects on the stream's error or early close. */
function nextReadable(stream) {
    if (stream.errored)
        return Promise.reject(stream.errored);
    if (stream.destroyed)
        return Promise.reject(new Error('the layer blob stream closed before its end'));
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            stream.off('error', onError);
            stream.off('close', onClose);
        };
        const onReadable = () => (cleanup(), resolve(false));
        const onEnd = () => (cleanup(), resolve(true));
        const onError = (error) => (cleanup(), reject(error));
        const onClose = () => (cleanup(), reject(new Error('the layer blob stream closed before its end')));
        stream.on('readable', onReadable);
        stream.on('end', onEnd);
        stream.on('error', onError);
        stream.on('close', onClose);
    });
}
/** Whether this Node's zlib has zstd (Node >= 22.15 / 23.8). */
function zlibHasZstd() {
    return typeof zlib.createZstdDecompress === 'function';
}
/** fzstd's push-style decoder as a Transform; loaded only when a zstd layer needs it. */
async function fzstdTransform() {
    const { Decompress } = await __webpack_require__.e(/* import() */ 339).then(__webpack_require__.bind(__webpack_require__, 8339));
    const transform = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            try {
                decoder.push(chunk);
            }
            catch (error) {
                return done(error);
            }
            done();
        },
        flush(done) {
            try {
                // `final` makes fzstd throw on a stream cut short.
                decoder.push(new Uint8Array(0), true);
            }
            catch (error) {
                return done(error);
            }
            done();
        },
    });
    const decoder = new Decompress((data) => {
        // Each block is a fresh array: wrap it, no copy.
        if (data.length > 0)
            transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
    return transform;
}
async function zstdDecoder(choice) {
    const create = (external_node_zlib_default()).createZstdDecompress;
    if (choice === 'zlib' && !create)
        throw new Error(`this Node (${process.version}) has no zstd in zlib`);
    if (create && choice !== 'fzstd')
        return { stream: create({ chunkSize: OUTPUT_CHUNK_SIZE }), name: 'zlib' };
    return { stream: await fzstdTransform(), name: 'fzstd' };
}
/**
 * The tar inside a layer blob: gunzip, zstd or as is, by the first bytes. The blob is read once,
 * as a stream; nothing is buffered beyond the decoders' own windows.
 */
async function decompressLayer(blob, options = {}) {
    const { head, blob: whole } = await peek(blob, SNIFF_BYTES);
    const sniffed = sniffCompression(head);
    // Bytes that are neither gzip nor zstd are a tar (the tar parser says so if not), unless the
    // blob is too short to tell; an empty blob is an empty layer.
    const compression = sniffed ??
        (head.length > 0 && head.length < SNIFF_BYTES
            ? (compressionFromMediaType(options.mediaType) ?? 'none')
            : 'none');
    if (compression === 'none')
        return { compression, tar: whole };
    if (compression === 'gzip') {
        return { compression, tar: joined(whole, external_node_zlib_default().createGunzip({ chunkSize: OUTPUT_CHUNK_SIZE })) };
    }
    const zstd = await zstdDecoder(options.zstd ?? 'auto');
    return { compression, zstdDecoder: zstd.name, tar: joined(whole, zstd.stream) };
}
/** Passes bytes on in chunks of at least `size` (the last one excepted), copying only small ones. */
function batches(size) {
    let pending = [];
    let length = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            if (length === 0 && chunk.length >= size)
                return done(null, chunk);
            pending.push(chunk);
            length += chunk.length;
            if (length < size)
                return done();
            const batch = Buffer.concat(pending, length);
            pending = [];
            length = 0;
            done(null, batch);
        },
        flush(done) {
            done(null, length > 0 ? Buffer.concat(pending, length) : undefined);
        },
    });
}
/** `blob | batches | decoder`; an error of any (a digest mismatch, a reset) destroys the decoder with it. */
function joined(blob, decoder) {
    return (0,external_node_stream_.pipeline)(blob, batches(INPUT_BATCH_SIZE), decoder, () => {
        // pipeline already destroyed the decoder with the error; its reader sees it there.
    });
}

;// CONCATENATED MODULE: ./src/image/layers.ts




/** What an entry is, as far as sizes and hiding go. Stored one byte per entry. */
const EntryKind = {
    /** A regular file: its size counts. */
    File: 0,
    /** A hard link: a second name for a file, 0 bytes. */
    HardLink: 1,
    Directory: 2,
    /** A symlink, device or fifo: no bytes, but it replaces what was at its path. */
    Other: 3,
    /** `DIR/.wh.NAME`: deletes `DIR/NAME` (and all below it) from the layers underneath. */
    Whiteout: 4,
    /** `DIR/.wh..wh..opq`: hides everything below `DIR` in the layers underneath. */
    Opaque: 5,
};
const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/**
 * A tar path as the scan keys it: no leading `./` or `/`, no trailing `/`, no empty or `.`
 * segments. `./` alone (the root) becomes ''.
 */
function normalizeTarPath(name) {
    let start = 0;
    let end = name.length;
    for (;;) {
        if (name.charCodeAt(start) === 47 /* / */)
            start++;
        else if (name.charCodeAt(start) === 46 /* . */ &&
            (name.charCodeAt(start + 1) === 47 || start + 1 === end))
            start += 2;
        else
            break;
    }
    while (end > start && name.charCodeAt(end - 1) === 47)
        end--;
    if (start >= end)
        return '';
    const path = start === 0 && end === name.length ? name : name.slice(start, end);
    // Rare: `a//b`, `a/./b`. Looked for before splitting, so the common path allocates no more.
    return path.includes('//') || path.includes('/./') || path.endsWith('/.') ? cleanSegments(path) : path;
}
function cleanSegments(path) {
    return path
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.')
        .join('/');
}
/**
 * The `limit` largest items seen, largest first, in a small sorted array: an insert costs at most
 * `limit` moves and only happens for an item larger than the current smallest kept.
 */
class Largest {
    limit;
    items = [];
    sizes = [];
    constructor(limit) {
        this.limit = limit;
    }
    /** Whether an item of this size would be kept (cheap: lets callers build the item only then). */
    admits(size) {
        return this.limit > 0 && (this.sizes.length < this.limit || size > this.sizes[this.sizes.length - 1]);
    }
    add(size, item) {
        if (!this.admits(size))
            return;
        let at = this.sizes.length;
        while (at > 0 && this.sizes[at - 1] < size)
            at--;
        this.sizes.splice(at, 0, size);
        this.items.splice(at, 0, item);
        if (this.sizes.length > this.limit) {
            this.sizes.pop();
            this.items.pop();
        }
    }
}
/** Parallel arrays that double when full, trimmed to size at the end. */
class EntriesBuilder {
    count = 0;
    paths = [];
    kinds = new Uint8Array(1024);
    sizes = new Float64Array(1024);
    add(path, kind, size) {
        if (this.count === this.kinds.length) {
            const kinds = new Uint8Array(this.count * 2);
            kinds.set(this.kinds);
            this.kinds = kinds;
            const sizes = new Float64Array(this.count * 2);
            sizes.set(this.sizes);
            this.sizes = sizes;
        }
        this.paths.push(path);
        this.kinds[this.count] = kind;
        this.sizes[this.count] = size;
        this.count++;
    }
    build() {
        return {
            count: this.count,
            paths: this.paths,
            kinds: this.kinds.slice(0, this.count),
            sizes: this.sizes.slice(0, this.count),
        };
    }
}
/** The per-layer figures, fed one tar header at a time. */
class LayerTally {
    uncompressed = 0;
    files = 0;
    whiteouts = 0;
    cacheBytes = emptyCacheBytes();
    largest;
    entries = new EntriesBuilder();
    constructor(largestFiles) {
        this.largest = new Largest(largestFiles);
    }
    add(header) {
        const path = normalizeTarPath(header.name);
        if (path === '')
            return; // the root directory entry
        const slash = path.lastIndexOf('/');
        if (path.startsWith(WHITEOUT_PREFIX, slash + 1)) {
            this.whiteouts++;
            const opaque = path.length - slash - 1 === OPAQUE_MARKER.length && path.endsWith(OPAQUE_MARKER);
            this.entries.add(path, opaque ? EntryKind.Opaque : EntryKind.Whiteout, 0);
            return;
        }
        switch (header.type) {
            case 'file':
            case 'contiguous-file':
            case null:
            case undefined: {
                const size = header.size ?? 0;
                this.files++;
                this.uncompressed += size;
                if (size > 0) {
                    const cache = cacheKindOf(path);
                    if (cache !== undefined)
                        this.cacheBytes[cache] += size;
                    if (this.largest.admits(size))
                        this.largest.add(size, { path, size });
                }
                this.entries.add(path, EntryKind.File, size);
                return;
            }
            case 'link':
                this.entries.add(path, EntryKind.HardLink, 0);
                return;
            case 'directory':
                this.entries.add(path, EntryKind.Directory, 0);
                return;
            default:
                this.entries.add(path, EntryKind.Other, 0);
        }
    }
}
const ignore = () => { };
/**
 * Scans one layer blob: decompresses it (by its first bytes), reads its tar once and drains
 * every entry's contents without keeping them. Rejects on a blob error (a digest mismatch, a
 * reset), a corrupt stream or a truncated tar.
 */
async function scanLayer(blob, options = {}) {
    const { compression, tar } = await decompressLayer(blob, options);
    const tally = new LayerTally(options.largestFiles ?? 10);
    const entries = (0,tar_stream.extract)();
    entries.on('entry', (header, contents, next) => {
        tally.add(header);
        contents.on('end', next);
        // A failing tar destroys the open entry with the same error the pipeline rejects with.
        contents.on('error', ignore);
        contents.resume();
    });
    await (0,external_node_stream_promises_.pipeline)(tar, entries);
    return {
        compression,
        uncompressed: tally.uncompressed,
        files: tally.files,
        whiteouts: tally.whiteouts,
        largestFiles: tally.largest.items,
        cacheBytes: tally.cacheBytes,
        entries: tally.entries.build(),
    };
}

;// CONCATENATED MODULE: ./src/image/wasted.ts
/**
 * Wasted bytes across an image's layers (DESIGN.md): bytes of regular files in lower layers that
 * the final filesystem cannot see, because a later layer overwrote them, deleted them with a
 * whiteout, hid them under an opaque directory, or replaced a directory above them with a file
 * or symlink. Each hidden copy counts once, blamed on the nearest later layer that hides it
 * (dive counts some copies twice: its issue #684).
 *
 * One sweep from the top layer down: before a layer's own entries are added to the set of
 * "hiders", its files are looked up against the hiders of the layers above it, so the cost is
 * one map lookup per file plus one per ancestor directory, never a comparison of layer pairs.
 */

const HOW = ['overwritten', 'deleted', 'opaque', 'replaced-parent'];
const OVERWRITTEN = 0;
const DELETED = 1;
const OPAQUE = 2;
const REPLACED_PARENT = 3;
/** Within one layer, when two entries hide the same path, the more direct one names it. */
const PRIORITY = [3, 0, 1, 2];
/**
 * A hider packed in one small integer (a V8 small integer: no allocation in a Map):
 * layer * 8 + how * 2 + nonDirectory. `nonDirectory` marks an entry at the path that is not a
 * directory (a file, symlink, hard link, device), which also hides everything below the path.
 */
const pack = (layer, how, nonDirectory = 0) => layer * 8 + how * 2 + nonDirectory;
const layerOf = (mark) => Math.floor(mark / 8);
const howOf = (mark) => (mark >> 1) & 3;
const isNonDirectory = (mark) => (mark & 1) === 1;
/** Whether `mark` should replace `current`: a nearer layer, or the same layer more directly. */
function nearer(mark, current) {
    if (current === undefined)
        return true;
    const layer = layerOf(mark);
    const currentLayer = layerOf(current);
    return layer < currentLayer || (layer === currentLayer && PRIORITY[howOf(mark)] > PRIORITY[howOf(current)]);
}
const dirname = (path) => {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
};
/** Whether `path` is directly in directory `dir` (no allocation: checked once per entry). */
const isDirectlyIn = (path, dir) => dir !== '' && path.lastIndexOf('/') === dir.length && path.startsWith(dir);
const whiteoutOf = (path) => {
    const slash = path.lastIndexOf('/');
    return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
};
const whiteoutTarget = (whiteoutPath) => {
    const slash = whiteoutPath.lastIndexOf('/');
    return whiteoutPath.slice(0, slash + 1) + whiteoutPath.slice(slash + 1 + '.wh.'.length);
};
/**
 * The hiders of the layers above the one being checked, nearest layer first:
 * - `same`: per path, the nearest layer with an entry at it (or a whiteout of it): it hides the
 *   lower copies of that path; when that entry is no directory, it also hides all below the path;
 * - `below`: per directory path, the nearest layer that hides everything below it in some other
 *   way: a whiteout of it, an opaque marker in it, or a non-directory entry that a nearer
 *   directory entry at the same path superseded in `same`. Few paths: whiteouts are rare.
 */
class Hiders {
    same = new Map();
    below = new Map();
    get empty() {
        return this.same.size === 0 && this.below.size === 0;
    }
    setSame(path, mark) {
        const current = this.same.get(path);
        if (!nearer(mark, current))
            return;
        // A file at `path` in a higher layer still hides what lies below `path` in the lower
        // layers once a nearer layer puts a directory there: keep that in `below`. (A nearer
        // file hides below by itself, a nearer whiteout sets `below` itself.)
        if (current !== undefined &&
            isNonDirectory(current) &&
            !isNonDirectory(mark) &&
            howOf(mark) === OVERWRITTEN &&
            layerOf(current) !== layerOf(mark)) {
            this.setBelow(path, pack(layerOf(current), REPLACED_PARENT));
        }
        this.same.set(path, mark);
    }
    setBelow(path, mark) {
        if (nearer(mark, this.below.get(path)))
            this.below.set(path, mark);
    }
    /** Adds what a layer hides from the layers below it. */
    add(layer, scan) {
        const { count, paths, kinds } = scan.entries;
        for (let k = 0; k < count; k++) {
            const path = paths[k];
            switch (kinds[k]) {
                case EntryKind.Whiteout: {
                    const target = whiteoutTarget(path);
                    this.setSame(target, pack(layer, DELETED));
                    this.setBelow(target, pack(layer, DELETED));
                    break;
                }
                case EntryKind.Opaque:
                    this.setBelow(dirname(path), pack(layer, OPAQUE));
                    break;
                case EntryKind.Directory:
                    this.setSame(path, pack(layer, OVERWRITTEN));
                    break;
                default: // a file, hard link, symlink or device: replaces a lower file, or a lower directory
                    this.setSame(path, pack(layer, OVERWRITTEN, 1));
            }
        }
        // A directory the tar does not list but its entries imply (`a/b/c` implies `a/b` and `a`)
        // still replaces a lower file at that path. Each directory is walked once.
        const walked = new Set();
        let lastDir = '';
        for (let k = 0; k < count; k++) {
            if (isDirectlyIn(paths[k], lastDir))
                continue;
            lastDir = dirname(paths[k]);
            for (let dir = lastDir; dir !== '' && !walked.has(dir); dir = dirname(dir)) {
                walked.add(dir);
                const current = this.same.get(dir);
                if (current === undefined || layerOf(current) !== layer)
                    this.setSame(dir, pack(layer, OVERWRITTEN));
            }
        }
    }
    /**
     * The nearest hider of everything below `dir` and its ancestors (`a/b` -> `a`, `a/b`), with
     * the path it stands at; the shallowest wins a tie.
     */
    aboveDirectory(dir) {
        let best;
        let bestKey = '';
        for (let end = dir.indexOf('/');; end = dir.indexOf('/', end + 1)) {
            const ancestor = end < 0 ? dir : dir.slice(0, end);
            const below = this.below.get(ancestor);
            if (below !== undefined && (best === undefined || layerOf(below) < layerOf(best))) {
                best = below;
                bestKey = ancestor;
            }
            const same = this.same.get(ancestor);
            if (same !== undefined &&
                isNonDirectory(same) &&
                (best === undefined || layerOf(same) < layerOf(best))) {
                best = pack(layerOf(same), REPLACED_PARENT);
                bestKey = ancestor;
            }
            if (end < 0)
                break;
        }
        return best === undefined ? undefined : { mark: best, key: bestKey };
    }
}
/** The path of the entry that hid something, from the hidden-or-ancestor path and how. */
function hiderPath(key, how) {
    switch (how) {
        case DELETED:
            return whiteoutOf(key);
        case OPAQUE:
            return `${key}/.wh..wh..opq`;
        default:
            return key; // overwritten: the same path; replaced-parent: the ancestor
    }
}
/** The wasted bytes of one platform image, from its layer scans, bottom layer first. */
function computeWaste(layers, options = {}) {
    const hiders = new Hiders();
    const perLayer = new Array(layers.length).fill(0);
    const largest = new Largest(options.maxHidden ?? 100);
    let total = 0;
    let hiddenCount = 0;
    for (let layer = layers.length - 1; layer >= 0; layer--) {
        const { count, paths, kinds, sizes } = layers[layer].entries;
        if (!hiders.empty) {
            // Files come grouped by directory: what hides a directory's contents is looked up once.
            let dir;
            let aboveDir;
            for (let k = 0; k < count; k++) {
                // Hard links are 0 bytes: never waste. An empty file wastes nothing either.
                if (kinds[k] !== EntryKind.File || sizes[k] === 0)
                    continue;
                const path = paths[k];
                if (dir === undefined || !isDirectlyIn(path, dir)) {
                    dir = dirname(path);
                    aboveDir = dir === '' ? undefined : hiders.aboveDirectory(dir);
                }
                // The path itself wins a tie with its ancestors.
                let mark = hiders.same.get(path);
                let key = path;
                if (aboveDir !== undefined && (mark === undefined || layerOf(aboveDir.mark) < layerOf(mark))) {
                    ({ mark, key } = aboveDir);
                }
                if (mark === undefined)
                    continue;
                const size = sizes[k];
                total += size;
                perLayer[layer] += size;
                hiddenCount++;
                if (largest.admits(size)) {
                    const how = howOf(mark);
                    largest.add(size, {
                        path,
                        size,
                        layer,
                        hiddenBy: layerOf(mark),
                        hiddenByPath: hiderPath(key, how),
                        how: HOW[how],
                    });
                }
            }
        }
        if (layer > 0)
            hiders.add(layer, layers[layer]);
    }
    return { total, perLayer, hidden: largest.items, hiddenCount };
}

;// CONCATENATED MODULE: ./src/util/pool.ts
/**
 * Runs async work with at most `limit` tasks in flight, so that scanning many layers keeps a
 * bounded number of streams (and their buffers) open at once.
 */
function limiter(limit) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
    let active = 0;
    const waiting = [];
    return async (task) => {
        if (active >= limit)
            await new Promise((start) => waiting.push(start));
        active++;
        try {
            return await task();
        }
        finally {
            active--;
            waiting.shift()?.();
        }
    };
}

;// CONCATENATED MODULE: ./src/measure/measure.ts




/** Scans by layer digest, each started once; the limit bounds the blobs streamed at once. */
class LayerScans {
    scans = new Map();
    limit;
    constructor(concurrency = 3) {
        this.limit = limiter(concurrency);
    }
    scan(source, layer) {
        let scan = this.scans.get(layer.digest);
        if (!scan) {
            scan = this.limit(async () => scanLayer(await source.blobStream(layer.digest), { mediaType: layer.mediaType }));
            this.scans.set(layer.digest, scan);
        }
        return scan;
    }
}
async function measureImage(source, reference, options) {
    const image = await loadImage(source, reference, { platforms: options.platforms });
    const scans = options.scans ?? new LayerScans();
    const wanted = options.onlyPlatforms && new Set(options.onlyPlatforms);
    const platforms = await Promise.all(image.platforms
        .filter((p) => !wanted || wanted.has(p.platform))
        .map(async (p) => {
        const base = { platform: p.platform, manifestDigest: p.manifestDigest, compressed: p.compressed };
        if (!options.analyzeLayers) {
            return {
                ...base,
                uncompressed: null,
                wasted: null,
                layers: p.layers.map((l) => ({ ...layerBase(l), uncompressed: null, files: null })),
            };
        }
        const layerScans = await Promise.all(p.layers.map((l) => scans.scan(source, l)));
        return {
            ...base,
            uncompressed: layerScans.reduce((sum, s) => sum + s.uncompressed, 0),
            wasted: computeWaste(layerScans).total,
            layers: p.layers.map((l, i) => ({
                ...layerBase(l),
                uncompressed: layerScans[i].uncompressed,
                files: layerScans[i].files,
            })),
        };
    }));
    return { image, measurement: { ref: image.ref, digest: image.digest, platforms } };
}
function layerBase(l) {
    return { digest: l.digest, compressed: l.compressed, createdBy: l.createdBy };
}

;// CONCATENATED MODULE: ./src/measure/against-baseline.ts
/**
 * The size report of an image, compared with a baseline image: the step the main action runs
 * after a push and the report action runs on its inputs. Images are read from their registry,
 * or from an OCI layout on disk (`oci-layout://PATH`, a directory or a tar, as
 * `buildx --output type=oci` writes) for an image that was not pushed.
 */





async function measureAgainstBaseline(image, baseline, options) {
    const scans = new LayerScans();
    const measured = await measureReference(image, 'image', options, scans);
    let base = null;
    if (baseline) {
        try {
            base = await measureReference(baseline, 'baseline', options, scans, measured.platforms.map((p) => p.platform));
        }
        catch (error) {
            if (!isNotFound(error))
                throw error;
            options.log(`no baseline yet: ${baseline} does not exist`);
        }
    }
    return buildSizeReport(measured, base);
}
async function measureReference(ref, input, options, scans, onlyPlatforms) {
    const { source, reference } = await openSource(ref, input, options);
    const { measurement } = await measureImage(source, reference, {
        // A baseline is measured on the image's platforms, whatever else it has.
        platforms: onlyPlatforms ? [] : options.platforms,
        onlyPlatforms,
        analyzeLayers: options.analyzeLayers,
        scans,
    });
    return { ...measurement, ref };
}
const OCI_LAYOUT_PREFIX = 'oci-layout://';
async function openSource(ref, input, options) {
    if (ref.startsWith(OCI_LAYOUT_PREFIX)) {
        return { source: await openOciLayout(ref.slice(OCI_LAYOUT_PREFIX.length)), reference: '' };
    }
    const connection = await connect(ref, {
        input,
        username: options.username,
        password: options.password,
        insecureRegistries: options.insecureRegistries,
        env: options.env,
        onSecret: options.onSecret,
    });
    return { source: connection.source, reference: connection.manifestReference };
}

// EXTERNAL MODULE: ./src/report/marker.ts
var marker = __webpack_require__(990);
;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Text a pull request's author controls (Dockerfile instructions, labels, tag and branch names,
 * image references) made safe for the places a GitHub comment puts it. Each output context has
 * one function and one representation:
 *
 * - `codeSpan`: markdown inline code, literal. Inside backticks GitHub shows entities and
 *   backslashes as typed, so nothing is entity-encoded; the fence outgrows any backtick run in
 *   the text, and in a table cell `|` becomes `\|` (the table splits rows before inline parsing
 *   and removes that backslash itself: GFM spec, tables, example 200; a backslash of the author's
 *   before it is kept apart by a zero-width space).
 * - `escapeMarkdown`: markdown prose; every ASCII punctuation mark is backslash-escaped, which
 *   CommonMark renders as the mark itself and never as syntax, in a table cell too.
 * - `escapeHtml`: inside raw HTML (a `<summary>` line, an attribute), where markdown is not
 *   parsed: entities.
 * - `escapeCommentText`, `mermaidText`: an HTML comment and a Mermaid string.
 *
 * All of them first `sanitize`: control and bidi characters shown as escapes, no line breaks, one space for a
 * run of whitespace, a length limit, and no @-mentions or issue links. GitHub links those in the
 * rendered text (not in code), after entities are decoded, so `&#64;` would not help: a zero
 * width space after `@` or `#` breaks the pattern and shows nothing.
 */
const ZERO_WIDTH_SPACE = '\u200B';
const ELLIPSIS = '…';
const LINE_BREAK = ' ↵ ';
const REPLACEMENT = '\uFFFD';
/** Plain text every context can take: see the module comment. */
function sanitize(text, options = {}) {
    const limit = Math.max(1, options.limit ?? Infinity);
    const kept = [];
    let pendingSpace = false;
    let cut = false;
    let previous = '';
    // Stops reading once the limit is passed: a 100 kB line costs no more than a short one.
    outer: for (const char of text) {
        const crlf = char === '\n' && previous === '\r';
        previous = char;
        if (crlf)
            continue;
        for (const mapped of mapChar(char)) {
            if (mapped === ' ') {
                pendingSpace = kept.length > 0;
                continue;
            }
            if (kept.length + (pendingSpace ? 2 : 1) > limit) {
                cut = true;
                break outer;
            }
            if (pendingSpace)
                kept.push(' ');
            kept.push(mapped);
            pendingSpace = false;
        }
    }
    if (cut) {
        // Room for the ellipsis, which follows the last word without a space.
        kept.length = Math.min(kept.length, limit - 1);
        while (kept.at(-1) === ' ')
            kept.pop();
        kept.push(ELLIPSIS);
    }
    return neutraliseReferences(kept.join(''));
}
function mapChar(char) {
    const code = char.codePointAt(0);
    if (char === '\t' || char === ' ')
        return ' ';
    // Line breaks would end a table row or a heading: shown as a symbol, spaced out.
    if (code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x85)
        return LINE_BREAK;
    if (code === 0x2028 || code === 0x2029)
        return LINE_BREAK;
    // Other controls as the escapes a Dockerfile's author writes (`printf '\x1b[31m'`): C0, DEL
    // and C1 as \xNN; bidi overrides, isolates and marks (text that reads other than it is) as
    // \uNNNN. Control pictures (␛) would be kinder, but common code fonts have no glyph for them.
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
        return `\\x${hex(code, 2)}`;
    if (code === 0x061c || code === 0x200e || code === 0x200f)
        return `\\u${hex(code, 4)}`;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
        return `\\u${hex(code, 4)}`;
    if (code >= 0xd800 && code <= 0xdfff)
        return REPLACEMENT;
    // Other whitespace (no-break, ideographic...) reads as a space.
    if (/^\s$/u.test(char))
        return ' ';
    return char;
}
const hex = (code, digits) => code.toString(16).padStart(digits, '0');
// `@user`, `@org/team`; `#123`, `GH-123`, `owner/repo#123`.
function neutraliseReferences(text) {
    return text
        .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`)
        .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\b(gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}
/** Author text as markdown inline code; '' for text that sanitizes to nothing. */
function codeSpan(text, options = {}) {
    let body = sanitize(text, options);
    if (body === '')
        return '';
    // cmark-gfm takes any backslash before `|` as its escape (`\\|` stays in the cell); renderers
    // that count backslashes would end the cell there. A zero-width space after the author's
    // backslashes leaves exactly one before each pipe, which both read the same way.
    if (options.table)
        body = body.replace(/(\\*)\|/g, (_, slashes) => `${slashes && `${slashes}${ZERO_WIDTH_SPACE}`}\\|`);
    const longestRun = (body.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    // A space pads a body that starts or ends with a backtick; the parser strips one each side.
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** Author text as markdown prose: safe in a paragraph, a heading or a table cell. */
function escapeMarkdown(text, options = {}) {
    return sanitize(text, options).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/** Author text inside raw HTML: element content or a double-quoted attribute value. */
function escapeHtml(text, options = {}) {
    return htmlEntities(sanitize(text, options));
}
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    // A raw HTML line inside a table row is still split at pipes; a backtick could open code.
    '|': '&#124;',
    '`': '&#96;',
};
function htmlEntities(text) {
    return text.replace(/[&<>"'|`]/g, (c) => ENTITIES[c]);
}
const COMMENT_SAFE = /[A-Za-z0-9._/:@+~-]/;
const MAX_COMMENT_TEXT = 256;
/**
 * Text inside `<!-- ... -->` that cannot close or break the comment: characters outside a
 * small set are percent-encoded (UTF-8), and no `--` is left. Deterministic, so code that looks
 * for a comment by its marker finds it; at most 256 characters.
 */
function escapeCommentText(text) {
    let out = '';
    for (const char of text) {
        const piece = COMMENT_SAFE.test(char) ? char : percentEncode(char);
        if (out.length + piece.length > MAX_COMMENT_TEXT)
            break;
        out += piece;
    }
    // `---` must not turn into `-%2D-` and then still hold `--` elsewhere: replace until none.
    while (out.includes('--'))
        out = out.replace(/--/g, '-%2D');
    return out.slice(0, MAX_COMMENT_TEXT).replace(/%[0-9A-F]?$/, '');
}
function percentEncode(char) {
    return Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
/**
 * Text for a Mermaid quoted string (a chart title): only letters, digits and `/ . _ - +`
 * and spaces survive, the rest become `_`; quotes, brackets, semicolons and line breaks,
 * which are Mermaid syntax, never reach the chart.
 */
function mermaidText(text, options = {}) {
    return sanitize(text, options)
        .replace(/\u200B/g, '')
        .replace(/[^A-Za-z0-9/._+ -]/g, '_');
}

;// CONCATENATED MODULE: ./src/report/format.ts
/**
 * Numbers as people read them: decimal units (kB, MB, GB, as registries and `docker images`
 * show sizes), signed deltas, percentages. The exact bytes stay in the JSON.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
/** `0 B`, `999 B`, `1.00 kB`, `12.3 MB`, `123 MB`: three significant digits from 1 kB up. */
function formatBytes(bytes) {
    const abs = Math.abs(bytes);
    if (abs < 1000)
        return `${bytes} B`;
    let unit = 0;
    let value = abs;
    while (value >= 999.5 && unit < UNITS.length - 1) {
        value /= 1000;
        unit++;
    }
    const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
    return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
}
/** `+1.20 kB`, `-3.4 MB`, `0 B`. */
function formatDelta(bytes) {
    return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
/** `+4.1%`, `-0.3%`, `0%`, or '' when there is nothing to compare with. */
function formatPercent(delta, base) {
    if (base === 0)
        return '';
    const percent = (delta / base) * 100;
    if (percent === 0)
        return '0%';
    const text = Math.abs(percent) < 0.1 ? (percent > 0 ? '<0.1' : '>-0.1') : percent.toFixed(1);
    return `${percent > 0 && !text.startsWith('<') ? '+' : ''}${text}%`;
}

;// CONCATENATED MODULE: ./src/report/icons.ts
/**
 * How big a change is, graded for the icon a reader sees first. Relative change matters for a
 * small image, absolute bytes for a big one: either can raise the grade.
 */
/** From this share of the baseline (percent) or this many bytes, a change is small, then large. */
const GRADE_THRESHOLDS = {
    small: { percent: 1, bytes: 5_000_000 },
    large: { percent: 10, bytes: 50_000_000 },
};
const GRADE_ICONS = {
    'no-baseline': '🆕',
    none: '⚪',
    'tiny-growth': '🔸',
    'small-growth': '⚠️',
    'large-growth': '🚨',
    'tiny-shrink': '🔹',
    'small-shrink': '✅',
    'large-shrink': '🎉',
};
/** `delta` null: nothing to compare with. `base` is the baseline's size (0 gives bytes only). */
function gradeChange(delta, base) {
    if (delta === null)
        return 'no-baseline';
    if (delta === 0)
        return 'none';
    const bytes = Math.abs(delta);
    const percent = base > 0 ? (bytes / base) * 100 : 0;
    const reaches = (level) => bytes >= level.bytes || (base > 0 && percent >= level.percent);
    const size = reaches(GRADE_THRESHOLDS.large) ? 'large' : reaches(GRADE_THRESHOLDS.small) ? 'small' : 'tiny';
    return `${size}-${delta > 0 ? 'growth' : 'shrink'}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * The size report as GitHub markdown: one renderer for the sticky PR comment and the job
 * summary. A headline with the total compressed change and an icon, the budget's verdict, a
 * table per platform, the layers that changed (and the instruction that made them), unchanged
 * layers collapsed, an optional Mermaid chart, and a footer whose hidden marker finds the
 * comment again. Always under GitHub's comment limit: layer lists are trimmed first (keeping the
 * largest layers), then the chart, and the comment says so. Pure: a report in, a string out.
 */





/** GitHub rejects a comment body of this many characters or more. */
const GITHUB_COMMENT_LIMIT = 65_536;
const DEFAULT_MAX_LENGTH = 65_000;
// Lengths of author text in the comment; the JSON has it whole.
const LIMITS = { ref: 200, platform: 100, instruction: 160, rule: 100, title: 100, digest: 100 };
// cleanCreatedBy's suffix pattern is quadratic on a long run of spaces: a huge text is cut first.
const MAX_INSTRUCTION_INPUT = 4_096;
const MAX_CHART_BARS = 20;
const MIN_MAX_LENGTH = 1_000;
/** The hidden line that finds this report's comment again; the same key gives the same line. */
function renderReport(report, options) {
    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    if (!(maxLength >= MIN_MAX_LENGTH && maxLength < GITHUB_COMMENT_LIMIT)) {
        throw new RangeError(`maxLength must be from ${MIN_MAX_LENGTH} to ${GITHUB_COMMENT_LIMIT - 1}`);
    }
    const prepared = prepare(report);
    const render = (limits) => renderWith(report, prepared, options, limits);
    const longest = (kind) => Math.max(0, ...prepared.sections.map((s) => (kind === 'changed' ? s.changed : s.unchanged).length));
    const fits = (limits) => size(render(limits)) <= maxLength;
    for (const chart of options.chart ? [true, false] : [false]) {
        const all = { changed: Infinity, unchanged: Infinity, chart };
        if (fits(all))
            return render(all);
        // Unchanged layers go first: they are collapsed and least read.
        const unchanged = largestFitting(longest('unchanged'), (n) => fits({ ...all, unchanged: n }));
        if (unchanged !== undefined)
            return render({ ...all, unchanged });
        const changed = largestFitting(longest('changed'), (n) => fits({ ...all, unchanged: 0, changed: n }));
        if (changed !== undefined)
            return render({ ...all, unchanged: 0, changed });
    }
    const body = renderBody(report, prepared, options, { changed: 0, unchanged: 0, chart: false }).blocks;
    return cutShort(body.join('\n\n'), maxLength, options.key);
}
/** The largest n in [0, max] for which fits(n) holds (fits is monotone), or undefined. */
function largestFitting(max, fits) {
    if (!fits(0))
        return undefined;
    let low = 0;
    let high = max;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
function prepare(report) {
    const sections = report.platforms.map((platform) => {
        const positioned = platform.layers.map((layer, i) => ({ layer, position: i + 1 }));
        const changes = platform.changes;
        if (!changes || !platform.baseline) {
            const rows = positioned.map(({ layer, position }) => layerRow(layer, position, null));
            return {
                platform,
                kind: report.baseline ? 'new' : 'alone',
                changed: largestFirst(rows),
                unchanged: [],
            };
        }
        const added = new Set(changes.added.map((l) => l.digest));
        const addedRows = positioned
            .filter(({ layer }) => added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, 'added'));
        const removedRows = changes.removed.map((layer) => layerRow(layer, null, 'removed'));
        const unchangedRows = positioned
            .filter(({ layer }) => !added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, null));
        return {
            platform,
            kind: 'compared',
            changed: [...largestFirst(addedRows), ...largestFirst(removedRows)],
            unchanged: largestFirst(unchangedRows),
        };
    });
    return { sections };
}
const largestFirst = (rows) => [...rows].sort((a, b) => b.layer.compressed - a.layer.compressed);
function layerRow(layer, position, change) {
    const number = position === null
        ? ''
        : `<span title="${escapeHtml(layer.digest, { limit: LIMITS.digest })}">${position}</span>`;
    const cells = [number, bytes(layer.compressed), bytes(layer.uncompressed), instruction(layer.createdBy)];
    if (change !== null)
        cells.unshift(change === 'added' ? '➕' : '➖');
    return { position, layer, change, markdown: `| ${cells.join(' | ')} |` };
}
function instruction(createdBy) {
    if (createdBy === null)
        return '–';
    const text = createdBy.length > MAX_INSTRUCTION_INPUT
        ? `${cleanCreatedBy(createdBy.slice(0, MAX_INSTRUCTION_INPUT))}…`
        : cleanCreatedBy(createdBy);
    return codeSpan(text, { table: true, limit: LIMITS.instruction }) || '–';
}
// ---- Rendering at given limits. ----
function renderWith(report, prepared, options, limits) {
    const { blocks, trimmed } = renderBody(report, prepared, options, limits);
    const chartLeftOut = Boolean(options.chart) && !limits.chart;
    if (trimmed || chartLeftOut)
        blocks.push(trimNote(trimmed, chartLeftOut));
    blocks.push(footer(), (0,marker/* commentMarker */.Q)(options.key));
    return blocks.join('\n\n');
}
/** Everything above the notes and the footer; `trimmed` when a layer list left rows out. */
function renderBody(report, prepared, options, limits) {
    const blocks = [...headline(report, options.title)];
    if (options.budget)
        blocks.push(budgetBlock(options.budget));
    blocks.push(platformTable(report));
    if (report.removedPlatforms.length > 0) {
        const names = report.removedPlatforms.map((p) => codeSpan(p, { limit: LIMITS.platform }));
        blocks.push(`➖ **Platforms removed:** ${names.join(', ')}`);
    }
    let trimmed = false;
    for (const section of prepared.sections) {
        const rendered = platformSection(section, limits);
        trimmed ||= rendered.trimmed;
        blocks.push(...rendered.blocks);
    }
    return { blocks, trimmed };
}
function headline(report, title) {
    const name = escapeMarkdown(title || 'Image size', { limit: LIMITS.title });
    const image = codeSpan(report.image.ref, { limit: LIMITS.ref });
    const platformCount = plural(report.platforms.length, 'platform');
    const total = report.platforms.reduce((sum, p) => sum + p.compressed, 0);
    if (!report.baseline) {
        return [
            `### ${GRADE_ICONS['no-baseline']} ${name}: no baseline yet`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
                'There is no baseline image to compare it with yet.',
        ];
    }
    const baseline = codeSpan(report.baseline.ref, { limit: LIMITS.ref });
    const compared = report.platforms.filter((p) => p.delta && p.baseline);
    if (compared.length === 0) {
        return [
            `### ${GRADE_ICONS['no-baseline']} ${name}: no platform in common with the baseline`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}; ` +
                `the baseline ${baseline} has none of them.`,
        ];
    }
    const before = compared.reduce((sum, p) => sum + p.baseline.compressed, 0);
    const after = compared.reduce((sum, p) => sum + p.compressed, 0);
    const delta = after - before;
    const icon = GRADE_ICONS[gradeChange(delta, before)];
    const change = delta === 0 ? 'no change' : deltaWithPercent(delta, before);
    const scope = compared.length === report.platforms.length
        ? platformCount
        : `the ${plural(compared.length, 'platform')} both images have`;
    return [
        `### ${icon} ${name}: ${change}`,
        `${image} compared with ${baseline}: compressed size (what a pull downloads) ` +
            `${bytes(before)} → ${bytes(after)}, ${scope}.`,
    ];
}
function budgetBlock(budget) {
    if (budget.status === 'pass')
        return '✅ **Size budget:** every rule holds.';
    const verdict = budget.status === 'fail'
        ? '❌ **Size budget exceeded:** this check fails.'
        : '⚠️ **Size budget exceeded** (a warning: `budget-action` is `warn`).';
    const rows = budget.violations.map((v) => `| ${codeSpan(v.platform, { table: true, limit: LIMITS.platform })} | ` +
        `${codeSpan(v.rule, { table: true, limit: LIMITS.rule })} | ${limitText(v)} | ${actualText(v)} |`);
    return [verdict, '', '| Platform | Rule | Limit | Actual |', '| :-- | :-- | --: | --: |', ...rows].join('\n');
}
const isPercentRule = (v) => v.rule.startsWith('max-increase-percent=');
function limitText(v) {
    return isPercentRule(v) ? `${roundPercent(v.limit)}%` : bytes(v.limit);
}
function actualText(v) {
    if (isPercentRule(v))
        return `${v.actual > 0 ? '+' : ''}${roundPercent(v.actual)}%`;
    return v.rule.startsWith('max-increase=') ? signedBytes(v.actual) : bytes(v.actual);
}
const roundPercent = (percent) => String(Number(percent.toFixed(2)));
function platformTable(report) {
    const compared = report.baseline !== null;
    const header = ['Platform', 'Compressed', 'Uncompressed', 'Wasted', 'Layers'];
    if (compared)
        header.push('New to pull');
    const rows = report.platforms.map((p) => {
        const icon = GRADE_ICONS[gradeChange(p.delta?.compressed ?? null, p.baseline?.compressed ?? 0)];
        const isNew = compared && !p.baseline;
        const cells = [
            `${icon} ${codeSpan(p.platform, { table: true, limit: LIMITS.platform })}`,
            isNew
                ? `${bytes(p.compressed)}<br><sub>new platform</sub>`
                : figure(p.compressed, p.delta?.compressed, p.baseline?.compressed),
            figure(p.uncompressed, p.delta?.uncompressed, p.baseline?.uncompressed),
            figure(p.wasted, p.delta?.wasted, p.baseline?.wasted),
            withChange(String(p.layers.length), p.delta ? signedCount(p.delta.layerCount) : undefined),
        ];
        if (compared)
            cells.push(p.newToPull === null ? '–' : bytes(p.newToPull));
        return `| ${cells.join(' | ')} |`;
    });
    const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
    return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows].join('\n');
}
/** A size and, under it, its change from the baseline when both are known. */
function figure(value, delta, base) {
    if (value === null)
        return '–';
    if (delta === null || delta === undefined)
        return bytes(value);
    return withChange(bytes(value), delta === 0 ? '±0' : deltaWithPercent(delta, base ?? 0));
}
const withChange = (value, change) => change === undefined ? value : `${value}<br><sub>${change}</sub>`;
function platformSection(section, limits) {
    const p = section.platform;
    const name = codeSpan(p.platform, { limit: LIMITS.platform });
    const blocks = [];
    let trimmed = false;
    // Rows come largest first, so a trimmed list keeps the largest; `image` order then shows
    // them as the Dockerfile made them.
    const list = (rows, limit, order, what) => {
        const shown = rows.slice(0, limit);
        trimmed ||= shown.length < rows.length;
        if (order === 'image')
            shown.sort((a, b) => a.position - b.position);
        return layerTable(shown, rows.slice(shown.length), order === 'size', what);
    };
    if (section.kind !== 'compared') {
        const summary = `${section.kind === 'new' ? 'New platform: ' : ''}${plural(p.layers.length, 'layer')}, ${formatBytes(p.compressed)} compressed`;
        blocks.push(`#### ${name}`);
        if (limits.chart)
            blocks.push(...chart(section));
        blocks.push(details(summary, list(section.changed, limits.changed, 'image', 'layer')));
        return { blocks, trimmed };
    }
    const added = p.changes.added.length;
    const removed = p.changes.removed.length;
    const changeSummary = added + removed === 0
        ? 'no layer changed'
        : [added && `${plural(added, 'layer')} added`, removed && `${plural(removed, 'layer')} removed`]
            .filter(Boolean)
            .join(', ');
    blocks.push(`#### ${name}: ${changeSummary}`);
    if (limits.chart)
        blocks.push(...chart(section));
    if (added + removed > 0)
        blocks.push(list(section.changed, limits.changed, 'size', 'changed layer'));
    if (section.unchanged.length > 0) {
        const unchangedBytes = section.unchanged.reduce((sum, r) => sum + r.layer.compressed, 0);
        const summary = `${plural(section.unchanged.length, 'unchanged layer')}, ${formatBytes(unchangedBytes)} compressed`;
        blocks.push(details(summary, list(section.unchanged, limits.unchanged, 'image', 'unchanged layer')));
    }
    return { blocks, trimmed };
}
function layerTable(shown, hidden, withChangeColumn, what) {
    const lines = [];
    if (shown.length > 0) {
        const header = ['Layer', 'Compressed', 'Uncompressed', 'Created by'];
        const align = ['--:', '--:', '--:', ':--'];
        if (withChangeColumn) {
            header.unshift('');
            align.unshift(':-:');
        }
        lines.push(`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...shown.map((r) => r.markdown));
    }
    if (hidden.length > 0) {
        const hiddenBytes = hidden.reduce((sum, r) => sum + r.layer.compressed, 0);
        const more = shown.length > 0 ? `…and ${plural(hidden.length, `smaller ${what}`)}` : plural(hidden.length, what);
        if (lines.length > 0)
            lines.push('');
        lines.push(`<sub>${more} (${formatBytes(hiddenBytes)} compressed) not shown.</sub>`);
    }
    return lines.join('\n');
}
// `<summary>` opens an HTML block, where markdown is not parsed: only our own text goes there.
const details = (summary, body) => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
/**
 * A bar per layer (the largest ones when there are many), in image order, labelled by layer
 * number, `+` for an added layer: author text never reaches Mermaid except the platform, reduced
 * to safe characters. One series: Mermaid draws every bar down past its zero line, so a second
 * series of zeros (for colour) would leave a stub under each bar of the first.
 */
function chart(section) {
    const p = section.platform;
    if (p.layers.length === 0)
        return [];
    const added = new Set(section.kind === 'compared' ? p.changes.added.map((l) => l.digest) : []);
    const chosen = p.layers
        .map((layer, i) => ({ layer, position: i + 1 }))
        .sort((a, b) => b.layer.compressed - a.layer.compressed)
        .slice(0, MAX_CHART_BARS)
        .sort((a, b) => a.position - b.position);
    const largest = chosen.reduce((max, c) => Math.max(max, c.layer.compressed), 0);
    const [unit, scale] = largest >= 1e9 ? ['GB', 1e9] : largest >= 1e6 ? ['MB', 1e6] : largest >= 1e3 ? ['kB', 1e3] : ['B', 1];
    const which = chosen.length < p.layers.length ? `${chosen.length} largest layers` : 'per layer';
    const label = (c) => `"${added.has(c.layer.digest) ? '+' : ''}${c.position}"`;
    return [
        [
            '```mermaid',
            CHART_STYLE,
            'xychart-beta',
            `  title "${mermaidText(p.platform, { limit: LIMITS.platform })}: compressed ${unit}, ${which}` +
                `${added.size > 0 ? ' (+ added)' : ''}"`,
            `  x-axis "Layer" [${chosen.map(label).join(', ')}]`,
            // From 0: Mermaid's own range starts at the smallest bar, which would then look empty.
            `  y-axis "${unit}" 0 --> ${axisTop(largest / scale)}`,
            `  bar [${chosen.map((c) => Number((c.layer.compressed / scale).toFixed(2))).join(', ')}]`,
            '```',
        ].join('\n'),
    ];
}
/** A round top for the y-axis a little above the largest bar: 14.8 -> 16, 0.25 -> 0.28. */
function axisTop(largest) {
    if (largest <= 0)
        return 1;
    const step = 10 ** Math.floor(Math.log10(largest)) / 5;
    return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}
// Low, in GitHub's grey.
const CHART_STYLE = '%%{init: {"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}}, ' +
    '"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f"}}}}%%';
function trimNote(listsTrimmed, chartLeftOut) {
    const what = [
        listsTrimmed && 'layer lists show only the largest layers',
        chartLeftOut && 'the layer chart is left out',
    ].filter(Boolean);
    return (`✂️ **Trimmed to fit a GitHub comment** (${grouped(GITHUB_COMMENT_LIMIT)} characters): ` +
        `${what.join('; ')}. The \`size-report\` output has every layer.`);
}
function footer() {
    return ('<sub>📦 Reported by shipshape. Sizes in decimal units (1 MB = 1,000,000 bytes); hover a size for its bytes. ' +
        'Compressed: what a pull downloads. Wasted: bytes of files that later layers hide. ' +
        'New to pull: compressed layers the baseline does not have.</sub>');
}
/** Last resort (thousands of platforms or violations): whole lines, open `<details>` closed. */
function cutShort(body, maxLength, key) {
    const note = '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.';
    const tail = ['', note, footer(), (0,marker/* commentMarker */.Q)(key)].join('\n\n');
    const lines = body.split('\n');
    const kept = [];
    let length = 0;
    let open = 0;
    for (const line of lines) {
        const opens = open + count(line, '<details>') - count(line, '</details>');
        const closing = size('\n\n</details>') * opens;
        if (length + size(line) + 1 + closing + size(tail) > maxLength)
            break;
        kept.push(line);
        length += size(line) + 1;
        open = opens;
    }
    return [kept.join('\n').trimEnd(), ...Array(open).fill('</details>')].join('\n\n') + tail;
}
/** The length that must stay under the limit: UTF-8 bytes. */
const size = (markdown) => Buffer.byteLength(markdown, 'utf8');
const count = (text, part) => text.split(part).length - 1;
// ---- Numbers. ----
const grouped = (n) => String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** `12.3 MB` with the exact bytes in a tooltip (GitHub keeps `title` on `span`). */
function bytes(value) {
    if (value === null)
        return '–';
    return `<span title="${value < 0 ? '-' : ''}${grouped(value)} bytes">${formatBytes(value)}</span>`;
}
function signedBytes(delta) {
    const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
    return `<span title="${sign}${grouped(delta)} bytes">${formatDelta(delta)}</span>`;
}
function deltaWithPercent(delta, base) {
    // `<0.1%` as entities: a `<` in markdown is best never left to the parser.
    const percent = formatPercent(delta, base).replace('<', '&lt;').replace('>', '&gt;');
    return percent ? `${signedBytes(delta)} (${percent})` : signedBytes(delta);
}
const signedCount = (n) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n));
const plural = (n, noun) => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;

;// CONCATENATED MODULE: ./src/report/table.ts
/**
 * The size report as a plain-text table for the step log.
 */

function sizeTable(report) {
    const lines = [`Image ${report.image.ref} (${report.image.digest})`];
    lines.push(report.baseline ? `Baseline ${report.baseline.ref} (${report.baseline.digest})` : 'Baseline: none');
    const header = ['platform', 'compressed', 'uncompressed', 'wasted', 'layers'];
    if (report.baseline)
        header.push('new to pull', 'change (compressed)');
    const rows = report.platforms.map((p) => row(p, report.baseline !== null));
    lines.push('', ...align([header, ...rows]));
    return lines.join('\n');
}
function row(p, withBaseline) {
    const cells = [
        p.platform,
        formatBytes(p.compressed),
        maybe(p.uncompressed),
        maybe(p.wasted),
        String(p.layers.length),
    ];
    if (withBaseline) {
        cells.push(maybe(p.newToPull));
        cells.push(p.delta && p.baseline ? withPercent(p.delta.compressed, p.baseline.compressed) : 'new platform');
    }
    return cells;
}
function withPercent(delta, base) {
    const percent = formatPercent(delta, base);
    return percent ? `${formatDelta(delta)} (${percent})` : formatDelta(delta);
}
const maybe = (bytes) => (bytes === null ? '-' : formatBytes(bytes));
function align(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd());
}

// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
;// CONCATENATED MODULE: ./src/github/publish.ts
/**
 * Posts the report as the sticky PR comment, as the mode asks. Never fails the build: the
 * report is in the job summary and the outputs whatever happens here.
 */



const FORK_HELP = 'A pull request from a fork gets a read-only token. The report is in the job summary and the ' +
    'size-report output; to post it, save that as an artifact and comment from a workflow_run ' +
    'workflow with shipshape/report (inputs size-report-file and pr-number): see the README.';
/** `delta`: the compressed change in bytes, or null without a baseline (a saved body: null). */
async function publishComment(target, markdown, delta) {
    if (target.mode === 'never')
        return;
    if (!target.token) {
        runner/* warning */.$e('Size report: no github-token, so no PR comment; the report is in the job summary.');
        return;
    }
    try {
        const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584));
        const octokit = createGitHubClient({ token: target.token, env: process.env, onRetry: runner/* info */.pq });
        const [owner, repo] = target.repository.split('/');
        const where = { octokit, owner, repo, issueNumber: target.issueNumber, key: target.key };
        const existing = target.mode === 'on-change' ? ((await (0,comment/* findComment */.h1)(where)) ?? null) : undefined;
        const facts = {
            isPullRequest: true,
            compressedDelta: delta,
            minChange: target.minChange,
            existing: !!existing,
        };
        if (!(0,comment/* shouldComment */.N9)(target.mode, facts)) {
            runner/* info */.pq(`Size report: no PR comment (the change is under min-change, ${target.minChange} bytes).`);
            return;
        }
        const result = await (0,comment/* upsertComment */.lB)({ ...where, body: markdown, existing });
        runner/* setOutput */.uH('comment-url', result.url);
        runner/* info */.pq(`Size report: PR comment ${result.action}: ${result.url}`);
    }
    catch (error) {
        const help = error instanceof comment/* CommentPermissionError */.JA ? ` ${FORK_HELP}` : '';
        runner/* warning */.$e(`Size report: the PR comment could not be posted: ${error.message}${help}`);
    }
}
/**
 * The report's markdown where users read it: the `comment-body` output, the job summary, and,
 * when there is a pull request to comment on, the sticky comment.
 */
async function publishReport(report, markdown, comment) {
    runner/* setOutput */.uH('comment-body', markdown);
    runner/* appendSummary */.fe(markdown);
    if (comment)
        await publishComment(comment, markdown, totalCompressedDelta(report));
}

;// CONCATENATED MODULE: ./src/size-step.ts
/**
 * After the build: measure the image (pushed, or its OCI layout), compare it with the
 * baseline, and publish the report: log table, outputs, job summary, PR comment, budget.
 * Loaded lazily by main.ts: a build that reports nothing pays nothing.
 */











function measureOptions(inputs) {
    return {
        platforms: [],
        analyzeLayers: inputs.analyzeLayers,
        insecureRegistries: inputs.insecureRegistries,
        env: process.env,
        onSecret: runner/* addMask */.eu,
        log: runner/* info */.pq,
    };
}
/**
 * The baseline reference, looked up before anything is pushed: a push compares with what its
 * tag pointed to before (pinned by digest now, since the push moves the tag), a release with
 * the previous release in the registry. undefined when there is none yet.
 */
async function resolveBaselineBeforeBuild(plan, inputs) {
    if (plan.kind === 'none') {
        runner/* info */.pq(`Size report: no baseline (${plan.reason}).`);
        return undefined;
    }
    // A compare-to that this push may move (`:main` on a push to main) is pinned by digest now.
    const mayMove = inputs.build.push && plan.kind === 'reference' && plan.ref === inputs.compareTo;
    if (plan.kind === 'reference' && (!mayMove || plan.ref.startsWith(OCI_LAYOUT_PREFIX)))
        return plan.ref;
    const ref = plan.kind === 'previous-release' ? plan.repository : plan.ref;
    const connection = await connect(ref, { ...measureOptions(inputs), input: 'images' });
    try {
        if (plan.kind !== 'previous-release') {
            const head = await connection.client.headManifest(connection.reference.repository, connection.manifestReference);
            return `${(0,reference/* parseReference */.F2)(plan.ref).name}@${head.digest}`;
        }
        const tags = await connection.client.tags(connection.reference.repository);
        const previous = (0,baseline/* previousRelease */.F)(tags, plan.version);
        if (!previous)
            runner/* info */.pq(`Size report: no release before ${plan.version} in ${plan.repository} yet.`);
        return previous && `${plan.repository}:${previous}`;
    }
    catch (error) {
        if (!isNotFound(error))
            throw error;
        runner/* info */.pq(`Size report: no baseline yet: ${ref} does not exist.`);
        return undefined;
    }
}
async function runSizeStep(step) {
    const { inputs } = step;
    const measured = await measureAgainstBaseline(step.image, step.baseline, measureOptions(inputs));
    const budget = (0,compare_budget/* evaluateBudget */.xF)(measured, inputs.budgetRules, inputs.budgetAction);
    // The verdict is part of the report only when there is a budget to hold.
    const checked = inputs.budgetRules.length > 0 ? budget : undefined;
    const report = { ...measured, image: { ...measured.image, ref: step.shownAs }, budget: checked };
    const markdown = renderReport(report, { key: inputs.commentKey, budget: checked, chart: inputs.chart });
    runner/* info */.pq(sizeTable(report));
    runner/* setOutput */.uH('size-report', JSON.stringify(report));
    runner/* setOutput */.uH('budget-status', budget.status);
    const pr = step.context.pullRequest;
    await publishReport(report, markdown, pr && {
        token: inputs.githubToken,
        repository: step.context.repository,
        issueNumber: pr.number,
        key: inputs.commentKey,
        mode: inputs.comment,
        minChange: inputs.minChange,
    });
    for (const v of budget.violations) {
        const [actual, limit] = v.rule.startsWith('max-increase-percent')
            ? [`${v.actual.toFixed(1)}%`, `${v.limit}%`]
            : [formatBytes(v.actual), formatBytes(v.limit)];
        const message = `Size budget: ${v.platform} ${v.rule} exceeded (${actual} > ${limit})`;
        if (budget.status === 'fail')
            runner/* error */.z3(message);
        else
            runner/* warning */.$e(message);
    }
    if (budget.status === 'fail')
        process.exitCode = 1;
}


/***/ })

};
