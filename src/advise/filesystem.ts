/**
 * The final filesystem of attributed layers: each visible regular file with the layer that holds
 * it, and each visible package-manager record (image/records.ts) with its text. Whiteouts and
 * opaque directories hide what lower layers hold, as the runtime's overlay does.
 */
import { EntryKind } from '../image/layers.js';
import type { AttributedLayer } from './model.js';

export interface VisibleFile {
  /** Position of the layer in the list given (bottom = 0). */
  layer: number;
  size: number;
}

export interface FinalFilesystem {
  files: Map<string, VisibleFile>;
  /** Record texts, by path, from the layer whose copy is visible. */
  records: Map<string, { layer: number; text: string }>;
  /** Every path some layer added a regular file at, with the lowest such layer (its first writer). */
  firstWriter: Map<string, number>;
}

const isUnder = (path: string, dir: string) => dir === '' || path === dir || path.startsWith(`${dir}/`);

export function finalFilesystem(layers: readonly AttributedLayer[]): FinalFilesystem {
  const files = new Map<string, VisibleFile>();
  const records = new Map<string, { layer: number; text: string }>();
  const firstWriter = new Map<string, number>();
  layers.forEach((attributed, at) => {
    const { count, paths, kinds, sizes } = attributed.scan.entries;
    // What this layer hides below it: deleted paths and opaque directories.
    const hidden: string[] = [];
    const opaque: string[] = [];
    for (let k = 0; k < count; k++) {
      const path = paths[k];
      const slash = path.lastIndexOf('/');
      if (kinds[k] === EntryKind.Whiteout)
        hidden.push(`${path.slice(0, slash + 1)}${path.slice(slash + 1 + '.wh.'.length)}`);
      else if (kinds[k] === EntryKind.Opaque) opaque.push(slash < 0 ? '' : path.slice(0, slash));
      else if (kinds[k] === EntryKind.Other || kinds[k] === EntryKind.HardLink) {
        files.delete(path); // a link or device replaces the file that was there
        records.delete(path);
      }
    }
    if (hidden.length > 0 || opaque.length > 0) {
      const gone = [...hidden, ...opaque];
      const drop = (key: string) => gone.some((dir) => isUnder(key, dir));
      for (const key of files.keys()) if (drop(key)) files.delete(key);
      for (const key of records.keys()) if (drop(key)) records.delete(key);
    }
    for (let k = 0; k < count; k++) {
      if (kinds[k] !== EntryKind.File) continue;
      files.set(paths[k], { layer: at, size: sizes[k] });
      if (!firstWriter.has(paths[k])) firstWriter.set(paths[k], at);
    }
    for (const [path, text] of Object.entries(attributed.scan.records ?? {}))
      records.set(path, { layer: at, text });
  });
  return { files, records, firstWriter };
}
