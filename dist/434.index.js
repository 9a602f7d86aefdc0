export const id = 434;
export const ids = [434];
export const modules = {

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
