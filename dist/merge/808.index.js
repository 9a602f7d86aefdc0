export const id = 808;
export const ids = [808];
export const modules = {

/***/ 5808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAdviceStep: () => (/* binding */ runAdviceStep)
});

// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/report/savings.ts
var savings = __webpack_require__(5537);
// EXTERNAL MODULE: ./src/report/silence.ts
var silence = __webpack_require__(2957);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/advise/dockerfile.ts
var advise_dockerfile = __webpack_require__(2092);
;// CONCATENATED MODULE: ./src/advise/advise.ts


function advise(inputs, options) {
    const merged = new Map();
    const failures = [];
    for (const input of inputs) {
        for (const rule of options.rules) {
            let findings;
            try {
                findings = rule.check(input);
            }
            catch (error) {
                failures.push({ rule: rule.id, platform: input.platform, message: error.message });
                continue;
            }
            for (const finding of findings) {
                if (!isWellFormed(finding))
                    continue;
                if ((0,advise_dockerfile/* isIgnored */.pi)(input.dockerfile, finding.rule, finding.line))
                    continue;
                // The same line costs different bytes per platform (arm64 packages are bigger):
                // the report names the largest, with the message and fix that go with it.
                const key = `${finding.rule}\0${finding.file}\0${finding.line}`;
                const seen = merged.get(key);
                if (!seen) {
                    merged.set(key, { ...finding, platforms: [input.platform] });
                    continue;
                }
                if (!seen.platforms.includes(input.platform))
                    seen.platforms.push(input.platform);
                if (finding.bytes > seen.bytes)
                    merged.set(key, { ...finding, platforms: seen.platforms });
            }
        }
    }
    const findings = [...merged.values()]
        .filter((f) => f.bytes >= options.minBytes)
        .sort((a, b) => b.bytes - a.bytes || compare(a.file, b.file) || a.line - b.line || compare(a.rule, b.rule));
    return { findings, total: (0,savings/* savingsTotal */.E)(findings), failures };
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// A rule's bug must not put NaN bytes or line 0 into the report, the annotations or the JSON.
function isWellFormed(f) {
    return (Number.isSafeInteger(f.bytes) &&
        f.bytes >= 0 &&
        Number.isSafeInteger(f.line) &&
        f.line >= 1 &&
        Number.isSafeInteger(f.endLine) &&
        f.endLine >= f.line &&
        (f.saves === undefined || (Number.isSafeInteger(f.saves) && f.saves >= 0)));
}

// EXTERNAL MODULE: ./src/advise/attribute.ts
var attribute = __webpack_require__(9912);
;// CONCATENATED MODULE: ./src/advise/advise-image.ts



function adviseImage(scanned, options) {
    const dockerfile = (0,advise_dockerfile/* parseDockerfile */.Ai)(options.dockerfile.text, {
        file: options.dockerfile.file,
        target: options.target,
        buildArgs: buildArgValues(options.buildArgs),
    });
    const inputs = scanned.map((p) => ({
        dockerfile,
        platform: p.platform,
        layers: (0,attribute/* attributeLayers */.LH)(dockerfile, p.layers),
        waste: p.waste,
        ...(options.rebuilt?.has(p.platform) && { rebuilt: options.rebuilt.get(p.platform) }),
    }));
    return advise(inputs, { rules: options.rules, minBytes: options.minBytes });
}
function buildArgValues(args) {
    const values = {};
    for (const arg of args) {
        const eq = arg.indexOf('=');
        if (eq > 0)
            values[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
    return values;
}

// EXTERNAL MODULE: ./src/advise/dockerfile-source.ts + 1 modules
var dockerfile_source = __webpack_require__(1405);
// EXTERNAL MODULE: ./src/image/cache-paths.ts
var cache_paths = __webpack_require__(6734);
// EXTERNAL MODULE: ./src/image/layers.ts + 1 modules
var image_layers = __webpack_require__(7740);
;// CONCATENATED MODULE: ./src/advise/filesystem.ts
/**
 * The final filesystem of attributed layers: each visible regular file with the layer that holds
 * it, and each visible package-manager record (image/records.ts) with its text. Whiteouts and
 * opaque directories hide what lower layers hold, as the runtime's overlay does.
 */

const isUnder = (path, dir) => dir === '' || path === dir || path.startsWith(`${dir}/`);
function finalFilesystem(layers) {
    const files = new Map();
    const records = new Map();
    const firstWriter = new Map();
    layers.forEach((attributed, at) => {
        const { count, paths, kinds, sizes } = attributed.scan.entries;
        // What this layer hides below it: deleted paths and opaque directories.
        const hidden = [];
        const opaque = [];
        for (let k = 0; k < count; k++) {
            const path = paths[k];
            const slash = path.lastIndexOf('/');
            if (kinds[k] === image_layers.EntryKind.Whiteout)
                hidden.push(`${path.slice(0, slash + 1)}${path.slice(slash + 1 + '.wh.'.length)}`);
            else if (kinds[k] === image_layers.EntryKind.Opaque)
                opaque.push(slash < 0 ? '' : path.slice(0, slash));
            else if (kinds[k] === image_layers.EntryKind.Other || kinds[k] === image_layers.EntryKind.HardLink) {
                files.delete(path); // a link or device replaces the file that was there
                records.delete(path);
            }
        }
        if (hidden.length > 0 || opaque.length > 0) {
            const gone = [...hidden, ...opaque];
            const drop = (key) => gone.some((dir) => isUnder(key, dir));
            for (const key of files.keys())
                if (drop(key))
                    files.delete(key);
            for (const key of records.keys())
                if (drop(key))
                    records.delete(key);
        }
        for (let k = 0; k < count; k++) {
            if (kinds[k] !== image_layers.EntryKind.File)
                continue;
            files.set(paths[k], { layer: at, size: sizes[k] });
            if (!firstWriter.has(paths[k]))
                firstWriter.set(paths[k], at);
        }
        for (const [path, text] of Object.entries(attributed.scan.records ?? {}))
            records.set(path, { layer: at, text });
    });
    return { files, records, firstWriter };
}

// EXTERNAL MODULE: ./src/image/node-records.ts
var node_records = __webpack_require__(9858);
// EXTERNAL MODULE: ./src/image/records.ts
var image_records = __webpack_require__(6899);
;// CONCATENATED MODULE: ./src/advise/node-deps.ts
/**
 * Node dev dependencies, measured from what the package manager installed, in this order:
 *
 * 1. pnpm's copy of its lockfile (`node_modules/.pnpm/lock.yaml`, with `.modules.yaml`): the
 *    packages it says are dev-only, as its virtual store holds them;
 * 2. npm's hidden lockfile (`node_modules/.package-lock.json`, npm 7+): the packages it marks
 *    `dev`, with all below their directories;
 * 3. else (yarn v1 and berry write no dev marks in node_modules, nor does an npm older than 7):
 *    the dependency graph of the installed package.json files. The project's `package.json`
 *    (outside node_modules) names its dependencies, each installed package's its own; resolving
 *    those names the way Node does (the package's own node_modules, then each enclosing one up to
 *    the project's) gives every package production needs. The installed packages that are not
 *    among them are what `--production` would not install. This is what yarn's production
 *    install computes from the same names (yarn.lock pins versions, not kinds).
 *
 * The bytes are those of the dev-only packages' files as the layers hold them. No list of package
 * names is involved. Quiet where the records cannot say: no record and no devDependencies,
 * pnpm's store without its lock.yaml, manifests the scan did not keep.
 */


const join = (dir, rest) => (dir === '' ? rest : `${dir}/${rest}`);
/** The package directory a path under some node_modules belongs to: the deepest `node_modules/name`. */
function packageDirOf(path) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || (at > 0 && path[at - 1] !== '/'))
        return undefined;
    const rest = path.slice(at + 'node_modules/'.length).split('/');
    if (rest[0].startsWith('.'))
        return undefined; // .bin, .package-lock.json, .cache, .pnpm
    const depth = rest[0].startsWith('@') ? 2 : 1;
    if (rest.length <= depth)
        return undefined; // a file directly in node_modules (or a scope)
    return path.slice(0, at) + 'node_modules/' + rest.slice(0, depth).join('/');
}
/** The directory holding the node_modules a package dir is in: the project or a parent package. */
function holderOf(packageDir) {
    const at = packageDir.lastIndexOf('node_modules/');
    return at === 0 ? '' : packageDir.slice(0, at - 1);
}
function managerOf(fs, dir, manifest) {
    const has = (name) => fs.files.has(join(dir, name));
    const declared = manifest.packageManager ?? '';
    if (declared.startsWith('pnpm') || has('pnpm-lock.yaml'))
        return 'pnpm';
    if (/^yarn@[2-9]/.test(declared) || has('.yarnrc.yml'))
        return 'yarn-berry';
    if (declared.startsWith('yarn') || has('yarn.lock') || has('node_modules/.yarn-integrity'))
        return 'yarn';
    return 'npm';
}
/** The finding's words for where the figure came from. */
function sourceText(project) {
    const dir = project.dir === '' ? '' : `/${project.dir}`;
    switch (project.source) {
        case 'npm-lockfile':
            return `marked dev in npm's ${dir}/node_modules/.package-lock.json`;
        case 'pnpm-lockfile':
            return `dev-only in pnpm's ${dir}/node_modules/.pnpm/lock.yaml`;
        case 'manifests':
            return `no production dependency of ${dir}/package.json needs, by the installed package.json files`;
    }
}
/** Every Node project in the final filesystem with its installed dev-only packages. */
function nodeProjects(fs) {
    // Project dirs: those with a package.json of their own, and those npm or pnpm left a record in.
    const dirs = new Map();
    for (const [path, record] of fs.records) {
        if (path.endsWith('package.json') && !path.includes('node_modules/')) {
            const dir = path === 'package.json' ? '' : path.slice(0, -'/package.json'.length);
            dirs.set(dir, (0,image_records/* parseManifestRecord */.WK)(record.text));
        }
    }
    for (const path of fs.records.keys()) {
        const at = path.indexOf('node_modules/');
        if (at < 0 || !/node_modules\/(?:\.package-lock\.json|\.pnpm\/lock\.yaml)$/.test(path))
            continue;
        const dir = at === 0 ? '' : path.slice(0, at - 1);
        if (!dirs.has(dir))
            dirs.set(dir, undefined);
    }
    const projects = [];
    for (const [dir, manifest] of dirs) {
        const found = fromPnpmRecord(fs, dir) ?? fromNpmRecord(fs, dir) ?? fromManifests(fs, dir, manifest);
        if (!found)
            continue;
        const manager = found.source === 'npm-lockfile'
            ? 'npm'
            : found.source === 'pnpm-lockfile'
                ? 'pnpm'
                : managerOf(fs, dir, manifest ?? EMPTY);
        const project = summarize(fs, dir, manager, found.source, found.owner);
        if (project.bytes > 0)
            projects.push(project);
    }
    return projects;
}
const EMPTY = { dependencies: [], optionalDependencies: [], peerDependencies: [] };
/** Files, bytes per layer and packages of what `owner` calls dev-only. */
function summarize(fs, dir, manager, source, owner) {
    const modules = join(dir, 'node_modules/');
    const byPackage = new Map();
    const byLayer = new Map();
    const devFiles = [];
    for (const [path, file] of fs.files) {
        if (!path.startsWith(modules))
            continue;
        const pkg = owner(path);
        if (!pkg)
            continue;
        devFiles.push(path);
        const entry = byPackage.get(pkg.dir) ?? { ...pkg, bytes: 0 };
        entry.bytes += file.size;
        byPackage.set(pkg.dir, entry);
        byLayer.set(file.layer, (byLayer.get(file.layer) ?? 0) + file.size);
    }
    const devOnly = [...byPackage.values()].sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : 1));
    const bytes = devOnly.reduce((sum, p) => sum + p.bytes, 0);
    return { dir, manager, source, devOnly, byLayer, bytes, devFiles };
}
const nameIn = (packageDir) => packageDir.slice(packageDir.lastIndexOf('node_modules/') + 'node_modules/'.length);
/**
 * npm's hidden lockfile: a package is dev-only when its entry says `dev: true`, and so is all
 * below its directory (its nested node_modules too). `devOptional` is not dev-only: npm sets it
 * on a package that is optional for production and needed for development, which
 * `--omit=dev` still installs (where the platform allows).
 */
function fromNpmRecord(fs, dir) {
    const record = fs.records.get(join(dir, 'node_modules/.package-lock.json'));
    if (!record)
        return undefined;
    const dev = new Set((0,node_records/* parseNpmHiddenLock */.uj)(record.text)
        .filter((entry) => entry.dev && !entry.link)
        .map((entry) => join(dir, entry.path)));
    return {
        source: 'npm-lockfile',
        owner: (path) => {
            // The outermost package dir on the path that the record marks dev.
            let found;
            for (let pkg = packageDirOf(path); pkg !== undefined;) {
                if (dev.has(pkg))
                    found = pkg;
                const holder = holderOf(pkg);
                pkg = holder.includes('node_modules/') ? packageDirOf(`${holder}/`) : undefined;
            }
            return found === undefined ? undefined : { dir: found, name: nameIn(found) };
        },
    };
}
/**
 * pnpm's copy of its lockfile: v6 marks packages `dev: true` (false or absent: production
 * needs it); v9 marks nothing, so a package is dev-only when the importers' devDependencies
 * reach it through the graph and their dependencies and optionalDependencies do not. A package's
 * files are those under its virtual store directory (`node_modules/.pnpm/NAME/`); the top-level
 * `node_modules/x` entries are symlinks into it. Hard links into pnpm's store count no bytes
 * where the scan met the store's copy first (layers count a file once).
 */
function fromPnpmRecord(fs, dir) {
    const modulesRecord = fs.records.get(join(dir, 'node_modules/.modules.yaml'));
    const modules = modulesRecord ? (0,node_records/* parsePnpmModules */.Gn)(modulesRecord.text) : undefined;
    const store = join(dir, `node_modules/${modules?.virtualStoreDir ?? '.pnpm'}/`);
    const record = fs.records.get(join(dir, 'node_modules/.pnpm/lock.yaml'));
    const lock = record && (0,node_records/* parsePnpmLock */.QQ)(record.text);
    if (!lock)
        return undefined;
    if (modules && !modules.devIncluded)
        return { source: 'pnpm-lockfile', owner: () => undefined };
    const keys = Object.keys(lock.packages);
    let devKeys;
    if (keys.some((key) => lock.packages[key].dev !== undefined)) {
        devKeys = keys.filter((key) => lock.packages[key].dev === true);
    }
    else {
        const reach = (roots) => {
            const seen = new Set();
            const queue = [...roots];
            while (queue.length > 0) {
                const key = queue.pop();
                if (seen.has(key) || !lock.packages[key])
                    continue;
                seen.add(key);
                queue.push(...lock.packages[key].deps);
            }
            return seen;
        };
        const prod = reach(lock.prod);
        devKeys = [...reach(lock.dev)].filter((key) => !prod.has(key));
    }
    // The store directories the image holds, and which of them are dev-only.
    const storeDirs = new Set();
    for (const path of fs.files.keys()) {
        if (!path.startsWith(store))
            continue;
        const slash = path.indexOf('/', store.length);
        if (slash > 0)
            storeDirs.add(path.slice(store.length, slash));
    }
    const max = modules?.virtualStoreDirMaxLength ?? 120;
    const dev = new Set();
    for (const key of devKeys) {
        const { name, hashed } = (0,node_records/* pnpmStoreName */.oc)(key, max);
        if (!hashed) {
            if (storeDirs.has(name))
                dev.add(name);
            continue;
        }
        // pnpm hashed the name: the one directory with the prefix it keeps, if only one.
        const matches = [...storeDirs].filter((d) => d.startsWith(name));
        if (matches.length === 1)
            dev.add(matches[0]);
    }
    return {
        source: 'pnpm-lockfile',
        owner: (path) => {
            if (!path.startsWith(store))
                return undefined;
            const rest = path.slice(store.length).split('/');
            if (rest.length < 2 || !dev.has(rest[0]))
                return undefined;
            // `.pnpm/NAME/node_modules/@s/x/...`: the package's own name, for the message.
            const scoped = rest[2]?.startsWith('@');
            const name = rest[1] === 'node_modules' && rest[2] ? rest.slice(2, scoped ? 4 : 3).join('/') : rest[0];
            return { dir: `${store}${rest[0]}`, name };
        },
    };
}
/**
 * Where no record marks dev (yarn v1 and berry, an npm older than 7, a record the scan did not
 * keep): the installed packages that no production dependency of the project's package.json
 * reaches, resolving names the way Node does.
 */
