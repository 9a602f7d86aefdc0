/**
 * The baseline policy (src/compare/baseline-policy.ts) end to end on the lab, in the report
 * action and in the main action: a baseline that is broken (a layer blob deleted through the
 * distribution API of localhost:5000, which has delete enabled), an artifact or an index of
 * attestations only under its tag, on a registry that refuses us, or on a port where nothing
 * answers. Each time the report is made without a comparison, one warning names the cause, and
 * a budget rule that needs the baseline fails or warns per budget-action, never passes. A tag
 * that does not exist is no baseline yet: an info line, no warning.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent, runAction, type ActionRun } from '../support/action-runner.js';
import { errorsOf, pushFaultImages, runReport, warningsOf } from '../support/fault-lab.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';
import {
  deleteBlob,
  freshRepo,
  getManifest,
  LAB,
  LAB_AUTH,
  pushBlob,
  pushManifest,
} from '../support/registry.js';
import { tallied } from '../support/tally.js';
import { checkWorkflowCommands, obeyedCommands } from '../support/inert-log.js';
import type { SizeReport } from '../../src/report/size-report.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** `localhost:5000/e2e/baseline-policy-…`: `:1` measured against `:base`, and the odd baselines. */
let images: string;
/** A copy whose `:1` lost its 2 MiB layer. */
let broken: string;
let missingLayer: string;
/** `127.0.0.1:<a port nothing listens on>`. */
let down: string;
let reference: ActionRun;
let github: GitHubStandIn;
let workspace: string;

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;
/** The image's own figures, whatever the baseline. */
const imageFigures = (run: ActionRun) =>
  reportOf(run).platforms.map(({ platform, compressed, uncompressed, wasted, layers }) => ({
    platform,
    compressed,
    uncompressed,
    wasted,
    layers,
  }));

beforeAll(async () => {
  const repository = freshRepo(LAB, 'baseline-policy').slice(`${LAB}/`.length);
  images = `${LAB}/${repository}`;
  broken = `${LAB}/${repository}-broken`;
  await pushFaultImages([LAB], repository);
  await pushFaultImages([LAB], `${repository}-broken`);
  // The big layer is random bytes: no other image has it.
  const top = (await getManifest(`${broken}:1`))!;
  const amd64 = top.body.manifests?.find((m) => m.platform?.architecture === 'amd64');
  const layers = (amd64 ? (await getManifest(`${broken}@${amd64.digest}`))! : top).body.layers!;
  missingLayer = layers.reduce((a, b) => (b.size > a.size ? b : a)).digest;
  await deleteBlob(broken, missingLayer);

  // An artifact (an SBOM, as `oras push` writes one) under a tag.
  const empty = await pushBlob(images, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
  const sbom = await pushBlob(images, Buffer.from('{"spdxVersion":"SPDX-2.3"}'), 'application/spdx+json');
  await pushManifest(images, 'artifact', OCI_MANIFEST, {
    artifactType: 'application/spdx+json',
    config: empty,
    layers: [sbom],
  });
  // An index whose only manifest is an attestation (BuildKit's provenance, its image gone).
  const config = await pushBlob(
    images,
    Buffer.from('{"architecture":"unknown","os":"unknown","rootfs":{"type":"layers","diff_ids":[]}}'),
    'application/vnd.oci.image.config.v1+json',
  );
  const statement = await pushBlob(
    images,
    Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'),
    'application/vnd.in-toto+json',
  );
  const attestation = await pushManifest(images, 'attestation', OCI_MANIFEST, {
    config,
    layers: [statement],
  });
  await pushManifest(images, 'attestations', OCI_INDEX, {
    manifests: [
      {
        ...attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      },
    ],
  });

  const closed = createServer();
  await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
  down = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((done) => closed.close(done));

  reference = await runReport({ repository: images });
  expect(reference.exitCode).toBe(0);
  expect(reportOf(reference).baseline).not.toBeNull();

  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'shop', pullRequests: [21, 22] }],
  });
  workspace = mkdtempSync(join(tmpdir(), 'shipshape-baseline-policy-'));
  writeFileSync(join(workspace, 'grown.txt'), 'grown\n'.repeat(5000));
  writeFileSync(
    join(workspace, 'Dockerfile'),
    'FROM localhost:5000/lab/busybox:amd64\nCOPY grown.txt /grown.txt\n',
  );
}, 240_000);

afterAll(async () => {
  expect(github?.violations ?? []).toEqual([]);
  await github?.close();
});

