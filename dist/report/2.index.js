export const id = 2;
export const ids = [2,217];
export const modules = {

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   TF: () => (/* binding */ OCI_CONFIG),
/* harmony export */   Vv: () => (/* binding */ DOCKER_MANIFEST),
/* harmony export */   Yh: () => (/* binding */ isManifest),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   e6: () => (/* binding */ DOCKER_CONFIG),
/* harmony export */   m6: () => (/* binding */ DOCKER_MANIFEST_LIST),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* unused harmony exports OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_LAYER_NONDISTRIBUTABLE, OCI_LAYER_NONDISTRIBUTABLE_GZIP, OCI_LAYER_NONDISTRIBUTABLE_ZSTD, DOCKER_LAYER_GZIP, DOCKER_LAYER_FOREIGN_GZIP, isNondistributable, layerCompression */
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
function isManifest(mediaType) {
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


/***/ }),

/***/ 1229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: DEFAULT_MAX_BLOB_BYTES, DEFAULT_MAX_MANIFEST_BYTES, DEFAULT_TIMEOUT_MS, DIGEST_CACHE_BYTES, MAX_TAG_PAGES

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
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

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/retry.ts
var registry_retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/transport.ts
/**
 * One HTTP exchange with a registry, made robust: a timeout, redirects followed by hand so that
 * credentials never reach another host (the `Authorization` header goes to the one host it was
 * made for, not to blob storage behind a 307; a body that carries a credential is not sent on to
 * another host at all), and retries with backoff on 429/5xx, connection resets and timeouts,
 * within a number of attempts and a total time. What a final status means is the caller's
 * business; this only gets a response.
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
        return this.withRetries(request, async (abort, progress) => {
            const exchange = await this.follow(request, abort, progress);
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
        return this.withRetries(request, async (abort, progress) => ({
            ...(await this.follow(request, abort, progress)),
            abort,
        }));
    }
    async withRetries(request, attempt) {
        const { retry, now, sleep, random } = this.options;
        const start = now();
        const maxAttempts = request.once ? 1 : retry.maxAttempts;
        for (let attempts = 1;; attempts++) {
            const abort = new AbortController();
            const timer = setTimeout(() => abort.abort(new TimeoutError(this.options.timeout)), this.options.timeout);
            const progress = () => timer.refresh();
            let wait;
            let failure;
            try {
                const result = await attempt(abort, progress);
                const status = result.response.status;
                if (!(0,registry_retry/* isRetryableStatus */.PS)(status))
                    return { ...result, attempts, elapsed: now() - start };
                const retryAfter = status === 429 || status === 503
                    ? (0,registry_retry/* parseRetryAfter */.mu)(result.response.headers.get('retry-after'), now())
                    : undefined;
                wait = retryAfter ?? (0,registry_retry/* backoffDelay */.EY)(attempts, retry, random);
                if (!this.mayRetry(attempts, maxAttempts, start, wait))
                    return { ...result, attempts, elapsed: now() - start };
                abort.abort(); // frees the connection of a response we will not read
            }
            catch (error) {
                failure = abort.signal.reason instanceof TimeoutError ? abort.signal.reason : error;
                if (!(failure instanceof TimeoutError) && !(0,registry_retry/* isConnectionReset */.QB)(failure))
                    throw asRegistryError(failure, request);
                wait = (0,registry_retry/* backoffDelay */.EY)(attempts, retry, random);
                if (!this.mayRetry(attempts, maxAttempts, start, wait)) {
                    throw asRegistryError(failure, request, ` (gave up after ${attempts} attempts in ${formatSeconds(now() - start)})`);
                }
            }
            finally {
                clearTimeout(timer);
            }
            await sleep(wait);
        }
    }
    mayRetry(attempts, maxAttempts, start, wait) {
        const { retry, now } = this.options;
        return attempts < maxAttempts && now() - start + wait <= retry.maxRetryTime;
    }
    // One attempt: the request and its redirects, under one abort signal.
    async follow(request, abort, progress) {
        let url = request.url;
        let method = request.method;
        let body = request.body;
        for (let redirects = 0;; redirects++) {
            const headers = { 'User-Agent': this.options.userAgent, ...request.headers };
            if (request.authorization && hostOf(url) === request.authorization.host)
                headers.Authorization = request.authorization.header;
            const sent = typeof body === 'function' ? withProgress(body(), progress) : body;
            const response = await this.options.fetch(url, {
                method,
                headers,
                body: sent,
                ...(typeof body === 'function' ? { duplex: 'half' } : {}),
                redirect: 'manual',
                signal: abort.signal,
            });
            this.options.debug?.(`registry: ${method} ${redact(url)} -> ${response.status}`);
            const location = response.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(response.status) || !location)
                return { response, url };
            await response.body?.cancel().catch(() => { });
            if (redirects >= MAX_REDIRECTS) {
                throw new errors/* RegistryError */.gl('protocol', request.image, `${request.image}: more than ${MAX_REDIRECTS} redirects (last to ${redact(location)})`);
            }
            const next = new URL(location, url).toString();
            if (response.status === 303 ||
                ((response.status === 301 || response.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
            }
            if (request.secretBody && body !== undefined && hostOf(next) !== hostOf(request.url)) {
                throw new errors/* RegistryError */.gl('protocol', request.image, `${request.image}: ${hostOf(url)} redirected a request that carries credentials to another host ` +
                    `(${hostOf(next)}); it is not sent there`);
            }
            url = next;
        }
    }
}
// The stream as sent: each chunk pushes the timeout back. Either side failing ends the other.
function withProgress(source, progress) {
    const counted = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            progress();
            done(null, chunk);
        },
    });
    source.on('error', (error) => counted.destroy(error));
    counted.on('close', () => {
        if (!source.readableEnded)
            source.destroy();
    });
    return source.pipe(counted);
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
    return new errors/* RegistryError */.gl('malformed', image, `${image}: the registry's answer is larger than the ${maxBytes} bytes allowed (${bytes} bytes or more)`);
}
/** A network failure as a RegistryError that names the image; RegistryErrors pass through. */
function asRegistryError(error, request, note = '') {
    if (error instanceof errors/* RegistryError */.gl)
        return error;
    if (error instanceof TimeoutError) {
        return new errors/* RegistryError */.gl('timeout', request.image, `${request.image}: timed out: ${error.message}${note}`, undefined, {
            cause: error,
        });
    }
    const where = request.url ? ` (${new URL(request.url).host})` : '';
    return new errors/* RegistryError */.gl('network', request.image, `${request.image}: cannot reach the registry${where}: ${describeNetworkError(error)}${note}`, undefined, { cause: error });
}
/** `fetch failed` says nothing: the useful words are in the cause chain (`ECONNREFUSED 127.0.0.1:5000`). */
function describeNetworkError(error) {
    const parts = [];
    for (const { message, code } of (0,registry_retry/* causeChain */.DD)(error)) {
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
    /**
     * The header for a request in `scope` (`repository:acme/app:pull`, or several scopes separated
     * by spaces, as OAuth2 writes them); none when the registry needs none.
     */
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
            throw new errors/* RegistryError */.gl('protocol', repositoryName, `${repositoryName}: the registry asked for a Bearer token without saying where to get one (no realm)`);
        }
        if (!isHttpUrl(realm)) {
            throw new errors/* RegistryError */.gl('protocol', repositoryName, `${repositoryName}: the registry asked for a Bearer token from a realm that is not an http(s) URL`);
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
                secretBody: true,
                image,
            }, MAX_TOKEN_RESPONSE);
        }
        else {
            const url = new URL(realm);
            if (service)
                url.searchParams.set('service', service);
            // Several scopes (a mount needs two repositories) go as several parameters, as docker sends them.
            for (const one of scope.split(' ').filter(Boolean))
                url.searchParams.append('scope', one);
            const creds = this.credentials;
            const authorization = creds?.password !== undefined
                ? { header: `Basic ${this.basic(creds.username ?? '', creds.password)}`, host: hostOf(realm) }
                : undefined;
            exchange = await this.transport.buffered({ method: 'GET', url: url.toString(), authorization, image }, MAX_TOKEN_RESPONSE);
        }
        const status = exchange.response.status;
        if (status === 401)
            throw unauthorized(repositoryName, this.credentials);
        if (status === 403) {
            throw new errors/* RegistryError */.gl('denied', image, `access to ${image} denied by the token service (HTTP 403)`, 403);
        }
        if (status < 200 || status >= 300) {
            throw new errors/* RegistryError */.gl(status >= 500 ? 'server' : 'protocol', image, `${image}: the token service ${new URL(realm).host} answered HTTP ${status}`, status);
        }
        let answer;
        try {
            answer = JSON.parse(exchange.body.toString('utf8'));
        }
        catch {
            throw new errors/* RegistryError */.gl('protocol', image, `${image}: the token service's answer is not JSON`);
        }
        const token = answer.token || answer.access_token;
        if (!token)
            throw new errors/* RegistryError */.gl('protocol', image, `${image}: the token service's answer holds no token`);
        this.onSecret(token);
        if (answer.refresh_token)
            this.onSecret(answer.refresh_token);
        const issuedAt = answer.issued_at ? Date.parse(answer.issued_at) : NaN;
        this.tokens.set(scope, token, answer.expires_in, Number.isNaN(issuedAt) ? undefined : issuedAt);
        return token;
    }
}
function isHttpUrl(text) {
    try {
        return /^https?:$/.test(new URL(text).protocol);
    }
    catch {
        return false;
    }
}
/** 401: the message says whether we had nothing to offer or what we offered was refused. */
function unauthorized(image, credentials, detail = '') {
    const why = credentials ? 'credentials were rejected' : 'no credentials';
    return new errors/* RegistryError */.gl('unauthorized', image, `authentication required for ${image}: ${why}${detail}`, 401);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
        throw new errors/* RegistryError */.gl('protocol', image, `${image}: cannot verify digest "${digest}"`);
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
                            throw new errors/* RegistryError */.gl('digest-mismatch', image, `${image}: blob ${digest} changed while it was downloaded again from the start`);
                        }
                        if (data.length === 0)
                            continue;
                    }
                    hash.update(data);
                    offset += data.length;
                    yield data;
                }
                if (skip > 0 || (total !== undefined && offset < total)) {
                    // The whole blob, by its digest, only shorter than said: no retry makes it longer.
                    if (skip === 0 && `${algorithm}:${hash.copy().digest('hex')}` === digest) {
                        const said = options.size !== undefined ? 'its descriptor says' : 'the registry said';
                        throw new errors/* RegistryError */.gl('protocol', image, `${image}: blob ${digest} is ${offset} bytes, but ${said} ${total}: the descriptor and the blob's size do not match`);
                    }
                    throw new ShortBodyError(`the body ended after ${offset} of ${total ?? '?'} bytes`);
                }
                break;
            }
            catch (error) {
                current.abort.abort();
                const timedOut = error instanceof TimeoutError;
                if (!timedOut && !(error instanceof ShortBodyError) && !(0,registry_retry/* isConnectionReset */.QB)(error)) {
                    throw asRegistryError(error, { image });
                }
                // New bytes passed on start a new streak; bytes read again and skipped do not.
                if (offset > startedAt) {
                    retries = 0;
                    streakStart = options.now();
                }
                retries++;
                const wait = (0,registry_retry/* backoffDelay */.EY)(retries, options.retry, options.random);
                const elapsed = options.now() - streakStart;
                if (retries >= options.retry.maxAttempts || elapsed + wait > options.retry.maxRetryTime) {
                    const cause = timedOut
                        ? `no data for ${formatSeconds(options.idleTimeout)}`
                        : error instanceof ShortBodyError
                            ? error.message
                            : 'the connection was reset';
                    throw new errors/* RegistryError */.gl(timedOut ? 'timeout' : 'network', image, `${image}: blob ${digest} broke off after ${offset} bytes: ${cause} (gave up after ${retries} retries)`, undefined, { cause: error });
                }
                await options.sleep(wait);
                current = await open(offset);
                if (current.response.status === 206) {
                    const start = rangeStart(current.response);
                    if (start !== offset) {
                        throw new errors/* RegistryError */.gl('protocol', image, `${image}: blob ${digest}: asked for bytes from ${offset}, the registry sent from ${start ?? '?'}`);
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
        throw new errors/* RegistryError */.gl('digest-mismatch', image, `${image}: blob ${digest} does not match its content (got ${algorithm}:${actual}, ${offset} bytes)`);
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

// EXTERNAL MODULE: ./src/registry/endpoint.ts
var endpoint = __webpack_require__(8110);
// EXTERNAL MODULE: ./src/registry/http-fetch.ts
var http_fetch = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/registry/manifest-response.ts
/**
 * What a manifest response is: its digest (checked against its bytes) and its media type.
 */




/**
 * The manifest's digest: the one asked for, checked against the bytes; else the registry's
 * Docker-Content-Digest, checked too; else the bytes' sha256, once they are JSON at least (no
 * digest vouches for them, and a body cut short is no longer JSON).
 */
function manifestDigest(reference, header, body, image) {
    const expected = reference.includes(':') ? reference : (header ?? undefined);
    if (expected === undefined) {
        checkJson(body, image);
        return `sha256:${sha256(body)}`;
    }
    digestAlgorithm(expected, image);
    if (!matchesDigest(body, expected)) {
        throw new errors/* RegistryError */.gl('digest-mismatch', image, `${image}: the manifest's bytes do not match digest ${expected} (got sha256:${sha256(body)})`);
    }
    return expected;
}
function checkJson(body, image) {
    try {
        JSON.parse(body.toString('utf8'));
    }
    catch (error) {
        throw new errors/* RegistryError */.gl('malformed', image, `${image}: the manifest is not valid JSON (${error.message}, ${body.length} bytes)`);
    }
}
function sha256(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
}
/** The Content-Type when it names a manifest type; else the body's `mediaType`; else guessed from its shape. */
function manifestMediaType(contentType, body) {
    const header = contentType?.split(';')[0].trim();
    if (header && ((0,media_types/* isIndex */.nw)(header) || (0,media_types/* isManifest */.Yh)(header)))
        return header;
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        if (typeof parsed.mediaType === 'string' && parsed.mediaType)
            return parsed.mediaType;
        return Array.isArray(parsed.manifests) ? media_types/* OCI_INDEX */.$p : media_types/* OCI_MANIFEST */.EG;
    }
    catch {
        return header ?? media_types/* OCI_MANIFEST */.EG;
    }
}

// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
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
        return new errors/* RegistryError */.gl('not-found', image, `${subject} not found`, 404);
    if (status === 403) {
        return new errors/* RegistryError */.gl('denied', image, `access to ${subject} denied (HTTP 403)${said}`, 403);
    }
    if (status === 429) {
        return new errors/* RegistryError */.gl('rate-limited', image, `${subject}: rate limited by the registry (HTTP 429)${said}${tries}`, 429);
    }
    if (status >= 500) {
        return new errors/* RegistryError */.gl('server', image, `${subject}: the registry answered HTTP ${status}${said}${tries}`, status);
    }
    return new errors/* RegistryError */.gl('protocol', image, `${subject}: unexpected HTTP ${status}${said}`, status);
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

;// CONCATENATED MODULE: ./src/registry/upload.ts
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






const pullScope = (repository) => `repository:${repository}:pull`;
const pushScope = (repository) => `repository:${repository}:pull,push`;
/** Whether the repository has the blob (HEAD; 404 is false, any other failure an error). */
async function blobExists(send, target, digest, scope = pullScope(target.repository)) {
    digestAlgorithm(digest, target.image);
    const exchange = await send({ method: 'HEAD', url: blobUrl(target, digest) }, scope, 0);
    const status = exchange.response.status;
    if (status === 200)
        return true;
    if (status === 404)
        return false;
    throw statusError(status, target.image, `blob ${digest} of ${target.image}`, exchange);
}
/**
 * Links a blob of `fromRepository` (same registry) into the target without sending its bytes.
 * False when the registry opened an upload instead (the blob is not there, we may not read it,
 * or the registry does not mount): that session is cancelled.
 */
async function mountBlob(send, target, digest, fromRepository) {
    digestAlgorithm(digest, target.image);
    const query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
    const scope = `${pushScope(target.repository)} ${pullScope(fromRepository)}`;
    const exchange = await send({ method: 'POST', url: `${uploadsUrl(target)}?${query}`, headers: { 'Content-Length': '0' } }, scope);
    const status = exchange.response.status;
    if (status === 201)
        return true;
    if (status === 202) {
        const location = exchange.response.headers.get('location');
        if (location)
            await cancelUpload(send, new URL(location, exchange.url).toString(), target);
        return false;
    }
    throw statusError(status, target.image, `mount of blob ${digest} into ${target.image}`, exchange, exchange.body);
}
/**
 * Uploads a blob in one PUT, streamed from `open()` (called again for each new try, so it must
 * give the same bytes each time). The bytes are checked against `size` and `digest` as they go,
 * and the last chunk is held back until they match: a registry never commits wrong content.
 */
async function uploadBlob(send, target, digest, size, open, pacing) {
    const algorithm = digestAlgorithm(digest, target.image);
    const scope = pushScope(target.repository);
    const start = pacing.now();
    for (let attempt = 1;; attempt++) {
        const location = await startUpload(send, target, scope);
        let localFailure;
        const body = () => checkedContent(open(), { digest, size, algorithm, image: target.image }, (error) => {
            localFailure = error;
        });
        let outcome;
        let failure;
        try {
            const exchange = await send({
                method: 'PUT',
                url: withDigest(location, digest),
                headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
                body,
                once: true,
            }, scope);
            const status = exchange.response.status;
            if (status === 201 || status === 204) {
                checkAnsweredDigest(exchange, digest, target.image);
                return;
            }
            failure = statusError(status, target.image, `upload of blob ${digest} to ${target.image}`, exchange, exchange.body);
            // 404: the session is gone (expired, or lost by a registry behind a load balancer).
            outcome = (0,registry_retry/* isRetryableStatus */.PS)(status) || status === 404 ? 'retry' : 'done';
        }
        catch (error) {
            if (localFailure || !(0,errors/* isRegistryError */.IP)(error) || (error.kind !== 'network' && error.kind !== 'timeout')) {
                await cancelUpload(send, location, target);
                throw localFailure ?? error;
            }
            failure = error;
            outcome = 'retry';
        }
        await cancelUpload(send, location, target);
        if (outcome === 'done')
            throw failure;
        // The answer may have been lost after the registry took the blob.
        if (await blobExists(send, target, digest, scope).catch(() => false))
            return;
        const wait = (0,registry_retry/* backoffDelay */.EY)(attempt, pacing.retry, pacing.random);
        if (attempt >= pacing.retry.maxAttempts || pacing.now() - start + wait > pacing.retry.maxRetryTime) {
            throw new errors/* RegistryError */.gl(failure.kind, target.image, `${failure.message} (gave up after ${attempt} uploads)`, failure.status, { cause: failure });
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
async function checkPushAccess(send, target) {
    const location = await startUpload(send, target, pushScope(target.repository));
    await cancelUpload(send, location, target);
}
/**
 * PUTs a manifest or an index under a tag or a digest. Returns its digest: the sha256 of `body`,
 * which a digest reference and the registry's Docker-Content-Digest must both match.
 */
async function putManifest(send, target, reference, body, mediaType) {
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
    if (reference.includes(':') && reference !== digest) {
        digestAlgorithm(reference, target.image);
        throw new errors/* RegistryError */.gl('digest-mismatch', target.image, `${target.image}: the manifest to push does not match digest ${reference} (its sha256 is ${digest})`);
    }
    const exchange = await send({
        method: 'PUT',
        url: `${target.baseUrl}/v2/${target.repository}/manifests/${reference}`,
        headers: { 'Content-Type': mediaType },
        body,
    }, pushScope(target.repository));
    const status = exchange.response.status;
    if (status < 200 || status >= 300) {
        throw statusError(status, target.image, `push of manifest ${reference} to ${target.image}`, exchange, exchange.body);
    }
    checkAnsweredDigest(exchange, digest, target.image);
    return digest;
}
// POST /v2/<name>/blobs/uploads/: the session's URL, absolute.
async function startUpload(send, target, scope) {
    const exchange = await send({ method: 'POST', url: `${uploadsUrl(target)}`, headers: { 'Content-Length': '0' } }, scope);
    const status = exchange.response.status;
    const location = exchange.response.headers.get('location');
    if (status !== 202) {
        throw statusError(status, target.image, `upload to ${target.image}`, exchange, exchange.body);
    }
    if (!location) {
        throw new errors/* RegistryError */.gl('protocol', target.image, `${target.image}: the registry opened an upload without saying where (no Location)`);
    }
    return new URL(location, exchange.url).toString();
}
// Best effort: a session left open only costs the registry until it expires it.
async function cancelUpload(send, location, target) {
    await send({ method: 'DELETE', url: location }, pushScope(target.repository), 64 * 1024).catch(() => { });
}
// The session URL may carry state in its query already (`?_state=...`): appended to, never re-encoded.
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
function checkAnsweredDigest(exchange, digest, image) {
    const answered = exchange.response.headers.get('docker-content-digest');
    if (answered && answered !== digest) {
        throw new errors/* RegistryError */.gl('digest-mismatch', image, `${image}: the registry stored ${answered} where ${digest} was sent`);
    }
}
function uploadsUrl(target) {
    return `${target.baseUrl}/v2/${target.repository}/blobs/uploads/`;
}
function blobUrl(target, digest) {
    return `${target.baseUrl}/v2/${target.repository}/blobs/${digest}`;
}
/**
 * The content as sent, one chunk behind: the last chunk leaves only once the byte count and the
 * digest match, so a request with wrong content never completes. `onFailure` learns why it broke.
 */
function checkedContent(source, expected, onFailure) {
    const hash = (0,external_node_crypto_.createHash)(expected.algorithm);
    let count = 0;
    let held;
    const fail = (message) => {
        const error = new errors/* RegistryError */.gl('digest-mismatch', expected.image, `${expected.image}: ${message}`);
        onFailure(error);
        return error;
    };
    const checked = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
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
            }
            else if (actual !== expected.digest) {
                done(fail(`blob ${expected.digest} to upload does not match its content (${actual})`));
            }
            else {
                done(null, held);
            }
        },
    });
    source.on('error', (error) => {
        onFailure(error);
        checked.destroy(error);
    });
    checked.on('close', () => {
        if (!source.readableEnded)
            source.destroy();
    });
    return source.pipe(checked);
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
    /** `host[:port]` of baseUrl, as URLs write it: the one host the credentials go to. */
    apiHost;
    transport;
    authorizer;
    retry;
    timeout;
    now;
    sleep;
    random;
    pinged;
    /** Manifests and configs read in this run, by repository and digest: digest-addressed bytes never change. */
    byDigest = new DigestCache(DIGEST_CACHE_BYTES);
    constructor(options) {
        this.options = options;
        this.host = options.host.toLowerCase();
        this.baseUrl = (0,endpoint/* registryBaseUrl */.mO)(this.host, options.insecureRegistries);
        this.apiHost = hostOf(this.baseUrl);
        this.retry = { ...registry_retry/* DEFAULT_RETRY_POLICY */.cO, ...options.retry };
        this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms));
        this.random = options.random ?? Math.random;
        const onSecret = options.onSecret ?? (() => { });
        const { credentials } = options;
        for (const secret of [credentials?.password, credentials?.identityToken])
            if (secret)
                onSecret(secret);
        this.transport = new Transport({
            timeout: this.timeout,
            retry: this.retry,
            fetch: options.fetch ?? http_fetch/* httpFetch */.tX,
            sleep: this.sleep,
            now: this.now,
            random: this.random,
            userAgent: options.userAgent ?? 'shipshape',
            debug: options.debug,
        });
        this.authorizer = new Authorizer(this.transport, new TokenCache(this.now), credentials, onSecret);
    }
    /** GET /v2/: learns how the registry wants us to authenticate. Done once, before the first request. */
    ping(image = (0,registry_reference/* normalizeRegistry */.l5)(this.host)) {
        this.pinged ??= this.doPing(image).catch((error) => {
            this.pinged = undefined; // a failed ping is tried again by the next request
            throw error;
        });
        return this.pinged;
    }
    /**
     * A manifest or index by tag or digest; its bytes are checked against the digest, and fetched
     * again (CORRUPT_ANSWER_ATTEMPTS) while they come back wrong.
     */
    async manifest(repository, reference, context = {}) {
        const image = context.image ?? (0,registry_reference/* displayName */.QC)(this.host, repository, reference);
        // A child manifest is asked for by digest under its image's name: the digest is named too.
        const subject = reference.includes(':') && !image.endsWith(reference) ? `manifest ${reference} of ${image}` : image;
        const cached = reference.includes(':') ? this.byDigest.get(repository, reference) : undefined;
        if (cached)
            return { ...cached };
        const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
        const maxBytes = this.options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
        const fetched = await this.refetched(async () => {
            const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'GET', url, headers: { Accept: media_types/* MANIFEST_ACCEPT */.dY.join(', ') }, authorization, image }, maxBytes));
            const { response, body } = exchange;
            if (response.status !== 200)
                throw statusError(response.status, image, subject, exchange, body);
            const vouched = reference.includes(':') || response.headers.get('docker-content-digest') !== null;
            const digest = manifestDigest(reference, response.headers.get('docker-content-digest'), body, image);
            const mediaType = manifestMediaType(response.headers.get('content-type'), body);
            return { manifest: { digest, mediaType, body }, vouched };
        });
        // Kept by its digest when a digest vouched for the bytes (the one asked for, or the registry's
        // header for a tag): a tag read now and its digest read later are one request. A digest we
        // only computed from the body is vouched for by nobody, and not kept.
        if (fetched.vouched)
            this.byDigest.set(repository, fetched.manifest.digest, fetched.manifest, fetched.manifest.body.length);
        return fetched.manifest;
    }
    /** The digest, media type and size of a manifest, without its body. */
    async headManifest(repository, reference, context = {}) {
        const image = context.image ?? (0,registry_reference/* displayName */.QC)(this.host, repository, reference);
        const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
        const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'HEAD', url, headers: { Accept: media_types/* MANIFEST_ACCEPT */.dY.join(', ') }, authorization, image }, 0));
        const { response } = exchange;
        if (response.status !== 200)
            throw statusError(response.status, image, image, exchange);
        const digest = response.headers.get('docker-content-digest') ?? (reference.includes(':') ? reference : undefined);
        const mediaType = response.headers.get('content-type')?.split(';')[0].trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest || !mediaType || !((0,media_types/* isIndex */.nw)(mediaType) || (0,media_types/* isManifest */.Yh)(mediaType)) || !Number.isInteger(size)) {
            // Some registries leave these out of a HEAD: the GET has them all.
            const manifest = await this.manifest(repository, reference, context);
            return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.body.length };
        }
        return { digest, mediaType, size };
    }
    /** Every tag of a repository, page by page as the registry's `Link` headers lead. */
    async tags(repository, context = {}) {
        const image = context.image ?? `${(0,registry_reference/* normalizeRegistry */.l5)(this.host)}/${repository}`;
        const tags = [];
        let url = `${this.baseUrl}/v2/${repository}/tags/list?n=1000`;
        for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
            const pageUrl = url;
            const { parsed, link } = await this.refetched(async () => {
                const exchange = await this.authorized(repository, image, (authorization) => this.transport.buffered({ method: 'GET', url: pageUrl, authorization, image }, DEFAULT_MAX_MANIFEST_BYTES));
                const { response, body } = exchange;
                if (response.status !== 200)
                    throw statusError(response.status, image, image, exchange, body);
                return { parsed: parseTagPage(body, image), link: response.headers.get('link') };
            });
            if (Array.isArray(parsed.tags))
                tags.push(...parsed.tags.filter((t) => typeof t === 'string'));
            const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '')?.[1];
            url = next ? new URL(next, this.baseUrl).toString() : undefined;
            if (url && hostOf(url) !== this.apiHost) {
                throw new errors/* RegistryError */.gl('protocol', image, `${image}: the next page of the tag list is on another host (${hostOf(url)}); not followed`);
            }
        }
        return tags;
    }
    /** A small blob (a config), whole and digest-checked; fetched again while its bytes come back wrong. */
    async blob(repository, digest, context = {}) {
        const image = context.image ?? (0,registry_reference/* displayName */.QC)(this.host, repository, digest);
        const cached = this.byDigest.get(repository, digest);
        if (cached)
            return cached;
        const maxBytes = this.options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
        const blob = await this.refetched(async () => {
            const stream = await this.blobStream(repository, digest, context);
            const chunks = [];
            let total = 0;
            for await (const chunk of stream) {
                total += chunk.length;
                if (total > maxBytes) {
                    stream.destroy();
                    throw new errors/* RegistryError */.gl('protocol', image, `${image}: blob ${digest} is larger than the ${maxBytes} bytes allowed for a config`);
                }
                chunks.push(chunk);
            }
            return Buffer.concat(chunks);
        });
        // The stream checked the bytes against the digest before it ended.
        this.byDigest.set(repository, digest, blob, blob.length);
        return blob;
    }
    /**
     * After attempt number `attempt` at a read came back corrupt (isCorruptAnswer, or a layer that
     * would not decode): waits the 5xx backoff and says whether to read again; false once
     * CORRUPT_ANSWER_ATTEMPTS are spent.
     */
    async mayRefetch(attempt) {
        if (attempt >= registry_retry/* CORRUPT_ANSWER_ATTEMPTS */.Gg)
            return false;
        await this.sleep((0,registry_retry/* backoffDelay */.EY)(attempt, this.retry, this.random));
        return true;
    }
    // `fetch` again while its answer comes back corrupt; the last error says how often it was tried.
    async refetched(fetch) {
        for (let attempt = 1;; attempt++) {
            try {
                return await fetch();
            }
            catch (error) {
                if (!(0,errors/* isCorruptAnswer */.Ci)(error))
                    throw error;
                if (!(await this.mayRefetch(attempt))) {
                    throw (0,errors/* withNote */.dW)(error, ` (fetched ${attempt} times, wrong each time)`);
                }
            }
        }
    }
    /**
     * A blob as a stream, never held whole. The promise settles once the registry has answered
     * (a missing blob rejects it); the stream then errors if the bytes do not match the digest or
     * the body breaks off for good (breaks are resumed first, with Range when the registry allows).
     */
    async blobStream(repository, digest, context = {}) {
        const image = context.image ?? (0,registry_reference/* displayName */.QC)(this.host, repository, digest);
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
    /** Whether the repository has the blob. */
    hasBlob(repository, digest, context = {}) {
        return blobExists(this.sender(repository, context), this.target(repository, digest, context), digest);
    }
    /**
     * Cross-repository mount from another repository of this registry: true when mounted; false
     * when the registry did not mount (the upload it opened instead is cancelled).
     */
    mountBlob(repository, digest, fromRepository, context = {}) {
        const target = this.target(repository, digest, context);
        return mountBlob(this.sender(repository, context), target, digest, fromRepository);
    }
    /**
     * Uploads a blob (POST, then one PUT ?digest=), streamed from `open()`, never held whole;
     * `open` is called again when the upload has to start over, and must give the same bytes.
     */
    uploadBlob(repository, digest, size, open, context = {}) {
        const target = this.target(repository, digest, context);
        const pacing = { retry: this.retry, sleep: this.sleep, now: this.now, random: this.random };
        return uploadBlob(this.sender(repository, context), target, digest, size, open, pacing);
    }
    /** Whether we may push to the repository: an upload opened and cancelled, nothing written (upload.ts). */
    checkPushAccess(repository, context = {}) {
        const named = { image: context.image ?? `${(0,registry_reference/* normalizeRegistry */.l5)(this.host)}/${repository}` };
        return checkPushAccess(this.sender(repository, named), this.target(repository, '', named));
    }
    /** PUTs a manifest or index under a tag or digest; returns its digest (checked against the registry's). */
    putManifest(repository, reference, body, mediaType, context = {}) {
        const target = this.target(repository, reference, context);
        return putManifest(this.sender(repository, context), target, reference, body, mediaType);
    }
    target(repository, reference, context) {
        const image = context.image ?? (0,registry_reference/* displayName */.QC)(this.host, repository, reference);
        return { baseUrl: this.baseUrl, repository, image };
    }
    // Requests of upload.ts, authorized for the scope each names. An upload Location elsewhere (a
    // storage front) gets no Authorization header: it is tied to this registry's host.
    sender(repository, context) {
        const image = context.image ?? `${(0,registry_reference/* normalizeRegistry */.l5)(this.host)}/${repository}`;
        return (request, scope, maxBytes = DEFAULT_MAX_MANIFEST_BYTES) => this.authorized(repository, image, (authorization) => this.transport.buffered({ ...request, authorization, image }, maxBytes), scope);
    }
    async openBlob(repository, digest, image, offset) {
        const url = `${this.baseUrl}/v2/${repository}/blobs/${digest}`;
        const headers = offset > 0 ? { Range: `bytes=${offset}-` } : {};
        const exchange = await this.authorized(repository, image, (authorization) => this.transport.streaming({ method: 'GET', url, headers, authorization, image }));
        const status = exchange.response.status;
        if (status === 200 || (status === 206 && offset > 0))
            return exchange;
        exchange.abort.abort();
        if (status === 416 && offset > 0) {
            throw new errors/* RegistryError */.gl('protocol', image, `${image}: blob ${digest} has no bytes from ${offset} on (HTTP 416): it is shorter than its descriptor says`, 416);
        }
        throw statusError(status, image, `blob ${digest} of ${image}`, exchange);
    }
    async doPing(image) {
        const exchange = await this.transport.buffered({ method: 'GET', url: `${this.baseUrl}/v2/`, image }, 64 * 1024);
        const { status, headers } = exchange.response;
        if (status === 401 && hostOf(exchange.url) !== this.apiHost)
            throw this.foreignChallenge(image, exchange);
        if (status === 401) {
            const header = headers.get('www-authenticate');
            this.authorizer.adopt(header ?? '', parseChallenges(header ?? ''));
        }
        else if (status >= 200 && status < 300) {
            this.authorizer.adopt(null, []);
        }
        else if (status === 404) {
            throw new errors/* RegistryError */.gl('protocol', image, `${image}: ${this.host} does not speak the registry API (GET ${this.baseUrl}/v2/ answered 404)`, 404);
        }
        else {
            throw statusError(status, image, `${image} (GET ${this.baseUrl}/v2/)`, exchange, exchange.body);
        }
    }
    /** A 401 from a host a redirect led to: its challenge is not our registry's to answer. */
    foreignChallenge(image, exchange) {
        return new errors/* RegistryError */.gl('unauthorized', image, `${image}: ${this.apiHost} redirected to ${hostOf(exchange.url)}, which asked for credentials; ` +
            `credentials for ${this.apiHost} are not sent to another host`, 401);
    }
    // Sends with the scope's authorization; after a 401, renews it once when that can help.
    async authorized(repository, image, send, scope = pullScope(repository)) {
        await this.ping(image);
        const repositoryName = `${(0,registry_reference/* normalizeRegistry */.l5)(this.host)}/${repository}`;
        const tied = (header) => (header ? { header, host: this.apiHost } : undefined);
        let sent = await this.authorizer.authorization(scope, repositoryName);
        let exchange = await send(tied(sent.header));
        if (exchange.response.status !== 401)
            return exchange;
        exchange.abort?.abort();
        if (hostOf(exchange.url) !== this.apiHost)
            throw this.foreignChallenge(image, exchange);
        let challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
        const again = this.authorizer.renew(scope, challenges, sent);
        if (again !== undefined) {
            sent = await this.authorizer.authorization(again, repositoryName);
            exchange = await send(tied(sent.header));
            if (exchange.response.status !== 401)
                return exchange;
            exchange.abort?.abort();
            if (hostOf(exchange.url) !== this.apiHost)
                throw this.foreignChallenge(image, exchange);
            challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
        }
        const error = findChallenge(challenges, 'bearer')?.params.error;
        throw unauthorized(repositoryName, this.options.credentials, error ? ` (${error})` : '');
    }
}
/** At most this many bytes of manifests and configs are kept per client; past it, no more are. */
const DIGEST_CACHE_BYTES = 32 * 1024 * 1024;
/**
 * What a client has read by digest, per repository (a digest read in one repository says nothing
 * of another's access to it). Filled up to a byte limit, then left as it is: a run reads the
 * same few manifests and configs again, not thousands.
 */
