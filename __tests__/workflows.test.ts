/**
 * Our own workflows and every workflow the README shows: least-privilege `permissions:`,
 * third-party actions pinned by commit, and no `${{ }}` expression inside a `run:` script
 * (an expression there is pasted into the shell before it runs: a branch name or PR title
 * becomes code). Expressions belong in `env:`, where they are data.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

const OUR_ACTION = /^acme\/shipshape(\/[a-z-]+)?@v\d+$/;
// Only what a workflow of ours may need: reading code, commenting, reading artifacts, pushing images.
const ALLOWED_WRITES = new Set(['pull-requests', 'packages']);

function workflows(): [string, Workflow][] {
  const found: [string, Workflow][] = [];
  const dir = '.github/workflows';
  for (const file of readdirSync(dir))
    found.push([join(dir, file), parse(readFileSync(join(dir, file), 'utf8'))]);
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)];
  for (const [i, block] of blocks.entries()) {
    const indent = block[1].length;
    const text = block[2]
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    const doc = parse(text) as Workflow | null;
    // Whole workflows only: snippets of a step's `with:` are checked through the workflows.
    if (doc && typeof doc === 'object' && 'jobs' in doc) found.push([`README.md yaml block ${i + 1}`, doc]);
  }
  return found;
}

const all = workflows();

test('the README shows whole workflows, and they are checked', () => {
  expect(all.filter(([name]) => name.startsWith('README')).length).toBeGreaterThanOrEqual(4);
});

describe.each(all)('%s', (_name, workflow) => {
  const jobs = Object.entries(workflow.jobs ?? {});

  test('sets least-privilege permissions', () => {
    for (const [, job] of jobs) {
      const permissions = job.permissions ?? workflow.permissions;
      expect(permissions).toBeDefined();
      expect(permissions).not.toBe('write-all');
      const writes = Object.entries(permissions as Record<string, string>)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope);
      for (const scope of writes) expect(ALLOWED_WRITES).toContain(scope);
    }
  });

  test('pins third-party actions by commit SHA', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps ?? []) {
        if (!step.uses || step.uses.startsWith('./') || OUR_ACTION.test(step.uses)) continue;
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  test('expands no expression inside a run: script', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps ?? []) if (step.run) expect(step.run).not.toContain('${{');
    }
  });
});