interface ReportCase {
  name: string;
  baseline: () => string;
  /** undefined: no baseline yet (not found), an info line and no warning. */
  problem?: string;
  /** What the one warning must say. */
  says: () => RegExp;
  env?: () => Record<string, string>;
}

const reportCases: ReportCase[] = [
  {
    name: 'not found: the tag was never pushed',
    baseline: () => `${images}:never-pushed`,
    says: () => /no baseline: .*:never-pushed does not exist yet/,
  },
  {
    name: 'broken: a layer blob of the baseline was deleted',
    baseline: () => `${broken}:1`,
    problem: 'broken',
    says: () => new RegExp(`the baseline is broken .*: its blob ${missingLayer} is missing \\(HTTP 404\\)$`),
  },
  {
    name: 'an artifact under the tag',
    baseline: () => `${images}:artifact`,
    problem: 'not-an-image',
    says: () =>
      /the baseline is not an image.*:artifact, manifest sha256:[0-9a-f]{64}: has no image platforms/,
  },
  {
    name: 'an index of attestations only',
    baseline: () => `${images}:attestations`,
    problem: 'not-an-image',
    says: () =>
      /the baseline is not an image.*:attestations, manifest sha256:[0-9a-f]{64}: has no image platforms/,
  },
  {
    name: 'a registry that refuses us (no credentials for it)',
    baseline: () => `${LAB_AUTH}/e2e/locked:main`,
    problem: 'unauthorized',
    says: () =>
      /the baseline's registry refused access.*authentication required for 127\.0\.0\.1:5001\/e2e\/locked/,
    // No Docker config with a login for it.
    env: () => ({ DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'shipshape-no-logins-')) }),
  },
  {
    name: 'a registry that is down (nothing answers on its port)',
    baseline: () => `${down}/acme/app:main`,
    problem: 'unreachable',
    says: () => /the baseline's registry could not be reached.*cannot reach the registry.*ECONNREFUSED/,
  },
];

describe('the report action: a report without a comparison, a warning naming the cause', () => {
  test.each(reportCases.map((c) => [c.name, c] as const))(
    '%s',
    (name, c) =>
      tallied('fault', `baseline (report action): ${name}`, async () => {
        const run = await runReport({
          repository: images,
          inputs: { baseline: c.baseline() },
          env: c.env?.(),
        });
        expect({ exitCode: run.exitCode, errors: errorsOf(run) }).toEqual({ exitCode: 0, errors: [] });
        const report = reportOf(run);
        expect(report.baseline).toBeNull();
        expect(imageFigures(run)).toEqual(imageFigures(reference));
        const warnings = warningsOf(run);
        if (c.problem === undefined) {
          expect(warnings).toEqual([]);
          expect(run.stdout).toMatch(c.says());
          expect(report.baselineUnavailable).toBeUndefined();
          expect(run.outputs['comment-body']).toContain('no baseline yet');
        } else {
          expect(warnings).toHaveLength(1);
          expect(warnings[0]).toMatch(c.says());
          expect(report.baselineUnavailable).toMatchObject({ ref: c.baseline(), problem: c.problem });
          expect(run.outputs['comment-body'].split('\n')[0]).toBe('### ⚠️ Image size: baseline unavailable');
        }
      })(),
    90_000,
  );
});

