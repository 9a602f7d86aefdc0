/**
 * Legs of a multi-platform build on the lab: dist/index.js with `push-by-digest: true`, the
 * engine's docker driver (which cannot push by digest, so shipshape uploads the OCI layout
 * itself), pushed to two repositories of one lab registry and to the Basic-auth registry. The
 * legs run over both lab registries (LAB_REGISTRIES): the plain one on the loopback and the
 * HTTPS one whose CA is only in docker's certs.d. What the registries hold is read independently
 * with fetch (labFetch); nothing is mocked.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush, type ActionRun } from '../support/action-runner.js';
import {
  LAB,
  LAB_AUTH,
  LAB_AUTH_PASSWORD,
  LAB_AUTH_USER,
  LAB_REGISTRIES,
  labFetch,
} from '../support/registry.js';

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * The three images a leg pushes to: two repositories of `registry` (the second mounts the
 * first's blobs) and one of the Basic-auth registry (its blobs uploaded). The repositories are
 * the registry's own, so that each suite's first push uploads everything.
 */
function imagesOn(registry: string): { app: string; mirror: string; authed: string; all: string[] } {
  const suffix = `${unique}-${registry === LAB ? 'plain' : 'tls'}`;
  const app = `${registry}/legs/app-${suffix}`;
  const mirror = `${registry}/legs/mirror-${suffix}`;
  const authed = `${LAB_AUTH}/legs/app-${suffix}`;
  return { app, mirror, authed, all: [app, mirror, authed] };
}
const contextName = `legs-ctx-${unique}`;
const basic = `Basic ${Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64')}`;
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

let work: string;
let dockerConfig: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'legs-e2e-'));
  dockerConfig = join(work, 'docker-config');
  execFileSync('docker', ['login', LAB_AUTH, '-u', LAB_AUTH_USER, '--password-stdin'], {
    input: LAB_AUTH_PASSWORD,
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // A file unique to this run: fresh layers, so the first push uploads them.
  writeFileSync(
    join(work, 'Dockerfile'),
    `FROM localhost:5000/lab/busybox:latest\nRUN echo ${unique} > /leg && uname -m > /arch\n`,
  );
});

afterAll(() => {
  execFileSync('docker', ['context', 'rm', '-f', contextName], {
    stdio: 'ignore',
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
  });
  rmSync(work, { recursive: true, force: true });
});

function leg(images: string[], platform: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    // The build context is the workspace, as a checkout is.
    cwd: work,
    inputs: {
      context: '.',
      network: 'none',
      images: images.join('\n'),
      tags: 'type=semver,pattern={{version}}',
      'push-by-digest': 'true',
      // A fixed creation time (the user's label wins over shipshape's): the same build, the same image.
      labels: 'org.opencontainers.image.created=2026-01-01T00:00:00Z',
      ...(platform ? { platforms: platform } : {}),
      ...extra,
    },
    ...tagPush('v1.2.3'),
    env: { ...tagPush('v1.2.3').env, DOCKER_CONFIG: dockerConfig },
  });
}

/** GET with plain fetch (the lab's CA for the HTTPS registry), the lab's credentials for the Basic one. */
async function get(host: string, path: string): Promise<Response> {
  return labFetch(host, path, {
    headers: { Accept: ACCEPT, ...(host === LAB_AUTH ? { Authorization: basic } : {}) },
  });
}

function split(image: string): { host: string; repository: string } {
  const slash = image.indexOf('/');
  return { host: image.slice(0, slash), repository: image.slice(slash + 1) };
}

/** The manifest's bytes at `digest`, checked against it; its config's platform when it is an image. */
async function fetchByDigest(image: string, digest: string) {
  const { host, repository } = split(image);
  const response = await get(host, `/v2/${repository}/manifests/${digest}`);
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  expect(`sha256:${createHash('sha256').update(body).digest('hex')}`).toBe(digest);
  return JSON.parse(body.toString('utf8')) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
    config?: { digest: string };
  };
}

