/**
 * How a rule's rendered prefix, value and suffix become one Docker tag: characters a tag cannot
 * hold become `-` (`feature/x` -> `feature-x`), a leading `.` or `-` is dropped, and a tag longer
 * than 128 characters is cut in its value (the branch, the version, the rule's value), never in
 * its prefix or suffix: `suffix=-alpine` and `suffix=-debian` on a long branch stay two tags. A
 * cut value ends in `-` and the first 7 hex digits of the sha256 of the whole value, so two long
 * branches that differ only after the cut stay two tags too, in this run and across runs.
 */
import { createHash } from 'node:crypto';

export const TAG_MAX = 128;
const HASH_DIGITS = 7;
// The shortest cut value: one character of the value, `-`, the hash digits.
const MIN_CUT = 1 + 1 + HASH_DIGITS;

export interface TagParts {
  prefix: string;
  value: string;
  suffix: string;
}

export type ComposedTag =
  | { tag: string }
  /** The prefix and suffix alone leave no room for the value. */
  | { problem: string };

/** The tag; `{ tag: '' }` when the value holds nothing a tag can use (the rule does not apply). */
export function composeTag(parts: TagParts): ComposedTag {
  const prefix = tagCharacters(parts.prefix).replace(/^[.-]+/, '');
  let value = tagCharacters(parts.value);
  const suffix = tagCharacters(parts.suffix);
  if (prefix === '') value = value.replace(/^[.-]+/, '');
  if (value === '') return { tag: '' };
  if (prefix.length + value.length + suffix.length <= TAG_MAX) return { tag: prefix + value + suffix };
  const room = TAG_MAX - prefix.length - suffix.length;
  if (room < MIN_CUT) {
    return {
      problem:
        `gives a prefix and suffix of ${prefix.length + suffix.length} characters ("${prefix}", "${suffix}"), ` +
        `which leave no room for the value in a tag of at most ${TAG_MAX}`,
    };
  }
  const hash = createHash('sha256').update(parts.value).digest('hex').slice(0, HASH_DIGITS);
  return { tag: `${prefix}${value.slice(0, room - HASH_DIGITS - 1)}-${hash}${suffix}` };
}

/** Runs of characters a tag cannot hold become one `-`. */
export function tagCharacters(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '-');
}
