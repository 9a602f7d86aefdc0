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
 * - Sources (`*.go`, `*.c`, `*.rs`... outside usr/ and node_modules) and `@types/*` packages never
 *   fire alone (an image may ship a few sources on purpose; some runtime packages depend on
 *   `@types/*`): they are added when a toolchain is there, in the image's layers or as its base
 *   (sources only).
 * - Dev dependencies are well-known dev-only npm packages (typescript, jest, eslint, webpack...) in
 *   a project's first node_modules: a layer scan sees paths and sizes, never package.json.
 * - The finding stands on the layer that added the most of those bytes (the message says how
 *   many layers added some).
 */
import { formatBytes } from '../../render/format.js';
import { cacheKindOf } from '../../image/cache-paths.js';
import { EntryKind } from '../../image/layers.js';
import { computeWaste } from '../../image/wasted.js';
import type { AdviceInput, AttributedLayer, Finding, Rule } from '../model.js';
import { parseImageName } from './image-name.js';
import { copiesFromElsewhere, exportedChain } from './stage-chain.js';

export type ToolchainKind =
  | 'compiler'
  | 'headers'
  | 'go-toolchain'
  | 'rust-toolchain'
  | 'build-output'
  | 'dev-dependencies'
  | 'type-definitions'
  | 'sources';

const LABELS: Record<ToolchainKind, string> = {
  compiler: 'C/C++ compiler',
  headers: 'headers of -dev packages',
  'go-toolchain': 'Go toolchain',
  'rust-toolchain': 'Rust toolchain',
  'build-output': 'module sources and build outputs',
  'dev-dependencies': 'Node dev dependencies',
  'type-definitions': 'TypeScript type definitions',
  sources: 'compiled-language sources',
};

const KIND_ORDER = Object.keys(LABELS) as ToolchainKind[];
/**
 * Kinds that are counted once another kind shows a toolchain, but never fire alone: an image may
 * ship a few sources on purpose, and some runtime packages depend on `@types/*` (mongodb does).
 */
const ADD_ON_KINDS: readonly ToolchainKind[] = ['type-definitions', 'sources'];

const COMPILER_DIR = /^usr\/(?:lib|libexec)\/(?:gcc|gcc-cross)\/|^usr\/lib\/llvm-[^/]+\/|^usr\/lib\/clang\//;
// Drivers and binutils: gcc, gcc-12, x86_64-linux-gnu-gcc-12, g++, cc, c++, cpp, clang-17, ld, as.
const COMPILER_BIN =
  /^usr\/(?:local\/)?bin\/(?:[\w.]+-)*(?:gcc|g\+\+|cc|c\+\+|cpp|clang|clang\+\+|ld|ld\.bfd|ld\.gold|as)(?:-[\d.]+)?$/;
const HEADERS = /^usr\/(?:local\/)?include\//;
const GO_TOOLCHAIN = /^usr\/local\/go\/|^usr\/lib\/go(?:-[\d.]+)?\//;
const RUST_TOOLCHAIN =
  /(?:^|\/)\.?rustup\/toolchains\/|^usr\/lib\/rustlib\/|(?:^usr\/(?:local\/)?bin|(?:^|\/)\.?cargo\/bin)\/(?:rustc|cargo|rustdoc)$/;
// Go module sources, cargo's registry and git checkouts, Rust target dirs, Maven and Gradle caches.
const BUILD_OUTPUT =
  /(?:^|\/)go\/pkg\/mod\/|(?:^|\/)\.?cargo\/(?:registry|git)\/|(?:^|\/)target\/(?:debug|release)\/(?:deps|build|incremental|\.fingerprint)\/|(?:^|\/)\.m2\/repository\/|(?:^|\/)\.gradle\/caches\//;
const SOURCE_FILE = /\.(?:go|rs|c|cc|cpp|cxx|h|hpp|java|kt|scala)$/;
const NOT_APP_SOURCES = /^usr\/|(?:^|\/)(?:node_modules|site-packages|dist-packages)\//;

