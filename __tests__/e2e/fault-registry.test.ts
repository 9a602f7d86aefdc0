/**
 * The report action (dist/report/index.js, measure mode) through a fault-injecting proxy in
 * front of the lab registry, posting its comment to a GitHub stand-in. Each fault ends one of
 * two ways, and nothing else is accepted:
 *  - recovered: the same figures as a run without faults (themselves checked against GNU tar),
 *    and the comment holds them;
 *  - a clear error: the step fails with an error that names the image and the cause, no size
 *    report is output, and the comment is left as it was (no comment with wrong numbers).
 * Every case is recorded in the SHIPSHAPE_TALLY file (support/tally.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type Fault, type FaultProxy, type FaultRule } from '../support/fault-proxy.js';
import {
  errorsOf,
  figuresOf,
  loggedInDockerConfig,
  pushFaultImages,
  runReport,
  SHORT_TIMEOUT_MS,
} from '../support/fault-lab.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';
import { countImage } from '../support/independent.js';
import { freshRepo, LAB, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER } from '../support/registry.js';
import { untimed } from '../support/comment-body.js';
import { tallied } from '../support/tally.js';

const PR = 7;
let repository: string; // e2e/faults-app-<unique>, in localhost:5000 and 127.0.0.1:5001
let proxy: FaultProxy;
let github: GitHubStandIn;
let reference: ActionRun;
/** The largest layer: the 2 MiB of random bytes. */
let bigLayer: string;

const through = () => `${proxy.host}/${repository}`;
const commentsNow = () => github.comments('acme', 'app', PR);
const report = (options: { repository?: string; inputs?: Record<string, string> } = {}) =>
  runReport({
    repository: options.repository ?? through(),
    github: { url: github.url, token: WRITE_TOKEN, prNumber: PR },
    inputs: options.inputs,
  });

beforeAll(async () => {
  repository = freshRepo(LAB, 'faults-app').slice(`${LAB}/`.length);
  const dockerConfig = await loggedInDockerConfig([LAB_AUTH]);
  await pushFaultImages([LAB, LAB_AUTH], repository, dockerConfig);
  proxy = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'app', pullRequests: [PR] }] });
  reference = await report();
  expect(reference.exitCode).toBe(0);
  const layers = figuresOf(reference).platforms[0].layers;
  bigLayer = layers.reduce((a, b) => (b.compressed > a.compressed ? b : a)).digest;
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await github?.close();
});

test('the fault-free run: figures equal independent counts, one comment holding them', async () => {
  const { platforms, digests } = figuresOf(reference);
  const counted = await countImage(`${LAB}/${repository}`, digests[0]);
  expect(platforms.map((p) => [p.platform, p.compressed, p.uncompressed])).toEqual(
    counted.map((c) => [c.platform, c.compressed, c.uncompressed]),
  );
  expect(platforms[0].layers.map((l) => [l.digest, l.compressed, l.uncompressed, l.files])).toEqual(
    counted[0].layers.map((l) => [l.digest, l.compressed, l.uncompressed, l.files]),
  );
  expect(commentsNow()).toHaveLength(1);
  expect(untimed(commentsNow()[0].body)).toBe(untimed(reference.outputs['comment-body']));
});

/** Recovered: exit 0, the reference's figures and comment body, still one comment. */
function expectRecovered(run: ActionRun): void {
  expect(errorsOf(run)).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(figuresOf(run)).toEqual(figuresOf(reference));
  expect(untimed(run.outputs['comment-body'])).toBe(untimed(reference.outputs['comment-body']));
  expect(commentsNow()).toHaveLength(1);
  expect(untimed(commentsNow()[0].body)).toBe(untimed(reference.outputs['comment-body']));
}

/** A clear error: exit 1, one error naming the image and matching `cause`, no report, the comment untouched. */
function expectClearError(run: ActionRun, cause: RegExp, writesBefore: number): void {
  expect(run.exitCode).toBe(1);
  const errors = errorsOf(run);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`${through()}:`);
  expect(errors[0]).toMatch(cause);
  expect(run.outputs['size-report']).toBeUndefined();
  expect(github.requests.filter((r) => r.method !== 'GET')).toHaveLength(writesBefore);
  expect(commentsNow()).toHaveLength(1);
  expect(untimed(commentsNow()[0].body)).toBe(untimed(reference.outputs['comment-body']));
}

const manifestByTag = /\/manifests\/1$/;
const bigBlob = () => new RegExp(`/blobs/${bigLayer}$`);

