/**
 * Registry credentials go only to the host they were given for (issue 12): the report action's
 * username/password to the registry of its `image`, a docker config entry to its own server, and
 * a token realm only when the registry's own challenge names it. A "third host" (support/third-host.ts)
 * records every request it gets; each case puts it where a careless client would hand it the
 * credentials (a baseline elsewhere, a redirect, a challenge from a redirect target, a realm that
 * redirects, a tag list's Link) and asserts it received none. The lab's registries and token
 * server are real; the redirects come from fault proxies in front of them. The GitHub token
 * likewise stays with GITHUB_API_URL's host when the GitHub stand-in's Link headers or
 * redirects point elsewhere.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import {
  errorsOf,
  loggedInDockerConfig,
  pushFaultImages,
  runReport,
  warningsOf,
} from '../support/fault-lab.js';
import { freshRepo, LAB, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER } from '../support/registry.js';
import { LAB_TOKEN_SERVICE } from '../support/token-server.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry.js';
import { basicRegistryAnswer, startThirdHost, type ThirdHost } from '../support/third-host.js';
import { startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import { tallied } from '../support/tally.js';
import { RegistryClient } from '../../src/registry/client.js';

let repository: string;
let dockerConfig: string;
let identityToken: string;
let tokenRegistry: TokenRegistry;
const closers: (() => Promise<void>)[] = [];

const EXPLICIT = { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD };
const SECRETS = [LAB_AUTH_PASSWORD, Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64')];

async function third(answer?: Parameters<typeof startThirdHost>[0]): Promise<ThirdHost> {
  const host = await startThirdHost(answer);
  closers.push(host.close);
  return host;
}

async function proxy(upstream: string): Promise<FaultProxy> {
  const started = await startFaultProxy({ upstream });
  closers.push(started.close);
  return started;
}

/** Everything the step said about its failure or its baseline. */
const said = (run: ActionRun) => [...errorsOf(run), ...warningsOf(run)].join('\n');

beforeAll(async () => {
  tokenRegistry = await startTokenRegistry({ refreshTokens: true });
  repository = freshRepo(LAB, 'creds-scope').slice(`${LAB}/`.length);
  dockerConfig = await loggedInDockerConfig([LAB_AUTH, tokenRegistry.host]);
  const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
    auths: Record<string, { identitytoken?: string }>;
  };
  identityToken = config.auths[tokenRegistry.host].identitytoken!;
  await pushFaultImages([LAB_AUTH, tokenRegistry.host], repository, dockerConfig);
}, 240_000);

afterAll(async () => {
  for (const close of closers) await close();
  await tokenRegistry?.close();
});

