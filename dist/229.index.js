export const id = 229;
export const ids = [229,217];
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

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mj: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   cI: () => (/* binding */ displayReference),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   l5: () => (/* binding */ normalizeRegistry),
/* harmony export */   qq: () => (/* binding */ parseRegistryReference)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, DOCKER_HUB_API_HOST, registryApiHost */
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2148);
/**
 * Where an image reference lives: registry host, repository, tag or digest, with Docker Hub's
 * naming rules (`alpine` is `docker.io/library/alpine`, served by `registry-1.docker.io`).
 * The grammar itself is oci/reference.ts's; this only splits the name.
 */

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key `docker login` writes for Docker Hub in config.json. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API_HOST]);
/** Parses `[registry/]repository[:tag][@digest]`; throws an InputError naming `input` when it is not one. */
function parseRegistryReference(text, input = 'image') {
    const { name, tag, digest } = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(text, input);
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


/***/ })

};
