/**
 * Tag templates: text with `{{name}}` placeholders and `{{date 'YYYYMMDD'}}`, as metadata-action's.
 * Checked when an input is read, so that a typo fails the step before the build instead of
 * producing an odd tag after it; rendered when the plan is computed.
 */

/** Expressions usable in every value, prefix and suffix. */
export const GLOBAL_EXPRESSIONS = [
  'branch',
  'tag',
  'sha',
  'base_ref',
  'is_default_branch',
  'is_not_default_branch',
] as const;
export type GlobalExpression = (typeof GLOBAL_EXPRESSIONS)[number];

/** Only inside `type=semver,pattern=`. */
export const SEMVER_PLACEHOLDERS = ['version', 'major', 'minor', 'patch', 'raw'] as const;
export type SemverPlaceholder = (typeof SEMVER_PLACEHOLDERS)[number];

/** Every name a semver pattern may use: its own placeholders, then the globals. */
export const SEMVER_EXPRESSIONS: readonly string[] = [...SEMVER_PLACEHOLDERS, ...GLOBAL_EXPRESSIONS];

const DATE_TOKENS = /YYYY|MM|DD|HH|mm|ss/g;
// `\w+` only: `{{date '...'}}` is not a name.
const NAME = /\{\{\s*(\w+)\s*\}\}/g;
const SOLE_NAME = /^\{\{\s*(\w+)\s*\}\}$/;

type Segment = { text: string } | { name: string } | { date: string };

/**
 * Why `text` cannot be used as a tag template (unknown placeholder, characters a tag cannot
 * hold), or undefined when it can.
 */
export function templateProblem(
  text: string,
  names: readonly string[] = GLOBAL_EXPRESSIONS,
): string | undefined {
  const parsed = parse(text, names);
  if (typeof parsed === 'string') return parsed;
  for (const segment of parsed) {
    if ('text' in segment && /[^A-Za-z0-9_.-]/.test(segment.text)) {
      return `has "${segment.text}", which a tag cannot hold (only A-Z a-z 0-9 _ . -)`;
    }
  }
  return undefined;
}

/** As templateProblem, for text that never becomes a tag as is: only its placeholders are checked. */
export function placeholderProblem(
  text: string,
  names: readonly string[] = GLOBAL_EXPRESSIONS,
): string | undefined {
  const parsed = parse(text, names);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** No placeholder at all: the text is the tag, and can be checked as one when the input is read. */
export function isStatic(text: string): boolean {
  return !text.includes('{{');
}

/** The names `text` uses; `date` is not one. */
export function namesUsed(text: string): Set<string> {
  return new Set([...text.matchAll(NAME)].map((m) => m[1]));
}

/** The name when `text` is one placeholder and nothing else (`{{ raw }}`). */
export function soleName(text: string): string | undefined {
  return SOLE_NAME.exec(text)?.[1];
}

/** `text` with its placeholders replaced: each name it uses must be a key of `values`. */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, now: Date): string {
  const parsed = parse(text, Object.keys(values));
  // Templates are checked when the input is read: a problem here is our bug, not the user's.
  if (typeof parsed === 'string') throw new Error(`Template ${JSON.stringify(text)} ${parsed}`);
  return parsed
    .map((s) => ('text' in s ? s.text : 'name' in s ? values[s.name] : formatDate(now, s.date)))
    .join('');
}

// The segments of `text`, or why it has none.
function parse(text: string, names: readonly string[]): Segment[] | string {
  const segments: Segment[] = [];
  // A capturing split: literal text at even indexes, placeholder bodies at odd ones, in order.
  const parts = text.split(/\{\{(.*?)\}\}/);
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 0) {
      if (part.includes('{{')) return 'has an unclosed "{{"';
      if (part !== '') segments.push({ text: part });
      continue;
    }
    const body = part.trim();
    const date = /^date\s+(?:'([^']*)'|"([^"]*)")$/.exec(body);
    if (date) {
      const format = date[1] ?? date[2];
      if (/[A-Za-z]/.test(format.replace(DATE_TOKENS, ''))) {
        return `has a date format "${format}" beyond YYYY, MM, DD, HH, mm and ss`;
      }
      segments.push({ date: format });
    } else if (names.includes(body)) {
      segments.push({ name: body });
    } else {
      return `uses an unknown placeholder "{{${body}}}" (known: ${names.join(', ')}, date)`;
    }
  }
  return segments;
}

// UTC: the runner's time zone is not the user's, and a tag must not depend on it.
function formatDate(now: Date, format: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return format.replace(DATE_TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return String(now.getUTCFullYear());
      case 'MM':
        return pad(now.getUTCMonth() + 1);
      case 'DD':
        return pad(now.getUTCDate());
      case 'HH':
        return pad(now.getUTCHours());
      case 'mm':
        return pad(now.getUTCMinutes());
      default:
        return pad(now.getUTCSeconds());
    }
  });
}
