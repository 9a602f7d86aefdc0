/**
 * The path rule (src/inputs/paths.ts) against every local path input of the three actions: each
 * input, in its own syntax, with a path inside the workspace, in RUNNER_TEMP, elsewhere, out
 * through `..`, out through a symlink, and (for what the build writes) not made yet.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { readInputs } from '../../src/inputs/build.js';
import { checkPath, PATH_INPUTS, pathRuleOf, type PathRule } from '../../src/inputs/paths.js';
import { thrown } from '../support/thrown.js';
import { buildContextPath, cachePaths, outputPaths, sshPaths } from '../../src/buildx/flag-paths.js';
import { checkReportPaths } from '../../src/inputs/report.js';
import { readMergeInputs } from '../../src/inputs/merge.js';

const DIGEST_FILE = 'a'.repeat(64);

// The same things in the workspace, in RUNNER_TEMP and elsewhere on the machine.
function place(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paths-'));
  mkdirSync(join(dir, 'ctx'));
  writeFileSync(join(dir, 'ctx', 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(join(dir, 'digests'));
  writeFileSync(join(dir, 'digests', DIGEST_FILE), '');
  return dir;
}
const workspace = place();
const temp = place();
const elsewhere = place();
symlinkSync(elsewhere, join(workspace, 'escape'));
symlinkSync(temp, join(workspace, 'to-temp'));
symlinkSync(join(elsewhere, 'nothing'), join(workspace, 'dangling'));
const rule: PathRule = { cwd: workspace, roots: [workspace, temp] };

type Action = keyof typeof PATH_INPUTS;

interface Row {
  action: Action;
  input: string;
  /** What the path names: a directory or a file that every place holds. */
  target: 'ctx' | 'ctx/Dockerfile' | 'digests';
  /** existing: the step reads it; any: the build writes it (it need not exist yet). */
  use: 'existing' | 'any';
  /** The input's value around the path. */
  value: (path: string) => string;
  /** The other inputs the action needs. */
  base?: Record<string, string>;
}

const ROWS: Row[] = [
  { action: 'main', input: 'context', target: 'ctx', use: 'existing', value: (p) => p },
  { action: 'main', input: 'file', target: 'ctx/Dockerfile', use: 'existing', value: (p) => p },
  { action: 'main', input: 'build-contexts', target: 'ctx', use: 'existing', value: (p) => `extra=${p}` },
  {
    action: 'main',
    input: 'build-contexts',
    target: 'ctx',
    use: 'existing',
    value: (p) => `base=oci-layout://${p}:1.0@sha256:${'b'.repeat(64)}`,
  },
  {
    action: 'main',
    input: 'secret-files',
    target: 'ctx/Dockerfile',
    use: 'existing',
    value: (p) => `f=${p}`,
  },
  { action: 'main', input: 'ssh', target: 'ctx/Dockerfile', use: 'existing', value: (p) => `deploy=${p}` },
  { action: 'main', input: 'cache-from', target: 'ctx', use: 'any', value: (p) => `type=local,src=${p}` },
  {
    action: 'main',
    input: 'cache-to',
    target: 'ctx',
    use: 'any',
    value: (p) => `type=local,dest=${p},mode=max`,
  },
  { action: 'main', input: 'outputs', target: 'ctx', use: 'any', value: (p) => `type=local,dest=${p}` },
  { action: 'main', input: 'outputs', target: 'ctx', use: 'any', value: (p) => `type=oci,"dest=${p}/i.tar"` },
  { action: 'main', input: 'outputs', target: 'ctx', use: 'any', value: (p) => p },
  { action: 'main', input: 'compare-to', target: 'ctx', use: 'existing', value: (p) => `oci-layout://${p}` },
  { action: 'report', input: 'image', target: 'ctx', use: 'existing', value: (p) => `oci-layout://${p}` },
  { action: 'report', input: 'baseline', target: 'ctx', use: 'existing', value: (p) => `oci-layout://${p}` },
  { action: 'report', input: 'file', target: 'ctx/Dockerfile', use: 'existing', value: (p) => p },
  { action: 'report', input: 'size-report-file', target: 'ctx/Dockerfile', use: 'existing', value: (p) => p },
  {
    action: 'merge',
    input: 'digests-dir',
    target: 'digests',
    use: 'existing',
    value: (p) => p,
    base: { images: 'ghcr.io/acme/app' },
  },
  {
    action: 'merge',
    input: 'compare-to',
    target: 'ctx',
    use: 'existing',
    value: (p) => `oci-layout://${p}`,
    base: { images: 'ghcr.io/acme/app', digests: `sha256:${DIGEST_FILE}` },
  },
];