function fromManifests(fs, dir, manifest) {
    if (!manifest || (manifest.devDependencies ?? []).length === 0)
        return undefined;
    const modules = join(dir, 'node_modules/');
    const installed = new Set();
    for (const path of fs.files.keys()) {
        if (!path.startsWith(modules))
            continue;
        // pnpm's store without its lock.yaml: symlinks the graph cannot follow.
        if (path.startsWith(`${modules}.pnpm/`))
            return undefined;
        const pkg = packageDirOf(path);
        if (pkg !== undefined)
            installed.add(pkg);
    }
    if (installed.size === 0)
        return undefined;
    const resolve = (from, name) => {
        let holder = from;
        for (;;) {
            const candidate = join(holder, `node_modules/${name}`);
            if (installed.has(candidate))
                return candidate;
            if (holder === dir || holder.length <= dir.length)
                return undefined;
            holder = holderOf(holder);
        }
    };
    const reached = new Set();
    const queue = [[dir, needs(manifest)]];
    while (queue.length > 0) {
        const [from, names] = queue.pop();
        for (const name of names) {
            const found = resolve(from, name);
            if (found === undefined || reached.has(found))
                continue;
            reached.add(found);
            const own = fs.records.get(`${found}/package.json`);
            const ownManifest = own && (0,image_records/* parseManifestRecord */.WK)(own.text);
            if (ownManifest)
                queue.push([found, needs(ownManifest)]);
        }
    }
    return {
        source: 'manifests',
        owner: (path) => {
            const pkg = packageDirOf(path);
            return pkg === undefined || reached.has(pkg) ? undefined : { dir: pkg, name: nameIn(pkg) };
        },
    };
}
const needs = (manifest) => [
    ...manifest.dependencies,
    ...manifest.optionalDependencies,
    ...manifest.peerDependencies,
];
/** The command that installs only production dependencies, in the project's package manager. */
function productionInstall(manager) {
    switch (manager) {
        case 'npm':
            return 'npm ci --omit=dev';
        case 'yarn':
            return 'yarn install --production --frozen-lockfile';
        case 'yarn-berry':
            return 'yarn workspaces focus --all --production';
        case 'pnpm':
            return 'pnpm install --prod --frozen-lockfile';
    }
}
/** The command that drops dev dependencies from an installed node_modules, in place. */
function productionPrune(manager) {
    switch (manager) {
        case 'npm':
            return 'npm prune --omit=dev';
        case 'yarn':
            return 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline';
        case 'yarn-berry':
            return 'yarn workspaces focus --all --production';
        case 'pnpm':
            return 'pnpm prune --prod';
    }
}

;// CONCATENATED MODULE: ./src/advise/rules/image-name.ts
function parseImageName(reference) {
    const withoutDigest = reference.split('@')[0];
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    const hasTag = colon > slash;
    const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
    const tag = hasTag ? withoutDigest.slice(colon + 1) : 'latest';
    const nameStart = repository.lastIndexOf('/') + 1;
    return {
        prefix: repository.slice(0, nameStart),
        name: repository.slice(nameStart).toLowerCase(),
        tag: tag || 'latest',
    };
}

;// CONCATENATED MODULE: ./src/advise/rules/stage-chain.ts

/** The chain's instructions after its FROMs, in file order. */
function chainInstructions(chain) {
    return chain.flatMap((stage) => stage.instructions);
}
/** The value of a `--name=value` flag, as written (`--from=build` -> `build`). */
function flagValue(instruction, name) {
    const prefix = `--${name}=`;
    const flag = instruction.flags.find((f) => f.toLowerCase().startsWith(prefix));
    return flag?.slice(prefix.length);
}
/**
 * Whether the chain already copies from elsewhere (`COPY --from=build`, `COPY --from=image`,
 * `RUN --mount=from=...`): the author separates build from runtime, a multi-stage build.
 */
