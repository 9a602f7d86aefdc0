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
import type { AdviceInput, AttributedLayer, Finding, Instruction, Rule } from '../model.js';
import { isRunLayer } from './waste-owners.js';

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

/** The cache mount targets of a RUN (`--mount=type=cache,target=/root/.cache/pip`). */
export function cacheMountTargets(instruction: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of instruction.flags) {
    const match = /^--mount=(.*)$/i.exec(flag);
    if (!match) continue;
    const options = match[1].split(',').map((option) => option.split('='));
    const type = options.find(([key]) => key === 'type')?.[1];
    const target = options.find(([key]) => key === 'target' || key === 'dst' || key === 'destination')?.[1];
    if (type === 'cache' && target) targets.push(target.replace(/\/+$/, ''));
  }
  return targets;
}

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
    for (const layer of input.layers) {
      if (!isRunLayer(layer)) continue;
      const instruction = layer.instruction!;
      const caches = cachesOf(layer, cacheMountTargets(instruction));
      const bytes = caches.reduce((total, cache) => total + cache.bytes, 0);
      if (bytes <= 0) continue;
      const hiddenLater = hiddenCacheBytes(input, layer.index);
      const parts = caches.map(
        (c) => `${formatBytes(c.bytes)} of ${LABELS.get(c.kind)} (${c.roots.join(', ')})`,
      );
      const command = commandOf(instruction);
      findings.push({
        rule: PACKAGE_CACHE,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        message:
          `This RUN leaves ${parts.join(', ')} in its layer` +
          (hiddenLater > 0
            ? `; a later layer deletes ${formatBytes(hiddenLater)} of it, but this layer still ships it`
            : ''),
        fix: caches
          .map((c) => cacheFix(c.kind, c.roots, command))
          .join('; ')
          .replace(/^./, (first) => first.toUpperCase()),
      });
    }
    return findings;
  },
};

/** Cache bytes of a layer that later layers hide (from the waste pairs). */
function hiddenCacheBytes(input: AdviceInput, layer: number): number {
  let total = 0;
  for (const pair of input.waste.pairs) {
    if (pair.layer !== layer) continue;
    for (const bytes of Object.values(pair.cacheBytes)) total += bytes ?? 0;
  }
  return total;
}