class DigestCache {
    limit;
    entries = new Map();
    bytes = 0;
    constructor(limit) {
        this.limit = limit;
    }
    get(repository, digest) {
        return this.entries.get(`${repository}@${digest}`);
    }
    set(repository, digest, value, size) {
        const key = `${repository}@${digest}`;
        if (this.entries.has(key) || this.bytes + size > this.limit)
            return;
        this.entries.set(key, value);
        this.bytes += size;
    }
}
function parseTagPage(body, image) {
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch (error) {
        throw new errors/* RegistryError */.gl('malformed', image, `${image}: the tag list is not valid JSON (${error.message}, ${body.length} bytes)`);
    }
}


/***/ }),

/***/ 3434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ connect)
});

// UNUSED EXPORTS: timeoutFromEnv

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(4976);
// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/auth.ts
/**
 * Credentials for a registry, one rule for every caller: each credential belongs to one registry
 * host. Explicit ones (the report action's username/password) belong to the registry of the
 * input they came with; Docker's own (`config.json` in `$DOCKER_CONFIG` or `~/.docker`: its
 * `credHelpers` or `credsStore`, asked with the host, then its `auths` entries: `auth` = base64
 * `user:password`, or an OAuth2 `identitytoken`) to the server their key names. Any other host
 * gets its own, or none. Every secret found is reported for masking before it is used, and no
 * error quotes the config file or a helper's output.
 */