/** npm packages that only a build or a test run needs. */
const DEV_PACKAGES = new Set([
  'typescript',
  'ts-node',
  'ts-jest',
  'tsx',
  'jest',
  'jest-cli',
  'babel-jest',
  'eslint',
  'prettier',
  'webpack',
  'webpack-cli',
  'webpack-dev-server',
  'rollup',
  'vite',
  'vitest',
  'esbuild',
  'nodemon',
  'mocha',
  'chai',
  'sinon',
  'karma',
  'nyc',
  'c8',
  'husky',
  'lint-staged',
]);
const DEV_SCOPES = new Set([
  '@typescript-eslint',
  '@jest',
  '@eslint',
  '@vitest',
  '@esbuild',
  '@testing-library',
  '@storybook',
]);
const DEV_PREFIXES = ['eslint-plugin-', 'eslint-config-'];

/** Base images that are build toolchains themselves: their sources in the image are build inputs. */
const TOOLCHAIN_BASES = new Set(['golang', 'rust', 'gcc', 'buildpack-deps', 'maven', 'gradle', 'openjdk']);

const isDevPackage = (name: string) =>
  DEV_PACKAGES.has(name) ||
  DEV_SCOPES.has(name.split('/')[0]) ||
  DEV_PREFIXES.some((prefix) => name.startsWith(prefix));

/**
 * The npm package a path belongs to in the project's (first) node_modules, with pnpm's
 * `node_modules/.pnpm/@scope+name@1.2.3/...` layout read too.
 */
export function nodePackageOf(path: string): string | undefined {
  let start: number;
  if (path.startsWith('node_modules/')) start = 'node_modules/'.length;
  else {
    const at = path.indexOf('/node_modules/');
    if (at < 0) return undefined;
    start = at + '/node_modules/'.length;
  }
  const segments = path.slice(start).split('/');
  if (segments[0] === '.pnpm') {
    const entry = segments[1];
    if (!entry || entry === 'node_modules' || segments.length < 3) return undefined;
    const version = entry.lastIndexOf('@');
    return (version > 0 ? entry.slice(0, version) : entry).replace('+', '/');
  }
  if (segments.length < 2) return undefined; // a file directly in node_modules
  if (segments[0].startsWith('@')) return segments.length < 3 ? undefined : `${segments[0]}/${segments[1]}`;
  return segments[0];
}

/** What only a build needs, by path (normalized layer path), or undefined. */
export function toolchainKindOf(path: string): ToolchainKind | undefined {
  if (cacheKindOf(path) !== undefined) return undefined;
  if (COMPILER_DIR.test(path) || COMPILER_BIN.test(path)) return 'compiler';
  if (HEADERS.test(path)) return 'headers';
  if (GO_TOOLCHAIN.test(path)) return 'go-toolchain';
  if (RUST_TOOLCHAIN.test(path)) return 'rust-toolchain';
  if (BUILD_OUTPUT.test(path)) return 'build-output';
  const pkg = path.includes('node_modules/') ? nodePackageOf(path) : undefined;
  if (pkg !== undefined) {
    if (pkg.startsWith('@types/')) return 'type-definitions';
    return isDevPackage(pkg) ? 'dev-dependencies' : undefined;
  }
  if (SOURCE_FILE.test(path) && !NOT_APP_SOURCES.test(path)) return 'sources';
  return undefined;
}

interface Tally {
  byKind: Record<ToolchainKind, number>;
  byLayer: Map<AttributedLayer, number>;
}

