/**
 * The scale-out pattern end to end on the lab: per-platform legs (linux/amd64, and linux/arm64
 * under emulation) built by buildx and pushed by digest, then merged by dist/merge/index.js, run
 * as the runner runs it, into one tagged OCI index with the size report of the merged image.
 * Each suite runs over both lab registries (LAB_REGISTRIES): the plain one on the loopback and
 * the HTTPS one whose CA is only in docker's certs.d, which the merge's reads, mounts and copies
 * must trust as docker does.
 *
 * The legs are the main action's (`push-by-digest: true`) in one test; in the others the test
 * pushes them itself (buildx's OCI layout, uploaded blob by blob with the registry client), so
 * that leg shapes (an index with an attestation, a lone manifest, a duplicated platform) and
 * repositories can be chosen freely: either way each leg is an untagged image.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { runAction, tagPush, type ActionRun } from '../support/action-runner.js';
import { countImage } from '../support/independent.js';
import {
  getManifest,
  LAB,
  LAB_AUTH,
  LAB_AUTH_PASSWORD,
  LAB_AUTH_USER,
  LAB_REGISTRIES,
  listTags,
  platformsOf,
} from '../support/registry.js';
import { READ_TOKEN, startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import { RegistryClient } from '../../src/registry/client.js';
import { registryFetch } from '../../src/registry/net/registry-fetch.js';
import type { SizeReport } from '../../src/report/size-report.js';

const MERGE = { script: 'dist/merge/index.js' };
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** A repository no earlier run used, under HOST/merge/. */
const fresh = (name: string, host: string) =>
  `${host}/merge/${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface Layout {
  dir: string;
  /** The digest and media type index.json names: the leg's image. */
  top: { digest: string; mediaType: string };
}

/** `docker buildx build --output type=oci` of examples/two-stage for one platform, unpacked. */
function buildLeg(platform: string, provenance: string): Layout {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-merge-leg-'));
  execFileSync(
    'docker',
    [
      'buildx',
      'build',
      '--platform',
      platform,
      '--network',
      'none',
      `--provenance=${provenance}`,
      '--output',
      `type=oci,dest=${dir}/leg.tar`,
      'examples/two-stage',
    ],
    { stdio: 'ignore' },
  );
  mkdirSync(join(dir, 'layout'));
  execFileSync('tar', ['-xf', join(dir, 'leg.tar'), '-C', join(dir, 'layout')]);
  const index = JSON.parse(readFileSync(join(dir, 'layout', 'index.json'), 'utf8')) as {
    manifests: { digest: string; mediaType: string }[];
  };
  return { dir: join(dir, 'layout'), top: index.manifests[0]! };
}

const blobOf = (layout: Layout, digest: string) =>
  readFileSync(join(layout.dir, 'blobs', ...digest.split(':')));

/** Pushes the leg's blobs and manifests into `repository` by digest, as a leg does: no tag. */
async function pushLeg(layout: Layout, repository: string): Promise<string> {
  const slash = repository.indexOf('/');
  const host = repository.slice(0, slash);
  const path = repository.slice(slash + 1);
  const client = new RegistryClient({
    host,
    ...(host === LAB_AUTH && { credentials: { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD } }),
    // docker's certs.d for the HTTPS registry, as the actions read it
    fetch: registryFetch({ env: process.env }),
  });
  const push = async (digest: string, mediaType: string): Promise<void> => {
    const body = blobOf(layout, digest);
    const json = JSON.parse(body.toString()) as {
      manifests?: { digest: string; mediaType: string }[];
      config?: { digest: string };
      layers?: { digest: string }[];
    };
    for (const child of json.manifests ?? []) await push(child.digest, child.mediaType);
    for (const blob of [...(json.config ? [json.config] : []), ...(json.layers ?? [])]) {
      const bytes = blobOf(layout, blob.digest);
      await client.uploadBlob(path, blob.digest, bytes.length, () => Readable.from([bytes]));
    }
    await client.putManifest(path, digest, body, mediaType);
  };
  await push(layout.top.digest, layout.top.mediaType);
  return layout.top.digest;
}

/** The platform and attestation manifests a leg pushed: what the merged index must list. */
function manifestsOf(layout: Layout): string[] {
  const body = JSON.parse(blobOf(layout, layout.top.digest).toString()) as {
    manifests?: { digest: string }[];
  };
  return body.manifests ? body.manifests.map((m) => m.digest) : [layout.top.digest];
}

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;

let amd64: Layout; // an index: the platform manifest and its provenance attestation
let arm64: Layout; // a lone platform manifest (provenance off)
let amd64Again: Layout; // the same platform once more, built differently

beforeAll(() => {
  amd64 = buildLeg('linux/amd64', 'mode=min');
  arm64 = buildLeg('linux/arm64', 'false');
  amd64Again = buildLeg('linux/amd64', 'false');
}, 600_000);

describe.each(LAB_REGISTRIES)('merging legs pushed by digest to the %s registry', (_name, registry) => {
  test('a v1.2.3 push: one index of both platforms, in two repositories on two registries, with the release tags', async () => {
    const image = fresh('release', registry);
    const mirror = fresh('mirror', registry); // same registry: the leg blobs are mounted
    const elsewhere = fresh('elsewhere', LAB_AUTH); // another registry: the blobs are copied
    const legs = [await pushLeg(amd64, image), await pushLeg(arm64, image)];
    const dockerConfig = mkdtempSync(join(tmpdir(), 'shipshape-merge-docker-'));
    const auth = Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64');
    writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [LAB_AUTH]: { auth } } }));

    const run = await runAction({
      ...MERGE,
      inputs: { images: `${image}\n${mirror},${elsewhere}`, digests: legs.join('\n') },
      ...tagPush('v1.2.3'),
      env: { ...tagPush('v1.2.3').env, DOCKER_CONFIG: dockerConfig },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const digest = run.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tags = ['1.2.3', '1.2', '1', 'latest'];
    expect(run.outputs.tags.split('\n')).toEqual(
      [image, mirror, elsewhere].flatMap((name) => tags.map((tag) => `${name}:${tag}`)),
    );

    for (const repository of [image, mirror]) {
      expect(await listTags(repository)).toEqual([...tags].sort());
      for (const tag of tags) {
        const index = await getManifest(`${repository}:${tag}`);
        expect(index?.digest).toBe(digest);
        expect(index?.mediaType).toBe(OCI_INDEX);
        expect(platformsOf(index!)).toEqual(['linux/amd64', 'linux/arm64']);
        // the legs' manifests, attestation included, and nothing else
        expect(index!.body.manifests!.map((m) => m.digest).sort()).toEqual(
          [...manifestsOf(amd64), ...manifestsOf(arm64)].sort(),
        );
      }
      // every manifest the index lists is in this repository, and every blob of the images
      for (const platform of await countImage(repository, digest))
        expect(platform.layers.length).toBeGreaterThan(0);
    }
    expect(
      JSON.parse(
        execFileSync('curl', [
          '-sfu',
          `${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`,
          `http://${LAB_AUTH}/v2/${elsewhere.slice(LAB_AUTH.length + 1)}/tags/list`,
        ]).toString(),
      ).tags.sort(),
    ).toEqual([...tags].sort());

    const report = reportOf(run);
    expect(report.image.digest).toBe(digest);
    expect(report.image.ref).toBe(`${image}:1.2.3`);
    const counted = await countImage(image, digest);
    expect(report.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const platform of report.platforms) {
      const independent = counted.find((c) => c.platform === platform.platform)!;
      expect(platform.compressed).toBe(independent.compressed);
      expect(platform.uncompressed).toBe(independent.uncompressed);
      expect(platform.layers.map((l) => [l.digest, l.compressed, l.uncompressed])).toEqual(
        independent.layers.map((l) => [l.digest, l.compressed, l.uncompressed]),
      );
    }
    // the figures are in the log table and the job summary
    expect(run.stdout).toContain('linux/arm64');
    expect(run.summary).toContain(`${report.platforms[1].compressed.toLocaleString('en-US')} bytes`);
    expect(run.outputs['comment-body'].trim()).toBe(run.summary.trim());
    expect(run.outputs['budget-status']).toBe('pass');
  }, 240_000);

  test('a platform in two legs fails with both digests named, and pushes nothing', async () => {
    const image = fresh('duplicate', registry);
    const mirror = fresh('duplicate-mirror', registry);
    const legs = [await pushLeg(amd64, image), await pushLeg(arm64, image), await pushLeg(amd64Again, image)];
    const run = await runAction({
      ...MERGE,
      inputs: { images: `${image},${mirror}`, digests: legs.join(',') },
      ...tagPush('v1.2.3'),
    });
    expect(run.exitCode).not.toBe(0);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toContain('linux/amd64 is in 2 legs');
    expect(error).toContain(legs[0]);
    expect(error).toContain(legs[2]);
    expect(error).toContain('Nothing was pushed');
    expect(await listTags(image)).toEqual([]);
    expect(await listTags(mirror)).toEqual([]);
    expect(run.outputs.digest).toBeUndefined();
  }, 120_000);
});