/** Credentials for `registry` (as in a reference: `docker.io`, `ghcr.io`, `localhost:5000`), or undefined for anonymous. */
async function resolveCredentials(registry, sources) {
    const found = await findCredentials(registry, sources);
    if (found)
        for (const secret of secretsOf(found))
            sources.onSecret?.(secret);
    return found;
}
/** What must never be shown of credentials: the password, the identity token, the Basic pair. */
function secretsOf(credentials) {
    const { username = '', password, identityToken } = credentials;
    const basic = password ? [Buffer.from(`${username}:${password}`).toString('base64')] : [];
    return [password, identityToken, ...basic].filter((s) => !!s);
}
/** Whether explicit credentials given for `given` apply to `registry` (Docker Hub under any of its names). */
function sameRegistry(given, registry) {
    return (0,registry_reference/* normalizeRegistry */.l5)(given) === (0,registry_reference/* normalizeRegistry */.l5)(registry);
}
async function findCredentials(registry, sources) {
    const { explicit } = sources;
    if (explicit && (explicit.username || explicit.password) && sameRegistry(explicit.registry, registry)) {
        return { username: explicit.username ?? '', password: explicit.password ?? '' };
    }
    const path = dockerConfigPath(sources.env);
    const config = await readDockerConfig(path);
    if (!config)
        return undefined;
    const helper = findByRegistry(config.credHelpers, registry) ?? config.credsStore;
    if (helper) {
        if (typeof helper !== 'string' || !HELPER_NAME.test(helper)) {
            throw new Error(`${path}: a credential helper (credsStore or credHelpers) is not a plain name`);
        }
        const fromHelper = await credentialsFromHelper(helper, helperServerUrl(registry), sources.env);
        if (fromHelper)
            return fromHelper;
    }
    const entry = findByRegistry(config.auths, registry);
    if (typeof entry?.auth === 'string')
        sources.onSecret?.(entry.auth); // as stored, before anything can fail on it
    return entry ? credentialsFromEntry(entry, path) : undefined;
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
    const config = (0,json/* parseJsonText */.l)(text, path);
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
        throw new Error(`${path} is not a docker config: expected a JSON object`);
    }
    return config;
}
/**
 * The registry a config key names: `https://index.docker.io/v1/`, `index.docker.io` and
 * `docker.io` are all Docker Hub; `https://ghcr.io/v2/` is `ghcr.io` (scheme and path dropped,
 * as docker's ConvertToHostname does).
 */