function run(row: Row, value: string): void {
  const inputs: Record<string, string> = { context: 'ctx', ...row.base, [row.input]: value };
  const getInput = (name: string) => (inputs[name] ?? '').trim();
  if (row.action === 'main') readInputs(getInput, rule);
  else if (row.action === 'merge') readMergeInputs(getInput, rule);
  else checkReportPaths(getInput, rule);
}

const outsideName = basename(elsewhere);
const INSIDE: [string, (target: string) => string][] = [
  ['relative, in the workspace', (t) => t],
  ['absolute, in the workspace', (t) => join(workspace, t)],
  ['in RUNNER_TEMP', (t) => join(temp, t)],
  ['through a symlink from the workspace to RUNNER_TEMP', (t) => `to-temp/${t}`],
  ['with .. that stays inside', (t) => `ctx/../${t}`],
];
const OUTSIDE: [string, (target: string) => string][] = [
  ['elsewhere on the machine', (t) => join(elsewhere, t)],
  ['.. out of the workspace', (t) => `../${outsideName}/${t}`],
  ['a symlink out of the workspace', (t) => `escape/${t}`],
];

const named = (row: Row) => `${row.action} ${row.input}: ${row.value('PATH')}`;

describe.each(ROWS.map((row) => [named(row), row] as const))('%s', (_name, row) => {
  test.each(INSIDE)('accepted: %s', (_case, path) => {
    expect(() => run(row, row.value(path(row.target)))).not.toThrow();
  });

  test.each(OUTSIDE)('refused: %s', (_case, path) => {
    const value = row.value(path(row.target));
    const error = thrown(() => run(row, value));
    expect([error.input, error.value]).toEqual([row.input, value]);
    expect(error.reason).toMatch(/^is outside the workspace and RUNNER_TEMP: /);
  });

  if (row.use === 'any') {
    test('accepted: not made yet, in the workspace or RUNNER_TEMP', () => {
      expect(() => run(row, row.value(`new/${row.target}`))).not.toThrow();
      expect(() => run(row, row.value(join(temp, 'new', row.target)))).not.toThrow();
    });
    test('refused: not made yet, elsewhere', () => {
      const value = row.value(join(elsewhere, 'new', row.target));
      expect(thrown(() => run(row, value)).reason).toMatch(/^is outside the workspace and RUNNER_TEMP/);
    });
    test('refused: a symlink that leads nowhere (the write would go where it points)', () => {
      const value = row.value(`dangling/${row.target}`);
      expect(thrown(() => run(row, value)).reason).toMatch(/a symlink that leads nowhere$/);
    });
  } else {
    test('refused: a path that does not exist', () => {
      const value = row.value(`missing/${row.target}`);
      const error = thrown(() => run(row, value));
      expect([error.input, error.reason]).toEqual([
        row.input,
        expect.stringMatching(/does not exist|not a directory/),
      ]);
    });
  }
});

test('the table has a row for every path input of every action', () => {
  for (const action of Object.keys(PATH_INPUTS) as Action[]) {
    const rows = new Set(ROWS.filter((row) => row.action === action).map((row) => row.input));
    expect([...rows].sort()).toEqual([...PATH_INPUTS[action]].sort());
  }
});

// An input whose description speaks of a path, a file or a directory is a path input, or is
// listed here with the reason it is not.
const NOT_PATHS: Record<string, string> = {
  'main advise': 'reads the Dockerfile of context and file',
  'main tags': 'full references, not paths',
  'main images': 'image names',
  'main push-by-digest': 'pushes to images',
  'report advise': 'reads the Dockerfile of file',
  'report size-report': 'JSON text, not a path',
  'merge digests': 'digests, not the directory of digests-dir',
};

