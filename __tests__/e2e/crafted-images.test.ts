/**
 * Hostile content no Dockerfile build can produce, in images crafted by hand (blobs, configs,
 * manifests and indexes written here and pushed with plain fetch, or written as an OCI layout
 * tar), measured by the bundled report action on a pull request and reported to the GitHub
 * stand-in:
 *
 * - history entries, labels and annotations with markdown, HTML, mentions, issue links, control
 *   and bidi characters, a 100 kB entry and newlines followed by workflow commands; an index whose
 *   platform strings are hostile; the nastiest repository and tag names the registry takes;
 * - 10,000 layers against a baseline of 10,000 others, from an OCI layout tar and through the
 *   registry.
 *
 * Each time: the step succeeds, the comment is valid and inert (support/inert-markdown.ts), the
 * log obeys no command that came from the image (support/inert-log.ts), the outputs hold only
 * our keys, and the figures equal what was put in.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { countImage } from '../support/independent.js';
import { checkInertMarkdown, outsideCodeSpans, renderedText } from '../support/inert-markdown.js';
import { checkWorkflowCommands, obeyedCommands } from '../support/inert-log.js';
import { LAB } from '../support/registry.js';
import { startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import { filler, gzip, GZIP_MEDIA_TYPE, tarLayer } from '../support/tar-fixtures.js';
import type { SizeReport } from '../../src/report/size-report.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OUR_OUTPUTS = ['comment-body', 'comment-url', 'history', 'size-report'];

// ---- Crafting: blobs, configs, manifests, and where they go. ----

interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}

const blobOf = (bytes: Buffer): Blob => ({
  digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  size: bytes.length,
  bytes,
});
const jsonBlob = (value: unknown): Blob => blobOf(Buffer.from(JSON.stringify(value)));

/** A layer: its gzip blob, and what is in it (one file of `size` bytes). */
interface CraftedLayer {
  blob: Blob;
  diffId: string;
  uncompressed: number;
}

async function craftLayer(name: string, size: number, seed: number): Promise<CraftedLayer> {
  const tar = await tarLayer([{ file: name, content: filler(size, seed) }]);
  return { blob: blobOf(gzip(tar)), diffId: blobOf(tar).digest, uncompressed: size };
}

interface CraftedImage {
  config: Blob;
  manifest: Blob;
  layers: CraftedLayer[];
}

function craftImage(
  layers: CraftedLayer[],
  history: { created_by: string; empty_layer?: boolean; comment?: string }[],
  extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): CraftedImage {
  const config = jsonBlob({
    created: '2024-01-01T00:00:00Z',
    architecture: 'amd64',
    os: 'linux',
    config: { Labels: extra.labels ?? {}, Env: ['PATH=/bin'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: history.map((h) => ({ created: '2024-01-01T00:00:00Z', ...h })),
  });
  const manifest = jsonBlob({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({ mediaType: GZIP_MEDIA_TYPE, digest: l.blob.digest, size: l.blob.size })),
    ...(extra.annotations && { annotations: extra.annotations }),
  });
  return { config, manifest, layers };
}

type Platform = { os: string; architecture: string; variant?: string };

function craftIndex(
  entries: { image: CraftedImage; platform: Platform; annotations?: Record<string, string> }[],
  annotations?: Record<string, string>,
): Blob {
  return jsonBlob({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((e) => ({
      mediaType: OCI_MANIFEST,
      digest: e.image.manifest.digest,
      size: e.image.manifest.size,
      platform: e.platform,
      ...(e.annotations && { annotations: e.annotations }),
    })),
    ...(annotations && { annotations }),
  });
}

/** At most `limit` of the tasks at once. */
async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Pushes a blob to `repository` on the lab registry: POST a session, PUT its bytes with ?digest=. */
async function pushBlob(repository: string, blob: Blob): Promise<void> {
  const base = `http://${LAB}/v2/${repository}`;
  const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`POST blob upload: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location')!, `http://${LAB}`);
  location.searchParams.set('digest', blob.digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(blob.bytes),
  });
  if (put.status !== 201) throw new Error(`PUT blob ${blob.digest}: HTTP ${put.status} ${await put.text()}`);
}