function configKeyRegistry(key) {
    const host = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0];
    return (0,registry_reference/* normalizeRegistry */.l5)(host);
}
/** What a credential helper is asked for: Docker Hub under its historical key, others by host. */
function helperServerUrl(registry) {
    return (0,registry_reference/* isDockerHub */.gr)(registry) ? registry_reference/* DOCKER_HUB_CONFIG_KEY */.Mj : registry;
}
function findByRegistry(entries, registry) {
    if (!entries)
        return undefined;
    const wanted = (0,registry_reference/* normalizeRegistry */.l5)(registry);
    // An exact key first, then any key that names the same registry in another form.
    if (Object.hasOwn(entries, registry))
        return entries[registry];
    const key = Object.keys(entries).find((k) => configKeyRegistry(k) === wanted);
    return key === undefined ? undefined : entries[key];
}
function credentialsFromEntry(entry, path) {
    const fields = ['auth', 'username', 'password', 'identitytoken'];
    if (typeof entry !== 'object' ||
        entry === null ||
        fields.some((f) => !['string', 'undefined'].includes(typeof entry[f]))) {
        throw new Error(`${path}: an "auths" entry is not an object of strings`);
    }
    let { username, password } = entry;
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0)
            throw new Error(`${path}: an "auth" value is not base64 of user:password`);
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
 * Its output is read, never quoted: a helper that fails may have printed the secret it holds.
 */
