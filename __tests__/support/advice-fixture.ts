/**
 * Advisor fixtures built for real on the lab: a Dockerfile (and its context files) written to a
 * temp dir, built with buildx into an OCI layout tar (or with the classic builder and
 * `docker save`), read back with our own code (layout, layer scan, waste), parsed and
 * attributed: the AdviceInput a rule sees. Plus a GNU tar listing of any layer, so rule tests
 * check byte counts against counts our code did not make.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { attributeLayers } from '../../src/advise/attribute.js';
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import type { AdviceInput } from '../../src/advise/model.js';
import { openOciLayout } from '../../src/image/oci-layout.js';
import { scanLayer, type LayerScan } from '../../src/image/layers.js';
import { computeWaste } from '../../src/image/wasted.js';
import { loadImage } from '../../src/image/load.js';

const run = promisify(execFile);

/** The lab's base image: every fixture builds FROM it (nothing can be pulled from the internet). */
export const LAB_BUSYBOX = 'localhost:5000/lab/busybox:latest';

export interface AdviceFixtureOptions {
  /** Names the temp dir (and the classic builder's tag): letters, digits, dashes. */
  name: string;
  dockerfile: string;
  /** Context files, path (relative, `/` separated) -> content. */
  files?: Record<string, string | Buffer>;
  /** `linux/amd64` (default) or `linux/arm64`. */
  platform?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  /** `buildkit` (default): buildx, OCI output. `classic`: DOCKER_BUILDKIT=0 docker build + docker save. */
  builder?: 'buildkit' | 'classic';
  /** Where the Dockerfile lies in the context, as annotations name it (default `Dockerfile`). */
  dockerfileName?: string;
  /** `none` (default) or `host`, for RUNs that apt-get from the mirror this machine reaches. */
  network?: 'none' | 'host';
}

export interface AdviceFixture {
  /** The temp dir: the build context, and image.tar beside it. Remove it with removeAdviceFixture. */
  dir: string;
  dockerfilePath: string;
  input: AdviceInput;
  /** The OCI layout tar the image was written to. */
  layout: string;
}

