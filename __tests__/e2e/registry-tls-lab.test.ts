/**
 * The report action (dist/report) against the lab's HTTPS registries and proxy, as a user with a
 * private registry and a proxied runner has them: an image pushed with docker to a registry whose
 * CA is only in docker's certs.d; the same without that CA (a clear error), through tinyproxy
 * (its log and the registry's show every connection came through it), past it (NO_PROXY), with
 * it dead (an error, no direct connection), in plain HTTP through it, on `localhost` over TLS, and
 * with mutual TLS. The TLS handshakes of a whole run (a report run, and a push run of the main
 * action) are counted from the registry's log, one per client port: one connection per host where
 * the requests come one after another, one per platform read at once.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { tallied } from '../support/tally.js';
import {
  connectionsOf,
  DOCKER_CERTS_D,
  LAB_CA,
  LAB_HOST,
  markLog,
  MTLS_REGISTRY,
  PLAIN_REGISTRY,
  PROXY_LOG,
  PROXY_PASSWORD,
  PROXY_URL,
  proxyRequests,
  REGISTRY_LOGS,
  registryRequests,
  TLS_REGISTRY,
} from '../support/tls-lab.js';
import { DEFAULT_CONCURRENCY } from '../../src/image/load.js';
import type { SizeReport } from '../../src/report/size-report.js';

let work: string;
/** `registry.shipshape.test:5443/e2e/tls-<unique>:1`, two platforms, pushed with docker. */
let image: string;
let repository: string;

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The report action measuring `ref`, no comment, with `env` on top of the runner's. */
function report(ref: string, env: Record<string, string> = {}, inputs: Record<string, string> = {}) {
  return runAction({
    script: 'dist/report/index.js',
    inputs: { image: ref, comment: 'never', advise: 'false', ...inputs },
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40), ...env },
  });
}

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']!) as SizeReport;
const errorOf = (run: ActionRun) => run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipshape-tls-lab-'));
  repository = `e2e/tls-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  image = `${TLS_REGISTRY}/${repository}:1`;
  const context = join(work, 'context');
  mkdirSync(context);
  writeFileSync(join(context, 'a.bin'), randomBytes(300_000));
  writeFileSync(join(context, 'b.bin'), randomBytes(200_000));
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n');
  docker([
    'buildx',
    'build',
    '--network',
    'none',
    '--platform',
    'linux/amd64,linux/arm64',
    '--load',
    '-t',
    image,
    context,
  ]);
  // dockerd's own push: it finds the CA in certs.d, as it does for users.
  docker(['push', '-q', image]);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (image) execFileSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
});

describe('HTTPS with the CA docker trusts', () => {
  test('the lab CA is only in certs.d: not in Node’s store, not in the system bundle', () => {
    const ca = readFileSync(LAB_CA, 'utf8').trim();
    expect(readFileSync(join(DOCKER_CERTS_D, TLS_REGISTRY, 'ca.crt'), 'utf8').trim()).toBe(ca);
    expect(rootCertificates.map((c) => c.trim())).not.toContain(ca);
    expect(readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8')).not.toContain(ca.split('\n')[1]);
  });

  test('the report action reads the image docker pushed; one run, its requests, its TLS handshakes', async () => {
    const log = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
    // The default progress settings (the harness turns progress off unless asked).
    const run = await report(image, { SHIPSHAPE_PROGRESS_INTERVAL_MS: '' });
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    const measured = reportOf(run);
    expect(measured.platforms.map((p) => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const platform of measured.platforms) expect(platform.layers).toHaveLength(2);
    const requests = registryRequests(log.read());
    const handshakes = connectionsOf(requests);
    // The figure the README quotes (issue 18, item 5).
    console.log(
      `TLS registry, one report run: ${requests.length} requests on ${handshakes} TLS connection(s)`,
    );
    expect(requests.length).toBeGreaterThanOrEqual(6); // ping, index, 2 manifests, configs, layers
    // Keep-alive: no more connections than requests in flight at once (8 without it; 2 seen here,
    // one per platform walked at the same time).
    expect(handshakes).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
    // A quick read says nothing of its progress.
    expect(run.stdout).not.toMatch(/^read in /m);
  }, 60_000);

  test('progress lines when asked: each layer with its platform and place, then the time of each phase', async () => {
    const run = await report(image, { SHIPSHAPE_PROGRESS_INTERVAL_MS: '1' });
    expect(errorOf(run)).toBe('');
    const lines = run.stdout.split('\n');
    // Rounds come when a chunk arrives an interval after the last round: how many is the network's.
    const rounds = lines.filter((l) => /^linux\/(amd64|arm64) layer /.test(l));
    expect(rounds.length).toBeGreaterThan(0);
    for (const line of rounds) expect(line).toMatch(/^linux\/(amd64|arm64) layer [12]\/2: [\d.]+ [kM]?B/);
    expect(lines.filter((l) => l.startsWith('read in '))).toEqual([
      expect.stringMatching(
        /^read in [\d.]+ m?s: manifests [\d.]+ m?s, layers [\d.]+ m?s \([\d.]+ [kM]B, [\d.]+ [kM]?B\/s\)$/,
      ),
    ]);
  }, 60_000);

  test(
    'without the CA (another certs.d): a clear error naming the host, the reason and where the CA goes',
    tallied('fault', 'registry: TLS certificate signed by an untrusted CA', async () => {
      const empty = join(work, 'empty-certs.d');
      mkdirSync(empty, { recursive: true });
      const log = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
      const run = await report(image, { SHIPSHAPE_DOCKER_CERTS_DIR: empty });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toBe(
        `::error::${image}: cannot reach the registry (${TLS_REGISTRY}): TLS to ${TLS_REGISTRY} failed: ` +
          `its certificate is signed by a CA this runner does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE). ` +
          `Put the CA that signs it in ${empty}/${TLS_REGISTRY}/ca.crt (where docker looks for it), ` +
          'in the file NODE_EXTRA_CA_CERTS names, or in the system’s CA store',
      );
      expect(registryRequests(log.read())).toEqual([]);
    }),
  );

  test('or the CA in the system’s store only: SSL_CERT_FILE and SSL_CERT_DIR name a store of the test’s', async () => {
    // Node reads the system's store where OpenSSL does, or where these two say: a store of the
    // test's, so that the machine's (which must not hold the lab CA) is left alone.
    const empty = join(work, 'empty-certs.d');
    mkdirSync(empty, { recursive: true });
    const store = join(work, 'system-store');
    mkdirSync(join(store, 'certs'), { recursive: true });
    writeFileSync(join(store, 'with-lab-ca.pem'), readFileSync(LAB_CA));
    copyFileSync('/etc/ssl/certs/ca-certificates.crt', join(store, 'machine.pem'));
    const withStore = (file: string) =>
      report(image, {
        SHIPSHAPE_DOCKER_CERTS_DIR: empty,
        SSL_CERT_FILE: join(store, file),
        SSL_CERT_DIR: join(store, 'certs'),
      });
    const trusted = await withStore('with-lab-ca.pem');
    expect(errorOf(trusted)).toBe('');
    expect(trusted.exitCode).toBe(0);
    expect(reportOf(trusted).platforms).toHaveLength(2);
    // The same store without the lab CA: the error, as with the machine's.
    const untrusted = await withStore('machine.pem');
    expect(untrusted.exitCode).toBe(1);
    expect(errorOf(untrusted)).toContain(
      `TLS to ${TLS_REGISTRY} failed: its certificate is signed by a CA this runner does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE). ` +
        `Put the CA that signs it in ${empty}/${TLS_REGISTRY}/ca.crt`,
    );
  }, 60_000);

  test('or the CA in NODE_EXTRA_CA_CERTS, for a runner without docker’s certs.d', async () => {
    const empty = join(work, 'empty-certs.d');
    mkdirSync(empty, { recursive: true });
    const run = await report(image, { SHIPSHAPE_DOCKER_CERTS_DIR: empty, NODE_EXTRA_CA_CERTS: LAB_CA });
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
  }, 60_000);

  test('mutual TLS: the client certificate from certs.d; without it, an error saying where it goes', async () => {
    const ref = `${MTLS_REGISTRY}/lab/busybox:amd64`;
    const ok = await report(ref);
    expect(errorOf(ok)).toBe('');
    expect(reportOf(ok).platforms.map((p) => p.platform)).toEqual(['linux/amd64']);
    const caOnly = join(work, 'ca-only-certs.d');
    mkdirSync(join(caOnly, MTLS_REGISTRY), { recursive: true });
    copyFileSync(LAB_CA, join(caOnly, MTLS_REGISTRY, 'ca.crt'));
    const refused = await report(ref, { SHIPSHAPE_DOCKER_CERTS_DIR: caOnly });
    expect(refused.exitCode).toBe(1);
    expect(errorOf(refused)).toMatch(
      new RegExp(
        `TLS to ${MTLS_REGISTRY} failed: it wants a client certificate \\([A-Z_/]+\\)\\. A client certificate for it goes in ${caOnly}/${MTLS_REGISTRY}/ as NAME\\.cert with its key NAME\\.key`,
      ),
    );
  }, 60_000);
});

describe('one TLS connection per host, where keep-alive allows', () => {
  /** Our client's requests (User-Agent `shipshape`) in a registry's log: docker's are its own business. */
  const ours = (log: string) => registryRequests(log).filter((r) => r.userAgent.startsWith('shipshape'));

  test('a report run of a one-platform image: every request on one TLS connection', async () => {
    const ref = `${TLS_REGISTRY}/lab/busybox:amd64`;
    const log = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
    const run = await report(ref);
    expect(errorOf(run)).toBe('');
    expect(reportOf(run).platforms.map((p) => p.platform)).toEqual(['linux/amd64']);
    const requests = ours(log.read());
    // ping, manifest, config, the layer: one after another, so one connection kept alive
    expect(requests.length).toBeGreaterThanOrEqual(4);
    console.log(
      `TLS registry, report run (one platform): ${requests.length} requests on ${connectionsOf(requests)} TLS connection(s)`,
    );
    expect(connectionsOf(requests)).toBe(1);
  }, 60_000);

  test('a push run (build, push, measure, size history) to the HTTPS registry: shipshape’s requests on one TLS connection', async () => {
    const context = join(work, 'push-context');
    mkdirSync(context, { recursive: true });
    writeFileSync(join(context, 'c.bin'), randomBytes(100_000));
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY c.bin /c.bin\n');
    const pushed = `${TLS_REGISTRY}/${repository}-push`;
    const log = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
    const run = await runAction({
      cwd: context,
      inputs: { context: '.', network: 'none', images: pushed, push: 'true', advise: 'false' },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'b'.repeat(40) },
      payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/app', default_branch: 'main' } },
    });
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.tags).toBe(`${pushed}:main`);
    expect(reportOf(run).platforms).toHaveLength(1);
    const served = log.read();
    const requests = ours(served);
    // dockerd's push, for the figure: its own connections, not ours to keep
    const docker = registryRequests(served).filter((r) => !r.userAgent.startsWith('shipshape'));
    console.log(
      `TLS registry, push run: shipshape ${requests.length} requests on ${connectionsOf(requests)} TLS connection(s); ` +
        `dockerd's push ${docker.length} requests on ${connectionsOf(docker)}`,
    );
    // the baseline asked for before the build, the pushed image measured, the size history read and
    // written: in sequence, so one connection kept alive carries them all
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests.some((r) => r.method === 'PUT')).toBe(true);
    expect(connectionsOf(requests)).toBe(1);
  }, 180_000);
});