async function credentialsFromHelper(helper, serverUrl, env) {
    if (!HELPER_NAME.test(helper))
        throw new Error('docker config: a credential helper is not a plain name');
    const program = `docker-credential-${helper}`;
    const { stdout, stderr, error } = await runHelper(program, serverUrl, env);
    if (error) {
        if (/credentials not found/i.test(`${stdout} ${stderr}`))
            return undefined;
        const said = `${stdout}${stderr}`.trim() ? ' (its output is not shown)' : '';
        throw new Error(`credential helper ${program} ${helperFailure(error)}${said}`);
    }
    let answer;
    try {
        answer = JSON.parse(stdout);
    }
    catch {
        throw new Error(`credential helper ${program} answered with something that is not JSON (not shown)`);
    }
    if (typeof answer !== 'object' || answer === null || typeof answer.Secret !== 'string' || !answer.Secret) {
        return undefined;
    }
    if (answer.Username !== undefined && typeof answer.Username !== 'string')
        return undefined;
    // Docker's convention: the user name `<token>` marks an identity token.
    if (answer.Username === '<token>')
        return { identityToken: answer.Secret };
    return { username: answer.Username ?? '', password: answer.Secret };
}
/** How a helper failed, from its exit alone: `is not installed`, `failed (exit code 1)`, `was killed (SIGKILL)`. */
function helperFailure(error) {
    const { code, signal, killed } = error;
    if (code === 'ENOENT')
        return 'is not installed (not on PATH)';
    if (killed && signal === 'SIGTERM')
        return `did not answer within ${HELPER_TIMEOUT_MS / 1000} s`;
    if (signal)
        return `was killed (${signal})`;
    if (typeof code === 'number')
        return `failed (exit code ${code})`;
    if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
        return 'printed more than 1 MiB';
    return 'failed';
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

// EXTERNAL MODULE: ./src/registry/client.ts + 8 modules
var registry_client = __webpack_require__(1229);
// EXTERNAL MODULE: ./src/registry/http-fetch.ts
var http_fetch = __webpack_require__(2442);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/registry/net/docker-certs.ts
/**
 * What docker trusts for one registry: the files in `/etc/docker/certs.d/<host:port>/`, read by
 * docker's rules. `*.crt` are CAs (added to the system's, not instead of them); `name.cert` with
 * `name.key` is a client certificate for mutual TLS; a `.cert` without its `.key`, or a `.key`
 * without its `.cert`, is an error, as it is for docker. Nothing else in the directory counts.
 */


const DOCKER_CERTS_DIR = '/etc/docker/certs.d';
class DockerCertsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DockerCertsError';
    }
}
/**
 * The directory docker reads for `host` (`registry.example:5443`, `ghcr.io`) under `root`. The
 * name is the host as given, port included; only a path separator or `..` could make it leave
 * `root`, and a host never holds one.
 */
function certsDirOf(host, root = DOCKER_CERTS_DIR) {
    if (host === '' || host === '.' || host === '..' || /[/\\]/.test(host)) {
        throw new DockerCertsError(`"${host}" is not a registry host`);
    }
    return (0,external_node_path_.join)(root, host);
}
/** Which files of a directory listing count, and as what: the pure half of `readHostCerts`. */
function planCertFiles(names) {
    const sorted = [...names].sort();
    const present = new Set(sorted);
    const plan = { ca: [], pairs: [], problems: [] };
    for (const name of sorted) {
        if (name.endsWith('.crt'))
            plan.ca.push(name);
        else if (name.endsWith('.cert')) {
            const key = `${name.slice(0, -'.cert'.length)}.key`;
            if (present.has(key))
                plan.pairs.push({ cert: name, key });
            else
                plan.problems.push(`missing key ${key} for client certificate ${name} (a CA certificate must end in .crt)`);
        }
        else if (name.endsWith('.key')) {
            const cert = `${name.slice(0, -'.key'.length)}.cert`;
            if (!present.has(cert))
                plan.problems.push(`missing client certificate ${cert} for key ${name}`);
        }
    }
    return plan;
}
/**
 * Reads the certs.d directory of `host`. A directory that does not exist gives no CA and no
 * client certificate; one that cannot be used is a DockerCertsError naming it, never quoting a file.
 */
function readHostCerts(host, root = DOCKER_CERTS_DIR) {
    const dir = certsDirOf(host, root);
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((entry) => entry.isFile() || entry.isSymbolicLink())
            .map((entry) => entry.name);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { dir, ca: [], clients: [] };
        throw new DockerCertsError(`cannot read ${dir}: ${reason(error)}`);
    }
    const plan = planCertFiles(names);
    if (plan.problems.length > 0) {
        throw new DockerCertsError(`${dir}: ${plan.problems.join('; ')}`);
    }
    const read = (name) => {
        try {
            return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8');
        }
        catch (error) {
            throw new DockerCertsError(`cannot read ${(0,external_node_path_.join)(dir, name)}: ${reason(error)}`);
        }
    };
    const ca = plan.ca.map(read);
    for (const [i, pem] of ca.entries()) {
        if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
            throw new DockerCertsError(`${(0,external_node_path_.join)(dir, plan.ca[i])} holds no PEM certificate`);
        }
    }
    const clients = plan.pairs.map((pair) => ({ cert: read(pair.cert), key: read(pair.key), name: pair.cert }));
    return { dir, ca, clients };
}
// dockerd reads certs.d as root; the runner's user may not be able to.
function reason(error) {
    const code = error.code;
    if (code === 'EACCES')
        return 'EACCES (the user the job runs as needs read access to it, as dockerd has)';
    return code ?? error.message;
}

// EXTERNAL MODULE: ./src/registry/net/proxy-env.ts
var proxy_env = __webpack_require__(1573);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/registry/net/proxy-tunnel.ts
var proxy_tunnel = __webpack_require__(4798);
// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/net/tls-errors.ts
/**
 * TLS failures in words a user can act on. A certificate Node cannot verify becomes a message
 * that names the host, the reason, and where docker (and so shipshape) looks for the CA; a server
 * that wants a client certificate says where that goes. And one question for the scheme fallback:
 * did the server answer our TLS hello in plain HTTP?
 */

class TlsTrustError extends Error {
    code;
    constructor(message, 
    /** Node's code for the failure (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`, ...). */
    code) {
        super(message);
        this.code = code;
        this.name = 'TlsTrustError';
    }
}
/** A signature chain that ends in no CA we trust. */
const UNTRUSTED = new Map([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its certificate is signed by a CA this runner does not trust'],
    ['UNABLE_TO_GET_ISSUER_CERT', 'its certificate is signed by a CA this runner does not trust'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'its certificate is signed by a CA this runner does not trust'],
    ['CERT_UNTRUSTED', 'its certificate is signed by a CA this runner does not trust'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'its certificate chain ends in a self-signed CA this runner does not trust'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its certificate is self-signed, and this runner does not trust it'],
]);
const INVALID = new Map([
    ['CERT_HAS_EXPIRED', 'its certificate has expired'],
    ['CERT_NOT_YET_VALID', 'its certificate is not valid yet (or this runner’s clock is behind)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is for another name'],
    ['HOSTNAME_MISMATCH', 'its certificate is for another name'],
    ['CERT_SIGNATURE_FAILURE', 'its certificate’s signature does not verify'],
    ['CERT_REVOKED', 'its certificate has been revoked'],
    ['INVALID_CA', 'a CA in its chain is not a valid CA'],
    ['INVALID_PURPOSE', 'its certificate is not for a TLS server'],
]);
/** A certificate chain that ends in no CA we trust: a failure that more CAs may cure. */
function isUntrustedChain(error) {
    return (0,retry/* causeChain */.DD)(error).some(({ code }) => typeof code === 'string' && UNTRUSTED.has(code));
}
/**
 * The error for a TLS failure talking to `context.host`; undefined when `error` is no certificate
 * problem (a refused connection, a reset), which the caller reports as it is.
 */
function explainTlsError(error, context) {
    for (const { message, code } of (0,retry/* causeChain */.DD)(error)) {
        if (typeof code !== 'string')
            continue;
        const untrusted = UNTRUSTED.get(code);
        if (untrusted) {
            return new TlsTrustError(`TLS to ${context.host} failed: ${untrusted} (${code}). Put the CA that signs it in ` +
                `${context.certsDir}/ca.crt (where docker looks for it), ` +
                (context.systemStore
                    ? 'in the file NODE_EXTRA_CA_CERTS names, or in the system’s CA store'
                    : 'or in the file NODE_EXTRA_CA_CERTS names'), code);
        }
        const invalid = INVALID.get(code);
        if (invalid) {
            // Node's reason for a name mismatch lists the names the certificate is for: worth keeping.
            const detail = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? `: ${altnameReason(error, message)}` : '';
            return new TlsTrustError(`TLS to ${context.host} failed: ${invalid} (${code})${detail}. The registry's certificate must ` +
                `be fixed; a CA of your own for it goes in ${context.certsDir}/ca.crt`, code);
        }
        if (/ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE)/.test(code)) {
            const offered = context.clientCertificates ?? [];
            const said = offered.length === 0
                ? 'it wants a client certificate'
                : `it refused the client certificate${offered.length > 1 ? 's' : ''} ` +
                    offered.map((name) => `${context.certsDir}/${name}`).join(', ');
            const notOffered = context.notOffered ?? [];
            const unused = notOffered.length === 0
                ? ''
                : `; not offered: ${notOffered.join(', ')} (Node offers one client certificate per key type, the first by name)`;
            return new TlsTrustError(`TLS to ${context.host} failed: ${said} (${code}). A client certificate for it goes in ` +
                `${context.certsDir}/ as NAME.cert with its key NAME.key, as for docker${unused}`, code);
        }
    }
    return undefined;
}
function altnameReason(error, message) {
    const reason = error.reason;
    return typeof reason === 'string' ? reason : message;
}
/**
 * The server answered our TLS hello with something that is not TLS: an HTTP response read as a
 * TLS record (`wrong version number`, `packet length too long`), or the connection dropped before
 * the handshake. Only meaningful for an error before the handshake completed.
 */
