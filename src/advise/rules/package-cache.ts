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
import { CACHE_PATH_RULES, type CacheKind, cacheKindOf, isCleanableCache } from '../../image/cache-paths.js';
import { EntryKind } from '../../image/layers.js';
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, AttributedLayer, Finding, Instruction, LineEdit, Rule } from '../model.js';
import { appendToRun, isPlainShellRun, prependToRun } from '../edit.js';
import { isRunLayer } from './waste-owners.js';
import { noopUpgradeLayers } from './package-noop.js';
import { cacheMountTargets } from './stage-chain.js';

export { cacheMountTargets };

export const PACKAGE_CACHE = 'package-cache';

const LABELS = new Map(CACHE_PATH_RULES.map((rule) => [rule.kind, rule.label]));

/** Per pattern of a kind, the directory a path under it is in (`home/app/.cache/pip`). */
const ROOT_MATCHERS = new Map(
  CACHE_PATH_RULES.map((rule) => [
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
  ]),
);

/** The cache directory (as an absolute path) that holds `path`, for the message and the fix. */
export function cacheRootOf(path: string, kind: CacheKind): string {
  for (const matcher of ROOT_MATCHERS.get(kind) ?? []) {
    const match = matcher.exec(path);
    if (match) return `/${match[1]}`;
  }
  return `/${path}`;
}

interface KindBytes {
  kind: CacheKind;
  bytes: number;
  /** Directories that hold the bytes, most bytes first. */
  roots: string[];
}

/**
 * The cache bytes of a RUN layer per kind, with the directories they are in, leaving out any
 * under the RUN's own cache mounts (none in practice: a mount keeps them out of the layer).
 * Without mounts, the bytes are the layer scan's `cacheBytes`.
 */
