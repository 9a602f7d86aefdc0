/**
 * Python versions (PEP 440) for `type=pep440`: parsing the forms the PEP accepts (`v1.2.3rc2`,
 * `1.0-dev4`, `1!2.0.post1`, `1.2.3+local.7`) and writing the normalized one, as metadata-action
 * does with them: `{{version}}` is the normalized version, `{{major}}`, `{{minor}}`, `{{patch}}`
 * the first three release numbers (0 when absent), `{{raw}}` the text as given.
 *
 * The grammar is the PEP's "permissive" regular expression (appendix B), anchored, case-insensitive.
 */

export interface Pep440Version {
  /** The text as given, trimmed. */
  raw: string;
  /** Numbers as decimal text without leading zeros: a version number may exceed 2^53. */
  epoch: string;
  release: string[];
  /** `a`, `b` or `rc` and its number. */
  pre?: { label: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  /** Lower-cased, separators as `.`. */
  local?: string;
}

const PATTERN = new RegExp(
  '^\\s*v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?' +
    '(?:-(?<postImplicit>[0-9]+)|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?' +
    '(?:[-_.]?(?<devLabel>dev)[-_.]?(?<devNumber>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?' +
    '\\s*$',
  'i',
);

const PRE_LABELS: Readonly<Record<string, 'a' | 'b' | 'rc'>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

/** The version, or undefined when `text` is not one PEP 440 accepts. */
export function parsePep440(text: string): Pep440Version | undefined {
  const m = PATTERN.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const version: Pep440Version = {
    raw: text.trim(),
    epoch: int(g.epoch),
    release: g.release.split('.').map(int),
  };
  if (g.preLabel !== undefined) {
    version.pre = { label: PRE_LABELS[g.preLabel.toLowerCase()], number: int(g.preNumber) };
  }
  if (g.postImplicit !== undefined) version.post = int(g.postImplicit);
  else if (g.postLabel !== undefined) version.post = int(g.postNumber);
  if (g.devLabel !== undefined) version.dev = int(g.devNumber);
  if (g.local !== undefined) version.local = g.local.toLowerCase().replace(/[-_]/g, '.');
  return version;
}

// A number as the PEP normalizes it: no leading zeros; absent is 0.
function int(digits: string | undefined): string {
  return (digits ?? '0').replace(/^0+(?=\d)/, '');
}

/** The normalized form: `1.2.3rc2`, `1.2.3.post1`, `1.0.dev4`, `1!2.0`, `1.0+ubuntu.1`. */
export function normalizePep440(v: Pep440Version): string {
  let text = v.epoch !== '0' ? `${v.epoch}!` : '';
  text += v.release.join('.');
  if (v.pre) text += `${v.pre.label}${v.pre.number}`;
  if (v.post !== undefined) text += `.post${v.post}`;
  if (v.dev !== undefined) text += `.dev${v.dev}`;
  if (v.local !== undefined) text += `+${v.local}`;
  return text;
}

/** A pre-, post- or dev-release: it moves no floating tag (`1.2`, `1`, `latest`). */
export function isPep440Special(v: Pep440Version): boolean {
  return v.pre !== undefined || v.post !== undefined || v.dev !== undefined;
}

/** `{{major}}`, `{{minor}}`, `{{patch}}`: the release numbers, 0 when the version has fewer. */
export function pep440Parts(v: Pep440Version): { major: string; minor: string; patch: string } {
  return {
    major: v.release[0],
    minor: v.release[1] ?? '0',
    patch: v.release[2] ?? '0',
  };
}