function isPlainHttpAnswer(error) {
    for (const { message, code } of (0,retry/* causeChain */.DD)(error)) {
        if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
            return true;
        if (/wrong version number|packet length too long|unknown protocol/i.test(message))
            return true;
        if (code === 'ECONNRESET' || /socket disconnected before secure TLS connection/i.test(message))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/registry/net/routed-fetch.ts
/**
 * An HttpFetch that sends each request the way Routes says: through the environment's proxy, with
 * what docker trusts for the host. And, as docker does for the hosts it calls insecure (the
 * loopback, `insecure-registries`), an http URL of such a host is tried over TLS first: the
 * first answer tells which scheme the host speaks, kept for the process, so a TLS registry on
 * `localhost:5443` works and a plain one costs one failed handshake per run.
 */






// Generous for a handshake, short next to the 30 s a silent plain server would otherwise cost.
const TLS_PROBE_TIMEOUT_MS = 5_000;
function createRoutedFetch(routes, options = {}) {
    const probeTimeout = options.tlsProbeTimeout ?? TLS_PROBE_TIMEOUT_MS;
    const schemes = new Map();
    const probing = new Map();
    const send = async (target, init, tlsFirstTry = false) => {
        const route = routes.route(target);
        try {
            return await sendOn(route, target, init, tlsFirstTry);
        }
        catch (error) {
            // A certificate the first CAs did not verify, before any byte of the request went: once
            // more with the system's store (a stream cannot be sent twice; the first request of a
            // host is the client's GET /v2/, never one).
            if (isStream(init.body) || !route.trustMore?.(error))
                throw error;
            return sendOn(routes.route(target), target, init, tlsFirstTry);
        }
    };
    const sendOn = (route, target, init, tlsFirstTry) => {
        const request = route.secure ? external_node_https_.request : external_node_http_.request;
        const proxy = route.proxy;
        return (0,http_fetch/* sendRequest */.w$)(init, (sent) => request({
            ...route.where,
            ...sent,
            headers: { ...sent.headers, ...route.headers },
            agent: route.agent,
        }), {
            explain: route.explain,
            // A plain request through a proxy: its 407 is the proxy's, not the registry's.
            refuse: (status) => proxy && status === 407
                ? new proxy_tunnel/* ProxyError */.T(`the proxy ${(0,proxy_env/* describeProxy */.GK)(proxy)} refused the request to ${target.host}: 407 (it wants credentials: user:password@ in the proxy URL)`, 407)
                : undefined,
            ...(tlsFirstTry && { tlsFirstTry: { timeout: probeTimeout, isNotTls: isPlainHttpAnswer } }),
        });
    };
    return async (url, init = {}) => {
        const target = new URL(url);
        if (target.protocol !== 'http:' && target.protocol !== 'https:') {
            throw new TypeError(`cannot fetch ${target.protocol} URLs (${url})`);
        }
        if (!routes.triesTlsFirst(target))
            return send(target, init);
        const origin = target.host;
        // Requests that start while the first one finds out wait for its answer. (No await otherwise:
        // the first must register its try before the caller can start another request.)
        const pending = probing.get(origin);
        if (pending)
            await pending.catch(() => { });
        const known = schemes.get(origin);
        if (known)
            return send(withProtocol(target, known), init);
        // A stream cannot be sent twice: it goes as the URL says. (A first request is never one: the
        // client asks GET /v2/ before anything else.)
        if (isStream(init.body))
            return send(target, init);
        const first = send(withProtocol(target, 'https:'), init, true).then((response) => {
            schemes.set(origin, 'https:');
            return response;
        }, (error) => {
            if (!(error instanceof http_fetch/* NotTlsError */.t1))
                throw error;
            schemes.set(origin, 'http:');
            return send(target, init);
        });
        probing.set(origin, first);
        try {
            return await first;
        }
        finally {
            probing.delete(origin);
        }
    };
}
function withProtocol(url, protocol) {
    const copy = new URL(url);
    copy.protocol = protocol;
    return copy;
}
function isStream(body) {
    return typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe === 'function';
}

// EXTERNAL MODULE: ./src/registry/endpoint.ts
var endpoint = __webpack_require__(8110);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/registry/net/client-certs.ts
/**
 * Which of certs.d's client certificates a TLS connection offers. docker (Go's TLS) keeps every
 * `NAME.cert` + `NAME.key` pair and, in each handshake, sends the first one by name that the
 * server accepts: a key type its signature algorithms allow, an issuer among the CAs it names.
 * Node's TLS (OpenSSL) holds one certificate per key type in a context and picks among those by
 * the server's signature algorithms only. So the first pair of each key type (RSA, ECDSA,
 * Ed25519, ...) is offered, which gives docker's choice between key types; a later pair of a type
 * already taken is not offered (docker would send it to a server that names only its issuer).
 */



/** The pure half: the first pair of each key type, by name (the order docker tries them in). */
function chooseClientPairs(pairs) {
    const choice = { offered: [], notOffered: [] };
    const taken = new Set();
    for (const pair of [...pairs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (taken.has(pair.keyType))
            choice.notOffered.push(pair);
        else {
            taken.add(pair.keyType);
            choice.offered.push(pair);
        }
    }
    return choice;
}
/** The key's type; a key Node cannot read (encrypted, not PEM) is an error naming its file, not quoting it. */
function withKeyType(pair, dir) {
    let keyType;
    try {
        keyType = (0,external_node_crypto_.createPrivateKey)(pair.key).asymmetricKeyType;
    }
    catch {
        // Go's LoadX509KeyPair refuses the same keys (docker fails to push with one).
    }
    const keyFile = `${pair.name.slice(0, -'.cert'.length)}.key`;
    if (!keyType) {
        throw new DockerCertsError(`${(0,external_node_path_.join)(dir, keyFile)} is not an unencrypted PEM private key (the key of client certificate ${pair.name})`);
    }
    return { ...pair, keyType };
}

;// CONCATENATED MODULE: ./src/registry/net/tls-trust.ts
/**
 * The TLS settings for each registry host, as docker would have them. A host docker verifies
 * trusts, in this order: the CAs of its certs.d directory, NODE_EXTRA_CA_CERTS (with Node's own
 * bundled CAs), and the system's CA store, as docker trusts the system's pool plus certs.d. The
 * system's store is added only for a host whose certificate the others do not verify (routes.ts
 * asks again): reading it and building a context of it costs ~40 ms, and the public registries'
 * CAs are in Node's bundle. The hosts docker calls insecure (the loopback, `insecure-registries`)
 * are spoken to over TLS without checking the certificate: no CA list is built for them, and none
 * is read for plain HTTP.
 */




/**
 * certs.d's CAs, then Node's defaults (bundled, NODE_EXTRA_CA_CERTS), then the system's, each
 * certificate once. Given a `ca`, Node trusts only it, so everything trusted must be listed.
 */
function composeCaList(certsD, defaults, system) {
    const seen = new Set();
    const list = [];
    for (const pem of [...certsD, ...defaults, ...(system ?? [])]) {
        const key = pem.replace(/\r\n/g, '\n').trim();
        if (seen.has(key))
            continue;
        seen.add(key);
        list.push(pem);
    }
    return list;
}
/**
 * The trust of every host a run reaches, built on first use and kept: a context parses each CA it
 * holds (~15-20 ms for Node's and Debian's stores), and reading the system store takes ~25-60 ms
 * the first time in a process. Hosts with nothing in certs.d share one context.
 */
class TlsTrust {
    settings;
    sources;
    hosts = new Map();
    /** certs.d as first read for each host: the second try, with the system's store, reads no newer files. */
    certsRead = new Map();
    base;
    shared;
    constructor(settings, sources = nodeCaSources(settings.env)) {
        this.settings = settings;
        this.sources = sources;
    }
    /**
     * `without` the system's store first; `with` it for a host whose certificate that did not
     * verify (the same as `without` for a host not verified, or on a Node that cannot read it).
     */
    forHost(host, insecure, systemStore = 'without') {
        const key = `${insecure ? 'insecure' : `secure ${systemStore}`} ${host}`;
        let trust = this.hosts.get(key);
        if (!trust) {
            trust = this.build(host, insecure, systemStore === 'with');
            this.hosts.set(key, trust);
        }
        return trust;
    }
    build(host, insecure, withSystem) {
        let certs = this.certsRead.get(host);
        if (!certs) {
            certs = readHostCerts(host, this.settings.certsRoot);
            this.certsRead.set(host, certs);
        }
        const clients = chooseClientPairs(certs.clients.map((pair) => withKeyType(pair, certs.dir)));
        const described = {
            rejectUnauthorized: !insecure,
            certsDir: certs.dir,
            clientCertificates: clients.offered.map((pair) => pair.name),
            notOffered: clients.notOffered.map((pair) => pair.name),
        };
        // Nothing is verified: no CA is needed, only the client certificates, if any.
        if (insecure) {
            const secureContext = clients.offered.length > 0 ? secureContextOf(certs.dir, undefined, clients.offered) : null;
            return { ...described, secureContext, ca: undefined, systemStore: false };
        }
        // Without the system's store: Node's own context, or certs.d's CAs on top of its defaults.
        const base = withSystem ? this.baseCa() : { system: undefined, ca: undefined };
        const systemStore = base.system !== undefined;
        if (certs.ca.length === 0 && clients.offered.length === 0) {
            return {
                ...described,
                secureContext: withSystem ? this.baseContext() : null,
                ca: base.ca,
                systemStore,
            };
        }
        const ca = certs.ca.length > 0 ? composeCaList(certs.ca, this.sources.defaults(), base.system) : base.ca;
        return { ...described, secureContext: secureContextOf(certs.dir, ca, clients.offered), ca, systemStore };
    }
    /** Node's defaults and the system's store; undefined where Node cannot read the system's. */
    baseCa() {
        if (!this.base) {
            const system = this.sources.system();
            this.base = { system, ca: system && composeCaList([], this.sources.defaults(), system) };
        }
        return this.base;
    }
    /** The context of every verified host without a file in certs.d: null (Node's own) without the system's store. */
    baseContext() {
        if (this.shared === undefined) {
            const { ca } = this.baseCa();
            this.shared = ca ? external_node_tls_.createSecureContext({ ca }) : null;
        }
        return this.shared;
    }
}
function secureContextOf(dir, ca, clients) {
    try {
        return external_node_tls_.createSecureContext({
            ...(ca && { ca }),
            ...(clients.length > 0 && { cert: clients.map((c) => c.cert), key: clients.map((c) => c.key) }),
        });
    }
    catch (error) {
        // Name the directory and OpenSSL's code; quote nothing from the files.
        const code = error.code ?? 'no code';
        const what = /KEY_VALUES_MISMATCH/.test(code)
            ? 'a client certificate is not the one of its key'
            : 'its certificates cannot be used';
        throw new DockerCertsError(`${dir}: ${what} (${code})`);
    }
}
function getCACertificates() {
    return external_node_tls_.getCACertificates;
}
/** Node's own answers: `tls.getCACertificates` where it exists, the fallbacks below before it. */
function nodeCaSources(env) {
    return { defaults: () => defaultCertificates(env), system: systemCertificates };
}
/**
 * The system's store as Node reads it (on Linux, OpenSSL's default file and directory, or the
 * SSL_CERT_FILE and SSL_CERT_DIR they are overridden with); undefined before Node 22.15 and
 * 23.10, which cannot read it: there the defaults alone are trusted.
 */
function systemCertificates() {
    const get = getCACertificates();
    if (!get)
        return undefined;
    try {
        return get('system');
    }
    catch {
        return undefined;
    }
}
/**
 * What Node trusts by default: `tls.getCACertificates('default')` where Node has it (22.15, 23.10
 * and later: its store, NODE_EXTRA_CA_CERTS and the system store when Node is told to use it);
 * before, its bundled store and the NODE_EXTRA_CA_CERTS file, read here.
 */
function defaultCertificates(env) {
    const get = getCACertificates();
    if (get)
        return get('default');
    const extra = env.NODE_EXTRA_CA_CERTS;
    let extraPem = [];
    if (extra) {
        try {
            extraPem = [(0,external_node_fs_.readFileSync)(extra, 'utf8')];
        }
        catch {
            // Node warns about an unreadable NODE_EXTRA_CA_CERTS at start-up and goes on without it; so do we.
        }
    }
    return [...external_node_tls_.rootCertificates, ...extraPem];
}

;// CONCATENATED MODULE: ./src/registry/net/routes.ts
/**
 * How each request reaches its host: directly or through the proxy the environment names, over
 * TLS with what docker trusts for that host, or in plain HTTP. One keep-alive Agent per host (per
 * proxy for plain HTTP), made on first use and kept, so the requests of a run share connections.
 */








class Routes {
    options;
    agents = new Map();
    secureHosts = new Map();
    trust;
    constructor(options) {
        this.options = options;
        const settings = { certsRoot: options.certsRoot ?? DOCKER_CERTS_DIR, env: options.env };
        this.trust = options.caSources ? new TlsTrust(settings, options.caSources) : new TlsTrust(settings);
    }
    /** An http URL of a host docker would try over TLS first: the loopback, `insecure-registries`. */
    triesTlsFirst(url) {
        return url.protocol === 'http:' && this.insecure(url);
    }
    /** Throws (a ProxyConfigError, a DockerCertsError) when the settings for this URL cannot be used. */
    route(url) {
        const proxy = (0,proxy_env/* proxyFor */.iJ)(url, this.options.env);
        if (url.protocol === 'https:')
            return this.secureRoute(url, proxy);
        if (!proxy) {
            return {
                secure: false,
                agent: this.agent('http', () => new external_node_http_.Agent(this.options.agentOptions)),
                where: { hostname: bare(url.hostname), port: url.port || 80, path: url.pathname + url.search },
                headers: {},
                explain: (error) => error,
            };
        }
        const secureProxy = proxy.url.protocol === 'https:';
        return {
            secure: secureProxy,
            agent: this.agent(`proxy ${proxy.url.href}`, () => secureProxy ? new external_node_https_.Agent(this.options.agentOptions) : new external_node_http_.Agent(this.options.agentOptions)),
            where: {
                hostname: bare(proxy.url.hostname),
                port: proxy.url.port || (secureProxy ? 443 : 80),
                path: url.href, // the absolute form, as a proxy wants it
            },
            headers: {
                Host: url.host,
                ...(proxy.authorization && { 'Proxy-Authorization': proxy.authorization }),
            },
            proxy,
            explain: (error) => error instanceof proxy_tunnel/* ProxyError */.T
                ? error
                : new proxy_tunnel/* ProxyError */.T(`cannot reach the proxy ${(0,proxy_env/* describeProxy */.GK)(proxy)}`, undefined, { cause: error }),
        };
    }
    secureRoute(url, proxy) {
        const host = url.host;
        const key = `${host} ${proxy?.url.href ?? 'direct'}`;
        let used = this.secureHosts.get(key);
        if (used === undefined) {
            used = this.secureHost(host, proxy, this.insecure(url), 'without');
            this.secureHosts.set(key, used);
        }
        return {
            secure: true,
            agent: used.agent,
            where: { hostname: bare(url.hostname), port: url.port || 443, path: url.pathname + url.search },
            headers: {},
            explain: (error) => explainTlsError(error, used.context) ?? error,
            trustMore: (error) => {
                if (used.systemStore === 'with' || !isUntrustedChain(error) || this.insecure(url))
                    return false;
                // A request that failed beside the first one finds the wider trust already in place.
                if (this.secureHosts.get(key) !== used)
                    return true;
                const wider = this.secureHost(host, proxy, this.insecure(url), 'with');
                this.secureHosts.set(key, wider);
                // On a Node that cannot read the system's store there is nothing more to trust.
                return wider.context.systemStore === true;
            },
        };
    }
    // Built once per host (and once more with the system's store), only for TLS: plain HTTP never reads a CA.
    secureHost(host, proxy, insecure, systemStore) {
        const trust = this.trust.forHost(host, insecure, systemStore);
        const options = {
            ...this.options.agentOptions,
            rejectUnauthorized: trust.rejectUnauthorized,
            ...(trust.secureContext && { secureContext: trust.secureContext }),
        };
        return {
            agent: proxy ? new proxy_tunnel/* TunnelAgent */.a(proxy, options) : new external_node_https_.Agent(options),
            context: {
                host,
                certsDir: trust.certsDir,
                clientCertificates: trust.clientCertificates,
                notOffered: trust.notOffered,
                systemStore: trust.systemStore,
            },
            systemStore,
        };
    }
    insecure(url) {
        return (0,endpoint/* isInsecureRegistry */.y_)(url.host, this.options.insecureRegistries);
    }
    agent(key, make) {
        let agent = this.agents.get(key);
        if (!agent) {
            agent = make();
            this.agents.set(key, agent);
        }
        return agent;
    }
}
// node:http wants an IPv6 literal without the brackets a URL keeps.
function bare(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}

;// CONCATENATED MODULE: ./src/registry/net/registry-fetch.ts
/**
 * The fetch the registry clients of a run share: requests routed by the environment's proxy
 * settings, docker's certs.d and the insecure registries (routes.ts), over one pool of keep-alive
 * connections per host for the whole process, however many clients connect().
 */





const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
const shared = new Map();
function registryFetch(options) {
    const { env, onSecret = () => { } } = options;
    // Masked now, before a request can fail and print anything.
    for (const variable of PROXY_VARIABLES.slice(0, 4)) {
        const value = env[variable];
        if (!value)
            continue;
        try {
            (0,proxy_env/* parseProxy */.YR)(value, variable).secrets.forEach(onSecret);
        }
        catch {
            // A value that does not parse is reported (without its credentials) by the request that needs it.
        }
    }
    const certsRoot = env.SHIPSHAPE_DOCKER_CERTS_DIR || DOCKER_CERTS_DIR;
    const insecureRegistries = [...(options.insecureRegistries ?? [])].sort();
    const key = JSON.stringify([
        certsRoot,
        insecureRegistries,
        env.NODE_EXTRA_CA_CERTS ?? '',
        PROXY_VARIABLES.map((name) => env[name] ?? ''),
    ]);
    let fetch = shared.get(key);
    if (!fetch) {
        const routes = new Routes({ env: { ...env }, insecureRegistries, certsRoot, agentOptions: http_fetch/* KEEP_ALIVE */.Q8 });
        fetch = createRoutedFetch(routes);
        shared.set(key, fetch);
    }
    return fetch;
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
    blobStream(digest, size) {
        return this.client.blobStream(this.repository, digest, { image: this.name, size });
    }
    mayReadAgain(attempt) {
        return this.client.mayRefetch(attempt);
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
    const { explicitCredentials: explicit, env, input, clients, ...clientOptions } = options;
    const reference = (0,registry_reference/* parseRegistryReference */.qq)(image, input);
    const lookUp = () => resolveCredentials(reference.registry, { explicit, env, onSecret: options.onSecret });
    const credentials = await (clients ? clients.credentials(reference.registry, explicit, lookUp) : lookUp());
    const settings = {
        ...clientOptions,
        // Through the runner's proxy, trusting what docker trusts for the host.
        fetch: clientOptions.fetch ??
            registryFetch({
                env,
                insecureRegistries: clientOptions.insecureRegistries,
                onSecret: options.onSecret,
            }),
        timeout: clientOptions.timeout ?? timeoutFromEnv(env),
        host: reference.apiHost,
        credentials,
    };
    // A test's own fetch is its own business: such a client is never shared.
    const client = clients && !clientOptions.fetch ? clients.client(settings) : new registry_client/* RegistryClient */.bP(settings);
    return {
        reference,
        manifestReference: (0,registry_reference/* manifestReference */.Tn)(reference),
        client,
        source: new RegistrySource(client, reference.repository, (0,registry_reference/* displayReference */.cI)(reference)),
    };
}
/**
 * SHIPSHAPE_REGISTRY_TIMEOUT_MS: a shorter per-request timeout, so that fault tests can drive a
 * slow registry past it in seconds; undefined (the client's 30 s) when unset or not a positive integer.
 */
function timeoutFromEnv(env) {
    const value = env.SHIPSHAPE_REGISTRY_TIMEOUT_MS?.trim();
    return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}


/***/ }),

/***/ 8110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mO: () => (/* binding */ registryBaseUrl),
/* harmony export */   y_: () => (/* binding */ isInsecureRegistry)
/* harmony export */ });
/* unused harmony exports isLoopback, hostnameOf */
/**
 * Which scheme a registry is spoken to with, as docker decides it: HTTPS, except for the hosts
 * docker calls insecure, the loopback (`localhost`, 127.0.0.0/8, `[::1]`) and those the user
 * lists in `insecure-registries`. Their base URL is `http://`, and the fetch layer tries TLS on
 * them first (without checking the certificate, as docker does), falling back to plain HTTP when
 * the server does not speak TLS: so a TLS registry on `localhost:5443` works too.
 */