describe('the main action: the same policy, before and after the push', () => {
  const prRun = (number: number, inputs: Record<string, string>) =>
    runAction({
      inputs: {
        context: '.',
        network: 'none',
        images: `${images}-pr`,
        push: 'true',
        'github-token': WRITE_TOKEN,
        'size-budget': 'max-increase=1MB\nmax-compressed=1GB',
        ...inputs,
      },
      cwd: workspace,
      ...pullRequestEvent(number, github.url),
    });

  test(
    'a broken baseline and budget-action fail: the report and comment, the increase rule fails the step',
    tallied('fault', 'baseline (main action): broken, budget-action fail', async () => {
      const run = await prRun(21, { 'compare-to': `${broken}:1`, 'budget-action': 'fail' });
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run)).toEqual([
        'Size budget: linux/amd64 max-increase=1MB not checked: it needs the baseline, which could not be read',
      ]);
      expect(warningsOf(run).filter((w) => w.includes(`its blob ${missingLayer} is missing`))).toHaveLength(
        1,
      );
      const report = reportOf(run);
      expect(report.baselineUnavailable?.problem).toBe('broken');
      expect(report.budget).toEqual({
        status: 'fail',
        violations: [],
        unchecked: [{ platform: 'linux/amd64', rule: 'max-increase=1MB' }],
      });
      expect(run.outputs['budget-status']).toBe('fail');
      const [comment] = github.comments('acme', 'shop', 21);
      expect(comment.body).toContain('### ⚠️ Image size: baseline unavailable');
      expect(comment.body).toContain('❌ **Size budget not checked:** `max-increase=1MB` (`linux/amd64`)');
    }),
    240_000,
  );

  test(
    'a registry that is down and budget-action warn: warnings only, found before the build',
    tallied('fault', 'baseline (main action): unreachable, budget-action warn', async () => {
      const run = await prRun(22, { 'compare-to': `${down}/acme/app:main`, 'budget-action': 'warn' });
      expect({ exitCode: run.exitCode, errors: errorsOf(run) }).toEqual({ exitCode: 0, errors: [] });
      const warnings = warningsOf(run);
      expect(warnings).toEqual([
        expect.stringMatching(/^Size report: the baseline's registry could not be reached, .*ECONNREFUSED/),
        'Size budget: linux/amd64 max-increase=1MB not checked: it needs the baseline, which could not be read',
      ]);
      // Told before the build, not after the push.
      expect(run.stdout.indexOf('could not be reached')).toBeLessThan(run.stdout.indexOf('Pushed 1 tag(s)'));
      expect(reportOf(run).budget?.status).toBe('warn');
      expect(run.outputs['budget-status']).toBe('warn');
    }),
    240_000,
  );

  test(
    'a base branch whose name spells workflow commands: named in the log, never obeyed',
    tallied('fault', 'baseline (main action): a base ref that spells workflow commands', async () => {
      const base = 'main\n::error::forged by the base ref\n::add-mask::leaked';
      const event = pullRequestEvent(22, github.url);
      event.env.GITHUB_BASE_REF = base;
      event.payload.pull_request.base.ref = base;
      // No tag rule names a push to the base (a sha tag is the PR's own): the log says why, naming it.
      const run = await runAction({
        inputs: {
          context: '.',
          network: 'none',
          images: `${images}-pr`,
          push: 'true',
          tags: 'type=sha',
          comment: 'never',
        },
        cwd: workspace,
        ...event,
      });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        'Size report: no baseline: no tag rule names a push to main\n::error::forged',
      );
      // Shown inside a stop-commands region: no error, no mask, nothing the runner obeys.
      expect(checkWorkflowCommands(run.stdout, { forbidden: ['forged', 'leaked'] })).toEqual([]);
      expect(obeyedCommands(run.stdout).commands.filter((c) => c.name === 'error')).toEqual([]);
    }),
    240_000,
  );

  test(
    'a push to main whose tag holds an artifact: found before the build, pushed, reported without it',
    tallied('fault', 'baseline (main action): an artifact under the tag a push moves', async () => {
      const repository = freshRepo(LAB, 'baseline-artifact');
      const empty = await pushBlob(repository, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
      const sbom = await pushBlob(
        repository,
        Buffer.from('{"spdxVersion":"SPDX-2.3"}'),
        'application/spdx+json',
      );
      await pushManifest(repository, 'main', OCI_MANIFEST, {
        artifactType: 'application/spdx+json',
        config: empty,
        layers: [sbom],
      });
      const run = await runAction({
        inputs: {
          context: '.',
          network: 'none',
          images: repository,
          push: 'true',
          'size-budget': 'max-compressed=1GB',
        },
        cwd: workspace,
        env: {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_REPOSITORY: 'acme/shop',
        },
        payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/shop', default_branch: 'main' } },
      });
      expect({ exitCode: run.exitCode, errors: errorsOf(run) }).toEqual({ exitCode: 0, errors: [] });
      const warnings = warningsOf(run);
      expect(warnings).toEqual([
        expect.stringMatching(/^Size report: the baseline is not an image, .*has no image platforms/),
      ]);
      expect(run.stdout.indexOf('is not an image')).toBeLessThan(run.stdout.indexOf('Pushed 1 tag(s)'));
      const report = reportOf(run);
      expect(report.baselineUnavailable?.problem).toBe('not-an-image');
      expect(report.budget?.status).toBe('pass');
      // The push went through: the tag is the image now.
      expect((await getManifest(`${repository}:main`))?.digest).toBe(run.outputs.digest);
    }),
    240_000,
  );
});
