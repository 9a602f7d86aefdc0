export const id = 502;
export const ids = [502,385];
export const modules = {

/***/ 7592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformName)
/* harmony export */ });
/**
 * The OCI content descriptor and platform, as indexes and manifests carry them.
 */
/** `os/arch[/variant]`. */
function platformName(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   VY: () => (/* binding */ parsePlatformFilter),
/* harmony export */   _I: () => (/* binding */ matchesAny)
/* harmony export */ });
/* unused harmony exports PlatformSyntaxError, parsePlatform, platformMatches, selectPlatforms */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
/**
 * Platforms: which descriptors of an index are images (not attestations), `os/arch[/variant]`
 * parsed, and the filter that matches them as containerd does.
 */


/** A platform filter entry that is not `os/arch[/variant]`. */
class PlatformSyntaxError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    value;
    constructor(value) {
        super(`${JSON.stringify(value)} is not a platform: expected os/arch[/variant], like linux/amd64`);
        this.value = value;
        this.name = 'PlatformSyntaxError';
    }
}
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


/***/ }),

/***/ 1509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
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


/***/ }),

/***/ 9502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describePush: () => (/* binding */ describePush),
  planLeg: () => (/* binding */ planLeg),
  pushLeg: () => (/* binding */ pushLeg)
});

// EXTERNAL MODULE: ./src/image/oci-layout.ts
var oci_layout = __webpack_require__(803);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/steps/registry-clients.ts + 1 modules
var registry_clients = __webpack_require__(4385);
// EXTERNAL MODULE: ./src/buildx/push-by-digest.ts
var push_by_digest = __webpack_require__(1023);
// EXTERNAL MODULE: ./src/buildx/run.ts
var run = __webpack_require__(4461);
// EXTERNAL MODULE: ./src/registry/connect.ts + 9 modules
var connect = __webpack_require__(3434);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(2060);
// EXTERNAL MODULE: ./src/oci/platform.ts
var platform = __webpack_require__(1890);
// EXTERNAL MODULE: ./src/oci/descriptor.ts
var descriptor = __webpack_require__(7592);
;// CONCATENATED MODULE: ./src/image/leg-platform.ts
/**
 * The one platform a leg built (`linux/arm64`), read from the image itself: the platform of the
 * index entry that is not an attestation, else the manifest's config. Works on any ImageSource:
 * the OCI layout of the docker driver, or the registry buildx pushed to.
 */