async function tagsOf(image: string): Promise<string[]> {
  const { host, repository } = split(image);
  const response = await get(host, `/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  return ((await response.json()) as { tags?: string[] | null }).tags ?? [];
}

/** The platform an image manifest's config names, read from the registry. */
async function configPlatform(image: string, manifestDigest: string): Promise<string> {
  const manifest = await fetchByDigest(image, manifestDigest);
  const { host, repository } = split(image);
  const config = (await (await get(host, `/v2/${repository}/blobs/${manifest.config!.digest}`)).json()) as {
    os: string;
    architecture: string;
  };
  return `${config.os}/${config.architecture}`;
}

/** The `Pushed IMAGE@DIGEST by digest: ...` line of the log for `image`. */
function pushLine(run: ActionRun, image: string): string {
  return run.stdout.split('\n').find((l) => l.startsWith(`Pushed ${image}@`)) ?? '';
}

describe.each(LAB_REGISTRIES)(
  'push-by-digest legs on the docker driver, to the %s registry',
  (_name, registry) => {
    const { app, mirror, authed, all: images } = imagesOn(registry);
    const digests: Record<string, string> = {};

    test.each([['linux/amd64'], ['linux/arm64']])(
      '%s: pushed by digest to every image, no tag, digest and platform output',
      async (platform) => {
        const run = await leg(images, platform);
        expect(run.exitCode).toBe(0);
        const { digest } = run.outputs;
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(run.outputs.platform).toBe(platform);
        expect(run.outputs.tags).toBe('');
        expect(run.outputs.version).toBe('1.2.3');
        digests[platform] = digest;

        for (const image of images) {
          await fetchByDigest(image, digest);
          expect(await configPlatform(image, digest)).toBe(platform);
          expect(await tagsOf(image)).toEqual([]);
        }
        // The log: which builder and driver, how it pushed, and that no report is made.
        expect(run.stdout).toMatch(
          /^Builder default \(driver docker\) runs the build; its platforms: .*linux\/arm64/m,
        );
        expect(run.stdout).toContain('push-by-digest: the docker driver cannot push by digest');
        expect(run.stdout).toContain('Size report skipped: push-by-digest pushes one leg');
        // The tag rules are not ignored without a word: they name the version label, not a tag.
        expect(run.stdout).toContain(
          'push-by-digest: no tag is pushed (the merge step tags); the tag rules give the version 1.2.3 ' +
            'for the label org.opencontainers.image.version.',
        );
        expect(run.outputs['size-report'] ?? '').toBe('');
        expect(run.stdout).toContain(`Pushed ${platform} by digest: ${digest} (no tags)`);
        // The second repository of localhost:5000 mounted every blob from the first; the other
        // registry had them uploaded. Blobs: the config, busybox's layer and the RUN layer.
        expect(pushLine(run, app)).toMatch(
          /: 3 blob\(s\) uploaded .*, 0 mounted from another repository, 0 already there, 1 manifest\(s\)$/,
        );
        expect(pushLine(run, mirror)).toMatch(
          /: 0 blob\(s\) uploaded .*, 3 mounted from another repository, 0 already there/,
        );
        expect(pushLine(run, authed)).toMatch(/: 3 blob\(s\) uploaded .*, 0 mounted/);
      },
      240_000,
    );

    test('the legs differ, and a second push of the same leg skips the blobs the registry has', async () => {
      expect(digests['linux/amd64']).not.toBe(digests['linux/arm64']);
      const again = await leg(images, 'linux/amd64');
      expect(again.exitCode).toBe(0);
      // Other tests may clear the engine's build cache meanwhile: then the RUN layer (and so the
      // config) is made again and differs, but busybox's layer is the same blob, already there.
      const counts = (image: string) => {
        const m =
          /: (\d+) blob\(s\) uploaded .*, (\d+) mounted from another repository, (\d+) already there/.exec(
            pushLine(again, image),
          );
        expect(m).not.toBeNull();
        return { uploaded: Number(m![1]), mounted: Number(m![2]), existing: Number(m![3]) };
      };
      const first = counts(app);
      expect(first.existing).toBeGreaterThanOrEqual(1);
      expect(first).toEqual({ uploaded: 3 - first.existing, mounted: 0, existing: first.existing });
      if (again.outputs.digest === digests['linux/amd64']) expect(first.existing).toBe(3);
      // What the first repository got new, the second mounted from it.
      expect(counts(mirror)).toEqual({ uploaded: 0, mounted: first.uploaded, existing: first.existing });
      expect(counts(authed)).toEqual(first);
      for (const image of images) await fetchByDigest(image, again.outputs.digest);
    }, 240_000);

    test('provenance on: the digest is an index of the image and its attestation, all pushed by digest', async () => {
      const run = await leg(images, 'linux/arm64', { provenance: 'mode=min' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.platform).toBe('linux/arm64');
      const index = await fetchByDigest(app, run.outputs.digest);
      expect(index.manifests?.map((m) => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual([
        'linux/arm64',
        'unknown/unknown',
      ]);
      for (const image of images) {
        for (const m of index.manifests ?? []) await fetchByDigest(image, m.digest);
      }
      expect(await tagsOf(app)).toEqual([]);
    }, 240_000);
  },
);

describe('the builder input', () => {
  const { all: images } = imagesOn(LAB);
  test('a docker context as the builder: the log names it and its driver', async () => {
    // In the DOCKER_CONFIG the action runs with: docker keeps its contexts there.
    execFileSync(
      'docker',
      ['context', 'create', contextName, '--docker', 'host=unix:///var/run/docker.sock'],
      { stdio: 'ignore', env: { ...process.env, DOCKER_CONFIG: dockerConfig } },
    );
    const run = await leg(images, 'linux/amd64', { builder: contextName });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Builder ${contextName} \\(driver docker\\) runs the build; its platforms: linux/amd64`,
        'm',
      ),
    );
    expect(run.outputs.platform).toBe('linux/amd64');
  }, 240_000);

  test('a builder that does not exist: refused before the build, naming the input', async () => {
    const run = await leg(images, 'linux/amd64', { builder: `no-such-builder-${unique}` });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain(
      `Input "builder": "no-such-builder-${unique}" is not a buildx builder this runner knows`,
    );
    expect(run.stdout).not.toContain('::group::Build');
  }, 60_000);
});
