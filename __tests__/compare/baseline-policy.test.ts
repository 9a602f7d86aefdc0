/**
 * The baseline policy as one table: each way a baseline can fail (not found, broken, down,
 * unauthorized, attestation-only, artifact), read for real by readBaseline through the registry
 * client from a registry made here with node:http, crossed with budget-action and with rules
 * that need a baseline or not. Whatever happens, a report is made; only "not found" is no
 * baseline; everything else is a warning naming the cause, and a rule that needs the baseline
 * follows budget-action, never passes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBaseline, type RegistryMeasureOptions } from '../../src/steps/measure.js';
import { baselineNote, judgeBaseline } from '../../src/compare/baseline-policy.js';
import { evaluateBudget, parseBudget, type BudgetAction } from '../../src/compare/budget.js';
import { parseSizeReport } from '../../src/report/size-report.js';
import type { ImageMeasurement } from '../../src/measure/measurement.js';
import { OCI_INDEX, OCI_MANIFEST } from '../../src/oci/media-types.js';
import { GZIP_MEDIA_TYPE, gzip, tarLayer } from '../support/tar-fixtures.js';
import type { BaselineOutcome } from '../../src/report/baseline.js';
import { buildSizeReport } from '../../src/compare/delta.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';

// --- A registry with one repository per way a baseline can be ---

const blobs = new Map<string, Buffer>();
const manifests = new Map<string, { mediaType: string; body: Buffer }>();
const put = (bytes: Buffer) => (
  blobs.set(sha256(bytes), bytes),
  { digest: sha256(bytes), size: bytes.length }
);
const putManifest = (repository: string, tag: string, mediaType: string, value: object) => {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, ...value }));
  manifests.set(`${repository}/${tag}`, { mediaType, body });
  manifests.set(`${repository}/${sha256(body)}`, { mediaType, body });
  return { mediaType, digest: sha256(body), size: body.length };
};
/** Blobs that every repository lacks (a broken baseline). */
const gone = new Set<string>();
let missingLayer: string;
let missingManifest: string;

async function fill(): Promise<void> {
  const layer = put(gzip(await tarLayer([{ file: 'app', size: 2000 }])));
  const config = put(
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } })),
  );
  const image = (repository: string, tag: string) =>
    putManifest(repository, tag, OCI_MANIFEST, {
      config: { mediaType: IMAGE_CONFIG, ...config },
      layers: [{ mediaType: GZIP_MEDIA_TYPE, ...layer }],
    });
  image('acme/ok', 'main');

  // broken: a layer blob under a manifest that resolves
  const lost = put(gzip(await tarLayer([{ file: 'lost', size: 10 }])));
  gone.add(lost.digest);
  missingLayer = lost.digest;
  putManifest('acme/broken-blob', 'main', OCI_MANIFEST, {
    config: { mediaType: IMAGE_CONFIG, ...config },
    layers: [{ mediaType: GZIP_MEDIA_TYPE, ...lost }],
  });
  // broken: a platform manifest under an index that resolves
  const child = { mediaType: OCI_MANIFEST, digest: sha256(Buffer.from('deleted')), size: 7 };
  missingManifest = child.digest;
  putManifest('acme/broken-child', 'main', OCI_INDEX, {
    manifests: [{ ...child, platform: { os: 'linux', architecture: 'amd64' } }],
  });
  // an index of attestations only (what a build with provenance leaves when its image is gone)
  const attestation = putManifest('acme/attestations', 'att', OCI_MANIFEST, {
    config: { mediaType: IMAGE_CONFIG, ...config },
    layers: [{ mediaType: 'application/vnd.in-toto+json', ...layer }],
  });
  putManifest('acme/attestations', 'main', OCI_INDEX, {
    manifests: [
      {
        ...attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      },
    ],
  });
  // an artifact (an SBOM, a Helm chart) pushed under the baseline's tag
  const sbom = put(Buffer.from('{"spdxVersion":"SPDX-2.3"}'));
  putManifest('acme/artifact', 'main', OCI_MANIFEST, {
    artifactType: 'application/spdx+json',
    config: { mediaType: 'application/vnd.oci.empty.v1+json', ...put(Buffer.from('{}')) },
    layers: [{ mediaType: 'application/spdx+json', ...sbom }],
  });
}

