/**
 * Hostile content end to end: a pull request whose Dockerfile, labels and branch name carry
 * markdown, HTML, mentions, issue links, control characters, workflow commands and a 100 kB
 * line. Built and pushed for real on the lab, reported to the GitHub stand-in: the comment
 * stays valid, inert and under GitHub's limit, and nothing the build printed acts as a
 * workflow command in our log.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { freshRepo, LAB } from '../support/registry.js';
import { startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import { checkInertMarkdown, outsideCodeSpans, renderedText } from '../support/inert-markdown.js';
import { checkWorkflowCommands } from '../support/inert-log.js';

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
let workspace: string;
let image: string;
let run: ActionRun;

const NASTY =
  '| `tick` <details><summary>open</summary> <img src=x onerror=alert(1)> @acme/team #123 gh-45 **b** [l](javascript:alert(1))';
const CONTROL = '\u0007\u001b[31mred\u001b[0m\u202eevil';
const LONG = 'y'.repeat(100_000);
// The base image the PR's image names in its annotation: shown in the base row and the log.
const BASE_NAME = `${NASTY} ::error::forged-base ${CONTROL}`;

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'hostile', pullRequests: [3] }],
  });
  image = freshRepo(LAB, 'hostile');
  workspace = mkdtempSync(join(tmpdir(), 'hostile-'));
  writeFileSync(join(workspace, 'Dockerfile.base'), 'FROM localhost:5000/lab/busybox:latest\n');
  writeFileSync(
    join(workspace, 'Dockerfile'),
    [
      'FROM localhost:5000/lab/busybox:latest',
      `LABEL org.example.note="${NASTY.replace(/"/g, '')}"`,
      `RUN echo '${NASTY}' > /nasty && echo '::set-output name=pwned::1' && echo '::add-mask::leaked' && echo '::error::forged'`,
      `RUN echo '${CONTROL}' > /control && dd if=/dev/zero of=/big bs=1024 count=2048 2>/dev/null`,
      // BuildKit refuses a physical line over 64 kB: the 100 kB instruction is continued.
      `RUN echo ${LONG.slice(0, 50_000)} \\\n  ${LONG.slice(50_000)} > /long && rm /big && echo '${NASTY}'`,
      '',
    ].join('\n'),
  );
  const base = await runAction({
    inputs: {
      images: image,
      push: 'true',
      network: 'none',
      file: 'Dockerfile.base',
      tags: 'type=raw,value=main',
    },
    cwd: workspace,
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) },
    payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/hostile', default_branch: 'main' } },
  });
  expect(base.exitCode).toBe(0);

  const branch = `feat/<img src=x onerror=alert(1)>|@acme/team#123`;
  run = await runAction({
    inputs: {
      images: image,
      push: 'true',
      network: 'none',
      'github-token': WRITE_TOKEN,
      'compare-to': `${image}:main`,
      'advice-min-bytes': '1kB',
      annotations: `manifest:org.opencontainers.image.base.name=${BASE_NAME}`,
    },
    cwd: workspace,
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/3/merge',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REPOSITORY: 'acme/hostile',
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: branch,
      GITHUB_API_URL: github.url,
    },
    payload: {
      number: 3,
      pull_request: {
        number: 3,
        base: { ref: 'main', repo: { full_name: 'acme/hostile' } },
        head: { ref: branch, sha: 'c'.repeat(40), repo: { full_name: 'acme/hostile' } },
      },
      repository: { full_name: 'acme/hostile', default_branch: 'main' },
    },
  });
}, 240_000);

afterAll(async () => {
  await github?.close();
});

test('the PR step succeeds and posts exactly one comment', () => {
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  expect({ exitCode: run.exitCode, errors }).toEqual({ exitCode: 0, errors: [] });
  expect(github.comments('acme', 'hostile', 3)).toHaveLength(1);
});

test('the comment carries the hostile instructions, inert', () => {
  const [comment] = github.comments('acme', 'hostile', 3);
  const text = renderedText(comment.body);
  // The instructions are there (the layer table shows them), the 100 kB line cut short.
  expect(text).toContain('onerror');
  expect(text).toContain('yyyyyyyyyy');
  expect(text).not.toContain(LONG.slice(0, 5_000));
  expect(text).toMatch(/<img/i);
  expect(outsideCodeSpans(text)).not.toMatch(/<img/i);
  // Under the limit; no author HTML outside code spans, ours balanced; no mention, issue link,
  // control or bidi character; every table row as wide as its header.
  expect(checkInertMarkdown(comment.body)).toEqual([]);
  expect(comment.body).toMatch(/^\| .* \|$/m);
  // The base row names the annotation's text, as code, its backticks and pipes kept in it.
  expect(comment.body).toMatch(/^\| 1 \| .* \| base ``.*::error::forged-base.*`` \(1 layer\) \|$/m);
});

test('workflow commands the build printed are shown, not obeyed', () => {
  // Outside stop-commands regions, only our own commands appear, none with the build's text.
  expect(checkWorkflowCommands(run.stdout, { forbidden: ['forged', 'leaked'] })).toEqual([]);
  // The base's name from the annotation is in the log's base line, its controls shown as escapes.
  const baseLine = run.stdout.split('\n').find((line) => line.startsWith('  linux/amd64: | `tick`'));
  expect(baseLine).toContain('::error::forged-base');
  expect([...baseLine!].filter((c) => '\u0007\u001b\u202e'.includes(c))).toEqual([]);
  expect(run.outputs.pwned).toBeUndefined();
  // The build did print them: inside a stop-commands region.
  expect(run.stdout).toContain('::set-output name=pwned::1');
});
