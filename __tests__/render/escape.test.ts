import { describe, expect, test } from '@jest/globals';
import {
  codeSpan,
  escapeCommentText,
  escapeHtml,
  escapeMarkdown,
  mermaidText,
  sanitize,
} from '../../src/render/escape.js';

const ZWSP = '\u200B';

describe('sanitize', () => {
  test.each<[string, string, string]>([
    ['plain text', 'RUN apk add curl', 'RUN apk add curl'],
    ['a newline, shown and spaced', 'RUN a\nb', 'RUN a ↵ b'],
    ['CRLF is one line break', 'a\r\nb', 'a ↵ b'],
    ['a lone CR, VT, FF, NEL, LS, PS', 'a\rb\vc\fd\u0085e\u2028f\u2029g', 'a ↵ b ↵ c ↵ d ↵ e ↵ f ↵ g'],
    ['runs of whitespace, tabs, no-break spaces', '  a \t\t b\u00A0\u3000c  ', 'a b c'],
    ['C0 controls as \\x escapes', 'a\u0000b\u0007c\u001b[31md', 'a\\x00b\\x07c\\x1b[31md'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1 controls', 'a\u0080b\u009bc', 'a\\x80b\\x9bc'],
    [
      'bidi overrides, isolates and marks as \\u escapes',
      'a\u202Eb\u2066c\u2069d\u200Fe\u061Cf',
      'a\\u202eb\\u2066c\\u2069d\\u200fe\\u061cf',
    ],
    ['a lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['emoji and CJK are kept', 'RUN echo 🐳 你好', 'RUN echo 🐳 你好'],
    ['@-mentions', '@org/team and @user, not a@', `@${ZWSP}org/team and @${ZWSP}user, not a@`],
    ['an email address', 'me@example.com', `me@${ZWSP}example.com`],
    [
      'issue references',
      '#123 owner/repo#7 GH-5 gh-6 #x',
      `#${ZWSP}123 owner/repo#${ZWSP}7 GH-${ZWSP}5 gh-${ZWSP}6 #x`,
    ],
    ['only whitespace', ' \n\t ', '↵'],
    ['empty', '', ''],
  ])('%s', (_, text, expected) => {
    expect(sanitize(text)).toBe(expected);
  });

  test.each<[string, number, string]>([
    ['abcdef', 6, 'abcdef'],
    ['abcdefg', 6, 'abcde…'],
    ['abc   def', 5, 'abc…'],
    ['🐳🐳🐳🐳', 3, '🐳🐳…'],
    ['abc', 1, '…'],
  ])('%j cut to %d characters: %j', (text, limit, expected) => {
    expect(sanitize(text, { limit })).toBe(expected);
  });

  test('a 100 kB line is cut without reading it all', () => {
    const line = 'x'.repeat(100_000) + '\u0007';
    const started = performance.now();
    const text = sanitize(line, { limit: 200 });
    expect(performance.now() - started).toBeLessThan(50);
    expect(text).toBe('x'.repeat(199) + '…');
  });
});

describe('codeSpan', () => {
  test.each<[string, string, boolean, string]>([
    ['plain', 'RUN make', false, '`RUN make`'],
    ['backticks inside: a longer fence', 'echo `id`', false, '`` echo `id` ``'],
    ['a run of backticks', 'a ``` b', false, '````a ``` b````'],
    ['starts with a backtick: padded', '`id` x', false, '`` `id` x ``'],
    ['HTML stays literal text', '<img src=x onerror=alert(1)>', false, '`<img src=x onerror=alert(1)>`'],
    ['entities stay literal text', '&lt;b&gt;', false, '`&lt;b&gt;`'],
    ['a pipe outside a table', 'a | b', false, '`a | b`'],
    ['a pipe in a table', 'a | b', true, '`a \\| b`'],
    ['a backslash before a pipe in a table', 'a\\|b', true, `\`a\\${ZWSP}\\|b\``],
    ['backslashes before a pipe in a table', 'a\\\\|b', true, `\`a\\\\${ZWSP}\\|b\``],
    ['a backslash at the end', 'a\\', true, '`a\\`'],
    ['a mention', '@org/team', true, `\`@${ZWSP}org/team\``],
    ['a newline', 'a\nb', true, '`a ↵ b`'],
  ])('%s', (_, text, table, expected) => {
    expect(codeSpan(text, { table })).toBe(expected);
  });

  test('nothing left: no span', () => {
    expect(codeSpan('')).toBe('');
    expect(codeSpan('   ')).toBe('');
  });

  test('the limit counts the text, not the fence', () => {
    expect(codeSpan('abcdefghij', { limit: 5 })).toBe('`abcd…`');
  });

  // The properties a table cell needs, over strings built to break them.
  const hostile = [
    '|',
    '||',
    '\\|',
    '\\\\|',
    '`|`',
    '``` | ```',
    '` `',
    '`',
    'a\n| b | c |',
    '<details><summary>x</summary>',
    '\\',
    '\\`',
    '`\\',
  ];
  test.each(hostile)('%j: one code span, no cell break, no line break', (text) => {
    const span = codeSpan(text, { table: true });
    expect(span).not.toMatch(/[\r\n]/);
    // Every pipe has exactly one backslash right before it.
    expect(span.replace(/(?<!\\)\\\|/g, '')).not.toContain('|');
    // The fence is longer than any backtick run inside, and the span starts and ends with it.
    const fence = /^`+/.exec(span)![0];
    expect(span.endsWith(fence)).toBe(true);
    const inner = span.slice(fence.length, span.length - fence.length);
    expect(inner).not.toContain(fence);
    expect(inner.startsWith('`') || inner.endsWith('`')).toBe(false);
  });
});

describe('escapeMarkdown', () => {
  test.each<[string, string]>([
    ['Image size', 'Image size'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['<img src=x>', '\\<img src\\=x\\>'],
    ['[link](http://x)', '\\[link\\]\\(http\\:\\/\\/x\\)'],
    ['a | b', 'a \\| b'],
    ['`code` $x$ ~~s~~', '\\`code\\` \\$x\\$ \\~\\~s\\~\\~'],
    ['&amp; \\', '\\&amp\\; \\\\'],
    ['@org/team #1', `\\@${ZWSP}org\\/team \\#${ZWSP}1`],
  ])('%j -> %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  test.each<[string, string]>([
    ['sha256:abc', 'sha256:abc'],
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['a | `b`', 'a &#124; &#96;b&#96;'],
    ['@org\nx', `@${ZWSP}org ↵ x`],
  ])('%j -> %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('escapeCommentText', () => {
  test.each<[string, string]>([
    ['ghcr.io/acme/app', 'ghcr.io/acme/app'],
    ['my-app', 'my-app'],
    ['a --> b', 'a%20-%2D%3E%20b'],
    ['a---b', 'a-%2D-b'],
    ['x--!>', 'x-%2D%21%3E'],
    ['é', '%C3%A9'],
    ['%', '%25'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeCommentText(text)).toBe(expected);
  });

  test('no -- and no > survive, at most 256 characters, the same key gives the same text', () => {
    const key = '--'.repeat(300) + '>';
    const text = escapeCommentText(key);
    expect(text).not.toContain('--');
    expect(text).not.toContain('>');
    expect(text.length).toBeLessThanOrEqual(256);
    expect(text).not.toMatch(/%[0-9A-F]?$/);
    expect(escapeCommentText(key)).toBe(text);
  });
});

describe('mermaidText', () => {
  test.each<[string, string]>([
    ['linux/arm64/v8', 'linux/arm64/v8'],
    ['linux"]\n  bar [1]; %%{init}%%', 'linux__ _ bar _1__ ___init___'],
    ['a@b #1', 'a_b _1'],
  ])('%j -> %j', (text, expected) => {
    expect(mermaidText(text)).toBe(expected);
  });
});
