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
import { formatBytes } from '../../render/format.js';
import { cacheKindOf } from '../../image/cache-paths.js';
import { finalFilesystem } from '../filesystem.js';
import type { AdviceInput, AttributedLayer, Finding, Rule, Stage } from '../model.js';
import {
  type NodeManager,
  type NodeProject,
  nodeProjects,
  productionInstall,
  sourceText,
} from '../node-deps.js';
import { parseImageName } from './image-name.js';
import { copiesFromElsewhere, exportedChain } from './stage-chain.js';

export type ToolchainKind =
  | 'compiler'
  | 'headers'
  | 'go-toolchain'
  | 'rust-toolchain'
  | 'build-output'
  | 'dev-dependencies'
  | 'sources';

const LABELS: Record<ToolchainKind, string> = {
  compiler: 'C/C++ compiler',
  headers: 'headers of -dev packages',
  'go-toolchain': 'Go toolchain',
  'rust-toolchain': 'Rust toolchain',
  'build-output': 'module sources and build outputs',
  'dev-dependencies': 'Node dev dependencies',
  sources: 'compiled-language sources',
};

const KIND_ORDER = Object.keys(LABELS) as ToolchainKind[];
/** Kinds that are counted once another kind shows a toolchain, but never fire alone: an image may ship a few sources on purpose. */
const ADD_ON_KINDS: readonly ToolchainKind[] = ['sources'];

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

/** Base images that are build toolchains themselves: their sources in the image are build inputs. */
const TOOLCHAIN_BASES = new Set(['golang', 'rust', 'gcc', 'buildpack-deps', 'maven', 'gradle', 'openjdk']);

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
  // node_modules: dev dependencies are measured from the manifests (node-deps.ts), not by name.
  if (path.includes('node_modules/')) return undefined;
  if (SOURCE_FILE.test(path) && !NOT_APP_SOURCES.test(path)) return 'sources';
  return undefined;
}

interface Tally {
  byKind: Record<ToolchainKind, number>;
  byLayer: Map<AttributedLayer, number>;
  manager?: NodeManager;
  /** The first Node project with dev-only packages: where its figure came from. */
  node?: NodeProject;
}

/**
 * Bytes per kind and per layer of the build-only files the final filesystem still shows (copies
 * a later layer hides are the hidden-bytes rule's), each credited to the Dockerfile layer that
 * first wrote its path.
 */
function tallyVisible(layers: readonly AttributedLayer[]): Tally {
  const byKind = Object.fromEntries(KIND_ORDER.map((kind) => [kind, 0])) as Record<ToolchainKind, number>;
  const byLayer = new Map<AttributedLayer, number>();
  const fs = finalFilesystem(layers);
  const credit = (path: string, at: number, size: number, kind: ToolchainKind) => {
    const first = fs.firstWriter.get(path);
    const layer = first !== undefined && !layers[first].fromBase ? layers[first] : layers[at];
    byKind[kind] += size;
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + size);
  };
  for (const [path, file] of fs.files) {
    if (layers[file.layer].fromBase || file.size === 0) continue;
    const kind = toolchainKindOf(path);
    if (kind) credit(path, file.layer, file.size, kind);
  }
  const projects = nodeProjects(fs);
  for (const path of projects.flatMap((project) => project.devFiles)) {
    const file = fs.files.get(path)!;
    if (!layers[file.layer].fromBase && file.size > 0)
      credit(path, file.layer, file.size, 'dev-dependencies');
  }
  return { byKind, byLayer, manager: projects[0]?.manager, node: projects[0] };
}

/** Programs whose image is the toolchain itself: compilers, build tools, shells (a CI image). */
const TOOLCHAIN_COMMANDS =
  /^(?:[\w.+-]*-)?(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|make|cmake|ninja|meson|go|cargo|rustc|rustup|javac|mvn|gradle|tsc|bash|sh|zsh|ash|dash)(?:-[\d.]+)?$/;

/**
 * The program the image runs: the last ENTRYPOINT (or else CMD) of the exported chain, its first
 * word (`sh -c "exec node x"`: the command's first word). undefined when the chain sets none.
 */
export function programOf(chain: readonly Stage[]): string | undefined {
  const instructions = chain.flatMap((stage) => stage.instructions);
  const last = (keyword: string) => instructions.filter((i) => i.keyword === keyword).at(-1);
  const run = last('ENTRYPOINT') ?? last('CMD');
  if (!run) return undefined;
  let words: string[];
  const text = run.arguments.join(' ').trim();
  try {
    words = text.startsWith('[') ? (JSON.parse(text) as unknown[]).map(String) : text.split(/\s+/);
  } catch {
    words = text.split(/\s+/);
  }
  const base = (word: string | undefined) => (word ?? '').split('/').pop() ?? '';
  if (/^(?:ba|z|da|a)?sh$/.test(base(words[0])) && words[1] !== undefined) {
    // `sh -c "make all"`: the command's program; `sh /app/run.sh`: the script, an app.
    if (words[1] !== '-c') return base(words[1]);
    const inner = words
      .slice(2)
      .join(' ')
      .replace(/^["']|["']$/g, '')
      .split(/\s+/);
    return base(inner[0] === 'exec' ? inner[1] : inner[0]);
  }
  return base(words[0]);
}

function fixFor(byKind: Record<ToolchainKind, number>, manager: NodeManager | undefined): string {
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

export const singleStageToolchain: Rule = {
  id: 'single-stage-toolchain',
  title: 'Build toolchain in the final image',
  check(input: AdviceInput): Finding[] {
    const chain = exportedChain(input.dockerfile);
    if (chain.length === 0 || copiesFromElsewhere(chain)) return [];
    const program = programOf(chain);
    if (program === undefined || TOOLCHAIN_COMMANDS.test(program)) return [];
    const { byKind, byLayer, manager, node } = tallyVisible(input.layers);
    const toolchainBase = TOOLCHAIN_BASES.has(parseImageName(chain[0].baseImage).name);
    const triggered = KIND_ORDER.some((kind) => !ADD_ON_KINDS.includes(kind) && byKind[kind] > 0);
    if (!triggered && !(toolchainBase && byKind.sources > 0)) return [];

    const attributed = [...byLayer].filter(([layer]) => layer.instruction !== undefined);
    if (attributed.length === 0) return [];
    // The layer that added the most: where the annotation goes. Ties: the earlier line.
    const [top] = attributed.sort(([a, x], [b, y]) => y - x || a.index - b.index)[0];
    const bytes = [...byLayer.values()].reduce((sum, b) => sum + b, 0);
    const parts = KIND_ORDER.filter((kind) => byKind[kind] > 0).map((kind) =>
      kind === 'dev-dependencies' && node
        ? `${LABELS[kind]} ${formatBytes(byKind[kind])}, ${sourceText(node)}`
        : `${LABELS[kind]} ${formatBytes(byKind[kind])}`,
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
        fix: fixFor(byKind, manager),
      },
    ];
  },
};