/** The manifest by tag answered 200 with `body` as `mediaType` (`times` times; every time without it). */
const manifestAnswer = (mediaType: 'index' | 'manifest', body: string, times?: number): FaultRule => ({
  method: 'GET',
  path: manifestByTag,
  ...(times !== undefined && { times }),
  fault: {
    type: 'status',
    status: 200,
    headers: { 'Content-Type': `application/vnd.oci.image.${mediaType}.v1+json` },
    body,
  },
});

interface Case {
  name: string;
  /** Made when the case runs (the big layer's digest is known by then). */
  rules: () => FaultRule[];
  /** Undefined: recovered; else the error's cause. */
  error?: RegExp;
  /** The faults that must have been applied (each at least once). */
  applied: Fault['type'][];
}

const OVERSIZED = `{"schemaVersion":2,"layers":[${'{"size":1},'.repeat(500_000)}{"size":1}]}`;

const cases: Case[] = [
  {
    name: '429 with Retry-After on the manifest',
    rules: () => [
      { method: 'GET', path: manifestByTag, times: 1, fault: { type: 'status', status: 429, retryAfter: 1 } },
    ],
    applied: ['status'],
  },
  {
    name: '429 without Retry-After, twice, on the manifest',
    rules: () => [{ method: 'GET', path: manifestByTag, times: 2, fault: { type: 'status', status: 429 } }],
    applied: ['status'],
  },
  {
    name: 'a 500 burst on /v2/',
    rules: () => [{ path: /\/v2\/$/, times: 3, fault: { type: 'status', status: 500 } }],
    applied: ['status'],
  },
  {
    name: 'a 502 burst on the big layer',
    rules: () => [{ path: bigBlob(), times: 3, fault: { type: 'status', status: 502 } }],
    applied: ['status'],
  },
  {
    name: 'a 503 burst with Retry-After on every manifest',
    rules: () => [{ path: /\/manifests\//, times: 4, fault: { type: 'status', status: 503, retryAfter: 0 } }],
    applied: ['status'],
  },
  {
    name: 'connection reset before the answer, twice, on the config and the manifest',
    rules: () => [
      { path: /\/blobs\//, times: 1, fault: { type: 'reset' } },
      { path: manifestByTag, times: 1, fault: { type: 'reset' } },
    ],
    applied: ['reset'],
  },
  {
    name: 'connection reset in the middle of the big layer',
    rules: () => [{ path: bigBlob(), times: 2, fault: { type: 'reset-mid-body', afterBytes: 700_000 } }],
    applied: ['reset-mid-body'],
  },
  {
    name: 'an answer slower than the timeout, once, on the manifest',
    rules: () => [{ path: manifestByTag, times: 1, fault: { type: 'delay', ms: SHORT_TIMEOUT_MS * 2 } }],
    applied: ['delay'],
  },
  {
    name: 'the big layer stalls mid-body longer than the timeout',
    rules: () => [
      {
        path: bigBlob(),
        times: 1,
        fault: { type: 'stall-mid-body', afterBytes: 500_000, ms: SHORT_TIMEOUT_MS * 2 },
      },
    ],
    applied: ['stall-mid-body'],
  },
  {
    name: 'a truncated big layer (ends cleanly, short)',
    rules: () => [{ path: bigBlob(), times: 1, fault: { type: 'truncate', afterBytes: 1_000_000 } }],
    applied: ['truncate'],
  },
  {
    name: 'big layer bytes that do not match its digest, once: read again',
    rules: () => [{ path: bigBlob(), times: 1, fault: { type: 'corrupt' } }],
    applied: ['corrupt'],
  },
  {
    name: 'the first blob (the config) flipped, once: fetched again',
    rules: () => [{ path: /\/blobs\//, times: 1, fault: { type: 'corrupt' } }],
    applied: ['corrupt'],
  },
  {
    name: 'the manifest flipped twice: fetched a third time',
    rules: () => [{ method: 'GET', path: manifestByTag, times: 2, fault: { type: 'corrupt' } }],
    applied: ['corrupt'],
  },
  {
    name: 'a manifest cut short (not JSON, no digest to check), once: fetched again',
    rules: () => [manifestAnswer('index', '{"schemaVersion":2,"manifests":[{"digest":', 1)],
    applied: ['status'],
  },
  {
    name: 'an oversized manifest (5 MB), once: fetched again',
    rules: () => [manifestAnswer('manifest', OVERSIZED, 1)],
    applied: ['status'],
  },
  {
    name: 'a redirect loop that ends after 3 hops on the big layer',
    rules: () => [{ path: bigBlob(), times: 3, fault: { type: 'redirect-loop' } }],
    applied: ['redirect-loop'],
  },
  {
    name: 'every answer slower than the timeout on the manifest',
    rules: () => [{ path: manifestByTag, fault: { type: 'delay', ms: SHORT_TIMEOUT_MS * 2 } }],
    error: /timed out/,
    applied: ['delay'],
  },
  {
    name: 'a 503 on every manifest request',
    rules: () => [{ path: manifestByTag, fault: { type: 'status', status: 503 } }],
    error: /503/,
    applied: ['status'],
  },
  {
    name: 'big layer bytes that do not match its digest',
    rules: () => [{ path: bigBlob(), fault: { type: 'corrupt' } }],
    error: /blob sha256:[0-9a-f]{64} does not match its content .*\(read 3 times, wrong each time\)$/,
    applied: ['corrupt'],
  },
  {
    name: 'malformed manifest JSON',
    rules: () => [manifestAnswer('index', '{"schemaVersion":2,"manifests":[{"digest":')],
    error: /the manifest is not valid JSON .*\(fetched 3 times, wrong each time\)$/,
    applied: ['status'],
  },
  {
    name: 'manifest JSON of the wrong shape',
    rules: () => [manifestAnswer('manifest', '{"schemaVersion":2,"config":"nope","layers":{"0":1}}')],
    error: /manifest/,
    applied: ['status'],
  },
  {
    name: 'an oversized manifest (5 MB)',
    rules: () => [manifestAnswer('manifest', OVERSIZED)],
    error: /larger than the 4194304 bytes allowed .*\(fetched 3 times, wrong each time\)$/,
    applied: ['status'],
  },
  {
    name: 'an endless redirect loop on the big layer',
    rules: () => [{ path: bigBlob(), fault: { type: 'redirect-loop' } }],
    error: /more than 10 redirects/,
    applied: ['redirect-loop'],
  },
];

describe('registry faults, through the report action', () => {
  test.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (name, c) =>
      tallied('fault', `registry: ${name}`, async () => {
        proxy.clear();
        proxy.log.length = 0;
        for (const rule of c.rules()) proxy.add(rule);
        const writesBefore = github.requests.filter((r) => r.method !== 'GET').length;
        const run = await report();
        for (const type of c.applied) expect(proxy.log.some((r) => r.fault === type)).toBe(true);
        if (c.error) expectClearError(run, c.error, writesBefore);
        else expectRecovered(run);
      })(),
    90_000,
  );
});

describe('a blob redirected to another host (a storage service)', () => {
  let authProxy: FaultProxy;
  let storage: FaultProxy;
  beforeAll(async () => {
    storage = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
    authProxy = await startFaultProxy({ upstream: 'http://127.0.0.1:5001' });
  });
  afterAll(async () => {
    await storage?.close();
    await authProxy?.close();
  });

  test(
    'the Authorization header stays behind; the figures are right',
    tallied('fault', 'registry: blobs redirected to another host, with Basic auth', async () => {
      // localhost, not 127.0.0.1: another host name as well as another port.
      const storageUrl = storage.url.replace('127.0.0.1', 'localhost');
      authProxy.add({ method: 'GET', path: /\/blobs\/sha256:/, fault: { type: 'redirect', to: storageUrl } });
      const run = await report({
        repository: `${authProxy.host}/${repository}`,
        // Another image name is another comment key: no second comment on the pull request.
        inputs: { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD, comment: 'never' },
      });
      expect(errorsOf(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(figuresOf(run)).toEqual(figuresOf(reference));
      // Every blob came from the storage host, and none of its requests carried credentials.
      const blobs = storage.log.filter((r) => r.path.includes('/blobs/'));
      expect(blobs.length).toBeGreaterThanOrEqual(figuresOf(reference).platforms[0].layers.length);
      expect(blobs.map((r) => r.headers.authorization)).toEqual(blobs.map(() => undefined));
      // ... while the registry itself got them (it answers 401 without).
      const redirected = authProxy.log.filter((r) => r.fault === 'redirect');
      expect(redirected.length).toBe(blobs.length);
      expect(redirected.every((r) => String(r.headers.authorization).startsWith('Basic '))).toBe(true);
    }),
    60_000,
  );
});
