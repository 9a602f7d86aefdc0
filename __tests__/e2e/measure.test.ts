/**
 * Size figures end to end: images built and pushed to the lab by the action, measured by the
 * action and by the report sub-action, against counts made independently (fetch + GNU tar).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, tagPush } from '../support/action-runner.js';
import { countImage, countTar, type IndependentPlatform } from '../support/independent.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshRepo, LAB, LAB_REGISTRIES, pushBlob, pushManifest } from '../support/registry.js';
import { gzip, tarLayer } from '../support/tar-fixtures.js';
import type { SizeReport } from '../../src/report/size-report.js';

// examples/wasteful deletes 300,000 bytes and overwrites 4 with 2: exactly 300,004 wasted.
const WASTED = 300_004;

function expectFigures(report: SizeReport, counted: IndependentPlatform[]): void {
  expect(report.platforms.map((p) => p.platform).sort()).toEqual(counted.map((c) => c.platform).sort());
  for (const c of counted) {
    const p = report.platforms.find((r) => r.platform === c.platform)!;
    expect(p.compressed).toBe(c.compressed);
    expect(p.uncompressed).toBe(c.uncompressed);
    expect(p.layers.map((l) => [l.digest, l.compressed, l.uncompressed, l.files])).toEqual(
      c.layers.map((l) => [l.digest, l.compressed, l.uncompressed, l.files]),
    );
    expect(p.wasted).toBe(WASTED);
  }
}

describe.each(LAB_REGISTRIES)(
  'measured figures equal independent counts on the %s registry',
  (_name, registry) => {
    let image: string;
    let digest: string;
    let pushed: SizeReport;
    let counted: IndependentPlatform[];

    beforeAll(async () => {
      image = freshRepo(registry, 'measure');
      const run = await runAction({
        inputs: {
          context: 'examples/wasteful',
          network: 'none',
          images: image,
          push: 'true',
          platforms: 'linux/amd64,linux/arm64',
        },
        ...tagPush('v1.0.0'),
      });
      expect(run.exitCode).toBe(0);
      digest = run.outputs.digest;
      pushed = JSON.parse(run.outputs['size-report']) as SizeReport;
      counted = await countImage(image, digest);
      expect(run.stdout).toMatch(/platform +compressed +uncompressed +wasted +layers/);
    }, 240_000);

    test('the main action reports the amd64 + arm64 index it pushed', () => {
      expect(pushed.version).toBe(1);
      expect(pushed.image.digest).toBe(digest);
      expect(pushed.baseline).toBeNull();
      expectFigures(pushed, counted);
      // the two stages' history: the last layer was made by the COPY
      for (const p of pushed.platforms) expect(p.layers.at(-1)?.createdBy).toMatch(/COPY .*\/out\/payload/);
    });

    test('the report action measures it again, and compares with a baseline', async () => {
      const baseline = freshRepo(registry, 'measure-base');
      const base = await runAction({
        inputs: {
          context: 'examples/two-stage',
          network: 'none',
          images: baseline,
          push: 'true',
          platforms: 'linux/amd64,linux/arm64',
        },
        ...tagPush('v0.9.0'),
      });
      expect(base.exitCode).toBe(0);
      const run = await runAction({
        script: 'dist/report/index.js',
        inputs: { image: `${image}:1.0.0`, baseline: `${baseline}:0.9.0` },
        env: {},
      });
      expect(run.exitCode).toBe(0);
      const report = JSON.parse(run.outputs['size-report']) as SizeReport;
      expect(report.image).toEqual({ ref: `${image}:1.0.0`, digest });
      expect(report.baseline).toEqual({ ref: `${baseline}:0.9.0`, digest: base.outputs.digest });
      expectFigures(report, counted);
      const baseCounted = await countImage(baseline, base.outputs.digest);
      for (const p of report.platforms) {
        const b = baseCounted.find((c) => c.platform === p.platform)!;
        expect(p.baseline).toEqual({
          compressed: b.compressed,
          uncompressed: b.uncompressed,
          wasted: 0,
          layerCount: b.layers.length,
        });
        expect(p.delta).toEqual({
          compressed: p.compressed - b.compressed,
          uncompressed: p.uncompressed! - b.uncompressed,
          wasted: WASTED,
          layerCount: p.layers.length - b.layers.length,
        });
        const baseDigests = new Set(b.layers.map((l) => l.digest));
        expect(p.newToPull).toBe(
          p.layers.filter((l) => !baseDigests.has(l.digest)).reduce((s, l) => s + l.compressed, 0),
        );
      }
      expect(run.stdout).toContain(`Baseline ${baseline}:0.9.0`);
    }, 240_000);

    test('a baseline that does not exist yet is "none", not a failure; manifests only leave nulls', async () => {
      const run = await runAction({
        script: 'dist/report/index.js',
        inputs: {
          image: `${image}:1.0.0`,
          baseline: `${LAB}/e2e/never-pushed:main`,
          'analyze-layers': 'false',
          platforms: 'linux/arm64',
        },
        env: {},
      });
      expect(run.exitCode).toBe(0);
      const report = JSON.parse(run.outputs['size-report']) as SizeReport;
      expect(report.baseline).toBeNull();
      expect(run.stdout).toContain(`no baseline: ${LAB}/e2e/never-pushed:main does not exist yet`);
      // Not found is no baseline, not a problem: no warning.
      expect(run.stdout).not.toContain('::warning');
      expect(report.baselineUnavailable).toBeUndefined();
      const arm = counted.find((c) => c.platform === 'linux/arm64')!;
      expect(report.platforms).toHaveLength(1);
      expect(report.platforms[0]).toMatchObject({
        platform: 'linux/arm64',
        compressed: arm.compressed,
        uncompressed: null,
        wasted: null,
      });
      expect(report.platforms[0].layers.map((l) => l.files)).toEqual(arm.layers.map(() => null));
    }, 120_000);
  },
);

describe('measuring on the plain lab registry', () => {
  test('an image that does not exist fails the step with an error naming it', async () => {
    const run = await runAction({
      script: 'dist/report/index.js',
      inputs: { image: `${LAB}/e2e/nothing-here:1` },
      env: {},
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${LAB}/e2e/nothing-here:1`);
    expect(run.stdout).toMatch(/::error::.*not found/);
  }, 60_000);

  test('a layer descriptor that overstates its blob: an error that says so, not an HTTP status', async () => {
    const repository = freshRepo(LAB, 'overstated');
    const layer = await pushBlob(
      repository,
      gzip(await tarLayer([{ file: 'app', size: 5000 }])),
      'application/vnd.oci.image.layer.v1.tar+gzip',
    );
    const config = await pushBlob(
      repository,
      Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'),
      'application/vnd.oci.image.config.v1+json',
    );
    await pushManifest(repository, '1', 'application/vnd.oci.image.manifest.v1+json', {
      config,
      layers: [{ ...layer, size: layer.size + 100 }],
    });
    const run = await runAction({
      script: 'dist/report/index.js',
      inputs: { image: `${repository}:1` },
      env: {},
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `::error::${repository}:1: blob ${layer.digest} is ${layer.size} bytes, but its descriptor says ${layer.size + 100}: ` +
        "the descriptor and the blob's size do not match",
    );
    expect(run.stdout).not.toContain('416');
  }, 60_000);

  test('an image that was not pushed is measured from its OCI layout tar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-layout-'));
    const tar = join(dir, 'image.tar');
    execFileSync(
      'docker',
      [
        'buildx',
        'build',
        '--network',
        'none',
        '--platform',
        'linux/amd64,linux/arm64',
        '--output',
        `type=oci,dest=${tar}`,
        'examples/wasteful',
      ],
      { stdio: 'ignore' },
    );
    const run = await runAction({
      script: 'dist/report/index.js',
      inputs: { image: `oci-layout://${tar}` },
      env: { RUNNER_TEMP: dir },
    });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.outputs['size-report']) as SizeReport;
    expect(report.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const p of report.platforms) {
      expect(p.wasted).toBe(WASTED);
      let compressed = 0;
      let uncompressed = 0;
      for (const layer of p.layers) {
        const blob = execFileSync(
          'tar',
          ['-xOf', tar, `blobs/sha256/${layer.digest.slice('sha256:'.length)}`],
          {
            maxBuffer: 1 << 28,
          },
        );
        const count = countTar(blob);
        expect([layer.compressed, layer.uncompressed, layer.files]).toEqual([
          blob.length,
          count.bytes,
          count.files,
        ]);
        compressed += blob.length;
        uncompressed += count.bytes;
      }
      expect([p.compressed, p.uncompressed]).toEqual([compressed, uncompressed]);
    }
  }, 240_000);
});