async function pushManifest(repository: string, reference: string, mediaType: string, blob: Blob) {
  const res = await fetch(`http://${LAB}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: new Uint8Array(blob.bytes),
  });
  if (res.status !== 201)
    throw new Error(`PUT manifest ${reference}: HTTP ${res.status} ${await res.text()}`);
}

async function pushImage(repository: string, image: CraftedImage, tag?: string): Promise<void> {
  const blobs = new Map<string, Blob>([[image.config.digest, image.config]]);
  for (const layer of image.layers) blobs.set(layer.blob.digest, layer.blob);
  await inPool([...blobs.values()], 16, (blob) => pushBlob(repository, blob));
  await pushManifest(repository, tag ?? image.manifest.digest, OCI_MANIFEST, image.manifest);
}

/** An OCI layout tar (`oci-layout`, `index.json`, `blobs/sha256/...`) holding one image. */
async function writeLayoutTar(path: string, image: CraftedImage, platform: Platform): Promise<void> {
  const tar = pack();
  const written = pipeline(tar, createWriteStream(path));
  const add = (name: string, bytes: Buffer) =>
    new Promise<void>((resolve, reject) =>
      tar.entry({ name, size: bytes.length, mode: 0o644 }, bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  await add('oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}'));
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { mediaType: OCI_MANIFEST, digest: image.manifest.digest, size: image.manifest.size, platform },
    ],
  };
  await add('index.json', Buffer.from(JSON.stringify(index)));
  for (const blob of [image.manifest, image.config, ...image.layers.map((l) => l.blob)]) {
    await add(`blobs/sha256/${blob.digest.slice('sha256:'.length)}`, blob.bytes);
  }
  tar.finalize();
  await written;
}

// ---- The pull request the report action runs on. ----

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
const OWNER = 'acme';
const REPO = 'crafted';
const BRANCH = 'feat/<img src=x onerror=alert(1)>|@acme/team#123\n::error::branch';

function reportOnPullRequest(
  number: number,
  inputs: Record<string, string>,
  runnerTemp?: string,
): Promise<ActionRun> {
  return runAction({
    script: 'dist/report/index.js',
    inputs: { 'github-token': WRITE_TOKEN, ...inputs },
    env: {
      ...(runnerTemp && { RUNNER_TEMP: runnerTemp }),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: BRANCH,
      GITHUB_API_URL: github.url,
    },
    payload: {
      number,
      pull_request: {
        number,
        base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
        head: { ref: BRANCH, sha: 'c'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } },
      },
      repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
    },
  });
}

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;
const commentsOn = (number: number) => github.comments(OWNER, REPO, number);

/** Everything the step and its comment must be, whatever the image held. */
function expectInertRun(run: ActionRun, number: number, forbidden: string[]): void {
  const errors = obeyedCommands(run.stdout).commands.filter((c) => c.name === 'error');
  expect({ exitCode: run.exitCode, errors }).toEqual({ exitCode: 0, errors: [] });
  const comments = commentsOn(number);
  expect(comments).toHaveLength(1);
  expect(comments[0].body).toBe(run.outputs['comment-body']);
  expect(checkInertMarkdown(comments[0].body)).toEqual([]);
  // The runner reads commands from both streams.
  expect(checkWorkflowCommands(run.stdout, { forbidden })).toEqual([]);
  expect(checkWorkflowCommands(run.stderr, { forbidden })).toEqual([]);
  expect(Object.keys(run.outputs).filter((key) => !OUR_OUTPUTS.includes(key))).toEqual([]);
}

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: OWNER, name: REPO, pullRequests: [1, 2, 3, 4] }],
  });
}, 60_000);

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github?.close();
});

// ---- a. Hostile history, labels, annotations and platform strings. ----

const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('') + '\u007f\u202e';
/** One layer each, in this order. */
const HOSTILE_HISTORY = [
  '/bin/sh -c echo "| a | b |" | tee /x ||| true',
  'RUN echo `tick` ``double`` ```` ``` fence',
  'RUN echo <details><summary>open me</summary> unclosed',
  'RUN echo </details></summary></span></sub></table> closers',
  'RUN echo <img src=x onerror=alert(1)> <script>alert(2)</script> [l](javascript:alert(3))',
  'RUN echo @org/team @octocat #123 GH-45 acme/app#7 https://github.com/acme/app/issues/9',
  `RUN printf '${CONTROLS}' # controls`,
  `RUN echo ${'z'.repeat(100_000)}`,
  '/bin/sh -c echo hi\n::set-output name=x::y\n::add-mask::z\n::error::forged\n##[set-output name=w]v',
  'RUN echo <!-- shipshape:hijack --> \\| \\\\| a\\`b',
];
const HOSTILE_LABELS = {
  'org.opencontainers.image.title': '<img src=x onerror=alert(1)>',
  'org.example.note': '@org/team #123 `x` | y \n::set-output name=label::1',
  'org.example.controls': CONTROLS,
};
const HOSTILE_PLATFORM: Platform = {
  os: 'linux\n::error::platform',
  architecture: '<img src=x onerror=alert(1)>',
  variant: '@org/team#123\u202e|`',
};
// Legal, but every separator the grammar allows; the tag as long as tags go.
const NASTY_TAG = `_.-${'-_.'.repeat(41)}Z0`.slice(0, 128);
const FORBIDDEN = ['onerror', 'forged', 'set-output', 'platform'];

describe('hostile strings in configs, manifests and indexes from the registry', () => {
  let repository: string;
  let run: ActionRun;
  let layers: CraftedLayer[];
  let baselineLayers: CraftedLayer[];

  beforeAll(async () => {
    repository = `crafted/a__b.c---d_e/x-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    layers = await Promise.all(HOSTILE_HISTORY.map((_, i) => craftLayer(`f${i}`, 1_000 + 97 * i, i)));
    // The baseline shares the first three layers and has two of its own.
    baselineLayers = [
      ...layers.slice(0, 3),
      await craftLayer('old-1', 5_000, 101),
      await craftLayer('old-2', 7_000, 102),
    ];
    const history = [
      { created_by: 'LABEL <img src=x onerror=alert(1)> @org/team', empty_layer: true },
      ...HOSTILE_HISTORY.map((created_by) => ({ created_by, comment: '<details>@org/team #1\u202e' })),
    ];
    const annotations = { 'org.opencontainers.image.description': '<details><summary>x @org/team #9' };
    const hostileArch = craftImage(layers, history, { labels: HOSTILE_LABELS, annotations });
    const amd64 = craftImage(layers, history, { labels: HOSTILE_LABELS });
    const baseHistory = [
      ...HOSTILE_HISTORY.slice(0, 3).map((created_by) => ({ created_by })),
      { created_by: 'RUN echo removed <img src=y onerror=alert(4)> @org/old #456' },
      { created_by: 'RUN echo removed\n::add-mask::forged' },
    ];
    const baseHostile = craftImage(baselineLayers, baseHistory, { annotations });
    const baseAmd64 = craftImage(baselineLayers, baseHistory);

    for (const image of [hostileArch, amd64, baseHostile, baseAmd64]) await pushImage(repository, image);
    const indexAnnotations = { 'org.example.x': '<img src=x onerror=alert(1)>\n::set-output name=i::1' };
    const index = craftIndex(
      [
        { image: hostileArch, platform: HOSTILE_PLATFORM, annotations: { note: '@org/team #1' } },
        { image: amd64, platform: { os: 'linux', architecture: 'amd64' } },
      ],
      indexAnnotations,
    );
    const baseIndex = craftIndex([
      { image: baseHostile, platform: HOSTILE_PLATFORM },
      { image: baseAmd64, platform: { os: 'linux', architecture: 'amd64' } },
    ]);
    await pushManifest(repository, NASTY_TAG, OCI_INDEX, index);
    await pushManifest(repository, 'main', OCI_INDEX, baseIndex);

    run = await reportOnPullRequest(1, {
      image: `${LAB}/${repository}:${NASTY_TAG}`,
      baseline: `${LAB}/${repository}:main`,
    });
  }, 240_000);

  test('the step succeeds; the comment is inert, the log obeys nothing, the outputs are ours', () => {
    expectInertRun(run, 1, FORBIDDEN);
  });

  test('the comment shows the hostile text as text: in code spans, cut short', () => {
    const text = renderedText(commentsOn(1)[0].body);
    expect(text).toContain('onerror');
    expect(text).toContain('<details><summary>open me');
    expect(outsideCodeSpans(text)).not.toContain('onerror');
    expect(text).toContain('zzzzzzzzzz');
    expect(text).not.toContain('z'.repeat(5_000));
    expect(text).toContain('\\x1b');
    expect(text).toContain('\\u202e');
  });

  test('the JSON keeps every instruction whole, and the figures equal independent counts', async () => {
    const report = reportOf(run);
    expect(report.platforms.map((p) => p.platform)).toEqual([
      [HOSTILE_PLATFORM.os, HOSTILE_PLATFORM.architecture, HOSTILE_PLATFORM.variant].join('/'),
      'linux/amd64',
    ]);
    const counted = await countImage(`${LAB}/${repository}`, report.image.digest);
    for (const [i, p] of report.platforms.entries()) {
      expect(p.layers.map((l) => l.createdBy)).toEqual(HOSTILE_HISTORY);
      expect([p.compressed, p.uncompressed, p.layers.length]).toEqual([
        counted[i].compressed,
        counted[i].uncompressed,
        HOSTILE_HISTORY.length,
      ]);
      expect(p.uncompressed).toBe(layers.reduce((sum, l) => sum + l.uncompressed, 0));
      expect(p.baseline?.compressed).toBe(baselineLayers.reduce((sum, l) => sum + l.blob.size, 0));
      // New to pull: the layers the baseline does not have.
      expect(p.newToPull).toBe(layers.slice(3).reduce((sum, l) => sum + l.blob.size, 0));
    }
  });

  test('a marker inside author text does not make the comment another key’s', async () => {
    // The comment of this image carries `<!-- shipshape:hijack -->` in a code span; the report
    // keyed `hijack` must post its own comment, not take that one over.
    const second = await reportOnPullRequest(1, {
      image: `${LAB}/${repository}:main`,
      'comment-key': 'hijack',
    });
    expect(second.exitCode).toBe(0);
    const comments = commentsOn(1);
    expect(comments).toHaveLength(2);
    expect(comments[0].body).toBe(run.outputs['comment-body']);
    expect(comments[1].body).toBe(second.outputs['comment-body']);
  }, 120_000);
});

// ---- b. 10,000 layers against 10,000 others. ----

const MANY = 10_000;

interface ManyLayers {
  image: CraftedImage;
  compressed: number;
  uncompressed: number;
  /** Bytes of lower copies of a file that a later layer writes again (repeated layers only). */
  wasted: number;
  /** Compressed bytes of the distinct layers: what a pull downloads. */
  distinctCompressed: number;
}

/**
 * An image of MANY layers: all different, or `distinct` blobs listed over and over (the
 * registry's variant: pushing 20,000 blobs to the lab registry takes minutes).
 */
async function craftMany(seed: number, distinct = MANY): Promise<ManyLayers> {
  const blobs: CraftedLayer[] = [];
  for (let i = 0; i < distinct; i++) {
    blobs.push(await craftLayer(`l${i}`, 1 + ((i * 7 + seed) % 64), seed * MANY + i));
  }
  const layers = Array.from({ length: MANY }, (_, i) => blobs[i % distinct]);
  const history = layers.map((_, i) => ({ created_by: `RUN echo layer ${i} @org/team #${i} | <b>` }));
  const copies = (i: number) => Math.ceil((MANY - i) / distinct);
  return {
    image: craftImage(layers, history),
    compressed: layers.reduce((sum, l) => sum + l.blob.size, 0),
    uncompressed: layers.reduce((sum, l) => sum + l.uncompressed, 0),
    wasted: blobs.reduce((sum, l, i) => sum + l.uncompressed * (copies(i) - 1), 0),
    distinctCompressed: blobs.reduce((sum, l) => sum + l.blob.size, 0),
  };
}

function expectFigures(run: ActionRun, number: number, current: ManyLayers, baseline: ManyLayers): void {
  expectInertRun(run, number, ['onerror', '<b>']);
  const body = commentsOn(number)[0].body;
  expect(body).toContain('Trimmed to fit a GitHub comment');
  expect(body).toContain(`| ${MANY}<br><sub>±0</sub> |`);
  expect(body).toContain(`"${current.compressed.toLocaleString('en-US')} bytes"`);
  expect(body).toContain(`"${current.uncompressed.toLocaleString('en-US')} bytes"`);
  const [p] = reportOf(run).platforms;
  expect({
    platform: p.platform,
    layers: p.layers.length,
    compressed: p.compressed,
    uncompressed: p.uncompressed,
    wasted: p.wasted,
    baseline: p.baseline,
    newToPull: p.newToPull,
    added: p.changes?.added.length,
  }).toEqual({
    platform: 'linux/amd64',
    layers: MANY,
    compressed: current.compressed,
    uncompressed: current.uncompressed,
    wasted: current.wasted,
    baseline: {
      compressed: baseline.compressed,
      uncompressed: baseline.uncompressed,
      wasted: baseline.wasted,
      layerCount: MANY,
    },
    newToPull: current.distinctCompressed,
    added: MANY,
  });
}

describe(`${MANY.toLocaleString('en-US')} layers against ${MANY.toLocaleString('en-US')} others`, () => {
  test('from OCI layout tars: all 20,000 layers different', async () => {
    let started = Date.now();
    const current = await craftMany(1);
    const baseline = await craftMany(2);
    const dir = mkdtempSync(join(tmpdir(), 'crafted-layout-'));
    const platform = { os: 'linux', architecture: 'amd64' };
    await writeLayoutTar(join(dir, 'image.tar'), current.image, platform);
    await writeLayoutTar(join(dir, 'baseline.tar'), baseline.image, platform);
    console.log(`crafted 2 OCI layout tars of ${MANY} layers in ${Date.now() - started} ms`);
    started = Date.now();
    const run = await reportOnPullRequest(
      2,
      {
        image: `oci-layout://${join(dir, 'image.tar')}`,
        baseline: `oci-layout://${join(dir, 'baseline.tar')}`,
      },
      dir,
    );
    console.log(`report of ${MANY} layers vs ${MANY} from OCI layout tars: ${Date.now() - started} ms`);
    expectFigures(run, 2, current, baseline);
    expect(current.wasted).toBe(0);
  }, 240_000);

  test('through the registry: 10,000 layer descriptors over 100 blobs each', async () => {
    const current = await craftMany(3, 100);
    const baseline = await craftMany(4, 100);
    const repository = `crafted/many-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    let started = Date.now();
    await pushImage(repository, current.image, 'pr');
    await pushImage(repository, baseline.image, 'main');
    console.log(`pushed 2 images of ${MANY} layers (100 blobs each) in ${Date.now() - started} ms`);
    started = Date.now();
    const run = await reportOnPullRequest(3, {
      image: `${LAB}/${repository}:pr`,
      baseline: `${LAB}/${repository}:main`,
    });
    console.log(`report of ${MANY} layers vs ${MANY} through the registry: ${Date.now() - started} ms`);
    expectFigures(run, 3, current, baseline);
    expect(current.wasted).toBeGreaterThan(0);
  }, 240_000);
});
