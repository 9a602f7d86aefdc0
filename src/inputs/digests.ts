/**
 * The legs' digests, as the merge action is given them: a list (`sha256:...`, one per line or
 * comma separated), or the names of files in a directory, as legs upload them with
 * actions/upload-artifact (`touch "/tmp/digests/${digest#sha256:}"`). Pure: the directory is read
 * by the caller.
 */
import { InputError } from '../util/errors.js';

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HEX = /^([a-f0-9]{64}|[a-f0-9]{128})$/;

/** Checks each item of the `digests` list; duplicates are dropped (the same leg named twice). */
export function parseDigestList(items: readonly string[], input: string): string[] {
  for (const item of items) {
    if (!DIGEST.test(item)) {
      throw new InputError(input, item, 'is not a digest: expected sha256:<64 lowercase hex>');
    }
  }
  return [...new Set(items)];
}

/**
 * The digest a file name stands for: its hex (the upload pattern strips `sha256:`), or a full
 * `sha256:...` name. `path` names the file in errors.
 */
export function digestOfFileName(name: string, path: string, input: string): string {
  if (DIGEST.test(name)) return name;
  if (HEX.test(name)) return `${name.length === 64 ? 'sha256' : 'sha512'}:${name}`;
  throw new InputError(
    input,
    path,
    'holds a file whose name is not a digest: expected files named by the digest without "sha256:" ' +
      '(touch "/tmp/digests/${digest#sha256:}")',
  );
}