describe('through the proxy the runner uses', () => {
  test('HTTPS_PROXY: every connection to the registry is a tunnel through tinyproxy; the password is masked', async () => {
    const proxyLog = markLog(PROXY_LOG);
    const registryLog = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
    const run = await report(image, { HTTPS_PROXY: PROXY_URL });
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    const tunnels = proxyRequests(proxyLog.read());
    const requests = registryRequests(registryLog.read());
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels).toEqual(tunnels.map(() => ({ method: 'CONNECT', target: TLS_REGISTRY })));
    // One registry connection per tunnel, and none besides: nothing went direct.
    expect(connectionsOf(requests)).toBe(tunnels.length);
    console.log(`through the proxy: ${requests.length} requests in ${tunnels.length} CONNECT tunnel(s)`);
    expect(run.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(run.everything).not.toContain(PROXY_PASSWORD);
  }, 60_000);

  test('NO_PROXY: the registry listed there is reached directly, the proxy never asked', async () => {
    const proxyLog = markLog(PROXY_LOG);
    const run = await report(image, { HTTPS_PROXY: PROXY_URL, NO_PROXY: `example.org,.shipshape.test` });
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    expect(proxyRequests(proxyLog.read())).toEqual([]);
  }, 60_000);

  test(
    'a dead proxy: an error naming it, and no direct connection to the registry instead',
    tallied('fault', 'registry: HTTPS_PROXY points at a closed port', async () => {
      const port = await freePort();
      const registryLog = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
      const run = await report(image, { HTTPS_PROXY: `http://lab:${PROXY_PASSWORD}@127.0.0.1:${port}` });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toBe(
        `::error::${image}: cannot reach the registry (${TLS_REGISTRY}): cannot reach the proxy http://127.0.0.1:${port} (HTTPS_PROXY): connect ECONNREFUSED 127.0.0.1:${port}`,
      );
      expect(registryRequests(registryLog.read())).toEqual([]);
      expect(run.everything).not.toContain(PROXY_PASSWORD);
    }),
  );

  test('plain HTTP through the proxy: an insecure registry’s every request, in absolute form, in the proxy’s log', async () => {
    const ref = `${PLAIN_REGISTRY}/lab/busybox:amd64`;
    const proxyLog = markLog(PROXY_LOG);
    const registryLog = markLog(REGISTRY_LOGS[PLAIN_REGISTRY]);
    const run = await report(
      ref,
      { HTTPS_PROXY: PROXY_URL, HTTP_PROXY: PROXY_URL },
      { 'insecure-registries': PLAIN_REGISTRY },
    );
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    const asked = proxyRequests(proxyLog.read());
    // The TLS first try (through a tunnel), then plain HTTP: each request the registry served, via the proxy.
    expect(asked[0]).toEqual({ method: 'CONNECT', target: PLAIN_REGISTRY });
    const served = registryRequests(registryLog.read());
    expect(served.length).toBeGreaterThanOrEqual(4);
    expect(asked.slice(1)).toEqual(
      served.map((r) => ({ method: r.method, target: `http://${PLAIN_REGISTRY}${r.uri}` })),
    );
  }, 60_000);
});

describe('insecure registries like docker', () => {
  test('a TLS registry on localhost: TLS first (its certificate is for another name, unchecked as docker does)', async () => {
    const log = markLog(REGISTRY_LOGS[TLS_REGISTRY]);
    const run = await report(image.replace(LAB_HOST, 'localhost'));
    expect(errorOf(run)).toBe('');
    expect(run.exitCode).toBe(0);
    expect(reportOf(run).platforms).toHaveLength(2);
    expect(registryRequests(log.read()).length).toBeGreaterThan(0);
  }, 60_000);
});
