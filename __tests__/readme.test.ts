import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return text.slice(from + start.length, to).trim();
};

test.each([
  ['action.yml', 'action'],
  ['report/action.yml', 'report'],
  ['merge/action.yml', 'merge'],
])('the tables of %s in docs/inputs.md match it', (file, marker) => {
  const page = readFileSync('docs/inputs.md', 'utf8');
  const generated = execFileSync(process.execPath, ['scripts/action-docs.mjs', file], {
    encoding: 'utf8',
  }).trim();
  expect(between(page, `<!-- ${marker}-docs:start -->`, `<!-- ${marker}-docs:end -->`)).toBe(generated);
});

test('the README gives the two fresh-machine commands that CI and users run', () => {
  const readme = readFileSync('README.md', 'utf8');
  const ci = readFileSync('.ci/run', 'utf8');
  expect(readme).toContain('npm ci && npm run demo');
  expect(readme).toContain('npm ci && npm test');
  expect(ci).toMatch(/^npm test /m);
});
