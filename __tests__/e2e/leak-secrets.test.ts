/**
 * Secrets never show: registry passwords (inputs and Docker's config), the tokens the registry's
 * token server issues, docker login's identity token, the GitHub token and build secrets are
 * looked for, as they are and base64-encoded (the `Authorization: Basic` form), in EVERYTHING the
 * e2e runs leave (log, outputs, state, job summary) and in every comment the GitHub stand-in
 * received, on runs that succeed and runs that fail. Each is also registered with the runner
 * (`::add-mask::`) before the step prints anything else. Every check is a `leak` line in the
 * SHIPSHAPE_TALLY file (support/tally.ts).
 *
 * Errors are looked at too: a credential helper that fails after printing its secret, and files
 * we parse that hold credentials and are broken (docker's config.json, a size-report-file, an
 * OCI layout's oci-layout and index.json): the step fails naming the file, never quoting it. And
 * the size-report output (an artifact in the fork pattern) keeps no build-arg value.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush, type ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import {
  errorsOf,
  loggedInDockerConfig,
  pushFaultImages,
  runReport,
  SHORT_TIMEOUT_MS,
} from '../support/fault-lab.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';
import { freshRepo, LAB, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER } from '../support/registry.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry.js';
import { recordTally } from '../support/tally.js';
import type { SizeReport } from '../../src/report/size-report.js';

const PR = 3;
let repository: string; // the same repository in 5000, 5001 and the token registry
let dockerConfig: string;
let tokenRegistry: TokenRegistry;
let github: GitHubStandIn;

/** The forms a secret can leak in: as is, base64 (with and without padding) and base64url. */
function formsOf(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [...new Set([secret, b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')])];
}

interface Secret {
  /** What it is, for the tally and failure messages. */
  name: string;
  value: string;
}

const BASIC_PAIR: Secret = {
  name: 'lab:lab-password (Basic credentials)',
  value: `${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`,
};
const PASSWORD: Secret = { name: 'registry password', value: LAB_AUTH_PASSWORD };
const GITHUB_TOKEN: Secret = { name: 'GitHub token', value: WRITE_TOKEN };
/** What a credential helper holds: never accepted in these runs, so never masked either. */
const HELPER_SECRET: Secret = { name: "a credential helper's secret", value: 'helper-s3cr3t-9b41e7d0' };

/** Each secret in each form, in the run's every output and in every body GitHub received. */
function expectNoLeak(runName: string, run: ActionRun, secrets: Secret[]): void {
  const commentBodies = github.requests.map((r) => r.body).join('\n');
  const places = { 'log, outputs and summary': run.everything, 'GitHub requests': commentBodies };
  const leaks: string[] = [];
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      const leaked = formsOf(secret.value).some((form) => text.includes(form));
      recordTally({ kind: 'leak', name: `${runName}: ${secret.name} in ${place}`, ok: !leaked });
      if (leaked) leaks.push(`${secret.name} in ${place}`);
    }
  }
  expect(leaks).toEqual([]);
}

/** `::add-mask::` lines for each secret before the first line of any other kind. */
function expectMaskedFirst(run: ActionRun, secrets: Secret[]): void {
  const lines = run.stdout.split('\n');
  const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
  const masked = lines.slice(0, firstOther).map((line) => line.slice('::add-mask::'.length));
  for (const secret of secrets)
    expect({ secret: secret.name, masked: masked.includes(secret.value) }).toEqual({
      secret: secret.name,
      masked: true,
    });
}

/** An `::add-mask::` line somewhere in the log for each value (secrets learnt mid-run: issued tokens). */
function expectMasked(run: ActionRun, values: string[]): void {
  const masks = new Set(
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice(12)),
  );
  expect(values.filter((v) => !masks.has(v))).toEqual([]);
}

beforeAll(async () => {
  tokenRegistry = await startTokenRegistry({ refreshTokens: true });
  repository = freshRepo(LAB, 'faults-leak').slice(`${LAB}/`.length);
  dockerConfig = await loggedInDockerConfig([LAB_AUTH, tokenRegistry.host]);
  await pushFaultImages([LAB, LAB_AUTH, tokenRegistry.host], repository, dockerConfig);
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'app', pullRequests: [PR] }] });
}, 240_000);

afterAll(async () => {
  await tokenRegistry?.close();
  await github?.close();
});

