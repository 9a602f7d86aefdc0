/**
 * The merge action's inputs (merge/action.yml): the legs' digests, and the tag and report inputs.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import { digestOfFileName, parseDigestList } from './digests.js';
import { checkPath, type PathRule } from './paths.js';
import { type GetInput } from './read.js';
import { readTagAndReportInputs, type TagAndReportInputs } from './tag-and-report.js';

/** The merge action's inputs (merge/action.yml): the legs' digests, and the tag and report inputs. */
export interface MergeInputs extends TagAndReportInputs {
  /** `sha256:...`, each once. */
  digests: string[];
}

export function readMergeInputs(getInput: GetInput, where: string | PathRule): MergeInputs {
  const rule = typeof where === 'string' ? { cwd: where, roots: [where] } : where;
  const shared = readTagAndReportInputs(getInput, rule);
  if (shared.images.length === 0 && shared.tagReferences.length === 0) {
    throw new InputError(
      'images',
      '',
      'is required: the image names to push the merged index to (or full references in "tags")',
    );
  }
  const list = getInput('digests');
  const dir = getInput('digests-dir');
  if (list && dir) throw new InputError('digests-dir', dir, 'and "digests" are both set: give one');
  if (!list && !dir) {
    throw new InputError('digests', '', 'is required (or "digests-dir"): the digests the legs pushed');
  }
  const digests = list ? parseDigestList(parseList(list), 'digests') : readDigestsDir(dir, rule);
  if (digests.length === 0) {
    throw new InputError(list ? 'digests' : 'digests-dir', list || dir, 'names no digest');
  }
  return { ...shared, digests };
}

// The files directly in `dir`, and in its subdirectories (download-artifact without merge-multiple).
function readDigestsDir(dir: string, rule: PathRule): string[] {
  const root = resolve(rule.cwd, dir);
  if (!statSync(checkPath(rule, 'digests-dir', dir, dir, 'existing')).isDirectory()) {
    throw new InputError('digests-dir', dir, `is not a directory (looked for ${root})`);
  }
  const digests: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const names = entry.isDirectory()
      ? readdirSync(join(root, entry.name)).map((name) => [name, `${entry.name}/${name}`])
      : [[entry.name, entry.name]];
    for (const [name, path] of names) digests.push(digestOfFileName(name, `${dir}/${path}`, 'digests-dir'));
  }
  return parseDigestList(digests.sort(), 'digests-dir');
}
