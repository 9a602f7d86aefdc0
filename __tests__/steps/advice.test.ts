import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdviceStep } from '../../src/steps/advice.js';
import type { Rule } from '../../src/advise/model.js';
import { computeWaste } from '../../src/image/wasted.js';
import { createCoreIo } from '../../src/io/core.js';
import { RULES } from '../../src/advise/rules/index.js';
import { buildSizeReport } from '../../src/compare/delta.js';
import { renderReport } from '../../src/render/markdown.js';

// The real adapter: what the step says reaches stdout and GITHUB_OUTPUT as on a runner.
const io = createCoreIo();

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'integrate-step-'));
  mkdirSync(join(workspace, 'app/docker'), { recursive: true });
  writeFileSync(join(workspace, 'app/docker/Dockerfile'), 'FROM busybox\nRUN echo hi\n');
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const scanned = ['linux/amd64', 'linux/arm64'].map((platform) => ({
  platform,
  layers: [],
  waste: computeWaste([]),
}));

/** A rule whose text is what a hostile Dockerfile could make a rule quote. */
const hostile: Rule = {
  id: 'hostile',
  title: 'Hostile: title, with commas',
  check: (input) =>
    input.platform === 'linux/arm64'
      ? [
          {
            rule: 'hostile',
            file: input.dockerfile.file,
            line: 2,
            endLine: 2,
            bytes: 2_000_000,
            message: 'RUN echo "\n::error::pwned\r\n::add-mask::x %0A::set-output name=a::b \u001b[31m"',
            fix: 'fix\n::stop-commands::x',
            saves: 2_000_000,
          },
        ]
      : [],
};

async function stdoutOf(run: () => Promise<unknown>): Promise<string> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return out;
}

test('author text in an annotation cannot start a workflow command; the file is named from the workspace', async () => {
  let entries: Awaited<ReturnType<typeof runAdviceStep>>;
  const out = await stdoutOf(async () => {
    entries = await runAdviceStep(io, {
      enabled: true,
      analyzeLayers: true,
      minBytes: 1_000_000,
      location: { context: 'app/docker', cwd: workspace, workspace },
      buildArgs: [],
      scanned,
      rules: [hostile],
    });
  });
  const lines = out.split(/\r?\n/).filter(Boolean);
  // one annotation line and one summary line: no other line begins with `::`
  expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(1);
  const [annotation] = lines;
  expect(annotation).toMatch(
    /^::warning title=Hostile%3A title%2C with commas%3A saves 2\.00 MB \(on linux\/arm64\),file=app\/docker\/Dockerfile,line=2,endLine=2::/,
  );
  expect(annotation).not.toContain('\r');
  expect(annotation).not.toContain('\u001b');
  // the literal `%0A` of the author is escaped as `%250A`, so the runner shows it, not a line break
  expect(annotation).toContain('%250A');
  expect(annotation).toContain('\\x1b[31m');
  expect(annotation).toContain('%0AFix: fix ↵ ::stop-commands::x');
  expect(lines[1]).toBe('Size advice: 1 way(s) to shrink the image, up to 2.00 MB.');
  expect(entries!.map((e) => [e.rule, e.file, e.line, e.platforms])).toEqual([
    ['hostile', 'app/docker/Dockerfile', 2, ['linux/arm64']],
  ]);
});

test('a rule that throws is one warning; the others still report', async () => {
  const broken: Rule = {
    id: 'broken',
    title: 'Broken',
    check: () => {
      throw new Error('boom\n::error::x');
    },
  };
  const out = await stdoutOf(() =>
    runAdviceStep(io, {
      enabled: true,
      analyzeLayers: true,
      minBytes: 0,
      location: { context: 'app/docker', cwd: workspace, workspace },
      buildArgs: [],
      scanned,
      rules: [broken, hostile],
    }),
  );
  const commands = out.split('\n').filter((l) => l.startsWith('::'));
  expect(commands[0]).toBe(
    '::warning::Size advice: the rule broken failed on linux/amd64: boom ↵ ::error::x',
  );
  expect(commands).toHaveLength(2);
});

test('no Dockerfile on disk, or advice off: undefined, with one line that says why (or none)', async () => {
  const base = { enabled: true, analyzeLayers: true, minBytes: 0, buildArgs: [], scanned, rules: [hostile] };
  let result: unknown = 'unset';
  const remote = await stdoutOf(async () => {
    result = await runAdviceStep(io, {
      ...base,
      location: { context: 'https://github.com/a/b.git', cwd: workspace, workspace },
    });
  });
  expect(result).toBeUndefined();
  expect(remote).toContain('Size advice: none, the build context is remote');
  const off = await stdoutOf(async () => {
    result = await runAdviceStep(io, {
      ...base,
      enabled: false,
      location: { context: '.', cwd: workspace, workspace },
    });
  });
  expect(result).toBeUndefined();
  expect(off).toBe('');
});

describe('every rule says how to silence it, with its own id, in the annotation and the comment', () => {
  // The rule's own id and title; the text is the renderer's, so a finding of any rule shows it.
  const asShown = (rule: Rule): Rule => ({
    id: rule.id,
    title: rule.title,
    check: (input) => [
      {
        rule: rule.id,
        file: input.dockerfile.file,
        line: 2,
        endLine: 2,
        bytes: 2_000_000,
        message: 'm',
        fix: 'f',
      },
    ],
  });
  const platforms = [{ platform: 'linux/amd64', layers: [], waste: computeWaste([]) }];
  const measured = {
    ref: 'localhost:5000/app:pr',
    digest: `sha256:${'a'.repeat(64)}`,
    platforms: [
      {
        platform: 'linux/amd64',
        manifestDigest: `sha256:${'b'.repeat(64)}`,
        compressed: 1,
        uncompressed: 1,
        wasted: 0,
        layers: [],
      },
    ],
  };

  test('the registry has every rule, each id once', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(13);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test.each(RULES.map((rule) => [rule.id, rule] as const))('%s', async (id, rule) => {
    let entries: Awaited<ReturnType<typeof runAdviceStep>>;
    const out = await stdoutOf(async () => {
      entries = await runAdviceStep(io, {
        enabled: true,
        analyzeLayers: true,
        minBytes: 0,
        location: { context: 'app/docker', cwd: workspace, workspace },
        buildArgs: [],
        scanned: platforms,
        rules: [asShown(rule)],
      });
    });
    const hint = `Silence with \`# shipshape-ignore ${id}\` above the instruction`;
    const [annotation] = out.split(/\r?\n/).filter((l) => l.startsWith('::warning'));
    expect(annotation.endsWith(`%0AFix: f%0A${hint}`)).toBe(true);
    const markdown = renderReport({ ...buildSizeReport(measured, null), advice: entries! }, { key: 'app' });
    expect(markdown).toContain(
      `<br>**Fix:** f<br><sub>Silence with \`# shipshape-ignore ${id}\` above the instruction</sub> |`,
    );
    expect(markdown.split('shipshape-ignore').length - 1).toBe(1);
  });
});