describe('a baseline on another host', () => {
  test(
    "gets none of the image's explicit credentials when it asks for Basic",
    tallied(
      'leak',
      'credentials: baseline on another host (Basic) gets no explicit credentials',
      async () => {
        const elsewhere = await third(basicRegistryAnswer);
        const run = await runReport({
          repository: `${LAB_AUTH}/${repository}`,
          inputs: { ...EXPLICIT, baseline: `${elsewhere.host}/${repository}:base` },
        });
        expect(elsewhere.visits.length).toBeGreaterThan(0);
        expect(elsewhere.credentialsSeen(SECRETS)).toEqual([]);
        expect(said(run)).toContain(
          `authentication required for ${elsewhere.host}/${repository}: no credentials`,
        );
      },
    ),
    60_000,
  );

  test(
    'gets none of them at its own Bearer realm',
    tallied(
      'leak',
      'credentials: baseline on another host (Bearer realm there) gets no explicit credentials',
      async () => {
        const elsewhere = await third();
        const run = await runReport({
          repository: `${LAB_AUTH}/${repository}`,
          inputs: { ...EXPLICIT, baseline: `${elsewhere.host}/${repository}:base` },
        });
        expect(elsewhere.visits.map((v) => v.path)).toContain(
          `/token?service=third&scope=repository%3A${encodeURIComponent(repository)}%3Apull`,
        );
        expect(elsewhere.credentialsSeen(SECRETS)).toEqual([]);
        expect(said(run)).toContain(`${elsewhere.host}/${repository}`);
      },
    ),
    60_000,
  );

  test(
    "gets none of docker config's entries for other servers",
    tallied(
      'leak',
      'credentials: baseline on another host gets no docker config entry of another server',
      async () => {
        const elsewhere = await third();
        await runReport({
          repository: `${LAB_AUTH}/${repository}`,
          inputs: { baseline: `${elsewhere.host}/${repository}:base` },
          env: { DOCKER_CONFIG: dockerConfig },
        });
        expect(elsewhere.visits.length).toBeGreaterThan(0);
        expect(elsewhere.credentialsSeen([...SECRETS, identityToken])).toEqual([]);
      },
    ),
    60_000,
  );

  test(
    "the image's own registry still gets them, and a realm its challenge names too",
    tallied('leak', 'credentials: the token realm the registry names gets them (as Docker Hub)', async () => {
      const before = tokenRegistry.requests.length;
      const run = await runReport({ repository: `${tokenRegistry.host}/${repository}`, inputs: EXPLICIT });
      expect(errorsOf(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(tokenRegistry.requests.slice(before).map((r) => r.grant)).toContain('basic');
    }),
    60_000,
  );
});

describe('redirects and challenges from elsewhere', () => {
  test(
    'GET /v2/ redirected to another host that challenges with its own realm: no credentials there',
    tallied(
      'leak',
      'credentials: the registry ping redirected to a third host that asks for a token',
      async () => {
        const elsewhere = await third();
        const front = await proxy(`http://${LAB_AUTH}`);
        front.add({ path: /^\/v2\/$/, fault: { type: 'redirect', to: elsewhere.url } });
        const run = await runReport({ repository: `${front.host}/${repository}`, inputs: EXPLICIT });
        expect(elsewhere.visits.length).toBeGreaterThan(0);
        expect(elsewhere.credentialsSeen(SECRETS)).toEqual([]);
        expect(run.exitCode).toBe(1);
        expect(errorsOf(run).join('\n')).toContain(`${elsewhere.host}`);
      },
    ),
    60_000,
  );

  test(
    'a manifest redirected to another host that answers 401 with its own realm: no credentials there',
    tallied('leak', 'credentials: a manifest redirected to a third host that asks for a token', async () => {
      const elsewhere = await third();
      const front = await proxy(`http://${LAB_AUTH}`);
      front.add({ path: /\/manifests\//, fault: { type: 'redirect', to: elsewhere.url } });
      const run = await runReport({ repository: `${front.host}/${repository}`, inputs: EXPLICIT });
      expect(elsewhere.visits.length).toBeGreaterThan(0);
      expect(elsewhere.credentialsSeen(SECRETS)).toEqual([]);
      expect(run.exitCode).toBe(1);
    }),
    60_000,
  );

  describe('a realm that redirects to a third host', () => {
    let registry: FaultProxy;
    let realm: FaultProxy;
    let elsewhere: ThirdHost;

    beforeAll(async () => {
      elsewhere = await third();
      realm = await proxy(tokenRegistry.url);
      realm.add({ path: /^\/token/, fault: { type: 'redirect', to: elsewhere.url } });
      registry = await proxy(`http://${tokenRegistry.host}`);
      registry.add({
        path: /^\/v2\/$/,
        fault: {
          type: 'status',
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer realm="${realm.url}/token",service="${LAB_TOKEN_SERVICE}"` },
        },
      });
    });

    test(
      'the refresh token (a POST body) is not sent on',
      tallied('leak', 'credentials: the refresh-token POST is not redirected to a third host', async () => {
        const config = mkdtempSync(join(tmpdir(), 'shipshape-creds-'));
        writeFileSync(
          join(config, 'config.json'),
          JSON.stringify({ auths: { [registry.host]: { identitytoken: identityToken } } }),
        );
        const seen = elsewhere.visits.length;
        const run = await runReport({
          repository: `${registry.host}/${repository}`,
          env: { DOCKER_CONFIG: config },
        });
        expect(realm.log.some((r) => r.method === 'POST')).toBe(true);
        expect(elsewhere.visits.slice(seen).filter((v) => v.body.includes(identityToken))).toEqual([]);
        expect(elsewhere.credentialsSeen([identityToken])).toEqual([]);
        expect(run.exitCode).toBe(1);
      }),
      60_000,
    );

    test(
      'the Basic credentials (a header) are not sent on',
      tallied('leak', 'credentials: the Basic token request is not redirected to a third host', async () => {
        const run = await runReport({ repository: `${registry.host}/${repository}`, inputs: EXPLICIT });
        expect(realm.log.some((r) => r.method === 'GET' && r.headers.authorization !== undefined)).toBe(true);
        expect(elsewhere.credentialsSeen(SECRETS)).toEqual([]);
        expect(run.exitCode).toBe(1);
      }),
      60_000,
    );
  });

  test(
    "a tag list whose next page is on another host: not followed with the registry's credentials",
    tallied('leak', 'credentials: a tags Link to a third host is not followed', async () => {
      const elsewhere = await third(() => ({ status: 200, body: '{"tags":["9.9.9"]}' }));
      const front = await proxy(`http://${LAB_AUTH}`);
      front.add({
        path: /\/tags\/list/,
        fault: {
          type: 'status',
          status: 200,
          headers: { Link: `<${elsewhere.url}/v2/${repository}/tags/list?last=1>; rel="next"` },
          body: JSON.stringify({ name: repository, tags: ['1', 'base'] }),
        },
      });
      const client = new RegistryClient({ host: front.host, credentials: EXPLICIT });
      await expect(client.tags(repository)).rejects.toThrow(
        `the next page of the tag list is on another host (${elsewhere.host})`,
      );
      expect(front.log.some((r) => r.headers.authorization?.toString().startsWith('Basic '))).toBe(true);
      expect(elsewhere.visits).toEqual([]);
    }),
    60_000,
  );
});

describe('the GitHub token', () => {
  const PR = 12;

  test.each(['a Link rel="next"', 'a redirect'])(
    '%s to another host: not followed with the token; the report is still in the summary',
    async (how) =>
      tallied('leak', `GitHub token: ${how} to another host while looking for the comment`, async () => {
        const elsewhere = await third(() => ({ status: 200, body: '[]' }));
        const github = await startGitHubStandIn({
          repositories: [{ owner: 'acme', name: 'app', pullRequests: [PR] }],
        });
        closers.push(github.close);
        github.seedComments('acme', 'app', PR, 150, (i) => `chat ${i}`);
        if (how === 'a redirect') github.redirect(1, elsewhere.url, { method: 'GET' });
        else github.linkOrigin = elsewhere.url;
        const run = await runReport({
          repository: `${LAB_AUTH}/${repository}`,
          inputs: EXPLICIT,
          github: { url: github.url, token: WRITE_TOKEN, prNumber: PR },
        });
        expect(elsewhere.visits).toEqual([]);
        expect(run.exitCode).toBe(0);
        expect(warningsOf(run).join('\n')).toContain(`to another host (${elsewhere.host})`);
        expect(run.summary).toContain(repository);
        expect(github.comments('acme', 'app', PR)).toHaveLength(150);
        expect(github.violations).toEqual([]);
      })(),
    60_000,
  );
});