const report = (registry: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runReport({
    repository: `${registry}/${repository}`,
    github: { url: github.url, token: WRITE_TOKEN, prNumber: PR },
    inputs,
    env,
  });

describe('the report action', () => {
  test('Basic auth from the inputs: password, Basic header and GitHub token masked first, never shown', async () => {
    const run = await report(LAB_AUTH, { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['comment-url']).toBeDefined();
    expectMaskedFirst(run, [PASSWORD, GITHUB_TOKEN]);
    expectMasked(run, [Buffer.from(BASIC_PAIR.value).toString('base64')]);
    expectNoLeak('report, Basic from inputs', run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
  }, 60_000);

  test("Basic auth from docker login's config: the stored auth is masked as soon as read", async () => {
    const run = await report(LAB_AUTH, {}, { DOCKER_CONFIG: dockerConfig });
    expect(run.exitCode).toBe(0);
    expectMasked(run, [LAB_AUTH_PASSWORD, Buffer.from(BASIC_PAIR.value).toString('base64')]);
    expectNoLeak('report, Basic from docker config', run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
  }, 60_000);

  test('the token flow: every token the token server issued is masked and never shown', async () => {
    const before = tokenRegistry.requests.length;
    const run = await report(tokenRegistry.host, { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD });
    expect(run.exitCode).toBe(0);
    const issued = tokenRegistry.requests
      .slice(before)
      .map((r) => r.token)
      .filter(Boolean);
    expect(issued.length).toBeGreaterThan(0);
    expectMasked(run, issued);
    expectNoLeak('report, registry tokens', run, [
      PASSWORD,
      BASIC_PAIR,
      GITHUB_TOKEN,
      ...issued.map((value, i) => ({ name: `issued registry token ${i + 1}`, value })),
    ]);
  }, 60_000);

  test('the identity token docker login stored (refresh-token grant): masked, never shown', async () => {
    const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
      auths: Record<string, { identitytoken?: string }>;
    };
    const identity = config.auths[tokenRegistry.host].identitytoken!;
    expect(identity).toBeTruthy();
    const before = tokenRegistry.requests.length;
    const run = await report(tokenRegistry.host, {}, { DOCKER_CONFIG: dockerConfig });
    expect(run.exitCode).toBe(0);
    expect(tokenRegistry.requests.slice(before).map((r) => r.grant)).toContain('refresh_token');
    const issued = tokenRegistry.requests
      .slice(before)
      .map((r) => r.token)
      .filter(Boolean);
    expectMasked(run, [identity, ...issued]);
    expectNoLeak('report, identity token', run, [
      { name: 'identity token', value: identity },
      ...issued.map((value, i) => ({ name: `issued registry token ${i + 1}`, value })),
      GITHUB_TOKEN,
    ]);
  }, 60_000);

  test('a wrong password: the step fails, naming the repository, without the password', async () => {
    const wrong: Secret = { name: 'wrong registry password', value: 'not-the-lab-password-7f3a' };
    const run = await report(LAB_AUTH, { username: LAB_AUTH_USER, password: wrong.value });
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toContain(`authentication required for ${LAB_AUTH}/${repository}`);
    expectMaskedFirst(run, [wrong, GITHUB_TOKEN]);
    expectNoLeak('report, wrong password', run, [
      wrong,
      { name: 'wrong Basic pair', value: `lab:${wrong.value}` },
    ]);
  }, 60_000);

  describe('through a proxy that fails every manifest request', () => {
    let proxy: FaultProxy;
    beforeAll(async () => {
      proxy = await startFaultProxy({ upstream: 'http://127.0.0.1:5001' });
      proxy.add({ path: /\/manifests\//, fault: { type: 'status', status: 503, body: 'upstream sad' } });
    });
    afterAll(() => proxy?.close());

    test('the error says 503, not the credentials', async () => {
      const run = await report(proxy.host, { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD });
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run).join('\n')).toMatch(/503/);
      expectNoLeak('report, registry error', run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
    }, 60_000);
  });

  test('a registry that echoes the credentials in its error: they show as ***', async () => {
    const echo = await startFaultProxy({ upstream: 'http://127.0.0.1:5001' });
    const basic = Buffer.from(BASIC_PAIR.value).toString('base64');
    echo.add({
      path: /\/manifests\//,
      fault: {
        type: 'status',
        status: 400,
        body: JSON.stringify({
          errors: [{ code: 'DENIED', message: `bad header Basic ${basic}, password ${LAB_AUTH_PASSWORD}` }],
        }),
      },
    });
    try {
      const run = await report(echo.host, { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD });
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run).join('\n')).toContain(
        'unexpected HTTP 400: DENIED bad header Basic ***, password ***',
      );
      expectNoLeak('report, registry echoes the credentials', run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
    } finally {
      await echo.close();
    }
  }, 60_000);
});

describe('helper output and parse errors', () => {
  let bin: string;

  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'shipshape-leak-bin-'));
    // Prints its secret on stdout and a debug line on stderr, then fails: its output must not show.
    const leaky = join(bin, 'docker-credential-shipshape-leaky');
    writeFileSync(
      leaky,
      '#!/bin/sh\nread -r server\n' +
        `echo '{"ServerURL":"'"$server"'","Username":"lab","Secret":"${HELPER_SECRET.value}"}'\n` +
        `echo "debug: got Secret ${HELPER_SECRET.value} for $server" >&2\nexit 1\n`,
    );
    // Answers like docker-credential-pass: the lab's credentials, which must be masked before use.
    const good = join(bin, 'docker-credential-shipshape-good');
    writeFileSync(
      good,
      `#!/bin/sh\nread -r server\necho '{"ServerURL":"'"$server"'","Username":"${LAB_AUTH_USER}","Secret":"${LAB_AUTH_PASSWORD}"}'\n`,
    );
    chmodSync(leaky, 0o755);
    chmodSync(good, 0o755);
  });

  /** A DOCKER_CONFIG holding `config` (a string is written as it is). */
  function dockerConfigWith(config: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-leak-config-'));
    writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return dir;
  }

  const withHelpers = (config: string) => ({
    DOCKER_CONFIG: config,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
  });

  test('a credential helper that fails after printing its secret: named, its output never shown', async () => {
    const config = dockerConfigWith({ credsStore: 'shipshape-leaky' });
    const run = await report(LAB_AUTH, {}, withHelpers(config));
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toContain(
      'credential helper docker-credential-shipshape-leaky failed (exit code 1) (its output is not shown)',
    );
    expectNoLeak('report, failing credential helper', run, [HELPER_SECRET, GITHUB_TOKEN]);
  }, 60_000);

  test("a credential helper's answer: masked before it is used", async () => {
    const config = dockerConfigWith({ credHelpers: { [LAB_AUTH]: 'shipshape-good' } });
    const run = await report(LAB_AUTH, {}, withHelpers(config));
    expect(errorsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expectMasked(run, [LAB_AUTH_PASSWORD, Buffer.from(BASIC_PAIR.value).toString('base64')]);
    expectNoLeak('report, credential helper', run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
  }, 60_000);

  test.each([
    [
      'an unquoted auth',
      `{"auths": {"${LAB_AUTH}": {"auth": ${Buffer.from(BASIC_PAIR.value).toString('base64')}}}}`,
    ],
    [
      'a cut-off file',
      `{"auths": {"${LAB_AUTH}": {"auth": "${Buffer.from(BASIC_PAIR.value).toString('base64')}"`,
    ],
    ['a number for auth', `{"auths": {"${LAB_AUTH}": {"password": "${LAB_AUTH_PASSWORD}", "auth": 12}}}`],
  ])(
    "docker's config.json with %s: the step names the file, never quotes it",
    async (name, text) => {
      const config = dockerConfigWith(text);
      const run = await report(LAB_AUTH, {}, { DOCKER_CONFIG: config });
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run).join('\n')).toContain(join(config, 'config.json'));
      expectNoLeak(`report, config.json with ${name}`, run, [PASSWORD, BASIC_PAIR, GITHUB_TOKEN]);
    },
    60_000,
  );

  describe('files in the workspace', () => {
    const secret: Secret = { name: 'a credential in a parsed file', value: 'file-s3cr3t-c0ffee42' };
    const encoded = Buffer.from(`lab:${secret.value}`).toString('base64');
    let workspace: string;

    beforeAll(() => {
      workspace = mkdtempSync(join(tmpdir(), 'shipshape-leak-files-'));
      writeFileSync(
        join(workspace, 'broken-report.json'),
        `{"version": 1, "image": {"ref": "x", "auth": ${encoded}}}`,
      );
      writeFileSync(
        join(workspace, 'config-report.json'),
        JSON.stringify({ auths: { 'ghcr.io': { auth: encoded } } }),
      );
      for (const [dir, files] of [
        ['layout-marker', { 'oci-layout': `{"imageLayoutVersion": "${secret.value}"}`, 'index.json': '{}' }],
        [
          'layout-index',
          {
            'oci-layout': '{"imageLayoutVersion": "1.0.0"}',
            'index.json': `{"schemaVersion": 2, "manifests": [{"auth": ${encoded}}]}`,
          },
        ],
        [
          'layout-field',
          {
            'oci-layout': '{"imageLayoutVersion": "1.0.0"}',
            'index.json': `{"schemaVersion": 2, "manifests": [{"mediaType": "${secret.value}", "digest": "${encoded}", "size": 1}]}`,
          },
        ],
      ] as const) {
        mkdirSync(join(workspace, dir));
        for (const [file, text] of Object.entries(files)) writeFileSync(join(workspace, dir, file), text);
      }
    });

    const runIn = (inputs: Record<string, string>) =>
      runAction({
        script: 'dist/report/index.js',
        cwd: workspace,
        inputs: { 'github-token': WRITE_TOKEN, 'pr-number': String(PR), ...inputs },
        env: {
          GITHUB_EVENT_NAME: 'workflow_dispatch',
          GITHUB_API_URL: github.url,
          SHIPSHAPE_REGISTRY_TIMEOUT_MS: String(SHORT_TIMEOUT_MS),
        },
      });

    test.each([
      [
        'a size-report-file that is not JSON',
        { 'size-report-file': 'broken-report.json' },
        'size-report-file',
      ],
      [
        'a size-report-file that is a docker config',
        { 'size-report-file': 'config-report.json' },
        'size-report-file',
      ],
      [
        'an OCI layout whose oci-layout file holds it',
        { image: 'oci-layout://layout-marker' },
        'layout-marker',
      ],
      ['an OCI layout whose index.json is not JSON', { image: 'oci-layout://layout-index' }, 'layout-index'],
      [
        'an OCI layout whose index.json has it in a field',
        { image: 'oci-layout://layout-field' },
        'layout-field',
      ],
    ])(
      '%s: the step names it, never quotes it',
      async (name, inputs, named) => {
        const run = await runIn(inputs);
        expect(run.exitCode).toBe(1);
        expect(errorsOf(run).join('\n')).toContain(named);
        expectNoLeak(`report, ${name}`, run, [
          secret,
          { name: 'its base64 pair', value: `lab:${secret.value}` },
        ]);
        for (const form of [encoded, encoded.slice(0, 12)]) expect(run.everything).not.toContain(form);
      },
      60_000,
    );
  });
});

