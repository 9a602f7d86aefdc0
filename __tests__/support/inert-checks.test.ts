/**
 * The checkers the hostile-content tests rely on find what they claim to find: each bad case
 * gives a problem, and a report rendered from hostile text gives none.
 */
import { describe, expect, test } from '@jest/globals';
import { checkInertMarkdown } from './inert-markdown.js';
import { checkWorkflowCommands } from './inert-log.js';
import { renderReport } from '../../src/render/markdown.js';
import type { SizeReport } from '../../src/report/size-report.js';

const TABLE = '| A | B |\n| :-- | --: |\n| `x` | <span title="1 bytes">1 B</span> |';

describe('checkInertMarkdown', () => {
  test('clean markdown: no problem', () => {
    const details = '<details><summary>s</summary>\n\n`a | b` and ``x ` y``\n\n</details>';
    expect(checkInertMarkdown(`${TABLE}\n\n${details}\n\n<!-- shipshape:@a#1 -->`)).toEqual([]);
  });

  test.each([
    ['raw HTML', '<img src=x onerror=alert(1)>', /HTML outside code spans/],
    ['a script tag', 'a <script>x</script>', /HTML outside code spans/],
    ['unbalanced details', '<details><summary>x</summary>', /<details> opened 1 times, closed 0/],
    ['a mention', 'hi @octocat', /a mention/],
    ['a mention in code', '`@org/team`', /a mention/],
    ['an issue link', 'see #123', /an issue link/],
    ['a GH- link', 'GH-45', /a GH- link/],
    ['a control character', 'a\u0007b', /a control or bidi/],
    ['a bidi override', '`a\u202eb`', /a control or bidi/],
    ['an unpaired backtick', 'a `b', /unpaired backtick/],
    ['an unclosed code fence', '```mermaid\nx', /one is not closed/],
    ['javascript:', '[l](javascript:alert(1))', /javascript:/],
    ['a short row', '| A | B |\n| :-- | --: |\n| x |', /a row of 1 cells in a table of 2/],
    ['a row split by a pipe', '| A | B |\n| :-- | --: |\n| a|b | c |', /a row of 3 cells/],
    ['no delimiter row', '| A | B |\n| x | y |', /without a delimiter row/],
    ['too long', 'x'.repeat(65_536), /65536 characters/],
  ])('%s is a problem', (_, markdown, problem) => {
    expect(checkInertMarkdown(markdown)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('a report of hostile instructions renders inert', () => {
    const hostile = ['<img src=x onerror=1>', '@org/team #1', '| a |', '``` x `', '\u0000\u202e', '\n::x::y'];
    const report: SizeReport = {
      version: 1,
      image: { ref: 'localhost:5000/app:pr', digest: `sha256:${'a'.repeat(64)}` },
      baseline: null,
      removedPlatforms: [],
      platforms: [
        {
          platform: 'linux/<b>#1',
          compressed: 10,
          uncompressed: 20,
          wasted: 0,
          newToPull: null,
          baseline: null,
          delta: null,
          changes: null,
          layers: hostile.map((createdBy, i) => ({
            digest: `sha256:${String(i).repeat(64)}`,
            compressed: 1,
            uncompressed: 2,
            files: 1,
            createdBy,
          })),
        },
      ],
    };
    expect(checkInertMarkdown(renderReport(report, { key: 'k' }))).toEqual([]);
  });
});

describe('checkWorkflowCommands', () => {
  const token = 'shipshape-0123abcd-0123-4567-89ab-0123456789ab';
  test('our commands, and anything between stop-commands and its token: no problem', () => {
    const log = ['::group::x', 'text', `::stop-commands::${token}`, '::set-output name=a::b', `::${token}::`];
    expect(checkWorkflowCommands([...log, '::endgroup::'].join('\n'))).toEqual([]);
  });

  test.each([
    ['a foreign command', '::set-output name=a::b', /not ours/],
    ['a foreign command, indented and upper case', '  ::SET-ENV name=a::b', /not ours/],
    ['a legacy command', '##[add-mask]x', /##\[ command/],
    ['a region never resumed', `::stop-commands::${token}\nx`, /never resumed/],
    ['a stop-commands of another token', '::stop-commands::guess\n::guess::', /not ours/],
    ['forbidden text in our command', '::error::forged', /"forged" in a workflow command/],
  ])('%s is a problem', (_, log, problem) => {
    expect(checkWorkflowCommands(log, { forbidden: ['forged'] })).toEqual(
      expect.arrayContaining([expect.stringMatching(problem)]),
    );
  });
});