async function legPlatform(source, digest) {
    const top = await source.manifest(digest);
    const where = `${source.name}@${digest}`;
    const parsed = (0,oci_manifest.parseManifest)(top.body, where, top.mediaType);
    let manifestDigest = digest;
    if (parsed.kind === 'index') {
        const images = parsed.manifests.filter((d) => !(0,platform/* isAttestation */.H3)(d));
        if (images.length !== 1) {
            const platforms = images.map((d) => (d.platform ? (0,descriptor/* platformName */.$)(d.platform) : d.digest)).join(', ');
            throw new Error(`${where} holds ${images.length} platform images (${platforms}); a leg pushes exactly one`);
        }
        if (images[0].platform)
            return (0,descriptor/* platformName */.$)(images[0].platform);
        manifestDigest = images[0].digest;
    }
    const manifest = manifestDigest === digest ? parsed : (0,oci_manifest.parseManifest)((await source.manifest(manifestDigest)).body, where);
    if (manifest.kind !== 'manifest')
        throw new Error(`${where}: ${manifestDigest} is not an image manifest`);
    const config = (0,oci_manifest.parseImageConfig)(await source.blob(manifest.config.digest), `${where}, config`);
    if (!config.os || !config.architecture)
        throw new Error(`${where}: its config names no os/architecture`);
    return (0,descriptor/* platformName */.$)({ os: config.os, architecture: config.architecture, variant: config.variant });
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/blob-copy.ts
/**
 * Making a blob present in a repository, the cheapest way first: already there, then a
 * cross-repository mount from another repository of the same registry, then an upload. Used by
 * the legs (from an OCI layout) and the merge (from another repository or registry).
 */

async function ensureBlob(copy) {
    const { client, repository, digest } = copy;
    const context = { image: copy.image };
    if (await client.hasBlob(repository, digest, context))
        return 'existing';
    for (const from of copy.mountFrom) {
        if (await client.mountBlob(repository, digest, from, context))
            return 'mounted';
    }
    await client.uploadBlob(repository, digest, copy.size, copy.open, context);
    return 'uploaded';
}
/**
 * A stream now for one that opens later: the upload asks for its body synchronously, while a
 * layout or a registry answers asynchronously. An error on either side ends both.
 */
function deferredStream(open) {
    const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    open().then((stream) => {
        stream.on('error', (error) => out.destroy(error));
        out.on('close', () => stream.destroy());
        stream.pipe(out);
    }, (error) => out.destroy(error));
    return out;
}

// EXTERNAL MODULE: ./src/util/pool.ts
var pool = __webpack_require__(704);
;// CONCATENATED MODULE: ./src/registry/push-layout.ts
/**
 * Pushes an image from an OCI layout (what buildx's docker driver exports) to registries by
 * digest, with no tag: every blob (skipped when the repository has it, mounted when another
 * repository of the same registry got it earlier in this push, else uploaded as a stream), then
 * every manifest, children before the index that lists them, each PUT under its own digest.
 */



/** Uploads at most this many blobs of one repository at once. */
const UPLOAD_CONCURRENCY = 4;
/** Everything the manifest or index `digest` reaches in `source`. */
async function layoutContent(source, digest) {
    const content = { blobs: [], manifests: [] };
    const seenBlobs = new Set();
    const seenManifests = new Set();
    const visit = async (manifestDigest) => {
        if (seenManifests.has(manifestDigest))
            return;
        seenManifests.add(manifestDigest);
        const fetched = await source.manifest(manifestDigest);
        const parsed = (0,oci_manifest.parseManifest)(fetched.body, `${source.name}@${manifestDigest}`, fetched.mediaType);
        if (parsed.kind === 'index') {
            for (const child of parsed.manifests)
                await visit(child.digest);
        }
        else {
            for (const blob of [parsed.config, ...parsed.layers]) {
                if (seenBlobs.has(blob.digest))
                    continue;
                seenBlobs.add(blob.digest);
                content.blobs.push({ digest: blob.digest, size: blob.size });
            }
        }
        content.manifests.push({ digest: fetched.digest, mediaType: parsed.mediaType, body: fetched.body });
    };
    await visit(digest);
    return content;
}
/**
 * Pushes `content` to each target in turn, so that a later target on the same registry mounts
 * the blobs of an earlier one instead of uploading them again.
 */
async function pushLayoutContent(source, content, targets) {
    const results = [];
    for (const [i, target] of targets.entries()) {
        const sameRegistry = targets.slice(0, i).filter((t) => t.client.host === target.client.host);
        results.push(await pushToTarget(source, content, target, sameRegistry));
    }
    return results;
}
async function pushToTarget(source, content, target, mountFrom) {
    const { client, repository, name } = target;
    const result = { name, uploaded: 0, uploadedBytes: 0, mounted: 0, existing: 0, manifests: 0 };
    const context = { image: name };
    const limit = (0,pool/* limiter */.T)(UPLOAD_CONCURRENCY);
    const mountFromRepositories = mountFrom.map((t) => t.repository);
    await Promise.all(content.blobs.map((blob) => limit(async () => {
        const presence = await ensureBlob({
            client,
            repository,
            digest: blob.digest,
            size: blob.size,
            mountFrom: mountFromRepositories,
            open: () => deferredStream(() => source.blobStream(blob.digest)),
            image: name,
        });
        if (presence === 'existing')
            result.existing++;
        else if (presence === 'mounted')
            result.mounted++;
        else {
            result.uploaded++;
            result.uploadedBytes += blob.size;
        }
    })));
    // In order: a registry may refuse an index whose manifests it does not have yet.
    for (const manifest of content.manifests) {
        await client.putManifest(repository, manifest.digest, manifest.body, manifest.mediaType, context);
        result.manifests++;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/steps/legs.ts
/**
 * `push-by-digest: true` in the action: a leg of a multi-platform build, pushed by digest to every
 * image in `images`, no tag. The builder's driver decides how (buildx/push-by-digest.ts); this
 * adapter checks the builder can, and after the build pushes the OCI layout itself (docker
 * driver) or reads back what buildx pushed, for the `digest` and `platform` outputs.
 */









/** How this builder pushes by digest; refuses (before the build) a docker engine that cannot export OCI. */
async function planLeg(io, inputs, builder, layoutPath) {
    if (!builder) {
        throw new errors/* InputError */.dz('push-by-digest', 'true', 'needs to know how the builder pushes (its driver), and docker buildx inspect could not tell');
    }
    const mode = (0,push_by_digest/* digestPushMode */.S)(builder.driver);
    if (mode === 'layout') {
        const endpoint = builder.nodes[0]?.endpoint;
        // A docker-driver builder's endpoint is a docker context, unless it is the engine's address.
        const context = endpoint && !endpoint.includes('://') ? endpoint : undefined;
        if ((await (0,run/* engineHasContainerdStore */.FU)(context)) === false) {
            throw new errors/* InputError */.dz('push-by-digest', 'true', `cannot work with builder ${builder.name}: its driver (docker) cannot push by digest, and its engine ` +
                'cannot export the OCI layout shipshape would push instead (it does not use the containerd image store). ' +
                'Enable the containerd image store, or use a docker-container builder (docker/setup-buildx-action)');
        }
        io.info(`push-by-digest: the docker driver cannot push by digest; buildx writes an OCI layout and shipshape ` +
            `uploads it by digest to ${inputs.images.join(', ')}`);
    }
    else {
        io.info(`push-by-digest: buildx pushes by digest to ${inputs.images.join(', ')} (driver ${builder.driver})`);
    }
    return { mode, images: inputs.images, layoutPath };
}
/** After the build: the layout uploaded (docker driver), the digest and platform read back. */
async function pushLeg(io, plan, inputs, builtDigest) {
    const connections = await Promise.all(plan.images.map((image) => (0,connect/* connect */.N)(image, {
        clients: (0,registry_clients.registryClientsOf)(io),
        insecureRegistries: inputs.insecureRegistries,
        env: io.env,
        onSecret: (secret) => io.mask(secret),
        input: 'images',
    })));
    let source;
    let digest;
    if (plan.mode === 'layout') {
        source = await (0,oci_layout.openOciLayout)(plan.layoutPath);
        digest = (await source.manifest('')).digest;
        const content = await layoutContent(source, digest);
        const targets = connections.map((c, i) => ({
            client: c.client,
            repository: c.reference.repository,
            name: plan.images[i],
        }));
        for (const pushed of await pushLayoutContent(source, content, targets))
            io.info(describePush(pushed, digest));
    }
    else {
        if (!builtDigest)
            throw new Error('buildx reported no digest for the image it pushed');
        digest = builtDigest;
        source = connections[0].source;
    }
    return { digest, platform: await legPlatform(source, digest) };
}
/** `Pushed localhost:5000/legs/app@sha256:...: 2 blobs uploaded (1.2 MB), 1 mounted, 3 already there`. */
function describePush(pushed, digest) {
    const parts = [
        `${pushed.uploaded} blob(s) uploaded (${(0,format/* formatBytes */.z3)(pushed.uploadedBytes)})`,
        `${pushed.mounted} mounted from another repository`,
        `${pushed.existing} already there`,
        `${pushed.manifests} manifest(s)`,
    ];
    return `Pushed ${pushed.name}@${digest} by digest: ${parts.join(', ')}`;
}


/***/ }),

/***/ 4385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registryClientsOf: () => (/* binding */ registryClientsOf)
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


/***/ }),

/***/ 704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ limiter)
/* harmony export */ });
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


/***/ })

};