test('an input mistake names the input, before any registry is asked', async () => {
  const run = await runAction({
    ...MERGE,
    inputs: { images: `${LAB}/merge/never`, digests: 'sha256:abc' },
    ...tagPush('v1.2.3'),
  });
  expect(run.exitCode).not.toBe(0);
  expect(run.stdout).toContain('::error::Input "digests": "sha256:abc" is not a digest');
  expect(await listTags(`${LAB}/merge/never`)).toEqual([]);
});

describe.each(LAB_REGISTRIES)(
  'the real legs on the %s registry: the main action with push-by-digest',
  (_name, registry) => {
    test('amd64 and arm64 (emulated) legs of a v1.2.3 push, merged: both platforms, the legs’ digests, counted figures', async () => {
      const image = fresh('legs', registry);
      const legs: { digest: string; platform: string }[] = [];
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        const leg = await runAction({
          inputs: {
            context: 'examples/two-stage',
            network: 'none',
            images: image,
            platforms: platform,
            'push-by-digest': 'true',
          },
          ...tagPush('v1.2.3'),
        });
        expect(leg.exitCode).toBe(0);
        expect(leg.outputs.platform).toBe(platform);
        legs.push({ digest: leg.outputs.digest, platform });
      }
      expect(await listTags(image)).toEqual([]); // legs push no tag

      const run = await runAction({
        ...MERGE,
        inputs: { images: image, digests: legs.map((l) => l.digest).join('\n') },
        ...tagPush('v1.2.3'),
      });
      expect(run.exitCode).toBe(0);
      const tags = ['1.2.3', '1.2', '1', 'latest'];
      expect(await listTags(image)).toEqual([...tags].sort());
      const index = (await getManifest(`${image}:1.2.3`))!;
      expect(index.digest).toBe(run.outputs.digest);
      expect(platformsOf(index)).toEqual(['linux/amd64', 'linux/arm64']);
      // each leg's digest, or (a leg that is an index of its image and attestations) what it lists
      const listed = index.body.manifests!.map((m) => m.digest);
      for (const leg of legs) {
        const pushed = (await getManifest(`${image}@${leg.digest}`))!;
        const expected = pushed.body.manifests ? pushed.body.manifests.map((m) => m.digest) : [leg.digest];
        for (const digest of expected) expect(listed).toContain(digest);
      }

      const report = reportOf(run);
      const counted = await countImage(image, run.outputs.digest);
      expect(report.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
      for (const platform of report.platforms) {
        const independent = counted.find((c) => c.platform === platform.platform)!;
        expect(platform.compressed).toBe(independent.compressed);
        expect(platform.uncompressed).toBe(independent.uncompressed);
      }
    }, 300_000);
  },
);

