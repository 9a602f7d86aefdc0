/**
 * The GitHub API client through the proxy the runner uses: the report action (dist/report) posts
 * its PR comment to the GitHub stand-in, reached as `registry.shipshape.test:PORT` (the lab's
 * non-loopback name) through the lab's tinyproxy. The proxy's access log shows every API request
 * the stand-in served, in absolute form; NO_PROXY bypasses it; a dead proxy is a warning that
 * names it, and nothing reaches GitHub directly. And over HTTPS, as a GitHub Enterprise Server with
 * a private CA is reached: the stand-in with a certificate of a test CA, that CA given in
 * NODE_EXTRA_CA_CERTS, through a CONNECT tunnel of a tinyproxy of the test's (the lab's proxy
 * tunnels only to the registries' ports, and the stand-in's port is a free one).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { warningsOf } from '../support/fault-lab.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';
import { LAB } from '../support/registry.js';
import { tallied } from '../support/tally.js';
import { makePki } from '../support/test-pki.js';
import { readTinyproxyLog, startTinyproxy, type Tinyproxy } from '../support/tinyproxy.js';
import {
  LAB_HOST,
  markLog,
  PROXY_LOG,
  PROXY_PASSWORD,
  PROXY_URL,
  proxyRequests,
} from '../support/tls-lab.js';

let github: GitHubStandIn;
/** `http://registry.shipshape.test:PORT`: the stand-in under a name the proxy is used for. */
let api: string;
let nextPr = 1;

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'app', pullRequests: Array.from({ length: 10 }, (_, i) => i + 1) }],
  });
  api = github.url.replace('127.0.0.1', LAB_HOST);
  github.linkOrigin = api;
});

afterAll(async () => {
  await github?.close();
});

/** The report action on a lab image, commenting on a fresh PR through `env`'s proxy settings. */
function report(prNumber: number, env: Record<string, string>): Promise<ActionRun> {
  return runAction({
    script: 'dist/report/index.js',
    inputs: {
      image: `${LAB}/lab/busybox:amd64`,
      'github-token': WRITE_TOKEN,
      'pr-number': String(prNumber),
      comment: 'always',
      advise: 'false',
      'analyze-layers': 'false',
    },
    env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_API_URL: api, ...env },
  });
}

const served = (from: number) => github.requests.slice(from).map((r) => ({ method: r.method, path: r.path }));
const comments = (prNumber: number) => github.comments('acme', 'app', prNumber);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the GitHub API through the runner’s proxy', () => {
  test('HTTP_PROXY: every API request goes through tinyproxy; the registry on the loopback does not; the password is masked', async () => {
    const pr = nextPr++;
    const proxyLog = markLog(PROXY_LOG);
    const before = github.requests.length;
    const run = await report(pr, { HTTP_PROXY: PROXY_URL, HTTPS_PROXY: PROXY_URL });
    expect(warningsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(comments(pr)).toHaveLength(1);
    expect(run.outputs['comment-url']).toBeTruthy();
    const asked = proxyRequests(proxyLog.read());
    const answered = served(before);
    expect(answered.map((r) => r.method)).toContain('POST');
    // Each request the stand-in answered, in the proxy's log in the same order, and nothing else.
    expect(asked).toEqual(
      github.requests
        .slice(before)
        .map((r) => ({ method: r.method, target: `${api}${r.path}${r.query ? `?${r.query}` : ''}` })),
    );
    expect(run.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(run.everything).not.toContain(PROXY_PASSWORD);
  }, 60_000);

  test('NO_PROXY: the API host listed there is reached directly, the proxy never asked', async () => {
    const pr = nextPr++;
    const proxyLog = markLog(PROXY_LOG);
    const run = await report(pr, { HTTP_PROXY: PROXY_URL, NO_PROXY: `example.org,.shipshape.test` });
    expect(warningsOf(run)).toEqual([]);
    expect(comments(pr)).toHaveLength(1);
    expect(proxyRequests(proxyLog.read())).toEqual([]);
  }, 60_000);

  test(
    'a dead proxy: a warning naming it, the report still in the summary, nothing sent to GitHub directly',
    tallied('fault', 'github: HTTP_PROXY points at a closed port', async () => {
      const pr = nextPr++;
      const port = await freePort();
      const before = github.requests.length;
      const run = await report(pr, {
        HTTP_PROXY: `http://lab:${PROXY_PASSWORD}@127.0.0.1:${port}`,
        SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: '3000',
      });
      expect(run.exitCode).toBe(0);
      const warnings = warningsOf(run);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Size report: the PR comment was neither posted nor updated\. /);
      expect(warnings[0]).toContain(
        `cannot reach the proxy http://127.0.0.1:${port} (HTTP_PROXY): connect ECONNREFUSED 127.0.0.1:${port}`,
      );
      expect(run.summary).toContain('busybox');
      expect(served(before)).toEqual([]);
      expect(comments(pr)).toEqual([]);
      expect(run.everything).not.toContain(PROXY_PASSWORD);
    }),
    60_000,
  );
});

