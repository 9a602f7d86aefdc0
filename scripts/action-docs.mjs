#!/usr/bin/env node
// Prints the inputs and outputs tables of docs/inputs.md from an action.yml, so that the page can
// be regenerated (`node scripts/action-docs.mjs action.yml`) and checked against it by a test.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { format } from 'prettier';

export const PAGE = 'docs/inputs.md';

// Formatted as Prettier formats markdown, so `npm run lint` and the README test agree.
export async function actionTables(actionYml) {
  const action = parse(actionYml);
  const cell = (s) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  const rows = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs ?? {}).map(
      ([name, i]) =>
        `| \`${name}\` | ${i.default === undefined ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
    ),
    '',
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs ?? {}).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ];
  return (await format(rows.join('\n'), { parser: 'markdown' })).trim();
}

// `node scripts/action-docs.mjs action.yml` prints the tables; with `--write MARKER` it replaces
// them in docs/inputs.md between `<!-- MARKER-docs:start -->` and `<!-- MARKER-docs:end -->`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const tables = await actionTables(readFileSync(process.argv[2] ?? 'action.yml', 'utf8'));
  const marker = process.argv[3] === '--write' ? process.argv[4] : undefined;
  if (!marker) console.log(tables);
  else {
    const [start, end] = [`<!-- ${marker}-docs:start -->`, `<!-- ${marker}-docs:end -->`];
    const page = readFileSync(PAGE, 'utf8');
    const from = page.indexOf(start);
    const to = page.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${PAGE} has no ${start} ... ${end}`);
    writeFileSync(PAGE, `${page.slice(0, from + start.length)}\n\n${tables}\n\n${page.slice(to)}`);
  }
}