describe.each(LAB_REGISTRIES)('digests-dir, and the PR report, on the %s registry', (_name, registry) => {
  type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
  let github: StandIn;
  let image: string;
  const repo = { full_name: 'acme/shop', default_branch: 'main' };

  /** A directory as download-artifact leaves it: one file per leg, named by its digest's hex. */
  const digestsDir = (digests: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-digests-'));
    for (const digest of digests) writeFileSync(join(dir, digest.replace(/^sha256:/, '')), '');
    return dir;
  };

  beforeAll(async () => {
    github = await startGitHubStandIn({
      repositories: [{ owner: 'acme', name: 'shop', pullRequests: [21] }],
    });
    image = fresh('pr', registry);
  });

  afterAll(async () => {
    expect(github.violations).toEqual([]);
    await github.close();
  });

  test('a push to main merges the legs listed in digests-dir and tags the index :main', async () => {
    const legs = [await pushLeg(arm64, image), await pushLeg(amd64Again, image)];
    const dir = digestsDir(legs);
    const run = await runAction({
      ...MERGE,
      inputs: { images: image, 'digests-dir': dir },
      env: {
        RUNNER_TEMP: dirname(dir), // where download-artifact put the digests
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        GITHUB_REPOSITORY: 'acme/shop',
      },
      payload: { ref: 'refs/heads/main', repository: repo },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.tags).toBe(`${image}:main`);
    const index = await getManifest(`${image}:main`);
    expect(index?.digest).toBe(run.outputs.digest);
    expect(index!.body.manifests!.map((m) => m.digest).sort()).toEqual([...legs].sort());
    expect(platformsOf(index!)).toEqual(['linux/amd64', 'linux/arm64']);
  }, 120_000);

  test('a pull request merge: compared with :main, one sticky comment, updated in place', async () => {
    const legs = [await pushLeg(amd64, image), await pushLeg(arm64, image)];
    const pullRequest = {
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/21/merge',
        GITHUB_SHA: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_BASE_REF: 'main',
        GITHUB_API_URL: github.url,
      },
      payload: {
        number: 21,
        pull_request: {
          number: 21,
          base: { ref: 'main', repo: { full_name: 'acme/shop' } },
          head: {
            ref: 'grow',
            sha: 'cccccccccccccccccccccccccccccccccccccccc',
            repo: { full_name: 'acme/shop' },
          },
        },
        repository: repo,
      },
    };
    const ours = () => github.comments('acme', 'shop', 21).filter((c) => c.body.includes('<!-- shipshape:'));
    const inputs = { images: image, digests: legs.join('\n'), 'github-token': WRITE_TOKEN };

    const first = await runAction({ ...MERGE, inputs, ...pullRequest });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.tags).toBe(`${image}:pr-21`);
    const report = reportOf(first);
    expect(report.baseline?.ref).toBe(`${image}:main`);
    // the amd64 leg changed (an attestation now rides along, the image is the same build), arm64 did not
    expect(report.platforms.map((p) => p.delta?.compressed)).toEqual([0, 0]);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].body).toBe(first.outputs['comment-body']);
    expect(first.outputs['comment-url']).toBe(ours()[0].html_url);

    const second = await runAction({ ...MERGE, inputs, ...pullRequest });
    expect(second.exitCode).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);

    // a read-only token (a fork's): the merge still succeeds, the report is in the summary
    const readOnly = await runAction({
      ...MERGE,
      inputs: { ...inputs, 'github-token': READ_TOKEN },
      ...pullRequest,
    });
    expect(readOnly.exitCode).toBe(0);
    // the same image as :main, so the report is the short one (docs/comment.md)
    expect(readOnly.summary).toContain('Image size: no size change');
  }, 180_000);
});