describe('the main action', () => {
  test('a build secret and the GitHub token: masked first, used by the build, never shown', async () => {
    const secret: Secret = { name: 'build secret', value: 's3cr3t-build-value-5b1e9c' };
    const workspace = mkdtempSync(join(tmpdir(), 'shipshape-leak-'));
    // A build arg that is not secret, but whose value stays out of the outputs all the same.
    const plain = 'plain-build-arg-7c1d';
    // The secret's length, not its value, goes into the image: proof that the build got it. A
    // build arg equal to the secret is in effect for the RUN, and one is expanded into WORKDIR.
    writeFileSync(
      join(workspace, 'Dockerfile'),
      'FROM localhost:5000/lab/busybox:amd64\nARG TOKEN\nARG PLAIN\n' +
        'RUN --mount=type=secret,id=tok test -s /run/secrets/tok && wc -c < /run/secrets/tok > /secret-length\n' +
        'WORKDIR /opt/$PLAIN\n',
    );
    const image = `${LAB}/${repository}-main`;
    const run = await runAction({
      cwd: workspace,
      inputs: {
        context: '.',
        network: 'none',
        images: image,
        push: 'true',
        platforms: 'linux/amd64',
        secrets: `tok=${secret.value}`,
        'build-args': `TOKEN=${secret.value}\nPLAIN=${plain}`,
        'github-token': WRITE_TOKEN,
      },
      ...tagPush('v1.0.0'),
    });
    expect(errorsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.digest).toMatch(/^sha256:/);
    expectMaskedFirst(run, [secret, GITHUB_TOKEN]);
    expectNoLeak('main action, build secret', run, [secret, GITHUB_TOKEN]);
    // The size-report output (the fork pattern's artifact): the history is there, the values are not.
    const createdBy = (JSON.parse(run.outputs['size-report']) as SizeReport).platforms[0].layers.map(
      (l) => l.createdBy,
    );
    expect(createdBy).toContain(
      'RUN |2 TOKEN=*** PLAIN=*** /bin/sh -c test -s /run/secrets/tok && wc -c < /run/secrets/tok > /secret-length # buildkit',
    );
    expect(createdBy).toContain('WORKDIR /opt/***');
    // And the metadata output, whose provenance lists the build args.
    expect(run.outputs.metadata).toContain('"build-arg:PLAIN":"***"');
    const outputs = [
      run.outputs['size-report'],
      run.outputs['comment-body'],
      run.outputs.metadata,
      run.summary,
    ].join('\n');
    const leaked = formsOf(plain).some((form) => outputs.includes(form));
    recordTally({
      kind: 'leak',
      name: 'main action: a build-arg value in the outputs and summary',
      ok: !leaked,
    });
    expect(leaked).toBe(false);
  }, 240_000);
});