let server: Server;
let host: string;
let downHost: string;

beforeAll(async () => {
  await fill();
  server = createServer((req, res) => {
    const path = req.url ?? '';
    const json = (status: number, code: string, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json', ...headers })
        .end(JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] }));
    if (path === '/v2/') return res.writeHead(200).end('{}');
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
    if (!match) return json(404, 'NAME_UNKNOWN');
    const [, repository, kind, reference] = match;
    if (repository === 'acme/locked')
      return json(401, 'UNAUTHORIZED', { 'WWW-Authenticate': 'Basic realm="x"' });
    if (kind === 'manifests') {
      const found = manifests.get(`${repository}/${reference}`);
      if (!found) return json(404, 'MANIFEST_UNKNOWN');
      res.writeHead(200, {
        'Content-Type': found.mediaType,
        'Content-Length': found.body.length,
        'Docker-Content-Digest': sha256(found.body),
      });
      return res.end(req.method === 'HEAD' ? undefined : found.body);
    }
    const bytes = blobs.get(reference);
    if (!bytes || gone.has(reference)) return json(404, 'BLOB_UNKNOWN');
    res.writeHead(200, { 'Content-Length': bytes.length }).end(bytes);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago: nothing answers there.
  const closed = createServer();
  await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
  downHost = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((done) => closed.close(done));
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const options: RegistryMeasureOptions = {
  platforms: [],
  analyzeLayers: true,
  insecureRegistries: [],
  env: {},
  onSecret: () => {},
  log: () => {},
};

// --- The table ---

interface Case {
  name: string;
  ref: () => string;
  outcome: 'absent' | BaselineOutcome['status'] | 'compared';
  problem?: string;
  /** What the log line must say (the cause, a missing digest). */
  says?: () => RegExp;
}

const cases: Case[] = [
  { name: 'a baseline that reads', ref: () => `${host}/acme/ok:main`, outcome: 'compared' },
  {
    name: 'not found: the tag is absent',
    ref: () => `${host}/acme/ok:never-pushed`,
    outcome: 'absent',
    says: () => /^Size report: no baseline: .*acme\/ok:never-pushed does not exist yet\.$/,
  },
  {
    name: 'broken: a layer blob is missing',
    ref: () => `${host}/acme/broken-blob:main`,
    outcome: 'unavailable',
    problem: 'broken',
    says: () => new RegExp(`is broken .*its blob ${missingLayer} is missing \\(HTTP 404\\)$`),
  },
  {
    name: 'broken: a platform manifest is missing',
    ref: () => `${host}/acme/broken-child:main`,
    outcome: 'unavailable',
    problem: 'broken',
    says: () => new RegExp(`is broken .*its manifest ${missingManifest} is missing \\(HTTP 404\\)$`),
  },
  {
    name: 'down: nothing answers on its port',
    ref: () => `${downHost}/acme/ok:main`,
    outcome: 'unavailable',
    problem: 'unreachable',
    says: () => /could not be reached.*cannot reach the registry.*ECONNREFUSED/,
  },
  {
    name: 'unauthorized: the registry refuses us',
    ref: () => `${host}/acme/locked:main`,
    outcome: 'unavailable',
    problem: 'unauthorized',
    says: () => /refused access.*authentication required for .*acme\/locked: no credentials$/,
  },
  {
    name: 'attestation-only: an index without an image platform',
    ref: () => `${host}/acme/attestations:main`,
    outcome: 'unavailable',
    problem: 'not-an-image',
    says: () => /is not an image.*has no image platforms \(only attestations or artifacts\)/,
  },
  {
    name: 'an artifact under the tag',
    ref: () => `${host}/acme/artifact:main`,
    outcome: 'unavailable',
    problem: 'not-an-image',
    says: () => /is not an image.*has no image platforms/,
  },
];

/** The image the reports are about: 5 MB, one platform. */
const image: ImageMeasurement = {
  ref: 'lab/app:pr-1',
  digest: 'sha256:' + 'a'.repeat(64),
  platforms: [
    {
      platform: 'linux/amd64',
      manifestDigest: 'sha256:' + 'b'.repeat(64),
      compressed: 5_000_000,
      uncompressed: 9_000_000,
      wasted: 0,
      layers: [
        { digest: 'sha256:' + 'c'.repeat(64), compressed: 5_000_000, uncompressed: 9_000_000, files: 1 },
      ],
    },
  ],
};

const NEEDS_BASELINE = parseBudget(['max-increase=1MB', 'max-compressed=1GB']);
const NO_BASELINE_RULES = parseBudget(['max-compressed=1GB', 'max-wasted=1MB']);

describe.each(cases)('$name', (c) => {
  let read: Awaited<ReturnType<typeof readBaseline>>;
  beforeAll(async () => {
    read = await readBaseline(c.ref(), options, undefined, ['linux/amd64']);
  });

  test('the outcome, and the log line that names the cause', () => {
    if (c.outcome === 'compared') {
      expect('measurement' in read && read.measurement.platforms.map((p) => p.platform)).toEqual([
        'linux/amd64',
      ]);
      return;
    }
    expect('outcome' in read).toBe(true);
    const outcome = (read as { outcome: BaselineOutcome }).outcome;
    expect(outcome.status).toBe(c.outcome);
    if (outcome.status === 'unavailable') expect(outcome.problem).toBe(c.problem);
    const note = baselineNote(outcome);
    expect(note.level).toBe(c.outcome === 'absent' ? 'info' : 'warning');
    expect(note.message).toMatch(c.says!());
  });

  test.each<[BudgetAction, 'needs a baseline' | 'needs none']>([
    ['fail', 'needs a baseline'],
    ['warn', 'needs a baseline'],
    ['fail', 'needs none'],
    ['warn', 'needs none'],
  ])('budget-action %s, a budget that %s', (action, rules) => {
    const outcome = 'outcome' in read ? read.outcome : undefined;
    const base = 'measurement' in read ? read.measurement : null;
    // The report is made in every case, and survives the trip through JSON (a saved report).
    const report = parseSizeReport(JSON.stringify(buildSizeReport(image, base, outcome)));
    expect(report.platforms.map((p) => p.compressed)).toEqual([5_000_000]);
    expect(report.baselineUnavailable?.problem).toBe(c.outcome === 'unavailable' ? c.problem : undefined);
    const budget = evaluateBudget(
      report,
      rules === 'needs a baseline' ? NEEDS_BASELINE : NO_BASELINE_RULES,
      action,
    );
    // Unavailable: the increase rule is not passed but follows budget-action.
    const expected = c.outcome === 'unavailable' && rules === 'needs a baseline' ? action : 'pass';
    // The baseline that reads is 5 MB - 2 kB smaller: max-increase=1MB is exceeded for real.
    const compared = c.outcome === 'compared' && rules === 'needs a baseline';
    expect(budget.status).toBe(compared ? action : expected);
    expect(budget.unchecked?.map((u) => `${u.platform} ${u.rule}`)).toEqual(
      expected === 'pass' || compared ? undefined : ['linux/amd64 max-increase=1MB'],
    );
  });
});

test('judgeBaseline: a digest that is gone is broken, not "no baseline yet"', async () => {
  const read = await readBaseline(`${host}/acme/ok@${missingManifest}`, options);
  expect('outcome' in read && read.outcome).toMatchObject({ status: 'unavailable', problem: 'broken' });
});

test('judgeBaseline: an error that is no registry error is "unreadable", with its words', () => {
  expect(judgeBaseline('x:1', { error: new Error('incorrect header check') })).toEqual({
    status: 'unavailable',
    ref: 'x:1',
    problem: 'unreadable',
    reason: 'incorrect header check',
  });
});

test('a reference that does not parse is an input error, not a baseline problem', async () => {
  await expect(readBaseline('Not A Ref', options)).rejects.toThrow('Input "baseline": "Not A Ref"');
});