function isLoopback(host) {
    const hostname = hostnameOf(host);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/**
 * The loopback, or a host `insecureRegistries` lists: an entry matches with its port, or, when it
 * has none, any port of that host.
 */
function isInsecureRegistry(host, insecureRegistries = []) {
    const lower = host.toLowerCase();
    if (isLoopback(lower))
        return true;
    return insecureRegistries.some((entry) => {
        const e = entry
            .trim()
            .toLowerCase()
            .replace(/^https?:\/\//, '')
            .replace(/\/+$/, '');
        return e === lower || (e === hostnameOf(e) && e === hostnameOf(lower));
    });
}
/** `http://host` or `https://host` for `host[:port]`. */
function registryBaseUrl(host, insecureRegistries = []) {
    const lower = host.toLowerCase();
    return `${isInsecureRegistry(lower, insecureRegistries) ? 'http' : 'https'}://${lower}`;
}
/** `host` without its port; IPv6 literals keep their brackets. */
function hostnameOf(host) {
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    const colon = host.indexOf(':');
    return colon >= 0 ? host.slice(0, colon) : host;
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ isCorruptAnswer),
/* harmony export */   IP: () => (/* binding */ isRegistryError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dW: () => (/* binding */ withNote),
/* harmony export */   gl: () => (/* binding */ RegistryError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * What went wrong talking to a registry, in words that name the image: the message is what the
 * user reads, `kind` and `status` are what callers branch on (a missing baseline is not a failure).
 */

class RegistryError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
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
/**
 * Whether `error` is an answer whose bytes came back wrong (not matching their digest, cut short,
 * not JSON, too large): the registry has the right bytes, and fetching them again usually gets them.
 */
function isCorruptAnswer(error) {
    return error instanceof RegistryError && (error.kind === 'digest-mismatch' || error.kind === 'malformed');
}
/** The same error with `note` added to its message (how often it was tried, say). */
function withNote(error, note) {
    return new RegistryError(error.kind, error.image, `${error.message}${note}`, error.status, {
        cause: error,
    });
}


/***/ }),

/***/ 2442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ KEEP_ALIVE),
/* harmony export */   t1: () => (/* binding */ NotTlsError),
/* harmony export */   tX: () => (/* binding */ httpFetch),
/* harmony export */   w$: () => (/* binding */ sendRequest)
/* harmony export */ });
/* unused harmony export createHttpFetch */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/**
 * A fetch-shaped function over node:http and node:https, for the registry transport. Global fetch
 * works too, but its first call loads undici and compiles llhttp to WebAssembly: ~200 ms, more
 * than a whole manifests-only measurement, paid by every action run. This one stays small: no
 * redirects followed (the transport follows them by hand), no decompression (no Accept-Encoding
 * is sent, so bodies arrive as stored and digests check against them), keep-alive agents whose
 * idle sockets never hold a finished process open. `sendRequest` is the part that sends one
 * request; net/routed-fetch.ts sends with it through proxies, with docker's trust per host.
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
            http ??= new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(KEEP_ALIVE);
            return sendRequest(init, (options) => (0,node_http__WEBPACK_IMPORTED_MODULE_0__.request)(target, { ...options, agent: http }));
        }
        if (target.protocol === 'https:') {
            https ??= new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent(KEEP_ALIVE);
            return sendRequest(init, (options) => (0,node_https__WEBPACK_IMPORTED_MODULE_1__.request)(target, { ...options, agent: https }));
        }
        return Promise.reject(new TypeError(`cannot fetch ${target.protocol} URLs (${url})`));
    };
}
/** The default: one keep-alive agent per protocol, shared by every client in the process. */
const httpFetch = createHttpFetch();
/** The server did not speak TLS to a TLS first try. */
class NotTlsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NotTlsError';
    }
}
function sendRequest(init, open, hooks = {}) {
    const { signal } = init;
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { ...init.headers };
    const body = init.body;
    if (typeof body === 'string' || Buffer.isBuffer(body))
        headers['Content-Length'] = Buffer.byteLength(body);
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
        const tlsFirstTry = hooks.tlsFirstTry;
        let handshaken = false;
        if (tlsFirstTry) {
            request.on('socket', (socket) => {
                if (request.reusedSocket)
                    handshaken = true;
                else
                    socket.once('secureConnect', () => (handshaken = true));
            });
            // A plain HTTP server may wait for a request line instead of answering a TLS hello at all.
            const timer = setTimeout(() => {
                if (!handshaken)
                    request.destroy(new NotTlsError(`no TLS handshake within ${tlsFirstTry.timeout} ms`));
            }, tlsFirstTry.timeout);
            request.on('close', () => clearTimeout(timer));
        }
        request.on('error', (error) => {
            done();
            if (tlsFirstTry && !handshaken && (error instanceof NotTlsError || tlsFirstTry.isNotTls(error))) {
                reject(error instanceof NotTlsError ? error : new NotTlsError(error.message));
                return;
            }
            // A no-op once the response is out: then its body carries the error.
            reject(hooks.explain ? hooks.explain(error) : error);
        });
        request.on('response', (message) => {
            response = message;
            message.on('close', done);
            const status = message.statusCode ?? 0;
            const refusal = hooks.refuse?.(status);
            if (refusal) {
                message.resume();
                reject(refusal);
                return;
            }
            const hasBody = method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
            // A body nobody reads holds its socket: drain it so the socket goes back to the pool.
            if (!hasBody)
                message.resume();
            resolve({
                status,
                headers: headersOf(message),
                body: hasBody ? node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.toWeb(message) : null,
            });
        });
        if (isStream(body)) {
            // A body that fails (a file read error, a digest check) ends the request with its error; a
            // request that ends first (an early answer, an abort) lets go of the body's source.
            body.on('error', (error) => request.destroy(error));
            request.on('close', () => {
                if (!body.readableEnded)
                    body.destroy();
            });
            body.pipe(request);
        }
        else {
            request.end(body);
        }
    });
}
// Duck-typed: a stream from another realm (a VM context, as under jest) is a stream too.
function isStream(body) {
    return typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe === 'function';
}
// headersDistinct keeps every value of a repeated header, which `headers` would drop for some.
function headersOf(message) {
    const all = message.headersDistinct;
    return {
        get: (name) => all[name.toLowerCase()]?.join(', ') ?? null,
    };
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


/***/ }),