export async function buildAdviceFixture(options: AdviceFixtureOptions): Promise<AdviceFixture> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.name)) {
    throw new Error(`fixture name ${JSON.stringify(options.name)}: use lower-case letters, digits, dashes`);
  }
  const platform = options.platform ?? 'linux/amd64';
  const dir = mkdtempSync(join(tmpdir(), `advice-${options.name}-`));
  const context = join(dir, 'context');
  const dockerfileName = options.dockerfileName ?? 'Dockerfile';
  const dockerfilePath = join(context, dockerfileName);
  mkdirSync(dirname(dockerfilePath), { recursive: true });
  writeFileSync(dockerfilePath, options.dockerfile);
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const target = join(context, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const layout = join(dir, 'image.tar');
  const buildArgs = Object.entries(options.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
  const target = options.target ? ['--target', options.target] : [];

  if (options.builder === 'classic') {
    const tag = `localhost:5000/attrib-fixture/${options.name}:${process.pid}`;
    const argv = ['build', '--network', 'none', '--platform', platform, '-f', dockerfilePath, '-t', tag];
    await exec([...argv, ...buildArgs, ...target, context], { DOCKER_BUILDKIT: '0' });
    try {
      await exec(['save', '--platform', platform, '-o', layout, tag]);
    } finally {
      await exec(['image', 'rm', tag]).catch(() => undefined);
    }
  } else {
    const output = `type=oci,dest=${layout},tar=true`;
    const network = options.network ?? 'none';
    const argv = ['buildx', 'build', '--network', network, '--platform', platform, '--output', output];
    await exec([...argv, '--provenance=false', '-f', dockerfilePath, ...buildArgs, ...target, context]);
  }

  const source = await openOciLayout(layout);
  const image = await loadImage(source, '', { platforms: [platform] });
  const [platformImage] = image.platforms;
  if (!platformImage) throw new Error(`${layout} has no ${platform} image`);
  const scans: LayerScan[] = [];
  for (const layer of platformImage.layers) {
    scans.push(await scanLayer(await source.blobStream(layer.digest), { mediaType: layer.mediaType }));
  }
  const dockerfile = parseDockerfile(options.dockerfile, {
    file: dockerfileName,
    target: options.target,
    buildArgs: options.buildArgs,
  });
  const layers = attributeLayers(
    dockerfile,
    platformImage.layers.map((layer, index) => ({
      digest: layer.digest,
      compressed: layer.compressed,
      createdBy: layer.createdBy,
      scan: scans[index]!,
    })),
  );
  const input: AdviceInput = {
    dockerfile,
    platform: platformImage.platform,
    layers,
    waste: computeWaste(scans),
  };
  return { dir, dockerfilePath, input, layout };
}

export function removeAdviceFixture(fixture: Pick<AdviceFixture, 'dir'> | undefined): void {
  if (fixture) rmSync(fixture.dir, { recursive: true, force: true });
}

async function exec(argv: string[], env: Record<string, string> = {}): Promise<void> {
  try {
    await run('docker', argv, { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`docker ${argv.join(' ')} failed:\n${(stderr ?? String(error)).slice(-4000)}`, {
      cause: error,
    });
  }
}

/** One entry of a layer as GNU tar lists it. */
export interface TarListing {
  /** As in the tar, without a leading `./` or `/` and without a trailing `/`. */
  path: string;
  /** `-` regular file, `h` hard link, `d` directory, `l` symlink, ... (tar -tv's first letter). */
  type: string;
  /** Bytes (0 for everything but regular files). */
  size: number;
}

/**
 * A layer's entries listed by GNU tar (the blob pulled out of the layout tar by tar itself), not
 * by our scan: whiteouts (`.wh.NAME`) are kept as entries of type `-` with their own path.
 * Names with spaces are kept whole; names with newlines are not supported.
 */
export function listLayer(layout: string, digest: string): TarListing[] {
  const [algorithm, hex] = digest.split(':') as [string, string];
  const blob = execFileSync('tar', ['-xOf', layout, `blobs/${algorithm}/${hex}`], { maxBuffer: 1 << 30 });
  const gzip = blob[0] === 0x1f && blob[1] === 0x8b;
  const listing = execFileSync(
    'tar',
    [gzip ? '-tvzf' : '-tvf', '-', '--numeric-owner', '--quoting-style=literal', '--full-time'],
    { input: blob, maxBuffer: 1 << 28 },
  ).toString();
  const entries: TarListing[] = [];
  for (const line of listing.split('\n')) {
    if (!line) continue;
    // `-rw-r--r-- 0/0 1234 2024-01-01 00:00:00.000000000 path[ -> target| link to target]`
    const match = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*)$/.exec(line);
    if (!match) throw new Error(`tar -tv line not understood: ${line}`);
    const [, type, size, rest] = match as unknown as [string, string, string, string];
    const name = type === 'l' ? rest.split(' -> ')[0]! : type === 'h' ? rest.split(' link to ')[0]! : rest;
    entries.push({ path: name.replace(/^(?:\.?\/)+/, '').replace(/\/$/, ''), type, size: Number(size) });
  }
  return entries;
}

/** Bytes of the regular files (whiteouts excluded) under `prefix` (a path or a directory) in a listing. */
export function bytesUnder(listing: readonly TarListing[], prefix: string): number {
  const clean = prefix.replace(/^\/+|\/+$/g, '');
  return listing
    .filter((entry) => entry.type === '-' && !entry.path.split('/').at(-1)!.startsWith('.wh.'))
    .filter((entry) => clean === '' || entry.path === clean || entry.path.startsWith(`${clean}/`))
    .reduce((sum, entry) => sum + entry.size, 0);
}

/**
 * A Node base on the lab's Debian (`container-lab.sh debian`): the `node` binary running the
 * tests and the npm on the PATH, copied in (Node images cannot be pulled here, and Debian's npm package takes minutes
 * to install). Built once per Node version and pushed to the lab registry; the tag names the
 * version. For fixtures that run npm (`npm ci`, `npm prune`) offline, on `file:` tarballs.
 */
export async function labNodeImage(): Promise<string> {
  const tag = `localhost:5000/lab/node:${process.version}`;
  const manifest = await fetch(`http://127.0.0.1:5000/v2/lab/node/manifests/${process.version}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  }).catch(() => undefined);
  if (manifest?.ok) return tag;
  const dir = mkdtempSync(join(tmpdir(), 'advice-lab-node-'));
  try {
    // The node running the tests (the project's Node runtime) and the npm on the PATH.
    const npm = join(execFileSync('npm', ['root', '-g']).toString().trim(), 'npm');
    cpSync(process.execPath, join(dir, 'node'));
    cpSync(npm, join(dir, 'npm'), { recursive: true });
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'FROM localhost:5000/lab/debian:bookworm',
        'COPY node /usr/local/bin/node',
        'COPY npm /usr/local/lib/node_modules/npm',
        'RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version',
        '',
      ].join('\n'),
    );
    await exec([
      'buildx',
      'build',
      '--network',
      'none',
      '--provenance=false',
      '--output',
      `type=image,name=${tag},push=true`,
      dir,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tag;
}
