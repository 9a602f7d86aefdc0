/**
 * Text a pull request's author controls (Dockerfile instructions, labels, tag and branch names,
 * image references) made safe for the places a GitHub comment puts it. Each output context has
 * one function and one representation:
 *
 * - `codeSpan`: markdown inline code, literal. Inside backticks GitHub shows entities and
 *   backslashes as typed, so nothing is entity-encoded; the fence outgrows any backtick run in
 *   the text, and in a table cell `|` becomes `\|` (the table splits rows before inline parsing
 *   and removes that backslash itself: GFM spec, tables, example 200; a backslash of the author's
 *   before it is kept apart by a zero-width space).
 * - `escapeMarkdown`: markdown prose; every ASCII punctuation mark is backslash-escaped, which
 *   CommonMark renders as the mark itself and never as syntax, in a table cell too.
 * - `escapeHtml`: inside raw HTML (a `<summary>` line, an attribute), where markdown is not
 *   parsed: entities.
 * - `escapeCommentText`, `mermaidText`: an HTML comment and a Mermaid string.
 *
 * All of them first `sanitize`: control and bidi characters shown as escapes, no line breaks, one space for a
 * run of whitespace, a length limit, and no @-mentions or issue links. GitHub links those in the
 * rendered text (not in code), after entities are decoded, so `&#64;` would not help: a zero
 * width space after `@` or `#` breaks the pattern and shows nothing.
 */

export interface SanitizeOptions {
  /** At most this many characters (code points), the last being `…` when cut. */
  limit?: number;
}

export interface CodeSpanOptions extends SanitizeOptions {
  /** In a GFM table cell: `|` is escaped for the table. */
  table?: boolean;
}

const ZERO_WIDTH_SPACE = '\u200B';
const ELLIPSIS = '…';
const LINE_BREAK = ' ↵ ';
const REPLACEMENT = '\uFFFD';

/** Plain text every context can take: see the module comment. */
export function sanitize(text: string, options: SanitizeOptions = {}): string {
  const limit = Math.max(1, options.limit ?? Infinity);
  const kept: string[] = [];
  let pendingSpace = false;
  let cut = false;
  let previous = '';
  // Stops reading once the limit is passed: a 100 kB line costs no more than a short one.
  outer: for (const char of text) {
    const crlf = char === '\n' && previous === '\r';
    previous = char;
    if (crlf) continue;
    for (const mapped of mapChar(char)) {
      if (mapped === ' ') {
        pendingSpace = kept.length > 0;
        continue;
      }
      if (kept.length + (pendingSpace ? 2 : 1) > limit) {
        cut = true;
        break outer;
      }
      if (pendingSpace) kept.push(' ');
      kept.push(mapped);
      pendingSpace = false;
    }
  }
  if (cut) {
    // Room for the ellipsis, which follows the last word without a space.
    kept.length = Math.min(kept.length, limit - 1);
    while (kept.at(-1) === ' ') kept.pop();
    kept.push(ELLIPSIS);
  }
  return neutraliseReferences(kept.join(''));
}

function mapChar(char: string): string {
  const code = char.codePointAt(0)!;
  if (char === '\t' || char === ' ') return ' ';
  // Line breaks would end a table row or a heading: shown as a symbol, spaced out.
  if (code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x85) return LINE_BREAK;
  if (code === 0x2028 || code === 0x2029) return LINE_BREAK;
  // Other controls as the escapes a Dockerfile's author writes (`printf '\x1b[31m'`): C0, DEL
  // and C1 as \xNN; bidi overrides, isolates and marks (text that reads other than it is) as
  // \uNNNN. Control pictures (␛) would be kinder, but common code fonts have no glyph for them.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${hex(code, 2)}`;
  if (code === 0x061c || code === 0x200e || code === 0x200f) return `\\u${hex(code, 4)}`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return `\\u${hex(code, 4)}`;
  if (code >= 0xd800 && code <= 0xdfff) return REPLACEMENT;
  // Other whitespace (no-break, ideographic...) reads as a space.
  if (/^\s$/u.test(char)) return ' ';
  return char;
}

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

// `@user`, `@org/team`; `#123`, `GH-123`, `owner/repo#123`.
function neutraliseReferences(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}

/** Author text as markdown inline code; '' for text that sanitizes to nothing. */
export function codeSpan(text: string, options: CodeSpanOptions = {}): string {
  let body = sanitize(text, options);
  if (body === '') return '';
  // cmark-gfm takes any backslash before `|` as its escape (`\\|` stays in the cell); renderers
  // that count backslashes would end the cell there. A zero-width space after the author's
  // backslashes leaves exactly one before each pipe, which both read the same way.
  if (options.table)
    body = body.replace(
      /(\\*)\|/g,
      (_, slashes: string) => `${slashes && `${slashes}${ZERO_WIDTH_SPACE}`}\\|`,
    );
  const longestRun = (body.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  // A space pads a body that starts or ends with a backtick; the parser strips one each side.
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Author text as markdown prose: safe in a paragraph, a heading or a table cell. */
export function escapeMarkdown(text: string, options: SanitizeOptions = {}): string {
  return sanitize(text, options).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Author text inside raw HTML: element content or a double-quoted attribute value. */
export function escapeHtml(text: string, options: SanitizeOptions = {}): string {
  return htmlEntities(sanitize(text, options));
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A raw HTML line inside a table row is still split at pipes; a backtick could open code.
  '|': '&#124;',
  '`': '&#96;',
};

function htmlEntities(text: string): string {
  return text.replace(/[&<>"'|`]/g, (c) => ENTITIES[c]);
}

const COMMENT_SAFE = /[A-Za-z0-9._/:@+~-]/;
const MAX_COMMENT_TEXT = 256;

/**
 * Text inside `<!-- ... -->` that cannot close or break the comment: characters outside a
 * small set are percent-encoded (UTF-8), and no `--` is left. Deterministic, so code that looks
 * for a comment by its marker finds it; at most 256 characters.
 */
export function escapeCommentText(text: string): string {
  let out = '';
  for (const char of text) {
    const piece = COMMENT_SAFE.test(char) ? char : percentEncode(char);
    if (out.length + piece.length > MAX_COMMENT_TEXT) break;
    out += piece;
  }
  // `---` must not turn into `-%2D-` and then still hold `--` elsewhere: replace until none.
  while (out.includes('--')) out = out.replace(/--/g, '-%2D');
  return out.slice(0, MAX_COMMENT_TEXT).replace(/%[0-9A-F]?$/, '');
}

function percentEncode(char: string): string {
  return Array.from(
    new TextEncoder().encode(char),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

/**
 * Text for a Mermaid quoted string (a chart title): only letters, digits and `/ . _ - +`
 * and spaces survive, the rest become `_`; quotes, brackets, semicolons and line breaks,
 * which are Mermaid syntax, never reach the chart.
 */
export function mermaidText(text: string, options: SanitizeOptions = {}): string {
  return sanitize(text, options)
    .replace(/\u200B/g, '')
    .replace(/[^A-Za-z0-9/._+ -]/g, '_');
}