/***/ 1521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ causeChain),
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Gg: () => (/* binding */ CORRUPT_ANSWER_ATTEMPTS),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   QB: () => (/* binding */ isConnectionReset),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    maxRetryTime: 60_000,
    baseDelay: 250,
    maxDelay: 10_000,
};
/**
 * Attempts in all at an answer whose bytes came back wrong (errors.ts: isCorruptAnswer), each
 * after the 5xx backoff: a proxy or a flaky link that cut or flipped a body once rarely does it
 * three times in a row, while a registry that really holds bad bytes is named after the third.
 */
const CORRUPT_ANSWER_ATTEMPTS = 3;
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


/***/ }),

/***/ 4385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ registryClientsOf)
});

// EXTERNAL MODULE: ./src/registry/client.ts + 8 modules
var registry_client = __webpack_require__(1229);
;// CONCATENATED MODULE: ./src/registry/clients.ts

class RegistryClients {
    clients = new Map();
    found = new Map();
    /**
     * The credentials for a registry, looked up once a run (Docker's config is read and a
     * credential helper run once, not at every connect); a lookup that failed is tried again.
     */
    credentials(registry, explicit, lookUp) {
        const key = JSON.stringify([registry, explicit ?? null]);
        let found = this.found.get(key);
        if (!found) {
            found = lookUp();
            this.found.set(key, found);
            found.catch(() => this.found.delete(key));
        }
        return found;
    }
    /** The pool's client for these options, made on first use. */
    client(options) {
        const key = poolKey(options);
        let client = this.clients.get(key);
        if (!client) {
            client = new registry_client/* RegistryClient */.bP(options);
            this.clients.set(key, client);
        }
        return client;
    }
    /** How many clients the pool holds (one per host and credentials). */
    get size() {
        return this.clients.size;
    }
}
function poolKey(options) {
    const credentials = options.credentials ?? {};
    return JSON.stringify([
        options.host.toLowerCase(),
        credentials.username ?? null,
        credentials.password ?? null,
        credentials.identityToken ?? null,
        [...(options.insecureRegistries ?? [])].sort(),
        options.timeout ?? null,
    ]);
}

;// CONCATENATED MODULE: ./src/steps/registry-clients.ts

const pools = new WeakMap();
function registryClientsOf(io) {
    let pool = pools.get(io);
    if (!pool) {
        pool = new RegistryClients();
        pools.set(io, pool);
    }
    return pool;
}


/***/ })

};
