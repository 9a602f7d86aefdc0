/**
 * Checks that a report's markdown is valid and inert on GitHub whatever text the image's author
 * put in it: the problems found, as readable strings (none: `[]`), so a test can say
 * `expect(checkInertMarkdown(body)).toEqual([])` and see every problem at once.
 *
 * - under GitHub's 65,536-character comment limit;
 * - outside inline code spans, HTML only of the tags the renderer writes (`details`, `summary`,
 *   `span title`, `br`, `sub`), each balanced, and no `javascript:`;
 * - no backtick left unpaired (a code span that did not close turns the rest into code), fenced
 *   blocks (the Mermaid charts) each closed and read as code;
 * - in the rendered text (code spans included: sanitize breaks them there too), no mention
 *   (`@` then a letter, digit or `_`), no issue link (`#` then a digit, `GH-` then a digit);
 * - no control, bidi or lone-surrogate character;
 * - every table: a delimiter row under its header, and every row with the header's cell count.
 */

/** GitHub rejects a comment body of this many characters or more. */
const COMMENT_LIMIT = 65_536;

// Tags the renderer writes itself; author text never becomes a tag.
const OUR_TAGS = /^<\/?(?:details|summary|sub|br|span(?: title="[^"<>`]*")?)>$/;
const BALANCED = ['details', 'summary', 'sub', 'span'];
// What starts HTML in CommonMark: `<` then a letter, `/`, `!` or `?`.
const HTML_START = /<[A-Za-z/!?][^>\n]*>?/g;
// Control characters are what this looks for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text GitHub renders: our hidden marker (an HTML comment block on its own line) removed. */
export function renderedText(markdown: string): string {
  return markdown.replace(/^<!--[^\n]*?-->$/gm, '');
}

/**
 * The text with inline code spans removed (a run of N backticks, not escaped, to the next run of
 * exactly N on the same line): what the parser reads as markup.
 */
export function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
}

export function checkInertMarkdown(markdown: string): string[] {
  const problems: string[] = [];
  const show = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

  if (markdown.length >= COMMENT_LIMIT) {
    problems.push(`${markdown.length} characters: GitHub takes fewer than ${COMMENT_LIMIT}`);
  }
  const text = renderedText(markdown);
  const fences = text.match(/^```/gm)?.length ?? 0;
  if (fences % 2 !== 0) problems.push(`${fences} code fences: one is not closed`);
  const markup = outsideCodeSpans(text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, ''));

  for (const tag of new Set(markup.match(HTML_START) ?? [])) {
    if (!OUR_TAGS.test(tag)) problems.push(`HTML outside code spans: ${show(tag)}`);
  }
  for (const name of BALANCED) {
    const opened = (markup.match(new RegExp(`<${name}[ >]`, 'g')) ?? []).length;
    const closed = (markup.match(new RegExp(`</${name}>`, 'g')) ?? []).length;
    if (opened !== closed) problems.push(`<${name}> opened ${opened} times, closed ${closed} times`);
  }
  if (/javascript:/i.test(markup)) problems.push('javascript: outside code spans');
  const stray = /(?<!\\)`/.exec(markup);
  if (stray) {
    const at = stray.index;
    problems.push(`unpaired backtick: ${show(markup.slice(Math.max(0, at - 40), at + 40))}`);
  }

  const patterns: [RegExp, string][] = [
    [/@(?=[\p{L}\p{N}_])/u, 'a mention'],
    [/#\d/, 'an issue link'],
    [/\bgh-\d/i, 'a GH- link'],
    [CONTROL, 'a control or bidi character'],
    [LONE_SURROGATE, 'a lone surrogate'],
  ];
  for (const [pattern, what] of patterns) {
    const found = pattern.exec(text);
    if (found) {
      const at = found.index;
      problems.push(`${what}: ${show(text.slice(Math.max(0, at - 30), at + 30))}`);
    }
  }
  problems.push(...checkTables(markdown));
  return problems;
}

/** Cells of a row: split at pipes a backslash does not escape. */
const cellCount = (line: string) => line.split(/(?<!\\)\|/).length;
const DELIMITER_ROW = /^\|(?:\s*:?-+:?\s*\|)+$/;

function checkTables(markdown: string): string[] {
  const problems: string[] = [];
  let header: number | undefined;
  let rowInTable = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    if (header === undefined) {
      header = cellCount(line);
      rowInTable = 0;
      continue;
    }
    rowInTable++;
    if (rowInTable === 1 && !DELIMITER_ROW.test(line)) {
      problems.push(`a table without a delimiter row under its header: ${JSON.stringify(line.slice(0, 80))}`);
    }
    const cells = cellCount(line);
    if (cells !== header) {
      problems.push(
        `a row of ${cells - 2} cells in a table of ${header - 2}: ${JSON.stringify(line.slice(0, 80))}`,
      );
    }
  }
  return problems;
}
