/**
 * Which files grew: the merged trees (image/merged.ts) of an image and its baseline, compared
 * per path, and rolled up so that a few lines explain most of the change. Growth and shrinkage
 * are explained apart (a directory that gained 30 MB in one place and lost 20 MB in another
 * shows both): for each top-level directory that changed, the deepest directory below it that
 * holds at least 80% of its growth (or of its loss) is the line; the descent stops early at a
 * package manager's cache directory (`/root/.cache/pip`, whatever is inside) and, for a loss,
 * at the highest directory (two levels down or more) that is gone whole. Pure.
 */
import type { MergedTree } from '../image/merged.js';
import { cacheKindOf } from '../image/cache-paths.js';
import type { PathChange } from '../report/size-report.js';

/** Share of a directory's growth (or loss) a subdirectory must hold to stand for it. */
export const ROLL_UP_SHARE = 0.8;
/** Paths kept in the report (the comment shows fewer). */
export const MAX_PATHS = 200;

export function pathDelta(base: MergedTree, head: MergedTree, maxPaths = MAX_PATHS): PathChange[] {
  const keys = new Set([...base.keys(), ...head.keys()]);
  keys.delete('');
  const children = new Map<string, string[]>();
  for (const key of keys) {
    const parent = parentOf(key);
    const list = children.get(parent);
    if (list) list.push(key);
    else children.set(parent, [key]);
  }
  const delta = (key: string) => (head.get(key) ?? 0) - (base.get(key) ?? 0);
  // Growth and loss under each path, summed over the leaves (the deepest keys) below it.
  const growth = new Map<string, number>();
  const loss = new Map<string, number>();
  for (const key of keys) {
    if (children.has(key)) continue;
    const d = delta(key);
    if (d === 0) continue;
    const into = d > 0 ? growth : loss;
    for (let at: string | undefined = key; at !== undefined; at = at === '' ? undefined : parentOf(at)) {
      into.set(at, (into.get(at) ?? 0) + Math.abs(d));
    }
  }
  const chosen = new Map<string, number>();
  for (const [share, sign] of [
    [growth, 1],
    [loss, -1],
  ] as const) {
    for (const top of children.get('') ?? []) {
      const amount = share.get(top) ?? 0;
      if (amount === 0) continue;
      let at = top;
      for (;;) {
        if (cacheKindOf(`${at}/`) !== undefined) break;
        if (sign < 0 && !head.has(at) && at.includes('/')) break;
        const total = share.get(at)!;
        const next = (children.get(at) ?? []).find((c) => (share.get(c) ?? 0) >= ROLL_UP_SHARE * total);
        if (next === undefined) break;
        at = next;
      }
      chosen.set(at, Math.max(chosen.get(at) ?? 0, share.get(at)!) * sign);
    }
  }
  return [...chosen.keys()]
    .map((key): PathChange => {
      const before = base.get(key) ?? 0;
      const after = head.get(key) ?? 0;
      const status = !base.has(key)
        ? 'new'
        : !head.has(key)
          ? 'removed'
          : after >= before
            ? 'grown'
            : 'shrunk';
      return { path: `/${key}`, before, after, delta: after - before, status };
    })
    .filter((c) => c.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.path < b.path ? -1 : 1))
    .slice(0, maxPaths);
}

const parentOf = (key: string) => {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
};