function copiesFromElsewhere(chain) {
    return chainInstructions(chain).some((instruction) => ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
        flagValue(instruction, 'from') !== undefined) ||
        (instruction.keyword === 'RUN' &&
            instruction.flags.some((flag) => /^--mount=(?:.*,)?from=/i.test(flag))));
}
/** The cache mount targets of a RUN (`--mount=type=cache,target=/root/.cache/pip`). */
function cacheMountTargets(instruction) {
    const targets = [];
    for (const flag of instruction.flags) {
        const match = /^--mount=(.*)$/i.exec(flag);
        if (!match)
            continue;
        const options = match[1].split(',').map((option) => option.split('='));
        const type = options.find(([key]) => key === 'type')?.[1];
        const target = options.find(([key]) => key === 'target' || key === 'dst' || key === 'destination')?.[1];
        if (type === 'cache' && target)
            targets.push(target.replace(/\/+$/, ''));
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/advise/rules/single-stage-toolchain.ts
/**
 * single-stage-toolchain: what only a build needs (compilers, -dev headers, Go or Rust toolchains,
 * module sources and build outputs, Node dev dependencies, compiled-language sources) left in the
 * final image of a build that has no separate runtime stage. The cost is the bytes of those
 * paths that the final filesystem still shows, in the layers this Dockerfile made: the bytes a
 * runtime stage would not copy.
 *
 * Decisions:
 * - Base-image layers are not counted: a toolchain base (`golang`, `rust`, full `node`) is the
 *   base-image-share rule's finding, and counting it here too would add the same bytes twice.
 * - Paths that image/cache-paths.ts names (the go-build cache, pip/npm caches, /tmp) belong to the
 *   package-cache rule, for the same reason.
 * - Sources (`*.go`, `*.c`, `*.rs`... outside usr/ and node_modules) never fire alone (an image
 *   may ship a few on purpose): they are added when a toolchain is there, in the image's layers
 *   or as its base.
 * - Dev dependencies are measured (node-deps.ts): the packages npm's hidden lockfile or pnpm's
 *   lock.yaml call dev-only, else those no production dependency of the project's package.json
 *   reaches by the installed manifests; the message says which, and the fix names the project's
 *   manager (npm, yarn, pnpm).
 * - Quiet when the image's purpose is the toolchain: no CMD/ENTRYPOINT of its own (a build or CI
 *   image), or one that runs a compiler, a build tool or a shell.
 * - The finding stands on the layer that added the most of those bytes, each file credited to the
 *   line that first wrote it (a later `chmod -R` rewrites files; it did not install them).
 * - The fix, a rewrite into stages, is no edit a tool can make or the fix suite can rebuild: it is
 *   a question and claims no bytes (`saves` absent); the bytes rank the finding and the message
 *   says them as what the build left.
 */






const LABELS = {
    compiler: 'C/C++ compiler',
    headers: 'headers of -dev packages',
    'go-toolchain': 'Go toolchain',
    'rust-toolchain': 'Rust toolchain',
    'build-output': 'module sources and build outputs',
    'dev-dependencies': 'Node dev dependencies',
    sources: 'compiled-language sources',
};
const KIND_ORDER = Object.keys(LABELS);
/** Kinds that are counted once another kind shows a toolchain, but never fire alone: an image may ship a few sources on purpose. */
const ADD_ON_KINDS = ['sources'];
const COMPILER_DIR = /^usr\/(?:lib|libexec)\/(?:gcc|gcc-cross)\/|^usr\/lib\/llvm-[^/]+\/|^usr\/lib\/clang\//;
// Drivers and binutils: gcc, gcc-12, x86_64-linux-gnu-gcc-12, g++, cc, c++, cpp, clang-17, ld, as.
const COMPILER_BIN = /^usr\/(?:local\/)?bin\/(?:[\w.]+-)*(?:gcc|g\+\+|cc|c\+\+|cpp|clang|clang\+\+|ld|ld\.bfd|ld\.gold|as)(?:-[\d.]+)?$/;
const HEADERS = /^usr\/(?:local\/)?include\//;
const GO_TOOLCHAIN = /^usr\/local\/go\/|^usr\/lib\/go(?:-[\d.]+)?\//;
const RUST_TOOLCHAIN = /(?:^|\/)\.?rustup\/toolchains\/|^usr\/lib\/rustlib\/|(?:^usr\/(?:local\/)?bin|(?:^|\/)\.?cargo\/bin)\/(?:rustc|cargo|rustdoc)$/;
// Go module sources, cargo's registry and git checkouts, Rust target dirs, Maven and Gradle caches.
const BUILD_OUTPUT = /(?:^|\/)go\/pkg\/mod\/|(?:^|\/)\.?cargo\/(?:registry|git)\/|(?:^|\/)target\/(?:debug|release)\/(?:deps|build|incremental|\.fingerprint)\/|(?:^|\/)\.m2\/repository\/|(?:^|\/)\.gradle\/caches\//;
const SOURCE_FILE = /\.(?:go|rs|c|cc|cpp|cxx|h|hpp|java|kt|scala)$/;
const NOT_APP_SOURCES = /^usr\/|(?:^|\/)(?:node_modules|site-packages|dist-packages)\//;
/** Base images that are build toolchains themselves: their sources in the image are build inputs. */
const TOOLCHAIN_BASES = new Set(['golang', 'rust', 'gcc', 'buildpack-deps', 'maven', 'gradle', 'openjdk']);
/**
 * The npm package a path belongs to in the project's (first) node_modules, with pnpm's
 * `node_modules/.pnpm/@scope+name@1.2.3/...` layout read too.
 */
function nodePackageOf(path) {
    let start;
    if (path.startsWith('node_modules/'))
        start = 'node_modules/'.length;
    else {
        const at = path.indexOf('/node_modules/');
        if (at < 0)
            return undefined;
        start = at + '/node_modules/'.length;
    }
    const segments = path.slice(start).split('/');
    if (segments[0] === '.pnpm') {
        const entry = segments[1];
        if (!entry || entry === 'node_modules' || segments.length < 3)
            return undefined;
        const version = entry.lastIndexOf('@');
        return (version > 0 ? entry.slice(0, version) : entry).replace('+', '/');
    }
    if (segments.length < 2)
        return undefined; // a file directly in node_modules
    if (segments[0].startsWith('@'))
        return segments.length < 3 ? undefined : `${segments[0]}/${segments[1]}`;
    return segments[0];
}
/** What only a build needs, by path (normalized layer path), or undefined. */
function toolchainKindOf(path) {
    if ((0,cache_paths/* cacheKindOf */.cW)(path) !== undefined)
        return undefined;
    if (COMPILER_DIR.test(path) || COMPILER_BIN.test(path))
        return 'compiler';
    if (HEADERS.test(path))
        return 'headers';
    if (GO_TOOLCHAIN.test(path))
        return 'go-toolchain';
    if (RUST_TOOLCHAIN.test(path))
        return 'rust-toolchain';
    if (BUILD_OUTPUT.test(path))
        return 'build-output';
    // node_modules: dev dependencies are measured from the manifests (node-deps.ts), not by name.
    if (path.includes('node_modules/'))
        return undefined;
    if (SOURCE_FILE.test(path) && !NOT_APP_SOURCES.test(path))
        return 'sources';
    return undefined;
}
/**
 * Bytes per kind and per layer of the build-only files the final filesystem still shows (copies
 * a later layer hides are the hidden-bytes rule's), each credited to the Dockerfile layer that
 * first wrote its path.
 */
function tallyVisible(layers) {
    const byKind = Object.fromEntries(KIND_ORDER.map((kind) => [kind, 0]));
    const byLayer = new Map();
    const fs = finalFilesystem(layers);
    const credit = (path, at, size, kind) => {
        const first = fs.firstWriter.get(path);
        const layer = first !== undefined && !layers[first].fromBase ? layers[first] : layers[at];
        byKind[kind] += size;
        byLayer.set(layer, (byLayer.get(layer) ?? 0) + size);
    };
    for (const [path, file] of fs.files) {
        if (layers[file.layer].fromBase || file.size === 0)
            continue;
        const kind = toolchainKindOf(path);
        if (kind)
            credit(path, file.layer, file.size, kind);
    }
    const projects = nodeProjects(fs);
    for (const path of projects.flatMap((project) => project.devFiles)) {
        const file = fs.files.get(path);
        if (!layers[file.layer].fromBase && file.size > 0)
            credit(path, file.layer, file.size, 'dev-dependencies');
    }
    return { byKind, byLayer, manager: projects[0]?.manager, node: projects[0] };
}
/** Programs whose image is the toolchain itself: compilers, build tools, shells (a CI image). */
const TOOLCHAIN_COMMANDS = /^(?:[\w.+-]*-)?(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|make|cmake|ninja|meson|go|cargo|rustc|rustup|javac|mvn|gradle|tsc|bash|sh|zsh|ash|dash)(?:-[\d.]+)?$/;
/**
 * The program the image runs: the last ENTRYPOINT (or else CMD) of the exported chain, its first
 * word (`sh -c "exec node x"`: the command's first word). undefined when the chain sets none.
 */
function programOf(chain) {
    const instructions = chain.flatMap((stage) => stage.instructions);
    const last = (keyword) => instructions.filter((i) => i.keyword === keyword).at(-1);
    const run = last('ENTRYPOINT') ?? last('CMD');
    if (!run)
        return undefined;
    let words;
    const text = run.arguments.join(' ').trim();
    try {
        words = text.startsWith('[') ? JSON.parse(text).map(String) : text.split(/\s+/);
    }
    catch {
        words = text.split(/\s+/);
    }
    const base = (word) => (word ?? '').split('/').pop() ?? '';
    if (/^(?:ba|z|da|a)?sh$/.test(base(words[0])) && words[1] !== undefined) {
        // `sh -c "make all"`: the command's program; `sh /app/run.sh`: the script, an app.
        if (words[1] !== '-c')
            return base(words[1]);
        const inner = words
            .slice(2)
            .join(' ')
            .replace(/^["']|["']$/g, '')
            .split(/\s+/);
        return base(inner[0] === 'exec' ? inner[1] : inner[0]);
    }
    return base(words[0]);
}
function fixFor(byKind, manager) {
    const steps = [
        'a `FROM ... AS build` stage that builds, and a runtime stage that takes only the output (`COPY --from=build`)',
    ];
    if (byKind['go-toolchain'] > 0 || byKind['build-output'] > 0 || byKind['rust-toolchain'] > 0)
        steps.push('static binaries can run on `gcr.io/distroless/static-debian12` or `scratch`');
    if (byKind['dev-dependencies'] > 0)
        steps.push(`install with \`${productionInstall(manager ?? 'npm')}\` in the runtime stage`);
    if (byKind.compiler > 0 || byKind.headers > 0)
        steps.push('install only the runtime libraries there, not gcc or -dev packages');
    return `Does the running image need its build tools? If not, a multi-stage build leaves them out: ${steps.join('; ')}.`;
}
const singleStageToolchain = {
    id: 'single-stage-toolchain',
    title: 'Build toolchain in the final image',
    check(input) {
        const chain = (0,attribute/* stageChain */.ap)(input.dockerfile);
        if (chain.length === 0 || copiesFromElsewhere(chain))
            return [];
        const program = programOf(chain);
        if (program === undefined || TOOLCHAIN_COMMANDS.test(program))
            return [];
        const { byKind, byLayer, manager, node } = tallyVisible(input.layers);
        const toolchainBase = TOOLCHAIN_BASES.has(parseImageName(chain[0].baseImage).name);
        const triggered = KIND_ORDER.some((kind) => !ADD_ON_KINDS.includes(kind) && byKind[kind] > 0);
        if (!triggered && !(toolchainBase && byKind.sources > 0))
            return [];
        const attributed = [...byLayer].filter(([layer]) => layer.instruction !== undefined);
        if (attributed.length === 0)
            return [];
        // The layer that added the most: where the annotation goes. Ties: the earlier line.
        const [top] = attributed.sort(([a, x], [b, y]) => y - x || a.index - b.index)[0];
        const bytes = [...byLayer.values()].reduce((sum, b) => sum + b, 0);
        const parts = KIND_ORDER.filter((kind) => byKind[kind] > 0).map((kind) => kind === 'dev-dependencies' && node
            ? `${LABELS[kind]} ${(0,format/* formatBytes */.z3)(byKind[kind])}, ${sourceText(node)}`
            : `${LABELS[kind]} ${(0,format/* formatBytes */.z3)(byKind[kind])}`);
        const where = attributed.length > 1
            ? ` in ${attributed.length} layers, most from line ${top.instruction.startLine}`
            : '';
        return [
            {
                rule: 'single-stage-toolchain',
                file: input.dockerfile.file,
                line: top.instruction.startLine,
                endLine: top.instruction.endLine,
                bytes,
                message: `Single-stage build ships ${(0,format/* formatBytes */.z3)(bytes)} that only the build needs (${parts.join(', ')})${where}.`,
                fix: fixFor(byKind, manager),
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/copy-before-install.ts
/**
 * copy-before-install: a COPY of the whole build context (`COPY . .`, `ADD . /app`, `COPY * ./`)
 * before a RUN that installs dependencies from a manifest (`npm ci`, `pip install -r`,
 * `go mod download`...). Any source change then invalidates the install, so every build
 * reinstalls the dependencies. The cost is the bytes of those install layers: what copying the
 * manifests first would keep cached (not bytes the image would lose).
 *
 * Decisions: only the exported stage chain is judged (its layers are the ones measured); one
 * finding per broad COPY, spanning the COPY to the last install after it; an install that
 * made no bytes makes no finding.
 */


// `\b` would match inside `npm-ci`; commands start a line or follow a shell operator or `sudo`.
// An `A=1 B=2` environment prefix may come first (`CI=true npm ci`).
const START = String.raw `(?:^|[;&|(\n]\s*|\bsudo\s+|\bexec\s+)(?:\w+=\S*\s+)*`;
const at = (command) => new RegExp(`${START}${command}`, 'm');
const INSTALLERS = [
    { pattern: at(String.raw `npm\s+ci\b`), manifests: 'package.json package-lock.json' },
    // `npm install` with no package names (flags only): installs what package.json lists.
    {
        pattern: at(String.raw `npm\s+(?:install|i)(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)])`),
        manifests: 'package.json package-lock.json',
    },
    // `yarn install` never takes package names; bare `yarn` (flags only) installs too.
    {
        pattern: at(String.raw `yarn(?:\s+install\b|(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)]))`),
        manifests: 'package.json yarn.lock',
    },
    { pattern: at(String.raw `pnpm\s+(?:install|i)\b(?!\s+[\w@])`), manifests: 'package.json pnpm-lock.yaml' },
    {
        pattern: at(String.raw `(?:python3?\s+-m\s+)?pip3?\s+install\b[^;&|\n]*\s(?:-r|--requirement)[\s=](\S+)`),
        manifests: 'requirements.txt',
    },
    { pattern: at(String.raw `poetry\s+install\b`), manifests: 'pyproject.toml poetry.lock' },
    { pattern: at(String.raw `pipenv\s+(?:install|sync)\b`), manifests: 'Pipfile Pipfile.lock' },
    { pattern: at(String.raw `uv\s+sync\b`), manifests: 'pyproject.toml uv.lock' },
    { pattern: at(String.raw `go\s+mod\s+download\b`), manifests: 'go.mod go.sum' },
    {
        pattern: at(String.raw `bundle(?:\s+install\b|(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)]))`),
        manifests: 'Gemfile Gemfile.lock',
    },
    { pattern: at(String.raw `composer\s+install\b`), manifests: 'composer.json composer.lock' },
    { pattern: at(String.raw `cargo\s+fetch\b`), manifests: 'Cargo.toml Cargo.lock' },
    { pattern: at(String.raw `mvn\b[^;&|\n]*\sdependency:(?:go-offline|resolve)\b`), manifests: 'pom.xml' },
    { pattern: at(String.raw `dotnet\s+restore\b`), manifests: '*.csproj' },
];
/** Sources that name the whole context: `.`, `./`, `*`, `./*`. */
const WHOLE_CONTEXT = /^(?:\.\/?|\.?\/?\*)$/;
/** Whether a COPY/ADD copies the whole build context (not `--from` another stage or image). */
function copiesWholeContext(instruction) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')
        return false;
    if (flagValue(instruction, 'from') !== undefined)
        return false;
    const sources = instruction.arguments.slice(0, -1);
    return sources.some((source) => WHOLE_CONTEXT.test(source));
}
/** The installer a RUN runs, with the manifests it reads; undefined for any other command. */
function installerOf(instruction) {
    if (instruction.keyword !== 'RUN')
        return undefined;
    const command = instruction.arguments.join(' ');
    for (const installer of INSTALLERS) {
        const match = installer.pattern.exec(command);
        if (!match)
            continue;
        // pip: the requirements file it names is the manifest.
        const manifests = installer.manifests === 'requirements.txt' && match[1] ? match[1] : installer.manifests;
        const text = match[0]
            .replace(/^[\s;&|(]*(?:sudo\s+|exec\s+)?(?:\w+=\S*\s+)*/, '')
            .replace(/[\s;&|)]+$/, '');
        return { command: text, manifests };
    }
    return undefined;
}
const copyBeforeInstall = {
    id: 'copy-before-install',
    title: 'Dependencies installed after copying all sources',
    check(input) {
        const instructions = chainInstructions((0,attribute/* stageChain */.ap)(input.dockerfile));
        const bytesOf = (instruction) => input.layers
            .filter((layer) => !layer.fromBase && layer.instruction?.startLine === instruction.startLine)
            .reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
        const findings = [];
        instructions.forEach((copy, at) => {
            if (!copiesWholeContext(copy))
                return;
            // The installs after this COPY, up to the next whole-context COPY (which reports its own).
            const next = instructions.findIndex((other, k) => k > at && copiesWholeContext(other));
            const after = instructions.slice(at + 1, next < 0 ? undefined : next);
            const installs = after
                .map((run) => ({ run, installer: installerOf(run), bytes: bytesOf(run) }))
                .filter((install) => install.installer !== undefined && install.bytes > 0);
            if (installs.length === 0)
                return;
            const bytes = installs.reduce((sum, install) => sum + install.bytes, 0);
            const first = installs[0];
            const last = installs[installs.length - 1];
            const copyText = `${copy.keyword} ${copy.arguments.join(' ')}`;
            findings.push({
                rule: 'copy-before-install',
                file: input.dockerfile.file,
                line: copy.startLine,
                endLine: last.run.endLine,
                bytes,
                message: `\`${copyText}\` (line ${copy.startLine}) comes before \`${first.installer.command}\` ` +
                    `(line ${first.run.startLine}): every source change reinstalls ${(0,format/* formatBytes */.z3)(bytes)} of dependencies.`,
                fix: `Copy the manifests first: \`COPY ${first.installer.manifests} ./\`, then ` +
                    `\`RUN ${first.installer.command}\`, then \`${copyText}\`.`,
            });
        });
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/base-image-share.ts
/**
 * base-image-share: the base image is most of the image, and a slimmer variant of it exists
 * (`debian:12` -> `debian:12-slim`, `python:3.12` -> `python:3.12-slim`, `golang` -> a build
 * stage and a distroless runtime).
 *
 * Decisions:
 * - "Dominates" is a majority: the base's uncompressed bytes are at least half of the image's,
 *   and at least 10 MB (below that there is little to win whatever the share).
 * - `bytes` is the base layers' uncompressed bytes: what the slimmer variant saves is not known
 *   without pulling it, so the finding states the base's cost and the message says so.
 * - Only full variants that have a known slimmer one are reported: an image already on
 *   `-slim`, `alpine`, `distroless`, `busybox` or `scratch` has nothing to act on.
 */



const MIN_SHARE = 0.5;
const MIN_BASE_BYTES = 10_000_000;
const DEBIAN_CODENAMES = /^(?:trixie|bookworm|bullseye|buster|stretch)$/;
/** Tags that already name a slim flavour. */
const ALREADY_SLIM = /(?:^|-)(?:slim|alpine|minimal|micro|distroless|busybox)(?:\d[\d.]*)?(?:-|$)/;
/** `3.12-bookworm` -> { version: '3.12', codename: 'bookworm' }; `3.12` -> { version: '3.12' }. */
function splitCodename(tag) {
    const dash = tag.lastIndexOf('-');
    const last = tag.slice(dash + 1);
    if (DEBIAN_CODENAMES.test(last))
        return { version: dash < 0 ? '' : tag.slice(0, dash), codename: last };
    return { version: tag };
}
const joinTag = (...parts) => parts.filter((part) => part).join('-');
/** python/ruby put slim before the codename (`3.12-slim-bookworm`), node after (`20-bookworm-slim`). */
function languageVariants(image, slimBeforeCodename) {
    const { version, codename } = splitCodename(image.tag === 'latest' ? '' : image.tag);
    const slim = slimBeforeCodename ? joinTag(version, 'slim', codename) : joinTag(version, codename, 'slim');
    const alpine = joinTag(version, 'alpine');
    return [`${image.prefix}${image.name}:${slim}`, `${image.prefix}${image.name}:${alpine}`];
}
const BUILD_STAGE = (image, runtime) => `a \`FROM ${image.prefix}${image.name}:${image.tag} AS build\` stage with a \`${runtime}\` runtime stage`;
/** The slimmer variants to consider for a base image, as the user would write them; [] when none. */
function slimmerVariants(reference) {
    const image = parseImageName(reference);
    const tag = image.tag.toLowerCase();
    if (ALREADY_SLIM.test(tag))
        return [];
    const { prefix, name } = image;
    switch (name) {
        case 'debian': {
            const base = tag === 'latest' ? 'stable' : tag;
            return [`${prefix}debian:${base}-slim`];
        }
        case 'buildpack-deps': {
            const { version, codename } = splitCodename(tag);
            const release = codename ?? (DEBIAN_CODENAMES.test(version) ? version : 'stable');
            return [`${prefix}debian:${release}-slim`];
        }
        case 'ubuntu':
            return [`${prefix}debian:stable-slim`, `${prefix}alpine`];
        case 'python':
        case 'ruby':
            return languageVariants(image, true);
        case 'node':
            return languageVariants(image, false);
        case 'php':
            return [`${prefix}php:${tag === 'latest' ? 'alpine' : `${tag}-alpine`}`];
        case 'golang':
        case 'rust':
            return [
                BUILD_STAGE(image, name === 'rust' ? 'gcr.io/distroless/cc-debian12' : 'gcr.io/distroless/static-debian12'),
            ];
        case 'openjdk':
        case 'eclipse-temurin':
        case 'amazoncorretto':
            if (/jdk/.test(tag))
                return [`${prefix}${name}:${tag.replace('jdk', 'jre')}`];
            return name === 'openjdk'
                ? [`${prefix}eclipse-temurin:${tag === 'latest' ? '' : `${tag.split('-')[0]}-`}jre`]
                : [];
        case 'maven':
        case 'gradle':
            return [BUILD_STAGE(image, 'eclipse-temurin:21-jre')];
        case 'rockylinux':
        case 'almalinux':
            return [`${prefix}${name}:${tag === 'latest' ? '9' : tag}-minimal`];
        case 'fedora':
            return [`${prefix}fedora-minimal:${tag}`];
        case 'ubi8':
        case 'ubi9':
            return [`${prefix}${name}-minimal:${tag}`];
        default:
            return [];
    }
}
const baseImageShare = {
    id: 'base-image-share',
    title: 'Base image is most of the image',
    check(input) {
        const chain = (0,attribute/* stageChain */.ap)(input.dockerfile);
        if (chain.length === 0)
            return [];
        const root = chain[0];
        const variants = slimmerVariants(root.baseImage);
        if (variants.length === 0)
            return [];
        const total = input.layers.reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
        const base = input.layers
            .filter((layer) => layer.fromBase)
            .reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
        if (base < MIN_BASE_BYTES || base < total * MIN_SHARE)
            return [];
        const percent = Math.round((base / total) * 100);
        return [
            {
                rule: 'base-image-share',
                file: input.dockerfile.file,
                line: root.from.startLine,
                endLine: root.from.endLine,
                bytes: base,
                message: `The base image \`${root.baseImage}\` is ${(0,format/* formatBytes */.z3)(base)} of ${(0,format/* formatBytes */.z3)(total)} (${percent}%); ` +
                    `a slimmer variant saves part of it (how much is not known without pulling it).`,
                fix: `Would ${variants.map((variant) => (variant.startsWith('a `') ? variant : `\`${variant}\``)).join(' or ')} serve?`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/advise/edit.ts
/** The text with the edits made (line numbers are the original's; edits must not overlap). */
function applyEdits(text, edits) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    const sorted = [...edits].sort((a, b) => b.line - a.line);
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].endLine >= sorted[i - 1].line)
            throw new Error('overlapping edits');
    }
    for (const edit of sorted) {
        if (edit.line < 1 || edit.endLine < edit.line || edit.endLine > lines.length)
            throw new Error(`edit of lines ${edit.line}-${edit.endLine} outside the file`);
        const replacement = edit.text === '' ? [] : edit.text.split('\n');
        lines.splice(edit.line - 1, edit.endLine - edit.line + 1, ...replacement);
    }
    return lines.join(eol);
}
/** The instruction's lines as written. */
function linesOf(model, instruction) {
    return model.lines.slice(instruction.startLine - 1, instruction.endLine);
}
/** Whether a RUN is in shell form without heredocs: a command can be appended to its last line. */
function isPlainShellRun(model, instruction) {
    if (instruction.keyword !== 'RUN' || instruction.heredocs.length > 0)
        return false;
    const first = model.lines[instruction.startLine - 1] ?? '';
    if (/^\s*RUN\s+(?:--\S+\s+)*\[/i.test(first))
        return false; // exec form
    const last = model.lines[instruction.endLine - 1] ?? '';
    // An escape at the end would join what is appended to a line that is not there.
    return !/[\\`]\s*$/.test(last);
}
/** Appends `&& command` to a plain shell RUN: the edit of its last line. */
function appendToRun(model, instruction, command) {
    const last = model.lines[instruction.endLine - 1].replace(/\s+$/, '');
    return { line: instruction.endLine, endLine: instruction.endLine, text: `${last} && ${command}` };
}
/** Puts `command &&` before a plain shell RUN's command (after `RUN` and its flags). */
function prependToRun(model, instruction, command) {
    const first = model.lines[instruction.startLine - 1];
    const match = /^(\s*RUN\s+(?:--\S+\s+)*)/i.exec(first);
    const head = match ? match[1] : 'RUN ';
    return {
        line: instruction.startLine,
        endLine: instruction.startLine,
        text: `${head}${command} && ${first.slice(head.length)}`,
    };
}
/** Replaces a regular expression's first match inside an instruction's lines: one edit. */
function replaceInInstruction(model, instruction, pattern, replacement) {
    for (let line = instruction.startLine; line <= instruction.endLine; line++) {
        const text = model.lines[line - 1];
        if (pattern.test(text))
            return { line, endLine: line, text: text.replace(pattern, replacement) };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/advise/rules/waste-owners.ts
/** A layer a RUN of this Dockerfile made. */
const isRunLayer = (layer) => layer !== undefined && !layer.fromBase && layer.instruction?.keyword === 'RUN';
const URL_SOURCE = /^https?:\/\//i;
/** An ADD source that BuildKit downloads (a git URL is a checkout, not a download). */
const isUrlSource = (source) => URL_SOURCE.test(source) && !/\.git(?:#.*)?$/i.test(source);
/** An ADD of this Dockerfile with at least one URL source. */
function isAddUrlLayer(layer) {
    const instruction = layer?.instruction;
    if (!layer || layer.fromBase || instruction?.keyword !== 'ADD')
        return false;
    return instruction.arguments.slice(0, -1).some(isUrlSource);
}
/** Hiding that removes the copy (rather than writing the path again). */
const isDeletion = (how) => how !== 'overwritten';
const sum = (values) => {
    let total = 0;
    for (const value of values)
        total += value ?? 0;
    return total;
};
/** The hidden bytes each rule reports, pair by pair (a pair may give bytes to two owners). */
function ownedWaste(input) {
    const owned = [];
    for (const pair of input.waste.pairs) {
        const adder = input.layers[pair.layer];
        const hider = input.layers[pair.hiddenBy];
        if (!adder?.instruction || !hider)
            continue;
        if (adder.fromBase && hider.fromBase)
            continue;
        // Package databases (dpkg's status, apk's installed) are rewritten by every install: no
        // rule owns their old copies, since no fix could avoid them.
        const bookkeeping = pair.cacheBytes.pkgdb ?? 0;
        const cache = isRunLayer(adder) ? sum(Object.values(pair.cacheBytes)) - bookkeeping : 0;
        if (cache > 0)
            owned.push({ owner: 'package-cache', pair, adder, hider, bytes: cache });
        const rest = pair.bytes - cache - bookkeeping;
        if (rest <= 0)
            continue;
        let owner = 'hidden-bytes';
        if (isDeletion(pair.how) && isRunLayer(hider)) {
            if (isAddUrlLayer(adder))
                owner = 'add-url';
            else if (isRunLayer(adder))
                owner = 'merge-runs';
        }
        owned.push({ owner, pair, adder, hider, bytes: rest });
    }
    return owned;
}
/** `line 7` or `lines 7-9`. */
function waste_owners_linesOf(instruction) {
    return instruction.startLine === instruction.endLine
        ? `line ${instruction.startLine}`
        : `lines ${instruction.startLine}-${instruction.endLine}`;
}
/** `lines 7 and 12`, `lines 3, 7 and 12`, `line 7`: the first line of each instruction. */
function lineList(instructions) {
    const lines = [...new Set(instructions.map((i) => i.startLine))].sort((a, b) => a - b);
    if (lines.length === 1)
        return `line ${lines[0]}`;
    return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}
/** Groups items by the instruction of their adder layer, in line order. */
function byAdderInstruction(items) {
    const groups = new Map();
    for (const item of items) {
        const instruction = item.adder.instruction;
        const group = groups.get(instruction);
        if (group)
            group.push(item);
        else
            groups.set(instruction, [item]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.startLine - b.startLine).map(([, group]) => group);
}

;// CONCATENATED MODULE: ./src/advise/dpkg.ts
const STATUS = 'var/lib/dpkg/status';
const STATES = 'var/lib/apt/extended_states';
/** The installed packages of a status file, by name. */
function parseStatus(text) {
    const packages = new Map();
    for (const stanza of text.split(/\n\s*\n/)) {
        const fields = new Map();
        for (const line of stanza.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0)
                fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
        }
        const name = fields.get('Package');
        if (!name || !/\binstalled$/.test(fields.get('Status') ?? ''))
            continue;
        const names = (value) => (value ?? '')
            .split(',')
            .map((dep) => dep
            .split('|')
            .map((alt) => alt.trim().split(/[\s(:]/)[0])
            .filter(Boolean))
            .filter((alts) => alts.length > 0);
        packages.set(name, {
            name,
            version: fields.get('Version') ?? '',
            depends: [...names(fields.get('Pre-Depends')), ...names(fields.get('Depends'))],
            provides: names(fields.get('Provides')).flat(),
        });
    }
    return packages;
}
const APK_INSTALLED = 'lib/apk/db/installed';
/** apk's installed database (`P:` name, `V:` version, `F:` directory, `R:` file in it), by name. */
function parseApkInstalled(text) {
    const packages = new Map();
    for (const stanza of text.split(/\n\s*\n/)) {
        let pkg;
        let dir = '';
        for (const line of stanza.split('\n')) {
            const value = line.slice(2);
            if (line.startsWith('P:'))
                pkg = { name: value, version: '', files: [] };
            else if (!pkg)
                continue;
            else if (line.startsWith('V:'))
                pkg.version = value;
            else if (line.startsWith('F:'))
                dir = value;
            else if (line.startsWith('R:'))
                pkg.files.push(dir ? `${dir}/${value}` : value);
        }
        if (pkg)
            packages.set(pkg.name, pkg);
    }
    return packages;
}
/** The packages apt marked as installed automatically. */
function parseAutoInstalled(text) {
    const auto = new Set();
    for (const stanza of text.split(/\n\s*\n/)) {
        const name = /^Package:\s*(\S+)/m.exec(stanza)?.[1];
        if (name && /^Auto-Installed:\s*1/m.test(stanza))
            auto.add(name);
    }
    return auto;
}
/** The latest text of a record at or below layer position `at`. */
function recordAt(layers, path, at) {
    for (let i = at; i >= 0; i--) {
        const text = layers[i].scan.records?.[path];
        if (text !== undefined)
            return text;
    }
    return undefined;
}
const statusAt = (layers, at) => {
    const text = recordAt(layers, STATUS, at);
    return text === undefined ? undefined : parseStatus(text);
};
const autoInstalledAt = (layers, at) => parseAutoInstalled(recordAt(layers, STATES, at) ?? '');
/** Every package `roots` need through Depends and Pre-Depends (the first installed alternative). */
function dependencyClosure(installed, roots) {
    const providers = new Map();
    for (const pkg of installed.values())
        for (const virtual of pkg.provides)
            providers.set(virtual, pkg.name);
    const find = (name) => (installed.has(name) ? name : providers.get(name));
    const reached = new Set();
    const queue = [...roots].filter((name) => installed.has(name));
    while (queue.length > 0) {
        const name = queue.pop();
        if (reached.has(name))
            continue;
        reached.add(name);
        for (const alternatives of installed.get(name).depends) {
            const hit = alternatives.map(find).find((found) => found !== undefined);
            if (hit && !reached.has(hit))
                queue.push(hit);
        }
    }
    return reached;
}
/** The bytes a package's files take in a layer, by its file list in that layer (`PKG.list` or `PKG:ARCH.list`). */
function packageBytesIn(layer, name) {
    const records = layer.scan.records ?? {};
    const list = Object.entries(records).find(([path]) => path === `var/lib/dpkg/info/${name}.list` ||
        (path.startsWith(`var/lib/dpkg/info/${name}:`) && path.endsWith('.list')));
    if (!list)
        return 0;
    const files = new Set(list[1].split('\n').map((line) => line.replace(/^\/+/, '')));
    const { count, paths, sizes } = layer.scan.entries;
    let bytes = 0;
    for (let k = 0; k < count; k++)
        if (files.has(paths[k]))
            bytes += sizes[k];
    // dpkg's own records of the package (its file list, checksums, scripts) go with it.
    for (let k = 0; k < count; k++) {
        const path = paths[k];
        if (path.startsWith(`var/lib/dpkg/info/${name}.`) || path.startsWith(`var/lib/dpkg/info/${name}:`))
            bytes += sizes[k];
    }
    return bytes;
}

;// CONCATENATED MODULE: ./src/advise/rules/package-noop.ts
/**
 * package-noop: package steps that do nothing, read from the package managers' own records.
 *
 * - An upgrade (`apt-get upgrade`, `dist-upgrade`, `full-upgrade`, `apk upgrade`) with no package
 *   index to upgrade from: no `update` before it in the same RUN (nor apk's `-U`/`--no-cache`), and
 *   no index in the filesystem below it (the lists an earlier `apt-get update` left, apk's
 *   APKINDEX). It upgrades nothing, yet apt still writes its caches (pkgcache.bin and
 *   srcpkgcache.bin, 3.4 MB on Debian 12). The fix drops it: an edit that removes the RUN when it
 *   does nothing else (it then saves the layer's bytes, exactly), or the upgrade command from the
 *   RUN (saving is unknown: no Saves figure). Whether upgrades were meant is the author's call,
 *   so the message offers the other fix too (update first, in the same RUN).
 * - An install naming a package that is already installed at the same version (by the base image
 *   or an earlier step): apt and apk install nothing for it. The fix drops the name from the list
 *   (an edit); it saves nothing, so the finding has no Saves figure, and its bytes are what the
 *   package weighs where it is installed (what the line is about, for ranking).
 *
 * Quiet when the RUN mounts a cache where the index lives (it may be in the mount), when a
 * package's version changed (that is an upgrade), and without a package database to read.
 */





const PACKAGE_NOOP = 'package-noop';
const OPT = String.raw `(?:-o\s+\S+|-\S+)`;
const APT = String.raw `apt(?:-get)?`;
const APT_UPGRADE = new RegExp(String.raw `\b${APT}(?:\s+${OPT})*\s+(?:dist-|full-)?upgrade\b`);
const APT_UPDATE = new RegExp(String.raw `\b${APT}(?:\s+${OPT})*\s+update\b`);
const APT_INSTALL = new RegExp(String.raw `\b${APT}(?:\s+${OPT})*\s+install\b`, 'g');
const APK_UPGRADE = /\bapk(?:\s+-\S+)*\s+upgrade\b/;
const APK_UPDATE = /\bapk(?:\s+-\S+)*\s+update\b/;
const APK_ADD = /\bapk(?:\s+-\S+)*\s+add\b/g;
/** An upgrade command as written, with its options, for the edit that removes it. */
const UPGRADE_CALL = new RegExp(String.raw `(?:DEBIAN_FRONTEND=\S+\s+)?(?:${APT}(?:\s+${OPT})*\s+(?:dist-|full-)?upgrade|apk(?:\s+-\S+)*\s+upgrade)(?:\s+${OPT})*`);
/** Steps that do nothing but tidy up after apt or apk: a RUN of these and a no-op upgrade does nothing. */
const TIDY = /^(?:set\s+-\S+|true|:|export\s+\S+=\S*|(?:apt-get|apt)\s+(?:-\S+\s+)*(?:clean|autoclean|autoremove(?:\s+-\S+)*)|apk\s+cache\s+clean|rm\s+-(?:rf|fr|r|f)\s+(?:\/var\/lib\/apt\/lists\S*|\/var\/cache\/\S*|\/tmp\/\S*)(?:\s+(?:\/var\/lib\/apt\/lists\S*|\/var\/cache\/\S*|\/tmp\/\S*))*)$/;
const APT_INDEX = /^var\/lib\/apt\/lists\/[^/]+_Packages(?:\.[a-z0-9]+)?$/;
const APK_INDEX = /^(?:var\/cache\/apk|etc\/apk\/cache)\/APKINDEX\.[^/]+\.tar\.gz$/;
/** The RUN's command as the shell reads it: continuation lines joined, heredocs appended. */
const commandOf = (instruction) => instruction.arguments.join('\n').replace(/\\\r?\n/g, ' ');
/** A RUN's upgrade that has no index to upgrade from, or undefined. */
function noopUpgrade(input, at) {
    const layer = input.layers[at];
    if (!isRunLayer(layer))
        return undefined;
    const instruction = layer.instruction;
    const command = commandOf(instruction);
    const apt = APT_UPGRADE.exec(command);
    const apk = APK_UPGRADE.exec(command);
    const hit = apt ?? apk;
    if (!hit)
        return undefined;
    const manager = apt ? 'apt' : 'apk';
    const before = command.slice(0, hit.index);
    if (manager === 'apt' && APT_UPDATE.test(before))
        return undefined;
    if (manager === 'apk') {
        if (APK_UPDATE.test(before))
            return undefined;
        const call = new RegExp(UPGRADE_CALL.source).exec(command.slice(hit.index))?.[0] ?? '';
        if (/(?:^|\s)(?:-U|--update-cache|--no-cache)\b/.test(call))
            return undefined;
    }
    const mounted = cacheMountTargets(instruction);
    const indexDirs = manager === 'apt' ? ['/var/lib/apt'] : ['/var/cache/apk', '/etc/apk/cache', '/var/cache'];
    if (mounted.some((target) => indexDirs.some((dir) => target === dir || target.startsWith(`${dir}/`))))
        return undefined;
    const below = finalFilesystem(input.layers.slice(0, at));
    const index = manager === 'apt' ? APT_INDEX : APK_INDEX;
    for (const path of below.files.keys())
        if (index.test(path))
            return undefined;
    const steps = command
        .split(/&&|\|\||;|\n/)
        .map((step) => step.trim())
        .filter(Boolean);
    const alone = steps.every((step) => TIDY.test(step) || ((APT_UPGRADE.test(step) || APK_UPGRADE.test(step)) && isUpgradeOnly(step)));
    return { manager, alone };
}
/** A step that is one upgrade command with its options (and an env prefix). */
const isUpgradeOnly = (step) => new RegExp(`^${UPGRADE_CALL.source}$`).test(step);
/** RUN layers that are wholly a no-op upgrade: package-cache leaves their caches to this rule. */
function noopUpgradeLayers(input) {
    const layers = new Set();
    input.layers.forEach((_, at) => {
        if (noopUpgrade(input, at)?.alone)
            layers.add(at);
    });
    return layers;
}
/** The package names an install command names (`apt-get install -y a b=1.2`, `apk add --virtual .x c`). */
function namedPackages(command) {
    const found = [];
    const text = command.replace(/\\\r?\n/g, ' ');
    for (const [manager, pattern] of [
        ['apt', APT_INSTALL],
        ['apk', APK_ADD],
    ]) {
        for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
            const rest = text.slice(match.index + match[0].length);
            const segment = rest.split(/&&|\|\||[;|)\n]/)[0] ?? '';
            if (/--reinstall\b/.test(`${match[0]} ${segment}`))
                continue;
            const names = [];
            const words = segment.trim().split(/\s+/).filter(Boolean);
            for (let i = 0; i < words.length; i++) {
                const word = words[i];
                if (word.startsWith('-')) {
                    // Options that take the next word as their value.
                    if (/^(?:-o|-t|--virtual|-X|--repository|--target-release|-c)$/.test(word))
                        i++;
                    continue;
                }
                const name = word.split(/[=<>~:]/)[0].toLowerCase();
                if (/[$`'"]/.test(word) || /[*?{}[\]]/.test(name) || word.startsWith('.') || word.includes('/'))
                    continue;
                if (/^[a-z0-9][a-z0-9+.-]*$/.test(name))
                    names.push(name);
            }
            if (names.length > 0)
                found.push({ manager, names });
        }
    }
    return found;
}
/** The packages installed at or below layer `at`, per manager, with their versions. */
function installedAt(layers, at, manager) {
    if (at < 0)
        return undefined;
    if (manager === 'apt') {
        const status = statusAt(layers, at);
        if (!status)
            return undefined;
        return new Map([...status].map(([name, pkg]) => [name, { version: pkg.version }]));
    }
    const text = recordAt(layers, APK_INSTALLED, at);
    if (text === undefined)
        return undefined;
    return new Map([...parseApkInstalled(text)].map(([name, pkg]) => [name, { version: pkg.version, files: pkg.files }]));
}
/** The bytes of an installed package's files in the filesystem below a layer. */
function installedBytes(fs, name, installed) {
    let files = installed.files;
    if (!files) {
        const list = [...fs.records].find(([path]) => path === `var/lib/dpkg/info/${name}.list` ||
            (path.startsWith(`var/lib/dpkg/info/${name}:`) && path.endsWith('.list')));
        files = list ? list[1].text.split('\n').map((line) => line.replace(/^\/+/, '')) : [];
    }
    let bytes = 0;
    for (const path of new Set(files))
        bytes += fs.files.get(path)?.size ?? 0;
    return bytes;
}
/**
 * The edits that remove package names from the install inside a plain RUN: one per line changed
 * (a continuation line left with only its `\\` goes), or undefined when a name is not found or
 * removing it would empty a line that ends the instruction.
 */
function dropNames(input, instruction, names) {
    const lines = input.dockerfile.lines;
    let from = instruction.startLine;
    while (from < instruction.endLine && !/\b(?:apt-get|apt|apk)\b/.test(lines[from - 1]))
        from++;
    const edited = new Map();
    for (const name of names) {
        const escaped = name.replace(/[.+]/g, '\\$&');
        const token = new RegExp(String.raw `(\s)${escaped}(?:[=:][^\s\\]*)?(?=\s|\\|$)`);
        let found = false;
        for (let line = from; line <= instruction.endLine && !found; line++) {
            const text = edited.get(line) ?? lines[line - 1];
            if (!token.test(text))
                continue;
            const dropped = text.replace(token, '$1').replace(/(\S)[ \t]{2,}(?=\S)/, '$1 ');
            edited.set(line, dropped.replace(/[ \t]+$/, '').replace(/[ \t]{2,}\\$/, ' \\'));
            found = true;
        }
        if (!found)
            return undefined;
    }
    const edits = [];
    for (const [line, text] of edited) {
        if (text.trim() === '\\')
            edits.push({ line, endLine: line, text: '' });
        else if (text.trim() === '')
            return undefined;
        else
            edits.push({ line, endLine: line, text });
    }
    return edits;
}
const packageNoopRule = {
    id: PACKAGE_NOOP,
    title: 'Package step that does nothing',
    check(input) {
        const findings = [];
        const file = input.dockerfile.file;
        const lastBase = input.layers.reduce((last, layer, at) => (layer.fromBase ? at : last), -1);
        input.layers.forEach((layer, at) => {
            if (!isRunLayer(layer))
                return;
            const instruction = layer.instruction;
            const upgrade = noopUpgrade(input, at);
            if (upgrade) {
                const update = upgrade.manager === 'apt' ? 'apt-get update' : 'apk update';
                const where = upgrade.manager === 'apt' ? 'no package lists' : 'no APKINDEX';
                const remove = !upgrade.alone && instruction.heredocs.length === 0 ? removeUpgrade(input, instruction) : undefined;
                const bytes = upgrade.alone ? layer.scan.uncompressed : 0;
                findings.push({
                    rule: PACKAGE_NOOP,
                    file,
                    line: instruction.startLine,
                    endLine: instruction.endLine,
                    bytes,
                    ...(upgrade.alone && { saves: bytes }),
                    message: `This ${upgrade.manager === 'apt' ? '`apt-get upgrade`' : '`apk upgrade`'} upgrades nothing: ` +
                        `there are ${where} here (no \`${update}\` before it in this RUN, none left by an earlier one)` +
                        (bytes > 0 ? `, yet it writes ${(0,format/* formatBytes */.z3)(bytes)}` : ''),
                    fix: (upgrade.alone ? 'Remove this RUN' : 'Remove the upgrade from this RUN') +
                        `; if upgrades are wanted, run \`${update}\` first in the same RUN (and clean up after)`,
                    ...(upgrade.alone
                        ? { edits: [{ line: instruction.startLine, endLine: instruction.endLine, text: '' }] }
                        : remove && { edits: [remove] }),
                });
            }
            for (const { manager, names } of namedPackages(commandOf(instruction))) {
                const before = installedAt(input.layers, at - 1, manager);
                const after = installedAt(input.layers, at, manager);
                if (!before || !after)
                    continue;
                const fromBase = lastBase >= 0 ? installedAt(input.layers, lastBase, manager) : undefined;
                const noops = [...new Set(names)].filter((name) => {
                    const was = before.get(name);
                    const now = after.get(name);
                    return was !== undefined && now !== undefined && was.version === now.version;
                });
                if (noops.length === 0)
                    continue;
                const fs = finalFilesystem(input.layers.slice(0, at));
                const weighed = noops.map((name) => ({
                    name,
                    bytes: installedBytes(fs, name, before.get(name)),
                    base: fromBase?.has(name) ?? false,
                }));
                const bytes = weighed.reduce((sum, p) => sum + p.bytes, 0);
                const edits = instruction.heredocs.length === 0 && noops.length < new Set(names).size
                    ? dropNames(input, instruction, noops)
                    : undefined;
                const earlier = input.layers
                    .slice(lastBase + 1, at)
                    .filter((l) => l.instruction && !l.fromBase)
                    .map((l) => l.instruction);
                const by = weighed.every((p) => p.base)
                    ? 'the base image'
                    : weighed.some((p) => p.base) || earlier.length === 0
                        ? 'the base image or an earlier step'
                        : `an earlier step (${lineList(earlier)})`;
                const list = weighed
                    .map((p) => `\`${p.name}\`${p.bytes > 0 ? ` ${(0,format/* formatBytes */.z3)(p.bytes)}` : ''}`)
                    .join(', ');
                findings.push({
                    rule: PACKAGE_NOOP,
                    file,
                    line: instruction.startLine,
                    endLine: instruction.endLine,
                    bytes,
                    message: `This install names ${list}, already installed at the same version by ${by}: installing ${noops.length > 1 ? 'them' : 'it'} again does nothing`,
                    fix: `Drop ${noops.map((n) => `\`${n}\``).join(', ')} from the list (it saves no bytes; the list then says what this step adds)`,
                    ...(edits && edits.length > 0 && { edits }),
                });
            }
        });
        return findings;
    },
};
/** The edit that takes the upgrade command (and the `&&` that joins it) out of a plain shell RUN. */
function removeUpgrade(input, instruction) {
    const call = UPGRADE_CALL.source;
    const patterns = [new RegExp(String.raw `${call}\s*&&\s*`), new RegExp(String.raw `\s*&&\s*${call}`)];
    for (let line = instruction.startLine; line <= instruction.endLine; line++) {
        const text = input.dockerfile.lines[line - 1];
        for (const pattern of patterns)
            if (pattern.test(text))
                return { line, endLine: line, text: text.replace(pattern, '') };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/advise/rules/package-cache.ts
/**
 * package-cache: package-manager caches (apt lists and archives, apk, yum/dnf, pip, npm, yarn,
 * pnpm, Go, conda, gem) and temporary files that a RUN leaves in its layer, with the fix that
 * fits the manager.
 *
 * The bytes are the layer scan's `cacheBytes`: all a RUN writes under those directories, whether
 * the final filesystem still shows them or a later layer deletes them. A later `rm -rf` does not
 * take them out of this layer, and the fix is the same (clean in the same RUN), so the finding
 * stays on the RUN that wrote them; hidden-bytes and merge-runs leave these bytes to this rule
 * (waste-owners.ts). Only RUN layers: caches of the base image are the base's, and a COPY or ADD
 * brings in what the build context holds.
 *
 * A RUN with `--mount=type=cache,target=DIR` writes nothing to its layer under DIR, so the scan
 * finds no bytes there and the rule stays quiet for that path by measurement; when the RUN
 * mounts one cache of a manager but leaves another (apt archives mounted, lists left), the
 * finding names the directory that still holds bytes.
 */








const PACKAGE_CACHE = 'package-cache';
const package_cache_LABELS = new Map(cache_paths/* CACHE_PATH_RULES */.pM.map((rule) => [rule.kind, rule.label]));
/** Per pattern of a kind, the directory a path under it is in (`home/app/.cache/pip`). */
const ROOT_MATCHERS = new Map(cache_paths/* CACHE_PATH_RULES */.pM.map((rule) => [
    rule.kind,
    rule.patterns.map((pattern) => {
        const floating = pattern.startsWith('**/');
        const body = (floating ? pattern.slice(3) : pattern)
            .slice(0, -1)
            .split('/')
            .map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/');
        return new RegExp(`^(${floating ? '(?:.*/)?' : ''}${body})/`);
    }),
]));
/** The cache directory (as an absolute path) that holds `path`, for the message and the fix. */
function cacheRootOf(path, kind) {
    for (const matcher of ROOT_MATCHERS.get(kind) ?? []) {
        const match = matcher.exec(path);
        if (match)
            return `/${match[1]}`;
    }
    return `/${path}`;
}
/**
 * The cache bytes of a RUN layer per kind, with the directories they are in, leaving out any
 * under the RUN's own cache mounts (none in practice: a mount keeps them out of the layer).
 * Without mounts, the bytes are the layer scan's `cacheBytes`.
 */
function cachesOf(layer, mounted) {
    const kinds = Object.keys(layer.scan.cacheBytes).filter((kind) => (0,cache_paths/* isCleanableCache */.ye)(kind) && layer.scan.cacheBytes[kind] > 0);
    if (kinds.length === 0)
        return [];
    const roots = new Map();
    const { count, paths, kinds: entryKinds, sizes } = layer.scan.entries;
    for (let k = 0; k < count; k++) {
        if (entryKinds[k] !== image_layers.EntryKind.File || sizes[k] === 0)
            continue;
        const kind = (0,cache_paths/* cacheKindOf */.cW)(paths[k]);
        if (kind === undefined)
            continue;
        const root = cacheRootOf(paths[k], kind);
        const perRoot = roots.get(kind) ?? new Map();
        perRoot.set(root, (perRoot.get(root) ?? 0) + sizes[k]);
        roots.set(kind, perRoot);
    }
    const isMounted = (root) => mounted.some((target) => root === target || root.startsWith(`${target}/`));
    return kinds
        .map((kind) => {
        const kept = [...(roots.get(kind) ?? new Map())]
            .filter(([root]) => !isMounted(root))
            .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
        const bytes = kept.reduce((total, [, rootBytes]) => total + rootBytes, 0);
        return { kind, bytes, roots: kept.map(([root]) => root) };
    })
        .filter((cache) => cache.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes);
}
/** The RUN's command text, heredocs included: what tells apt from apt-get, dnf from yum. */
const package_cache_commandOf = (instruction) => instruction.arguments.join('\n');
/** The fix for one kind of cache, as this RUN would write it. */
function cacheFix(kind, roots, command) {
    const root = roots[0];
    const mount = `\`RUN --mount=type=cache,target=${root}\``;
    switch (kind) {
        case 'apt': {
            const lists = roots.some((r) => r.startsWith('/var/lib/apt/lists'));
            const archives = roots.some((r) => r.startsWith('/var/cache/apt'));
            const steps = [
                ...(lists ? ['`rm -rf /var/lib/apt/lists/*`'] : []),
                ...(archives ? ['`apt-get clean`'] : []),
            ];
            return `end the same RUN with ${steps.join(' and ')}, or use ${mount}`;
        }
        case 'apk':
            return /\bapk\s+add\b/.test(command) && !/--no-cache\b/.test(command)
                ? `use \`apk add --no-cache\`, or ${mount}`
                : `end the same RUN with \`rm -rf /var/cache/apk/*\`, or use ${mount}`;
        case 'yum': {
            const manager = /\bdnf\b|\bmicrodnf\b/.test(command) ? 'dnf' : 'yum';
            return `end the same RUN with \`${manager} clean all && rm -rf ${root}\`, or use ${mount}`;
        }
        case 'pip':
            return `use \`pip install --no-cache-dir\` (or \`ENV PIP_NO_CACHE_DIR=1\`), or ${mount}`;
        case 'npm':
            return `end the same RUN with \`npm cache clean --force\` (\`npm ci && npm cache clean --force\`), or use ${mount}`;
        case 'yarn':
            return `end the same RUN with \`yarn cache clean\`, or use ${mount}`;
        case 'pnpm':
            return `use ${mount} for the pnpm store, or end the same RUN with \`pnpm store prune\``;
        case 'go':
            return `use ${mount} (and one for /go/pkg/mod), or build in a separate stage and copy only the binary`;
        case 'conda':
            return `end the same RUN with \`conda clean --all --yes\`, or use ${mount}`;
        case 'gem':
            return `end the same RUN with \`rm -rf ${root}\` (or \`gem install --no-document\`), or use ${mount}`;
        case 'tmp':
            return `delete them in the same RUN (\`rm -rf ${roots.map((r) => `${r}/*`).join(' ')}\`), or use \`RUN --mount=type=tmpfs,target=${root}\``;
        case 'pkgdb':
            return 'nothing to clean: package databases must stay'; // never reported (isCleanableCache)
    }
}
const packageCacheRule = {
    id: PACKAGE_CACHE,
    title: 'Package cache left in the image',
    check(input) {
        const findings = [];
        const runs = input.layers.filter(isRunLayer);
        // A RUN that is wholly an upgrade with nothing to upgrade from: package-noop removes it.
        const noops = noopUpgradeLayers(input);
        for (const layer of runs) {
            if (noops.has(layer.index))
                continue;
            const instruction = layer.instruction;
            const caches = cachesOf(layer, cacheMountTargets(instruction));
            const bytes = caches.reduce((total, cache) => total + cache.bytes, 0);
            if (bytes <= 0)
                continue;
            const hiddenLater = hiddenCacheBytes(input, layer.index);
            const parts = caches.map((c) => `${(0,format/* formatBytes */.z3)(c.bytes)} of ${package_cache_LABELS.get(c.kind)} (${c.roots.join(', ')})`);
            const command = package_cache_commandOf(instruction);
            const later = runs.filter((run) => run.index > layer.index).map((run) => run.instruction);
            const apt = caches.find((c) => c.kind === 'apt');
            const plan = apt ? aptPlan(input, layer, apt, later) : undefined;
            let fix = caches
                .map((c) => cacheFix(c.kind, c.roots, command))
                .join('; ')
                .replace(/^./, (first) => first.toUpperCase());
            if (plan?.fix)
                fix = plan.fix;
            const edits = plan ? plan.edits : genericEdits(input, instruction, caches);
            // The apt edit also cleans the installs that read these lists: their apt caches go too.
            const saves = Math.max(0, bytes - (plan?.comesBack ?? 0)) + (plan?.alsoCleans ?? 0);
            const message = `This RUN leaves ${parts.join(', ')} in its layer` +
                (hiddenLater > 0
                    ? `; a later layer deletes or overwrites ${(0,format/* formatBytes */.z3)(hiddenLater)} of it, but this layer still ships it`
                    : '') +
                (plan && plan.comesBack > 0
                    ? `. Fixed alone it saves ${(0,format/* formatBytes */.z3)(saves)}: the \`apt-get update\` at line ${plan.rewriters.join(', ')} ` +
                        `would write the lists again; fixing ${plan.rewriters.length > 1 ? 'those lines' : 'that line'} too saves all of it`
                    : '');
            findings.push({
                rule: PACKAGE_CACHE,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                message,
                fix,
                saves,
                ...(plan && plan.withLines.length > 0 && { withLines: plan.withLines }),
                ...(edits && { edits }),
            });
        }
        return findings;
    },
};
const package_cache_APT_UPDATE = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
const package_cache_APT_INSTALL = /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b/;
const LISTS_CLEANED = /rm\s+-\S*\s+\/var\/lib\/apt\/lists/;
const APT_LISTS_CLEAN = 'rm -rf /var/lib/apt/lists/*';
/** A RUN that runs `apt-get update` and nothing else. */
const UPDATE_ONLY = /^\s*apt(?:-get)?\s+(?:-\S+\s+)*update(?:\s+-\S+)*\s*$/;
/**
 * apt's lists are what every later `apt-get install` reads: deleting them here breaks a later
 * install that does not update first, and a later `apt-get update` that keeps its lists writes
 * them again. The fix this plans edits those lines too (an install gets its own update and
 * cleans after it), and the claim is what this fix alone saves.
 */
function aptPlan(input, layer, apt, later) {
    const model = input.dockerfile;
    const instruction = layer.instruction;
    const command = package_cache_commandOf(instruction);
    const lists = apt.roots.some((r) => r.startsWith('/var/lib/apt/lists'));
    const archives = apt.roots.some((r) => r.startsWith('/var/cache/apt'));
    const listBytes = bytesUnder(layer, 'var/lib/apt/lists/');
    const clean = [...(lists ? [APT_LISTS_CLEAN] : []), ...(archives ? ['apt-get clean'] : [])].join(' && ');
    // Later installs that read this layer's lists: up to the next RUN that updates.
    const readers = [];
    const rewriters = [];
    let comesBack = 0;
    if (lists) {
        for (const run of later) {
            const text = package_cache_commandOf(run);
            if (package_cache_APT_UPDATE.test(text)) {
                if (!LISTS_CLEANED.test(text)) {
                    rewriters.push(run.startLine);
                    const there = input.layers.find((l) => l.instruction === run);
                    comesBack = Math.max(0, listBytes - (there ? bytesUnder(there, 'var/lib/apt/lists/') : 0));
                }
                break;
            }
            if (package_cache_APT_INSTALL.test(text))
                readers.push(run);
        }
    }
    const plain = (i) => isPlainShellRun(model, i);
    const editable = plain(instruction) && readers.every(plain);
    const readerEdits = (from) => readers.slice(from).flatMap((run) => {
        const first = prependToRun(model, run, 'apt-get update');
        // The update brings apt's package caches too: the install cleans what the update wrote.
        const last = appendToRun(model, run, clean);
        return run.startLine === run.endLine
            ? [{ ...first, text: `${first.text} && ${clean}` }]
            : [first, last];
    });
    const withLines = [...readers.map((r) => r.startLine), ...rewriters];
    const alsoCleans = readers.reduce((sum, run) => {
        const there = input.layers.find((l) => l.instruction === run);
        return sum + (there ? bytesUnder(there, 'var/lib/apt/lists/') + bytesUnder(there, 'var/cache/apt/') : 0);
    }, 0);
    if (lists && !package_cache_APT_INSTALL.test(command) && package_cache_APT_UPDATE.test(command) && readers.length > 0) {
        // An update-only RUN: the lists belong in the install's RUN, updated and cleaned there.
        const install = readers[0];
        const updateOnly = UPDATE_ONLY.test(command.replace(/\s*\\\n\s*/g, ' '));
        const fix = `Merge the update into the install RUN at line ${install.startLine} ` +
            `(\`RUN apt-get update && apt-get install ... && ${clean}\`)` +
            (updateOnly ? ' and drop this RUN' : `, and end this RUN with \`${clean}\``) +
            (readers.length > 1
                ? `; the installs at line ${readers
                    .slice(1)
                    .map((r) => r.startLine)
                    .join(', ')} the same`
                : '');
        const own = updateOnly
            ? { line: instruction.startLine, endLine: instruction.endLine, text: '' }
            : appendToRun(model, instruction, clean);
        return {
            fix,
            edits: editable ? [own, ...readerEdits(0)] : undefined,
            comesBack,
            rewriters,
            withLines,
            alsoCleans,
        };
    }
    const fix = `End the same RUN with \`${clean}\`, or use \`RUN --mount=type=cache,target=${apt.roots[0]}\`` +
        (readers.length > 0
            ? `; the installs at line ${readers.map((r) => r.startLine).join(', ')} read these lists: run \`apt-get update\` in them too`
            : '');
    return {
        fix,
        edits: editable ? [appendToRun(model, instruction, clean), ...readerEdits(0)] : undefined,
        comesBack,
        rewriters,
        withLines,
        alsoCleans,
    };
}
/** Any other manager: delete the cache directories at the end of the same RUN. */
function genericEdits(input, instruction, caches) {
    if (!isPlainShellRun(input.dockerfile, instruction))
        return undefined;
    const roots = caches.flatMap((c) => c.roots.map((root) => (c.kind === 'tmp' ? `${root}/*` : root)));
    return [appendToRun(input.dockerfile, instruction, `rm -rf ${roots.join(' ')}`)];
}
function bytesUnder(layer, prefix) {
    const { count, paths, kinds, sizes } = layer.scan.entries;
    let total = 0;
    for (let k = 0; k < count; k++)
        if (kinds[k] === image_layers.EntryKind.File && paths[k].startsWith(prefix))
            total += sizes[k];
    return total;
}
/** Cache bytes of a layer that later layers hide (from the waste pairs). */
function hiddenCacheBytes(input, layer) {
    let total = 0;
    for (const pair of input.waste.pairs) {
        if (pair.layer !== layer)
            continue;
        for (const bytes of Object.values(pair.cacheBytes))
            total += bytes ?? 0;
    }
    return total;
}

;// CONCATENATED MODULE: ./src/advise/rules/hidden-bytes.ts
/**
 * hidden-bytes: files a later layer deletes or overwrites. The image still ships the lower copy,
 * so deleting or rewriting in a later step costs the bytes twice or saves nothing. The finding
 * stands on the line that added the bytes (a FROM for the base image's files), names the lines
 * that hid them, and counts each hidden copy once (wasted.ts).
 *
 * It reports what waste-owners.ts leaves to it: overwrites (a chmod/chown or a second write of
 * the same file), what COPY/ADD brings in that a later step deletes or replaces, and base-image
 * files the Dockerfile deletes or rewrites. A RUN's leftovers that a later RUN deletes are
 * merge-runs', package caches are package-cache's, an ADD <URL> download deleted later is
 * add-url's. One finding per line that added bytes, whatever the number of lines that hid them.
 *
 * What to change (which line writes the final copy, what a COPY leaves out) depends on why the
 * Dockerfile hides the files, which the layers do not say: the fix is a question, no edit, and
 * claims no bytes (`saves` absent); the message says the bytes as what the line added.
 */


const HIDDEN_BYTES = 'hidden-bytes';
/** The hidden bytes of one adder, per hiding line and way (deleted or overwritten), most first. */
function hiderParts(items) {
    const parts = new Map();
    for (const item of items) {
        const hider = item.hider.instruction;
        if (!hider)
            continue;
        const deletes = isDeletion(item.pair.how);
        const key = `${hider.startLine}:${deletes}`;
        const part = parts.get(key) ?? { hider, deletes, bytes: 0 };
        part.bytes += item.bytes;
        parts.set(key, part);
    }
    return [...parts.values()].sort((a, b) => b.bytes - a.bytes || a.hider.startLine - b.hider.startLine);
}
const describePart = (part) => `${(0,format/* formatBytes */.z3)(part.bytes)} ${part.deletes ? 'deleted' : 'overwritten'} by the ${part.hider.keyword} at line ${part.hider.startLine}`;
const hidden_bytes_text = (instruction) => [...instruction.flags, ...instruction.arguments].join(' ');
const CHMOD = /\bch(?:mod|own|grp)\b/;
const UPGRADE = /\b(?:apt-get|apt|apk|dnf|microdnf)\s+(?:-\S+\s+)*(?:upgrade|dist-upgrade|full-upgrade)\b|\byum\s+(?:-\S+\s+)*(?:update|upgrade)\b/;
/** The fix for the largest part, as a question: what the adding line and the hiding line are. */
function hiddenBytesFix(adder, part) {
    const hider = part?.hider;
    const adding = adder.instruction;
    if (hider && hider.keyword === 'RUN' && CHMOD.test(hidden_bytes_text(hider))) {
        return adder.fromBase
            ? 'Can the base-image files keep their owner and mode, or a base that has them right serve? Changing them copies every file touched into a new layer'
            : `Could the owner and mode be set where the files are written (\`${adding.keyword === 'RUN' ? 'chmod/chown in that RUN' : `${adding.keyword} --chown=... --chmod=...`}\`)? A later RUN copies every file it touches`;
    }
    if (adder.fromBase) {
        if (hider && hider.keyword === 'RUN' && UPGRADE.test(hidden_bytes_text(hider))) {
            return 'Would a newer tag of the base image serve instead of the upgrade? Upgrading its packages stores each upgraded file twice';
        }
        return 'Deleting or rewriting base-image files does not shrink the image: would a base (or a slimmer variant) without them serve, or a multi-stage build that copies what you need into a slim base?';
    }
    if (adding.keyword === 'COPY' || adding.keyword === 'ADD') {
        return part?.deletes
            ? `Could this ${adding.keyword} leave out what a later step deletes (narrower sources, or those paths in .dockerignore)?`
            : `Could each file be copied once, in its final form (these paths left out of this ${adding.keyword}, or of the later step)?`;
    }
    if (hider && (hider.keyword === 'COPY' || hider.keyword === 'ADD')) {
        return `Does this ${adding.keyword} need to create the files that the ${hider.keyword} at line ${hider.startLine} replaces, or could that ${hider.keyword} come before it?`;
    }
    return `Could the change be made in the ${adding.keyword} that writes the files (the steps merged), so only the final copy is stored?`;
}
const hiddenBytesRule = {
    id: HIDDEN_BYTES,
    title: 'Bytes hidden by a later layer',
    check(input) {
        const mine = ownedWaste(input).filter((item) => item.owner === HIDDEN_BYTES);
        const findings = [];
        for (const group of byAdderInstruction(mine)) {
            const bytes = group.reduce((total, item) => total + item.bytes, 0);
            if (bytes <= 0)
                continue;
            const adder = group[0].adder;
            const instruction = adder.instruction;
            const parts = hiderParts(group);
            const shown = parts.slice(0, 3).map(describePart);
            if (parts.length > 3)
                shown.push(`${parts.length - 3} more`);
            const what = adder.fromBase
                ? `${(0,format/* formatBytes */.z3)(bytes)} of the base image's files are hidden by later lines`
                : `${(0,format/* formatBytes */.z3)(bytes)} that this ${instruction.keyword} adds are hidden by ${parts.length > 0 ? lineList(parts.map((p) => p.hider)) : 'a later layer'}`;
            findings.push({
                rule: HIDDEN_BYTES,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                message: `${what}${shown.length > 0 ? ` (${shown.join(', ')})` : ''}; the image still ships them`,
                fix: hiddenBytesFix(adder, parts[0]),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/merge-runs.ts
/**
 * merge-runs: a RUN that deletes what an earlier RUN left. Each RUN is saved as its own layer, so
 * the earlier layer keeps the bytes and the later `rm` only hides them: the cleanup has to
 * happen in the RUN that creates the files. Pairs of RUNs where the later one deletes nothing of
 * the earlier one are not findings, however many RUNs there are (fewer layers alone save nothing
 * worth a line in the report).
 *
 * The bytes are those the later RUNs delete (whiteouts, opaque directories, directories replaced
 * by a file) of the earlier RUN's files, each copy once (wasted.ts). Package caches are left to
 * package-cache, and overwrites (the same path written again) to hidden-bytes (waste-owners.ts):
 * one finding per cause. The finding stands on the earlier RUN, where the cleanup must go; one
 * per earlier RUN, naming every later RUN that cleans after it.
 *
 * Moving a cleanup between RUNs is no edit a tool can make safely (the later RUN may do more, run
 * elsewhere, or fail once the files are gone): the fix is a question and claims no bytes (`saves`
 * absent); the message says the bytes as what the earlier RUN left.
 */


const MERGE_RUNS = 'merge-runs';
const mergeRunsRule = {
    id: MERGE_RUNS,
    title: 'Cleanup in a separate RUN',
    check(input) {
        const mine = ownedWaste(input).filter((item) => item.owner === MERGE_RUNS);
        const findings = [];
        for (const group of byAdderInstruction(mine)) {
            const bytes = group.reduce((total, item) => total + item.bytes, 0);
            if (bytes <= 0)
                continue;
            const instruction = group[0].adder.instruction;
            const cleaners = group.map((item) => item.hider.instruction);
            const where = lineList(cleaners);
            const plural = new Set(cleaners.map((c) => c.startLine)).size > 1;
            findings.push({
                rule: MERGE_RUNS,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                message: `The RUN${plural ? 's' : ''} at ${where} delete${plural ? '' : 's'} ${(0,format/* formatBytes */.z3)(bytes)} that this RUN leaves: this layer still ships them`,
                fix: `Could the cleanup of ${where} happen at the end of this RUN (\`... && rm -rf ...\`), so the files never reach a layer?`,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/add-instead-of-copy.ts
/**
 * ADD where another instruction fits, as two rules (silenced separately):
 *
 * - add-local-file: ADD of local files that are not tar archives. ADD only differs from COPY by
 *   unpacking local tars and fetching URLs; for anything else COPY says what happens (a file that
 *   later becomes a tar would silently be unpacked). COPY stores the same bytes, so the finding's
 *   bytes are what the ADD stores: what the line is about, and what ranks it (below the
 *   threshold, a config file ADDed, it stays quiet). Whether a tar-named source was unpacked is
 *   measured: its layer holds a file of that name only when it was not (`.zip` and plain `.gz`
 *   files never are). The fix is an edit (the keyword becomes COPY) that claims no bytes.
 * - add-url: ADD <URL> whose download is an intermediate: a later RUN deletes it (the bytes stay
 *   in the ADD's layer) or unpacks or runs it (it stays next to what it became). The bytes are
 *   the download's: those later RUNs delete plus, when a later RUN names the file, those still
 *   visible. A download used as it is (a static binary, a config) is what ADD <URL> is for:
 *   no finding. Deleted downloads are this rule's, not hidden-bytes' (waste-owners.ts). Whether
 *   the image has a downloader for a RUN to use is not known: the fix is a question, no edit, and
 *   claims no bytes (`saves` absent); the message says the download's bytes.
 */




const ADD_LOCAL_FILE = 'add-local-file';
const ADD_URL = 'add-url';
/** Names ADD unpacks when the file is a (compressed) tar. */
const TAR_NAME = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz|lzma|lz4|z))$/i;
const GIT_SOURCE = /^git@|^[a-z]+:\/\/.*\.git(?:#.*)?$|^git:\/\//i;
/** ADD's own flags, which COPY does not take: with one of them, no edit. */
const ADD_ONLY_FLAG = /^--(?:checksum|keep-git-dir|unpack)\b/i;
/** ADD -> COPY on the instruction's first line, sources, flags and destination as written. */
function addToCopy(input, instruction) {
    if (instruction.flags.some((flag) => ADD_ONLY_FLAG.test(flag)))
        return undefined;
    const first = input.dockerfile.lines[instruction.startLine - 1] ?? '';
    if (!/^\s*ADD\b/i.test(first))
        return undefined;
    return replaceInInstruction(input.dockerfile, instruction, /^(\s*)ADD\b/i, (match) => match.replace(/ADD$/i, 'COPY'));
}
const basename = (path) => path.replace(/\/+$/, '').split('/').pop() ?? '';
/** ADD's sources (its arguments but the last), heredoc sources (`<<EOF`) left out. */
const sourcesOf = (instruction) => instruction.arguments.slice(0, -1).filter((source) => !source.startsWith('<<'));
/** Whether the layer holds a regular file named `name` (a source ADD copied rather than unpacked). */
function holdsFileNamed(layer, name) {
    const { count, paths, kinds } = layer.scan.entries;
    for (let k = 0; k < count; k++) {
        if (kinds[k] === image_layers.EntryKind.File && basename(paths[k]) === name)
            return true;
    }
    return false;
}
const addLocalFileRule = {
    id: ADD_LOCAL_FILE,
    title: 'ADD of local files that are not archives',
    check(input) {
        const findings = [];
        for (const layer of input.layers) {
            const instruction = layer.instruction;
            if (layer.fromBase || instruction?.keyword !== 'ADD')
                continue;
            const sources = sourcesOf(instruction);
            if (sources.length === 0 || sources.some((s) => isUrlSource(s) || GIT_SOURCE.test(s)))
                continue;
            // A tar-named source that the layer does not hold as a file was unpacked: ADD's own job.
            const unpacked = sources.some((source) => TAR_NAME.test(source) && (/[*?[]/.test(source) || !holdsFileNamed(layer, basename(source))));
            if (unpacked)
                continue;
            const bytes = layer.scan.uncompressed;
            if (bytes <= 0)
                continue;
            const edit = addToCopy(input, instruction);
            findings.push({
                rule: ADD_LOCAL_FILE,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                message: `ADD stores ${(0,format/* formatBytes */.z3)(bytes)} of local files that are not tar archives: nothing to unpack or fetch`,
                fix: 'Use COPY with the same sources and destination: it does only what it says',
                ...(edit && { edits: [edit] }),
            });
        }
        return findings;
    },
};
/** The names the downloaded files get (`ADD URL /dest/` keeps the URL's file name). */
function downloadNames(instruction) {
    const args = instruction.arguments;
    const destination = args.at(-1) ?? '';
    const names = args
        .slice(0, -1)
        .filter(isUrlSource)
        .map((url) => basename(url.split(/[?#]/)[0]));
    if (!destination.endsWith('/') && names.length === 1)
        names.push(basename(destination));
    return [...new Set(names.filter((name) => name.length >= 3))];
}
/** Whether a RUN's command names one of the files (a whole word of it, not a prefix). */
function names(run, files) {
    const command = run.arguments.join('\n');
    return files.some((file) => new RegExp(`(?:^|[^\\w.-])${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`).test(command));
}
const addUrlRule = {
    id: ADD_URL,
    title: 'ADD of a URL that a later RUN unpacks or deletes',
    check(input) {
        const owned = ownedWaste(input).filter((item) => item.owner === ADD_URL);
        const findings = [];
        for (const layer of input.layers) {
            if (!isAddUrlLayer(layer))
                continue;
            const instruction = layer.instruction;
            const deleted = owned.filter((item) => item.adder === layer);
            const deletedBytes = deleted.reduce((total, item) => total + item.bytes, 0);
            const files = downloadNames(instruction);
            const users = input.layers
                .filter((later) => later.index > layer.index && !later.fromBase && later.instruction?.keyword === 'RUN')
                .filter((later) => names(later.instruction, files));
            const visible = layer.scan.uncompressed - (input.waste.perLayer[layer.index] ?? 0);
            const bytes = deletedBytes + (users.length > 0 ? Math.max(0, visible) : 0);
            if (bytes <= 0)
                continue;
            const later = [...deleted.map((item) => item.hider.instruction), ...users.map((u) => u.instruction)];
            findings.push({
                rule: ADD_URL,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                message: `ADD downloads ${(0,format/* formatBytes */.z3)(bytes)} that ${later.length > 0 ? `the RUN at ${lineList(later)}` : 'a later RUN'} ` +
                    `${deletedBytes > 0 ? 'deletes' : 'unpacks or runs'}: this layer still ships the download`,
                fix: 'Could one RUN download, unpack and delete it (`wget -O- URL | tar -xz -C DIR`, or `... && rm FILE`), or a build stage fetch it for a `COPY --from` of only what you need?',
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/apt-recommends.ts
/**
 * apt-recommends: `apt-get install` without `--no-install-recommends` installs the packages the
 * named ones only recommend. Measured from the records the install wrote: the packages new in the
 * RUN's dpkg status that no package installed by hand (apt's extended states) or already there
 * needs through Depends/Pre-Depends, and the bytes their dpkg file lists name in that layer, plus
 * what their installation adds beside their files: debconf's database (rewritten whole in the
 * layer when only they have templates among the packages added, else their templates' bytes)
 * and the files their maintainer scripts generate in a directory only they own
 * (`/etc/ssl/certs/ca-certificates.crt`), and their .debs when apt's archive cache is left.
 * Quiet when the RUN already says `--no-install-recommends` (or sets Install-Recommends false),
 * or when the layer holds no dpkg records (no measurement, no guess).
 */







const APT_RECOMMENDS = 'apt-recommends';
const INSTALL = /\bapt(?:-get)?\s+((?:-\S+\s+)*)install\b/;
const aptRecommendsRule = {
    id: APT_RECOMMENDS,
    title: 'Recommended packages installed',
    check(input) {
        const findings = [];
        input.layers.forEach((layer, at) => {
            if (!isRunLayer(layer))
                return;
            const instruction = layer.instruction;
            const command = instruction.arguments.join('\n');
            if (!INSTALL.test(command) ||
                /--no-install-recommends|Install-Recommends[= ]+"?(?:false|0)/i.test(command))
                return;
            const after = layer.scan.records?.['var/lib/dpkg/status'];
            if (after === undefined)
                return;
            const before = statusAt(input.layers, at - 1) ?? new Map();
            const now = statusAt(input.layers, at);
            const auto = autoInstalledAt(input.layers, at);
            const added = [...now.keys()].filter((name) => !before.has(name));
            const manual = added.filter((name) => !auto.has(name));
            if (manual.length === 0)
                return;
            const needed = dependencyClosure(now, [...manual, ...before.keys()]);
            const recommended = added
                .filter((name) => !needed.has(name))
                .map((name) => ({ name, bytes: packageBytesIn(layer, name) }))
                .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
            const own = recommended.reduce((sum, p) => sum + p.bytes, 0);
            if (own <= 0)
                return;
            const names = new Set(recommended.map((p) => p.name));
            const extra = debconfBytes(layer, names, added) + generatedBytes(input, at, names) + archiveBytes(layer, names);
            const bytes = own + extra;
            const top = recommended
                .slice(0, 3)
                .map((p) => `${p.name} ${(0,format/* formatBytes */.z3)(p.bytes)}`)
                .join(', ');
            const edit = isPlainShellRun(input.dockerfile, instruction)
                ? replaceInInstruction(input.dockerfile, instruction, INSTALL, (whole) => `${whole} --no-install-recommends`)
                : undefined;
            findings.push({
                rule: APT_RECOMMENDS,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                saves: bytes,
                message: `This \`apt-get install\` also installs ${recommended.length} package(s) that are only recommended, ` +
                    `${(0,format/* formatBytes */.z3)(bytes)} (${top}${recommended.length > 3 ? ', …' : ''}` +
                    `${extra > 0 ? `; ${(0,format/* formatBytes */.z3)(extra)} of it their debconf templates, generated files and .debs` : ''})`,
                fix: 'Add `--no-install-recommends` (`apt-get install -y --no-install-recommends ...`), and name any ' +
                    'recommended package the image does need',
                ...(edit && { edits: [edit] }),
            });
        });
        return findings;
    },
};
/**
 * What the debconf database costs the layer for the packages named (the recommended ones, of the
 * packages `added` in the layer): when only they have templates among the packages the layer
 * added, debconf ran for them alone and every copy of its files in the layer (templates.dat,
 * config.dat and their -old copies, rewritten whole) goes with them; otherwise their templates'
 * bytes in the templates files.
 */
function debconfBytes(layer, names, added) {
    const records = layer.scan.records ?? {};
    const templates = ['var/cache/debconf/templates.dat', 'var/cache/debconf/templates.dat-old']
        .map((path) => records[path])
        .filter((text) => text !== undefined)
        .flatMap(image_records/* parseTemplatesRecord */.Y);
    const ours = templates.filter((t) => t.owners.length > 0 && t.owners.every((o) => names.has(o.split(':')[0])));
    if (ours.length === 0)
        return 0;
    const others = new Set(added.filter((name) => !names.has(name)));
    if (templates.some((t) => t.owners.some((o) => others.has(o.split(':')[0]))))
        return ours.reduce((sum, t) => sum + t.bytes, 0);
    const { count, paths, sizes } = layer.scan.entries;
    let bytes = 0;
    for (let k = 0; k < count; k++)
        if (/^var\/cache\/debconf\/[^/]+\.dat(?:-old)?$/.test(paths[k]))
            bytes += sizes[k];
    return bytes;
}
/** The .deb files of the packages named that apt left in its archive cache in the layer. */
function archiveBytes(layer, names) {
    const { count, paths, sizes } = layer.scan.entries;
    let bytes = 0;
    for (let k = 0; k < count; k++) {
        const match = /^var\/cache\/apt\/archives\/([^/_]+)_[^/]*\.deb$/.exec(paths[k]);
        if (match && names.has(decodeURIComponent(match[1])))
            bytes += sizes[k];
    }
    return bytes;
}
/** dpkg's and apt's own bookkeeping, which every install rewrites: not a package's files. */
const BOOKKEEPING = /^(?:var\/lib\/(?:dpkg|apt|ucf)|var\/cache\/(?:debconf|apt|ldconfig)|var\/log)\//;
/**
 * Files the layer adds that no package lists, in a directory that only the packages named list
 * (and at least one of them): what their maintainer scripts generated there.
 */
function generatedBytes(input, at, names) {
    const fs = finalFilesystem(input.layers.slice(0, at + 1));
    const listed = new Set();
    const dirOwners = new Map();
    for (const [path, record] of fs.records) {
        const match = /^var\/lib\/dpkg\/info\/([^/:]+)(?::[^/]+)?\.list$/.exec(path);
        if (!match)
            continue;
        for (const line of record.text.split('\n')) {
            const file = line.replace(/^\/+/, '');
            if (!file)
                continue;
            listed.add(file);
            const owners = dirOwners.get(file) ?? new Set();
            owners.add(match[1]);
            dirOwners.set(file, owners);
        }
    }
    const layer = input.layers[at];
    const { count, paths, kinds, sizes } = layer.scan.entries;
    let bytes = 0;
    for (let k = 0; k < count; k++) {
        const path = paths[k];
        if (kinds[k] !== image_layers.EntryKind.File || listed.has(path) || BOOKKEEPING.test(path))
            continue;
        const owners = dirOwners.get(path.slice(0, Math.max(0, path.lastIndexOf('/'))));
        if (owners && owners.size > 0 && [...owners].every((owner) => names.has(owner)))
            bytes += sizes[k];
    }
    return bytes;
}

;// CONCATENATED MODULE: ./src/advise/rules/dev-dependencies.ts
/**
 * dev-dependencies: a runtime stage that copies a builder's whole node_modules (`COPY --from=build
 * /app/node_modules ...`, or the app dir with it) ships the dev dependencies the build needed.
 * Measured like single-stage-toolchain's (node-deps.ts: what npm's hidden lockfile or pnpm's
 * lock.yaml call dev-only, else what no production dependency reaches by the installed
 * manifests), counting only the bytes that COPY --from layers brought. The fix prunes in
 * the builder before the copy, in the project's package manager: an edit that adds one RUN at
 * the end of the stage copied from.
 */




const DEV_DEPENDENCIES = 'dev-dependencies';
const devDependenciesRule = {
    id: DEV_DEPENDENCIES,
    title: 'Dev dependencies copied into the runtime stage',
    check(input) {
        const fs = finalFilesystem(input.layers);
        const findings = [];
        for (const project of nodeProjects(fs)) {
            for (const [at, bytes] of project.byLayer) {
                const layer = input.layers[at];
                const instruction = layer.instruction;
                if (layer.fromBase || !instruction || instruction.keyword !== 'COPY')
                    continue;
                const from = flagValue(instruction, 'from');
                if (from === undefined || bytes <= 0)
                    continue;
                const stage = input.dockerfile.stages.find((s) => s.name === from.toLowerCase() || String(s.index) === from);
                const prune = productionPrune(project.manager);
                const last = stage?.instructions.at(-1) ?? stage?.from;
                const top = project.devOnly
                    .slice(0, 3)
                    .map((p) => `${p.name} ${(0,format/* formatBytes */.z3)(p.bytes)}`)
                    .join(', ');
                findings.push({
                    rule: DEV_DEPENDENCIES,
                    file: input.dockerfile.file,
                    line: instruction.startLine,
                    endLine: instruction.endLine,
                    bytes,
                    saves: bytes,
                    message: `This COPY brings the builder's node_modules with ${(0,format/* formatBytes */.z3)(bytes)} of dev dependencies ` +
                        `(${project.devOnly.length} package${project.devOnly.length === 1 ? '' : 's'} ${sourceText(project)}: ${top}${project.devOnly.length > 3 ? ', …' : ''})`,
                    fix: (stage && last
                        ? `End the \`${stage.name ?? stage.index}\` stage with \`RUN ${prune}\` (after the build) so the copy leaves them behind`
                        : `Run \`${prune}\` in the stage copied from, after the build`) +
                        `, or install in the runtime stage with \`${productionInstall(project.manager)}\``,
                    ...(stage &&
                        last && {
                        edits: [
                            {
                                line: last.endLine,
                                endLine: last.endLine,
                                text: `${input.dockerfile.lines[last.endLine - 1]}\nRUN ${prune}`,
                            },
                        ],
                    }),
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/dockerignore.ts
/**
 * dockerignore: a `COPY .` (or `ADD .`) that brings in what an image never needs: a VCS directory
 * (`.git`), virtualenvs, `__pycache__`, test and tool caches, and a `node_modules` that a later
 * install in the same image replaces. The bytes are those paths' files in that layer, as the scan
 * saw them; their presence shows no `.dockerignore` keeps them out. The fix is a `.dockerignore`
 * (the edit writes one with the patterns found).
 */


const DOCKERIGNORE = 'dockerignore';
/** Directories no image needs, by their name anywhere in the context. */
const NEVER_NEEDED = /(?:^|\/)(\.git|\.hg|\.svn|\.venv|venv|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox)\//;
const NODE_MODULES = /(?:^|\/)node_modules\//;
const INSTALLS = /\b(?:npm\s+(?:ci|install|i)\b|yarn(?:\s+install)?\s*(?:$|&|;|\s--)|pnpm\s+(?:install|i)\b)/m;
const dockerignoreRule = {
    id: DOCKERIGNORE,
    title: 'Build context files an image never needs',
    check(input) {
        const findings = [];
        input.layers.forEach((layer, at) => {
            const instruction = layer.instruction;
            if (layer.fromBase || !instruction || (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD'))
                return;
            if (instruction.flags.some((f) => /^--from=/i.test(f)))
                return;
            const sources = instruction.arguments.slice(0, -1);
            if (!sources.some((s) => s === '.' || s === './'))
                return;
            const laterInstall = input.layers
                .slice(at + 1)
                .some((l) => !l.fromBase &&
                l.instruction?.keyword === 'RUN' &&
                INSTALLS.test(l.instruction.arguments.join('\n')));
            const found = new Map();
            const { count, paths, kinds, sizes } = layer.scan.entries;
            for (let k = 0; k < count; k++) {
                if (kinds[k] !== image_layers.EntryKind.File)
                    continue;
                const path = paths[k];
                let ignore = NEVER_NEEDED.exec(path)?.[1];
                if (ignore === undefined && laterInstall && NODE_MODULES.test(path))
                    ignore = 'node_modules';
                if (ignore !== undefined)
                    found.set(ignore, (found.get(ignore) ?? 0) + sizes[k]);
            }
            const bytes = [...found.values()].reduce((sum, b) => sum + b, 0);
            if (bytes <= 0)
                return;
            const parts = [...found].sort(([, a], [, b]) => b - a).map(([name, b]) => `${name} ${(0,format/* formatBytes */.z3)(b)}`);
            const patterns = [...found.keys()].map((name) => `**/${name}`);
            findings.push({
                rule: DOCKERIGNORE,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                saves: bytes,
                message: `This COPY brings ${(0,format/* formatBytes */.z3)(bytes)} the image never needs (${parts.join(', ')})`,
                fix: `Add to the build context's \`.dockerignore\` ${patterns.map((p) => `\`${p}\``).join(', ')}`,
                contextFiles: { '.dockerignore': `${patterns.join('\n')}\n` },
            });
        });
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/jdk-runtime.ts
/**
 * jdk-runtime: an image that runs `java` ships a JDK where a JRE serves (the compiler, jmods,
 * headers and tools only a build needs). Two shapes:
 * - a JDK installed by apt (`openjdk-17-jdk-headless`, `default-jdk`): the bytes its dpkg file
 *   lists name in the layer, which the JRE package (a dependency of the JDK's, so installed
 *   already) does not; the fix edits the package name (`-jdk` -> `-jre`);
 * - a JDK base image (`eclipse-temurin:21-jdk`, any tag, "slim" ones too): the JDK-only paths of
 *   the base (`jmods/`, `bin/javac`...), as a question: whether the JRE variant of that image
 *   serves; no bytes claimed as saved, since the other image is not here to measure.
 * Quiet unless the image's program is `java`.
 */






const JDK_RUNTIME = 'jdk-runtime';
const JDK_PACKAGE = /^(?:openjdk-\d+-jdk(?:-headless)?|default-jdk(?:-headless)?|temurin-\d+-jdk)$/;
const JDK_ONLY = /(?:^|\/)(?:jmods\/|include\/(?:jni|jvmti)|bin\/(?:javac|jar|jarsigner|javadoc|javap|jdeps|jlink|jmod|jshell|jdb|jpackage|jdeprscan|jhsdb|jimage|serialver|jcmd|jconsole|jinfo|jmap|jps|jstack|jstat|jstatd|jfr|rmic)$|lib\/(?:src\.zip|ct\.sym)$)/;
const jdkRuntimeRule = {
    id: JDK_RUNTIME,
    title: 'JDK where a JRE serves',
    check(input) {
        const chain = (0,attribute/* stageChain */.ap)(input.dockerfile);
        if (chain.length === 0 || programOf(chain) !== 'java')
            return [];
        const findings = [];
        input.layers.forEach((layer, at) => {
            const instruction = layer.instruction;
            if (layer.fromBase || !instruction || instruction.keyword !== 'RUN')
                return;
            if (layer.scan.records?.['var/lib/dpkg/status'] === undefined)
                return;
            const before = statusAt(input.layers, at - 1) ?? new Map();
            const now = statusAt(input.layers, at);
            const jdks = [...now.keys()].filter((name) => JDK_PACKAGE.test(name) && !before.has(name));
            const bytes = jdks.reduce((sum, name) => sum + packageBytesIn(layer, name), 0);
            if (bytes <= 0)
                return;
            const edits = isPlainShellRun(input.dockerfile, instruction)
                ? jdks.flatMap((name) => {
                    const edit = replaceInInstruction(input.dockerfile, instruction, new RegExp(`\\b${name.replace(/[-]/g, '\\-')}\\b`), name.replace('-jdk', '-jre'));
                    return edit ? [edit] : [];
                })
                : [];
            findings.push({
                rule: JDK_RUNTIME,
                file: input.dockerfile.file,
                line: instruction.startLine,
                endLine: instruction.endLine,
                bytes,
                saves: bytes,
                message: `This RUN installs a JDK (${jdks.join(', ')}, ${(0,format/* formatBytes */.z3)(bytes)} beyond its JRE) for an image that only runs \`java\``,
                fix: `Install the JRE instead (${jdks.map((n) => `\`${n.replace('-jdk', '-jre')}\``).join(', ')}), and compile in a build stage`,
                ...(edits.length === jdks.length && { edits }),
            });
        });
        const base = input.layers.filter((l) => l.fromBase);
        let baseBytes = 0;
        for (const layer of base) {
            const { count, paths, kinds, sizes } = layer.scan.entries;
            for (let k = 0; k < count; k++)
                if (kinds[k] === image_layers.EntryKind.File && JDK_ONLY.test(paths[k]))
                    baseBytes += sizes[k];
        }
        if (baseBytes > 0 && base[0].instruction) {
            const from = base[0].instruction;
            findings.push({
                rule: JDK_RUNTIME,
                file: input.dockerfile.file,
                line: from.startLine,
                endLine: from.endLine,
                bytes: baseBytes,
                message: `The base image \`${chain[0].baseImage}\` is a JDK (${(0,format/* formatBytes */.z3)(baseBytes)} of compiler, jmods and tools) and the image only runs \`java\``,
                fix: 'Does a JRE variant of this base (a `-jre` tag) serve? Then build in a JDK stage and run on the JRE',
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/advise/rules/reproducible-build.ts
/**
 * reproducible-build: layers the comparison with the baseline (compare/delta.ts) found "rebuilt,
 * same content": the baseline's files, only their times differ (a runner without the build
 * cache). The report counts them as no change, but their digests are new, so every pull
 * downloads them again. `SOURCE_DATE_EPOCH` and the exporter's `rewrite-timestamp=true` keep
 * the digests.
 *
 * Decisions:
 * - The one rule that reads the comparison, not only the Dockerfile and the layers: quiet without
 *   a baseline, or when no layer was rebuilt.
 * - One finding per image, on the exported stage's FROM: the setting is the build's, not a
 *   line's, and a `# shipshape-ignore reproducible-build` above the FROM stays put whichever
 *   layers are rebuilt next time. The message names the layers and the lines that made them.
 * - `bytes` is the rebuilt layers' uncompressed bytes (for the order and `advice-min-bytes`);
 *   no saving is claimed (savings.ts): the image keeps every file. A suggestion, not an edit.
 */

const REPRODUCIBLE_BUILD = 'reproducible-build';
// Layers named in the message; the rest are counted.
const NAMED_LAYERS = 5;
const reproducibleBuildRule = {
    id: REPRODUCIBLE_BUILD,
    title: 'Layers rebuilt with the same files',
    check(input) {
        const rebuilt = input.rebuilt ?? [];
        const from = input.dockerfile.stages[input.dockerfile.exported]?.from;
        if (rebuilt.length === 0 || !from)
            return [];
        const layers = rebuilt.map((r) => ({ rebuilt: r, layer: attributedOf(input.layers, r) }));
        const bytes = layers.reduce((sum, { rebuilt: r, layer }) => sum + (layer?.scan.uncompressed ?? r.uncompressed ?? 0), 0);
        const compressed = rebuilt.reduce((sum, r) => sum + r.compressed, 0);
        const named = layers.slice(0, NAMED_LAYERS).map(({ rebuilt: r, layer }) => {
            const line = layer && !layer.fromBase ? layer.instruction?.startLine : undefined;
            return `${r.index ?? '?'}${line === undefined ? '' : ` (line ${line})`}`;
        });
        const more = layers.length - named.length;
        const which = `${layers.length === 1 ? 'Layer' : 'Layers'} ${listed(more > 0 ? [...named, `${more} more`] : named)}`;
        const verb = layers.length === 1 ? 'has' : 'have';
        return [
            {
                rule: REPRODUCIBLE_BUILD,
                file: input.dockerfile.file,
                line: from.startLine,
                endLine: from.endLine,
                bytes,
                message: `${which} ${verb} the baseline's files but new digests: only the file times differ, ` +
                    `so every pull downloads ${(0,format/* formatBytes */.z3)(compressed)} (compressed) again`,
                fix: "Build reproducibly? Set `SOURCE_DATE_EPOCH` (in the step's `env:` or `build-args`; the commit's time, say) " +
                    'and `outputs: type=image,rewrite-timestamp=true`: rebuilt layers then keep their digests',
            },
        ];
    },
};
/** The image's layer a rebuilt one is: by its position when the report has it, else by digest. */
function attributedOf(layers, r) {
    const at = r.index === undefined ? undefined : layers[r.index - 1];
    return at?.digest === r.digest ? at : layers.find((l) => l.digest === r.digest);
}
const listed = (items) => items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

;// CONCATENATED MODULE: ./src/advise/rules/index.ts













// Every rule the advisor runs, in a stable order. Rule files add themselves here.
const RULES = [
    singleStageToolchain,
    copyBeforeInstall,
    baseImageShare,
    packageCacheRule,
    hiddenBytesRule,
    mergeRunsRule,
    addLocalFileRule,
    addUrlRule,
    devDependenciesRule,
    aptRecommendsRule,
    dockerignoreRule,
    jdkRuntimeRule,
    packageNoopRule,
    reproducibleBuildRule,
];

;// CONCATENATED MODULE: ./src/steps/advice.ts







// GitHub shows at most 10 warning annotations per step; leave room for the budget's.
const MAX_ANNOTATIONS = 8;
// An annotation is read in a narrow box: messages are cut, the report has them whole.
const MAX_ANNOTATION_TEXT = 600;
/** The findings for the report; undefined when the advisor did not run. */
async function runAdviceStep(io, step) {
    if (!step.enabled)
        return undefined;
    if (!step.analyzeLayers) {
        io.info('Size advice: none, since analyze-layers is false (advice reads the files in the layers).');
        return undefined;
    }
    if ('unknown' in step.location) {
        io.infoUntrusted(`Size advice: none, ${step.location.unknown}.`);
        return undefined;
    }
    const rules = step.rules ?? RULES;
    try {
        const source = await (0,dockerfile_source/* readDockerfileSource */.a)(step.location);
        if (!source.found) {
            io.infoUntrusted(`Size advice: none, ${source.reason}.`);
            return undefined;
        }
        const advice = adviseImage(step.scanned, {
            dockerfile: source,
            target: step.target,
            buildArgs: step.buildArgs,
            rules,
            minBytes: step.minBytes,
            ...(step.compared && { rebuilt: rebuiltLayers(step.compared) }),
        });
        const failed = new Set();
        for (const f of advice.failures) {
            if (failed.has(f.rule))
                continue;
            failed.add(f.rule);
            io.warning((0,render_escape/* sanitize */.aj)(`Size advice: the rule ${f.rule} failed on ${f.platform}: ${f.message}`));
        }
        const platformCount = step.scanned.length;
        const titles = new Map(rules.map((r) => [r.id, r.title]));
        for (const finding of advice.findings.slice(0, MAX_ANNOTATIONS)) {
            annotate(io, finding, titles.get(finding.rule) ?? finding.rule, source.inWorkspace, platformCount);
        }
        const shown = Math.min(advice.findings.length, MAX_ANNOTATIONS);
        io.info(advice.findings.length === 0
            ? `Size advice: no way to save ${(0,format/* formatBytes */.z3)(step.minBytes)} or more found in ${source.file}.`
            : `Size advice: ${advice.findings.length} way(s) to shrink the image, up to ${(0,format/* formatBytes */.z3)(advice.total)}` +
                (shown < advice.findings.length ? ` (the ${shown} largest annotated; all in the report).` : '.'));
        return advice.findings.map(toEntry);
    }
    catch (error) {
        io.warning((0,render_escape/* sanitize */.aj)(`Size advice failed, the report has none: ${error.message}`));
        return undefined;
    }
}
function annotate(io, finding, title, inWorkspace, platformCount) {
    // Rule text quotes the Dockerfile, which a PR's author writes: sanitize shows control
    // characters as escapes, and the runner escapes %, CR and LF, so no text can start a command.
    const limit = { limit: MAX_ANNOTATION_TEXT };
    const where = inWorkspace ? '' : `${finding.file}:${finding.line}: `;
    const only = finding.platforms.length < platformCount ? ` (on ${finding.platforms.join(', ')})` : '';
    // The hint after the fix, never cut with it.
    const message = `${(0,render_escape/* sanitize */.aj)(where + finding.message, limit)}\nFix: ${(0,render_escape/* sanitize */.aj)(finding.fix, limit)}\n` +
        (0,render_escape/* sanitize */.aj)((0,silence/* silenceHint */.F)(finding.rule), { limit: 200 });
    const saved = (0,savings/* savedBy */.l)(finding);
    io.warning(message, {
        ...(inWorkspace && { file: finding.file, startLine: finding.line, endLine: finding.endLine }),
        // The title's figure is the Saves column's: what the fix alone saves, none when unknown.
        title: (0,render_escape/* sanitize */.aj)(`${title}${saved === undefined ? '' : `: saves ${(0,format/* formatBytes */.z3)(saved)}`}${only}`, {
            limit: 200,
        }),
    });
}
/** Per compared platform, its layers rebuilt with the baseline's files. */
function rebuiltLayers(report) {
    return new Map(report.platforms.flatMap((p) => (p.changes ? [[p.platform, p.changes.rebuilt ?? []]] : [])));
}
function toEntry(f) {
    return {
        rule: f.rule,
        file: f.file,
        line: f.line,
        endLine: f.endLine,
        bytes: f.bytes,
        message: f.message,
        fix: f.fix,
        ...(f.saves !== undefined && { saves: f.saves }),
        ...(f.withLines !== undefined && f.withLines.length > 0 && { withLines: f.withLines }),
        platforms: f.platforms,
    };
}


/***/ })

};
