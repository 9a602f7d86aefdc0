#!/usr/bin/env node
// Prints the README's inputs and outputs tables from an action.yml, so that the README can be
// regenerated (`node scripts/action-docs.mjs action.yml`) and checked against it by a test.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { format } from 'prettier';

// Formatted as Prettier formats the README, so `npm run lint` and the README test agree.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await actionTables(readFileSync(process.argv[2] ?? 'action.yml', 'utf8')));
}