describe('over HTTPS, with a private CA, through the runner’s proxy', () => {
  let work: string;
  let secure: GitHubStandIn;
  /** `https://registry.shipshape.test:PORT` */
  let secureApi: string;
  let caFile: string;
  let proxy: Tinyproxy;
  let tunnelTarget: string;
  let nextSecurePr = 1;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shipshape-github-https-'));
    const pki = makePki(join(work, 'pki'), 'GHES private CA');
    caFile = join(work, 'ghes-ca.pem');
    writeFileSync(caFile, pki.ca);
    secure = await startGitHubStandIn({
      repositories: [{ owner: 'acme', name: 'app', pullRequests: [1, 2, 3] }],
      tls: pki.server(LAB_HOST, [`DNS:${LAB_HOST}`]),
    });
    secureApi = secure.url.replace('127.0.0.1', LAB_HOST);
    secure.linkOrigin = secureApi;
    const port = Number(new URL(secure.url).port);
    tunnelTarget = `${LAB_HOST}:${port}`;
    proxy = await startTinyproxy({ connectPorts: [port], password: PROXY_PASSWORD });
  });

  afterAll(async () => {
    await proxy?.close();
    await secure?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const tunnelsSince = (mark: number) => proxyRequests(readTinyproxyLog(proxy).slice(mark));

  test('HTTPS_PROXY and the CA in NODE_EXTRA_CA_CERTS: the comment is posted, every request inside CONNECT tunnels to the stand-in', async () => {
    const pr = nextSecurePr++;
    const mark = readTinyproxyLog(proxy).length;
    const before = secure.requests.length;
    const run = await report(pr, {
      GITHUB_API_URL: secureApi,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    expect(warningsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(secure.comments('acme', 'app', pr)).toHaveLength(1);
    expect(run.outputs['comment-url']).toBe(secure.comments('acme', 'app', pr)[0]!.html_url);
    expect(secure.requests.slice(before).map((r) => r.method)).toContain('POST');
    const tunnels = tunnelsSince(mark);
    expect(tunnels.length).toBeGreaterThan(0);
    // Only tunnels, all to the stand-in: nothing in the clear, nothing elsewhere (the registry is loopback).
    expect(tunnels).toEqual(tunnels.map(() => ({ method: 'CONNECT', target: tunnelTarget })));
    console.log(
      `GitHub over HTTPS through the proxy: ${secure.requests.length - before} API requests in ${tunnels.length} CONNECT tunnel(s)`,
    );
    expect(run.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(run.everything).not.toContain(PROXY_PASSWORD);
  }, 60_000);

  test(
    'without the CA: the certificate is checked inside the tunnel, a warning, nothing posted',
    tallied('fault', 'github: HTTPS API signed by a CA the runner does not trust', async () => {
      const pr = nextSecurePr++;
      const mark = readTinyproxyLog(proxy).length;
      const before = secure.requests.length;
      const run = await report(pr, {
        GITHUB_API_URL: secureApi,
        HTTPS_PROXY: proxy.url,
        SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: '3000',
      });
      expect(run.exitCode).toBe(0);
      const warnings = warningsOf(run);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Size report: the PR comment was neither posted nor updated\. /);
      expect(warnings[0]).toMatch(/certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE/i);
      expect(secure.requests.slice(before)).toEqual([]);
      expect(secure.comments('acme', 'app', pr)).toEqual([]);
      expect(tunnelsSince(mark)[0]).toEqual({ method: 'CONNECT', target: tunnelTarget });
    }),
    60_000,
  );
});