/** Bytes per kind and per layer of the build-only files the final filesystem still shows. */
function tallyVisible(layers: readonly AttributedLayer[]): Tally {
  const byKind = Object.fromEntries(KIND_ORDER.map((kind) => [kind, 0])) as Record<ToolchainKind, number>;
  const byLayer = new Map<AttributedLayer, number>();
  const found: { layer: AttributedLayer; path: string; size: number; kind: ToolchainKind }[] = [];
  for (const layer of layers) {
    if (layer.fromBase) continue;
    const { count, paths, kinds, sizes } = layer.scan.entries;
    for (let k = 0; k < count; k++) {
      if (kinds[k] !== EntryKind.File || sizes[k] === 0) continue;
      const kind = toolchainKindOf(paths[k]);
      if (kind) found.push({ layer, path: paths[k], size: sizes[k], kind });
    }
  }
  if (found.length === 0) return { byKind, byLayer };
  // A later layer may delete or overwrite them: those copies are the hidden-bytes rule's.
  const waste = computeWaste(
    layers.map((layer) => layer.scan),
    { maxHidden: Number.MAX_SAFE_INTEGER },
  );
  const position = new Map(layers.map((layer, at) => [layer, at]));
  const hidden = new Set(waste.hidden.map((copy) => `${copy.layer}\0${copy.path}`));
  for (const { layer, path, size, kind } of found) {
    if (hidden.has(`${position.get(layer)}\0${path}`)) continue;
    byKind[kind] += size;
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + size);
  }
  return { byKind, byLayer };
}

function fixFor(byKind: Record<ToolchainKind, number>): string {
  const steps = [
    'build in a `FROM ... AS build` stage and `COPY --from=build` only the output into a runtime stage',
  ];
  if (byKind['go-toolchain'] > 0 || byKind['build-output'] > 0 || byKind['rust-toolchain'] > 0)
    steps.push('static binaries can run on `gcr.io/distroless/static-debian12` or `scratch`');
  if (byKind['dev-dependencies'] > 0 || byKind['type-definitions'] > 0)
    steps.push('install with `npm ci --omit=dev` in the runtime stage');
  if (byKind.compiler > 0 || byKind.headers > 0)
    steps.push('install only the runtime libraries there, not gcc or -dev packages');
  return `Use a multi-stage build: ${steps.join('; ')}.`;
}

export const singleStageToolchain: Rule = {
  id: 'single-stage-toolchain',
  title: 'Build toolchain in the final image',
  check(input: AdviceInput): Finding[] {
    const chain = exportedChain(input.dockerfile);
    if (chain.length === 0 || copiesFromElsewhere(chain)) return [];
    const { byKind, byLayer } = tallyVisible(input.layers);
    const toolchainBase = TOOLCHAIN_BASES.has(parseImageName(chain[0].baseImage).name);
    const triggered = KIND_ORDER.some((kind) => !ADD_ON_KINDS.includes(kind) && byKind[kind] > 0);
    if (!triggered && !(toolchainBase && byKind.sources > 0)) return [];

    const attributed = [...byLayer].filter(([layer]) => layer.instruction !== undefined);
    if (attributed.length === 0) return [];
    // The layer that added the most: where the annotation goes. Ties: the earlier line.
    const [top] = attributed.sort(([a, x], [b, y]) => y - x || a.index - b.index)[0];
    const bytes = [...byLayer.values()].reduce((sum, b) => sum + b, 0);
    const parts = KIND_ORDER.filter((kind) => byKind[kind] > 0).map(
      (kind) => `${LABELS[kind]} ${formatBytes(byKind[kind])}`,
    );
    const where =
      attributed.length > 1
        ? ` in ${attributed.length} layers, most from line ${top.instruction!.startLine}`
        : '';
    return [
      {
        rule: 'single-stage-toolchain',
        file: input.dockerfile.file,
        line: top.instruction!.startLine,
        endLine: top.instruction!.endLine,
        bytes,
        message: `Single-stage build ships ${formatBytes(bytes)} that only the build needs (${parts.join(', ')})${where}.`,
        fix: fixFor(byKind),
      },
    ];
  },
};