test.each([
  ['main', 'action.yml'],
  ['report', 'report/action.yml'],
  ['merge', 'merge/action.yml'],
] as const)('every input of %s (%s) that names a path is a path input', (action, file) => {
  const yml = parse(readFileSync(join(import.meta.dirname, '..', '..', file), 'utf8')) as {
    inputs: Record<string, { description: string }>;
  };
  const pathLike = Object.entries(yml.inputs)
    .filter(([, input]) => /\b(path|file|dir|directory|dest|src|layout)\b|PATH/i.test(input.description))
    .map(([name]) => name)
    .filter((name) => !(`${action} ${name}` in NOT_PATHS));
  expect(pathLike.filter((name) => !(PATH_INPUTS[action] as readonly string[]).includes(name))).toEqual([]);
});

describe('the rule itself', () => {
  test('on a runner: the workspace and RUNNER_TEMP; off one, the working directory', () => {
    expect(pathRuleOf({ GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t', SSH_AUTH_SOCK: '/s' }, '/c')).toEqual({
      cwd: '/c',
      roots: ['/w', '/t'],
      agentSocket: '/s',
    });
    expect(pathRuleOf({}, '/c')).toEqual({ cwd: '/c', roots: ['/c'], agentSocket: undefined });
  });

  test('a prefix of the workspace name is not the workspace', () => {
    mkdirSync(`${workspace}-other`, { recursive: true });
    expect(thrown(() => checkPath(rule, 'file', 'v', `${workspace}-other`, 'existing')).reason).toMatch(
      /^is outside the workspace and RUNNER_TEMP/,
    );
  });

  test('the SSH agent socket is allowed by name, and nothing else beside it', () => {
    writeFileSync(join(elsewhere, 'agent.sock'), '');
    const withAgent = { ...rule, agentSocket: join(elsewhere, 'agent.sock') };
    expect(checkPath(withAgent, 'ssh', 'v', join(elsewhere, 'agent.sock'), 'existing')).toBe(
      join(elsewhere, 'agent.sock'),
    );
    expect(() => checkPath(withAgent, 'ssh', 'v', join(elsewhere, 'ctx', 'Dockerfile'), 'existing')).toThrow(
      /outside the workspace/,
    );
  });

  test('the error shows where a symlink led', () => {
    const error = thrown(() => checkPath(rule, 'file', 'escape/ctx', 'escape/ctx', 'existing'));
    expect(error.message).toBe(
      `Input "file": "escape/ctx" is outside the workspace and RUNNER_TEMP: ${join(workspace, 'escape/ctx')} ` +
        `leads to ${join(elsewhere, 'ctx')}, which is not under ${workspace} or ${temp}`,
    );
  });
});

describe('where each syntax holds its paths', () => {
  test.each([
    ['extra=./dir', './dir'],
    ['extra=/abs/dir', '/abs/dir'],
    ['base=docker-image://alpine:3', undefined],
    ['base=oci-layout:///layouts/app:1.0@sha256:abc', '/layouts/app'],
    ['base=oci-layout://rel/app', 'rel/app'],
    ['src=https://github.com/acme/app.git#main', undefined],
    ['src=git@github.com:acme/app.git', undefined],
    ['src=github.com/acme/app', undefined],
  ])('build-contexts %s', (entry, path) => {
    expect(buildContextPath(entry)).toBe(path);
  });

  test.each([
    ['default', []],
    ['deploy', []],
    ['deploy=/keys/a', ['/keys/a']],
    ['deploy=/keys/a,/keys/b', ['/keys/a', '/keys/b']],
  ])('ssh %s', (entry, paths) => {
    expect(sshPaths(entry)).toEqual(paths);
  });

  test.each([
    ['type=local,src=cache', ['cache']],
    ['type=local,dest=out,mode=max', ['out']],
    ['type=registry,ref=ghcr.io/acme/app:cache', []],
    ['ghcr.io/acme/app:cache', []],
    ['type=gha,scope=x', []],
  ])('cache %s', (entry, paths) => {
    expect(cachePaths(entry)).toEqual(paths);
  });

  test.each([
    ['type=local,dest=out', ['out']],
    ['type=oci,"dest=a b/i.tar"', ['a b/i.tar']],
    ['type=tar,dest=-', []],
    ['-', []],
    ['./out', ['./out']],
    ['type=image,name=ghcr.io/acme/app,push=true', []],
    ['type=registry', []],
  ])('outputs %s', (entry, paths) => {
    expect(outputPaths(entry)).toEqual(paths);
  });
});