function cachesOf(layer: AttributedLayer, mounted: readonly string[]): KindBytes[] {
  const kinds = (Object.keys(layer.scan.cacheBytes) as CacheKind[]).filter(
    (kind) => isCleanableCache(kind) && layer.scan.cacheBytes[kind] > 0,
  );
  if (kinds.length === 0) return [];
  const roots = new Map<CacheKind, Map<string, number>>();
  const { count, paths, kinds: entryKinds, sizes } = layer.scan.entries;
  for (let k = 0; k < count; k++) {
    if (entryKinds[k] !== EntryKind.File || sizes[k] === 0) continue;
    const kind = cacheKindOf(paths[k]);
    if (kind === undefined) continue;
    const root = cacheRootOf(paths[k], kind);
    const perRoot = roots.get(kind) ?? new Map<string, number>();
    perRoot.set(root, (perRoot.get(root) ?? 0) + sizes[k]);
    roots.set(kind, perRoot);
  }
  const isMounted = (root: string) =>
    mounted.some((target) => root === target || root.startsWith(`${target}/`));
  return kinds
    .map((kind) => {
      const kept = [...(roots.get(kind) ?? new Map<string, number>())]
        .filter(([root]) => !isMounted(root))
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      const bytes = kept.reduce((total, [, rootBytes]) => total + rootBytes, 0);
      return { kind, bytes, roots: kept.map(([root]) => root) };
    })
    .filter((cache) => cache.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** The RUN's command text, heredocs included: what tells apt from apt-get, dnf from yum. */
const commandOf = (instruction: Instruction) => instruction.arguments.join('\n');

/** The fix for one kind of cache, as this RUN would write it. */
export function cacheFix(kind: CacheKind, roots: readonly string[], command: string): string {
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

export const packageCacheRule: Rule = {
  id: PACKAGE_CACHE,
  title: 'Package cache left in the image',
  check(input: AdviceInput): Finding[] {
    const findings: Finding[] = [];
    const runs = input.layers.filter(isRunLayer);
    // A RUN that is wholly an upgrade with nothing to upgrade from: package-noop removes it.
    const noops = noopUpgradeLayers(input);
    for (const layer of runs) {
      if (noops.has(layer.index)) continue;
      const instruction = layer.instruction!;
      const caches = cachesOf(layer, cacheMountTargets(instruction));
      const bytes = caches.reduce((total, cache) => total + cache.bytes, 0);
      if (bytes <= 0) continue;
      const hiddenLater = hiddenCacheBytes(input, layer.index);
      const parts = caches.map(
        (c) => `${formatBytes(c.bytes)} of ${LABELS.get(c.kind)} (${c.roots.join(', ')})`,
      );
      const command = commandOf(instruction);
      const later = runs.filter((run) => run.index > layer.index).map((run) => run.instruction!);
      const apt = caches.find((c) => c.kind === 'apt');
      const plan = apt ? aptPlan(input, layer, apt, later) : undefined;
      let fix = caches
        .map((c) => cacheFix(c.kind, c.roots, command))
        .join('; ')
        .replace(/^./, (first) => first.toUpperCase());
      if (plan?.fix) fix = plan.fix;
      const edits = plan ? plan.edits : genericEdits(input, instruction, caches);
      // The apt edit also cleans the installs that read these lists: their apt caches go too.
      const saves = Math.max(0, bytes - (plan?.comesBack ?? 0)) + (plan?.alsoCleans ?? 0);
      const message =
        `This RUN leaves ${parts.join(', ')} in its layer` +
        (hiddenLater > 0
          ? `; a later layer deletes or overwrites ${formatBytes(hiddenLater)} of it, but this layer still ships it`
          : '') +
        (plan && plan.comesBack > 0
          ? `. Fixed alone it saves ${formatBytes(saves)}: the \`apt-get update\` at line ${plan.rewriters.join(', ')} ` +
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

const APT_UPDATE = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
const APT_INSTALL = /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b/;
const LISTS_CLEANED = /rm\s+-\S*\s+\/var\/lib\/apt\/lists/;
const APT_LISTS_CLEAN = 'rm -rf /var/lib/apt/lists/*';
/** A RUN that runs `apt-get update` and nothing else. */
const UPDATE_ONLY = /^\s*apt(?:-get)?\s+(?:-\S+\s+)*update(?:\s+-\S+)*\s*$/;

interface AptPlan {
  /** The fix text, when it differs from the generic one. */
  fix?: string;
  edits?: LineEdit[];
  /** Bytes that a later `apt-get update` writes again when this line alone is fixed. */
  comesBack: number;
  /** The lines of those updates. */
  rewriters: number[];
  /** Every other line the fix edits or that saves more fixed with it. */
  withLines: number[];
  /** apt cache bytes of the other RUNs the edit cleans (the installs that read these lists). */
  alsoCleans: number;
}

/**
 * apt's lists are what every later `apt-get install` reads: deleting them here breaks a later
 * install that does not update first, and a later `apt-get update` that keeps its lists writes
 * them again. The fix this plans edits those lines too (an install gets its own update and
 * cleans after it), and the claim is what this fix alone saves.
 */
function aptPlan(
  input: AdviceInput,
  layer: AttributedLayer,
  apt: KindBytes,
  later: readonly Instruction[],
): AptPlan {
  const model = input.dockerfile;
  const instruction = layer.instruction!;
  const command = commandOf(instruction);
  const lists = apt.roots.some((r) => r.startsWith('/var/lib/apt/lists'));
  const archives = apt.roots.some((r) => r.startsWith('/var/cache/apt'));
  const listBytes = bytesUnder(layer, 'var/lib/apt/lists/');
  const clean = [...(lists ? [APT_LISTS_CLEAN] : []), ...(archives ? ['apt-get clean'] : [])].join(' && ');
  // Later installs that read this layer's lists: up to the next RUN that updates.
  const readers: Instruction[] = [];
  const rewriters: number[] = [];
  let comesBack = 0;
  if (lists) {
    for (const run of later) {
      const text = commandOf(run);
      if (APT_UPDATE.test(text)) {
        if (!LISTS_CLEANED.test(text)) {
          rewriters.push(run.startLine);
          const there = input.layers.find((l) => l.instruction === run);
          comesBack = Math.max(0, listBytes - (there ? bytesUnder(there, 'var/lib/apt/lists/') : 0));
        }
        break;
      }
      if (APT_INSTALL.test(text)) readers.push(run);
    }
  }
  const plain = (i: Instruction) => isPlainShellRun(model, i);
  const editable = plain(instruction) && readers.every(plain);
  const readerEdits = (from: number) =>
    readers.slice(from).flatMap((run) => {
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

  if (lists && !APT_INSTALL.test(command) && APT_UPDATE.test(command) && readers.length > 0) {
    // An update-only RUN: the lists belong in the install's RUN, updated and cleaned there.
    const install = readers[0];
    const updateOnly = UPDATE_ONLY.test(command.replace(/\s*\\\n\s*/g, ' '));
    const fix =
      `Merge the update into the install RUN at line ${install.startLine} ` +
      `(\`RUN apt-get update && apt-get install ... && ${clean}\`)` +
      (updateOnly ? ' and drop this RUN' : `, and end this RUN with \`${clean}\``) +
      (readers.length > 1
        ? `; the installs at line ${readers
            .slice(1)
            .map((r) => r.startLine)
            .join(', ')} the same`
        : '');
    const own: LineEdit = updateOnly
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
  const fix =
    `End the same RUN with \`${clean}\`, or use \`RUN --mount=type=cache,target=${apt.roots[0]}\`` +
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
function genericEdits(
  input: AdviceInput,
  instruction: Instruction,
  caches: readonly KindBytes[],
): LineEdit[] | undefined {
  if (!isPlainShellRun(input.dockerfile, instruction)) return undefined;
  const roots = caches.flatMap((c) => c.roots.map((root) => (c.kind === 'tmp' ? `${root}/*` : root)));
  return [appendToRun(input.dockerfile, instruction, `rm -rf ${roots.join(' ')}`)];
}

function bytesUnder(layer: AttributedLayer, prefix: string): number {
  const { count, paths, kinds, sizes } = layer.scan.entries;
  let total = 0;
  for (let k = 0; k < count; k++)
    if (kinds[k] === EntryKind.File && paths[k].startsWith(prefix)) total += sizes[k];
  return total;
}

/** Cache bytes of a layer that later layers hide (from the waste pairs). */
function hiddenCacheBytes(input: AdviceInput, layer: number): number {
  let total = 0;
  for (const pair of input.waste.pairs) {
    if (pair.layer !== layer) continue;
    for (const bytes of Object.values(pair.cacheBytes)) total += bytes ?? 0;
  }
  return total;
}
