/**
 * End to end on the lab: dist/index.js run as the runner runs it, real buildx builds, real
 * pushes to the lab's registries. Nothing here is mocked.
 */
import { describe, expect, test, beforeAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush } from '../support/action-runner.js';
import {
  freshRepo,
  getManifest,
  LAB,
  LAB_AUTH,
  LAB_AUTH_PASSWORD,
  LAB_AUTH_USER,
  LAB_REGISTRIES,
  listTags,
  platformsOf,
} from '../support/registry.js';

const example = { context: 'examples/two-stage', network: 'none' };

beforeAll(() => {
  execFileSync('docker', ['info'], { stdio: 'ignore' }); // the lab must be up: npm test brings it up
});

describe.each(LAB_REGISTRIES)('tag push to the %s registry', (_name, registry) => {
  test('a v1.2.3 tag push gives 1.2.3, 1.2, 1 and latest, all at the digest the action output', async () => {
    const image = freshRepo(registry, 'release');
    const run = await runAction({
      inputs: { ...example, images: image, push: 'true' },
      ...tagPush('v1.2.3'),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.tags.split('\n')).toEqual([
      `${image}:1.2.3`,
      `${image}:1.2`,
      `${image}:1`,
      `${image}:latest`,
    ]);
    expect(run.outputs.version).toBe('1.2.3');
    // A release also appends to the size history (docs/history.md).
    expect(await listTags(image)).toEqual(['1', '1.2', '1.2.3', 'latest', 'shipshape-history']);
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) {
      expect((await getManifest(`${image}:${tag}`))?.digest).toBe(run.outputs.digest);
    }
    const metadata = JSON.parse(run.outputs.metadata) as Record<string, string>;
    expect(metadata['containerimage.digest']).toBe(run.outputs.digest);
    expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.labels.split('\n')).toContain('org.opencontainers.image.version=1.2.3');
    expect(run.outputs.labels.split('\n')).toContain(
      'org.opencontainers.image.revision=f00dfeedcafe0123456789abcdef0123456789ab',
    );
    expect(run.stdout).toContain('::group::Build');
    // Named after the build from its metadata, without asking buildx first (see buildx/built-by.ts).
    expect(run.stdout).toMatch(/^Built by builder default \(driver docker\)$/m);
    expect(run.stdout).not.toContain('runs the build'); // the words of the inspect-first path
  }, 120_000);
});

describe('build and push on the lab', () => {
  test('amd64 + arm64 are pushed as one index with both platforms', async () => {
    const image = freshRepo(LAB, 'multi');
    const run = await runAction({
      inputs: { ...example, images: image, push: 'true', platforms: 'linux/amd64,linux/arm64' },
      ...tagPush('v2.0.0'),
    });
    expect(run.exitCode).toBe(0);
    const index = await getManifest(`${image}:2.0.0`);
    expect(index?.digest).toBe(run.outputs.digest);
    expect(index?.mediaType).toMatch(/image\.index|manifest\.list/);
    expect(platformsOf(index!)).toEqual(['linux/amd64', 'linux/arm64']);
  }, 180_000);

  test('pushes to the basic-auth registry with the credentials docker login left', async () => {
    const dockerConfig = mkdtempSync(join(tmpdir(), 'shipshape-docker-'));
    execFileSync('docker', ['login', LAB_AUTH, '-u', LAB_AUTH_USER, '--password-stdin'], {
      input: LAB_AUTH_PASSWORD,
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const image = freshRepo(LAB_AUTH, 'auth');
    const run = await runAction({
      inputs: { ...example, images: image, push: 'true' },
      env: { ...tagPush('v3.1.4').env, DOCKER_CONFIG: dockerConfig },
      payload: tagPush('v3.1.4').payload,
    });
    expect(run.exitCode).toBe(0);
    expect((await getManifest(`${image}:3.1.4`))?.digest).toBe(run.outputs.digest);
    expect(run.stdout).toContain(`::add-mask::${LAB_AUTH_PASSWORD}`);
    expect(run.everything).not.toContain(LAB_AUTH_PASSWORD);
  }, 120_000);

  test('load: true puts the image in the engine, and it runs what the Dockerfile says', async () => {
    const image = freshRepo(LAB, 'load');
    const run = await runAction({
      inputs: { ...example, images: image, load: 'true', tags: 'type=raw,value=demo' },
      ...tagPush('v0.0.1'),
    });
    expect(run.exitCode).toBe(0);
    const out = execFileSync('docker', ['run', '--rm', '--network', 'none', `${image}:demo`], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('shipshape says: hello from a two-stage build');
    expect(await listTags(image)).toEqual([]); // loaded, not pushed
    execFileSync('docker', ['image', 'rm', `${image}:demo`], { stdio: 'ignore' });
  }, 120_000);

  test('a failing Dockerfile fails the step with buildx error, and pushes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-fail-'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${LAB}/lab/busybox:latest\nRUN echo about to fail && exit 3\n`,
    );
    const image = freshRepo(LAB, 'fail');
    const run = await runAction({
      inputs: { context: dir, network: 'none', images: image, push: 'true' },
      cwd: dir, // the workspace: a context must lie in it
      ...tagPush('v1.0.0'),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::The build failed; nothing was pushed\.%0A.*exit code: 3/);
    expect(run.outputs.digest).toBeUndefined();
    expect(await listTags(image)).toEqual([]);
  }, 120_000);

  test('a bad input fails before buildx runs', async () => {
    const image = freshRepo(LAB, 'bad');
    const run = await runAction({
      inputs: { ...example, images: image, push: 'true', platforms: 'linux/amd64,linux/sparc' },
      ...tagPush('v1.0.0'),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "platforms": "linux/sparc" has an unknown architecture "sparc"',
    );
    expect(run.stdout).not.toContain('[command]docker');
    expect(await listTags(image)).toEqual([]);
  }, 60_000);

  test('a secret reaches RUN --mount=type=secret and no log line; build args and target apply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-secret-'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        `FROM ${LAB}/lab/busybox:latest AS base`,
        'ARG GREETING',
        'RUN --mount=type=secret,id=token busybox sha256sum /run/secrets/token | head -c 64 > /token.sha256',
        'RUN echo "$GREETING" > /greeting',
        'FROM base AS final',
        'RUN echo not this stage > /greeting',
        '',
      ].join('\n'),
    );
    const secret = 's3cr3t-Value-9f2c';
    const image = freshRepo(LAB, 'secret');
    const run = await runAction({
      inputs: {
        context: dir,
        network: 'none',
        images: image,
        load: 'true',
        tags: 'type=raw,value=t',
        target: 'base',
        secrets: `token=${secret}`,
        'build-args': 'GREETING=hi there, from build-args',
      },
      cwd: dir, // the workspace: a context must lie in it
      ...tagPush('v0.0.2'),
    });
    expect(run.exitCode).toBe(0);
    const shell = (cmd: string) =>
      execFileSync('docker', ['run', '--rm', '--network', 'none', `${image}:t`, 'sh', '-c', cmd], {
        encoding: 'utf8',
      });
    expect(shell('cat /token.sha256')).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(shell('cat /greeting').trim()).toBe('hi there, from build-args');
    // The runner hides a masked value everywhere; the only place it may stand is the mask command itself.
    expect(run.stdout).toContain(`::add-mask::${secret}`);
    expect(run.everything).not.toContain(secret);
    execFileSync('docker', ['image', 'rm', `${image}:t`], { stdio: 'ignore' });
  }, 120_000);
});
