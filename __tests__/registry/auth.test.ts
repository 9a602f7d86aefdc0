/**
 * Credentials from the action's inputs, Docker's config.json and credential helpers. The helpers
 * are real executables written into a temp directory that the env's PATH points at.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  configKeyRegistry,
  dockerConfigPath,
  helperServerUrl,
  resolveCredentials,
  type DockerConfig,
} from '../../src/registry/auth.js';

let root: string;
let binDir: string;
let helperLog: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A DOCKER_CONFIG directory holding `config`; returns the env to pass. */
function configDir(name: string, config: DockerConfig | string): Record<string, string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { DOCKER_CONFIG: dir, PATH: `${binDir}:/usr/bin:/bin`, HELPER_LOG: helperLog };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shipshape-auth-'));
  binDir = join(root, 'bin');
  helperLog = join(root, 'helper.log');
  mkdirSync(binDir);
  // docker-credential-test: knows two servers, logs what it was asked on stdin.
  const helper = join(binDir, 'docker-credential-test');
  writeFileSync(
    helper,
    `#!/bin/sh
[ "$1" = get ] || { echo "unexpected action $1" >&2; exit 2; }
read -r server
echo "$server" >> "$HELPER_LOG"
case "$server" in
  ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"octo","Secret":"ghp_helper"}' ;;
  https://index.docker.io/v1/) echo '{"ServerURL":"https://index.docker.io/v1/","Username":"hubuser","Secret":"hub-pat"}' ;;
  tokens.example.com) echo '{"ServerURL":"tokens.example.com","Username":"<token>","Secret":"refresh-123"}' ;;
  broken.example.com) echo 'keychain locked' >&2; exit 1 ;;
  leaky.example.com) echo '{"ServerURL":"leaky.example.com","Username":"octo","Secret":"ghp_leakedSecret"}'; echo 'debug: token ghp_leakedSecret' >&2; exit 3 ;;
  garbled.example.com) echo '{"Username":"octo","Secret":"ghp_garbled"'; exit 0 ;;
  killed.example.com) echo '{"Secret":"ghp_leakedSecret"}'; kill -9 $$ ;;
  silent.example.com) exit 4 ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`,
  );
  chmodSync(helper, 0o755);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => rmSync(helperLog, { force: true }));

/** The servers the helper was asked about during this test, in order. */
function helperCalls(): string[] {
  return readFileSync(helperLog, 'utf8').trim().split('\n');
}

describe('explicit credentials', () => {
  test('win over the config for their registry, and are reported as secrets with their Basic form', async () => {
    const env = configDir('explicit', { auths: { 'ghcr.io': { auth: b64('file:file-pass') } } });
    const secrets: string[] = [];
    const creds = await resolveCredentials('ghcr.io', {
      explicit: { registry: 'ghcr.io', username: 'me', password: 'input-pass' },
      env,
      onSecret: (s) => secrets.push(s),
    });
    expect(creds).toEqual({ username: 'me', password: 'input-pass' });
    expect(secrets).toEqual(['input-pass', b64('me:input-pass')]);
  });

  test.each([
    ['another host', 'quay.io', undefined],
    ['another port of the same host', 'localhost:5002', undefined],
    ['a host that merely starts with it', 'ghcr.io.evil.example', undefined],
    [
      "another host with a docker config entry: that entry's",
      'other.example.com',
      { username: 'o', password: 'p' },
    ],
  ])('are not given to %s', async (_, registry, expected) => {
    const env = configDir('explicit-elsewhere', { auths: { 'other.example.com': { auth: b64('o:p') } } });
    const given = { username: 'me', password: 'input-pass' };
    for (const bound of ['ghcr.io', 'localhost:5001']) {
      expect(await resolveCredentials(registry, { explicit: { registry: bound, ...given }, env })).toEqual(
        expected,
      );
    }
  });

  test.each(['docker.io', 'index.docker.io', 'registry-1.docker.io'])(
    "Docker Hub's names are one registry: %s",
    async (name) => {
      const explicit = { registry: 'docker.io', username: 'me', password: 'pat' };
      expect(await resolveCredentials(name, { explicit, env: {} })).toEqual({
        username: 'me',
        password: 'pat',
      });
    },
  );
});

describe('config.json auths', () => {
  test('auth is base64 user:password (a password may hold colons)', async () => {
    const env = configDir('auths', { auths: { 'localhost:5001': { auth: b64('lab:pa:ss') } } });
    expect(await resolveCredentials('localhost:5001', { env })).toEqual({
      username: 'lab',
      password: 'pa:ss',
    });
    expect(await resolveCredentials('localhost:5002', { env })).toBeUndefined();
  });

  test('identitytoken becomes an identity token, with the user name the auth field had', async () => {
    const env = configDir('identity', {
      auths: { 'registry.example.com': { auth: b64('someone:'), identitytoken: 'refresh-xyz' } },
    });
    const secrets: string[] = [];
    expect(
      await resolveCredentials('registry.example.com', { env, onSecret: (s) => secrets.push(s) }),
    ).toEqual({
      username: 'someone',
      identityToken: 'refresh-xyz',
    });
    expect(secrets).toEqual([b64('someone:'), 'refresh-xyz']);
  });

  test('separate username/password fields are read too; an empty entry is no credentials', async () => {
    const env = configDir('fields', {
      auths: { 'a.example.com': { username: 'u', password: 'p' }, 'b.example.com': {} },
    });
    expect(await resolveCredentials('a.example.com', { env })).toEqual({ username: 'u', password: 'p' });
    expect(await resolveCredentials('b.example.com', { env })).toBeUndefined();
  });

  test.each([
    'https://index.docker.io/v1/',
    'index.docker.io',
    'docker.io',
    'https://docker.io',
    'registry-1.docker.io',
    'http://index.docker.io/v1',
  ])('Docker Hub under the key %s', async (key) => {
    const env = configDir(`hub-${b64(key)}`, { auths: { [key]: { auth: b64('hub:secret') } } });
    expect(await resolveCredentials('docker.io', { env })).toEqual({ username: 'hub', password: 'secret' });
  });

  test('a key with scheme and path names its host', async () => {
    const env = configDir('scheme', { auths: { 'https://ghcr.io/v2/': { auth: b64('o:p') } } });
    expect(await resolveCredentials('ghcr.io', { env })).toEqual({ username: 'o', password: 'p' });
    expect(await resolveCredentials('docker.io', { env })).toBeUndefined();
  });

  test('no config file: anonymous', async () => {
    expect(
      await resolveCredentials('ghcr.io', { env: { DOCKER_CONFIG: join(root, 'nowhere') } }),
    ).toBeUndefined();
  });

  // JSON.parse's own messages quote the file around the error: `..."auth":bGFiOmxh"... is not valid JSON`.
  test.each([
    ['an unquoted auth', `{"auths": {"ghcr.io": {"auth":${b64('lab:lab-password')}}}}`, ''],
    ['a cut-off file', `{"auths": {"ghcr.io": {"auth":"${b64('lab:lab-password')}"`, ' (line 1, column 57)'],
    ['an empty file', '', ' (it ends too early)'],
    [
      'a newline in a string',
      `{"auths": {"ghcr.io": {"auth":"${b64('lab:lab-')}\n${b64('password')}"}}}`,
      '',
    ],
    [
      'a trailing comma',
      `{"auths": {"ghcr.io": {"auth":"${b64('lab:lab-password')}",}}}`,
      ' (line 1, column 58)',
    ],
  ])('a config that is not JSON (%s): the file and where, not its text', async (name, text, where) => {
    const env = configDir(`bad-json-${name}`, text.replace('\\n', '\n'));
    const error = await resolveCredentials('ghcr.io', { env }).catch((e: Error) => e);
    const path = join(root, `bad-json-${name}`, 'config.json');
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message.startsWith(`${path} is not valid JSON`)).toBe(true);
    if (where) expect(message).toBe(`${path} is not valid JSON${where}`);
    for (const secret of ['lab-password', b64('lab:lab-password'), b64('lab:lab-').slice(0, 6), '"auth"'])
      expect(message).not.toContain(secret);
  });

  test.each([
    [
      'a JSON string',
      JSON.stringify(b64('lab:lab-password')),
      'is not a docker config: expected a JSON object',
    ],
    [
      'an auth that is a number',
      '{"auths": {"ghcr.io": {"auth": 1234567}}}',
      'an "auths" entry is not an object of strings',
    ],
    [
      'an auth that is not user:password',
      `{"auths": {"ghcr.io": {"auth": "${b64('lab-password')}"}}}`,
      'an "auth" value is not base64 of user:password',
    ],
  ])(
    'a config of the wrong shape (%s): the file and the problem, not its text',
    async (name, text, problem) => {
      const env = configDir(`bad-shape-${name}`, text);
      const secrets: string[] = [];
      const error = await resolveCredentials('ghcr.io', { env, onSecret: (s) => secrets.push(s) }).catch(
        (e: Error) => e,
      );
      expect((error as Error).message).toMatch(
        new RegExp(`config.json:? ${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      for (const secret of ['lab-password', b64('lab:lab-password'), '1234567'])
        expect((error as Error).message).not.toContain(secret);
      // The stored value is masked before it is decoded (and can fail).
      if (name.startsWith('an auth that is not')) expect(secrets).toEqual([b64('lab-password')]);
    },
  );

  test('without DOCKER_CONFIG the file is $HOME/.docker/config.json', () => {
    expect(dockerConfigPath({ HOME: '/home/runner' })).toBe('/home/runner/.docker/config.json');
    expect(dockerConfigPath({ DOCKER_CONFIG: '/tmp/dc', HOME: '/home/runner' })).toBe('/tmp/dc/config.json');
  });
});

describe('credential helpers', () => {
  test('credHelpers[host] runs docker-credential-<name> get with the host on stdin', async () => {
    const env = configDir('helpers', { credHelpers: { 'ghcr.io': 'test' } });
    const secrets: string[] = [];
    expect(await resolveCredentials('ghcr.io', { env, onSecret: (s) => secrets.push(s) })).toEqual({
      username: 'octo',
      password: 'ghp_helper',
    });
    expect(helperCalls()).toEqual(['ghcr.io']);
    expect(secrets).toEqual(['ghp_helper', b64('octo:ghp_helper')]);
  });

  test('credsStore is asked for Docker Hub under https://index.docker.io/v1/', async () => {
    const env = configDir('store', { credsStore: 'test', auths: { 'https://index.docker.io/v1/': {} } });
    expect(await resolveCredentials('docker.io', { env })).toEqual({
      username: 'hubuser',
      password: 'hub-pat',
    });
    expect(helperCalls()).toEqual(['https://index.docker.io/v1/']);
  });

  test('the user name <token> marks an identity token', async () => {
    const env = configDir('token-helper', { credsStore: 'test' });
    expect(await resolveCredentials('tokens.example.com', { env })).toEqual({ identityToken: 'refresh-123' });
    expect(helperCalls()).toEqual(['tokens.example.com']);
  });

  test('"credentials not found" falls back to the auths entry, else anonymous', async () => {
    const env = configDir('fallback', {
      credsStore: 'test',
      auths: { 'localhost:5001': { auth: b64('lab:lab-password') } },
    });
    expect(await resolveCredentials('localhost:5001', { env })).toEqual({
      username: 'lab',
      password: 'lab-password',
    });
    expect(await resolveCredentials('quay.io', { env })).toBeUndefined();
    expect(helperCalls()).toEqual(['localhost:5001', 'quay.io']);
  });

  test('credHelpers for the host take precedence over credsStore', async () => {
    const env = configDir('precedence', { credsStore: 'missing', credHelpers: { 'ghcr.io': 'test' } });
    expect(await resolveCredentials('ghcr.io', { env })).toEqual({
      username: 'octo',
      password: 'ghp_helper',
    });
    helperCalls();
  });

  // A helper that fails may print what it holds (a `Secret`, a token in a debug line): never quoted.
  test.each([
    ['leaky.example.com', 'failed (exit code 3) (its output is not shown)'],
    ['broken.example.com', 'failed (exit code 1) (its output is not shown)'],
    ['garbled.example.com', 'answered with something that is not JSON (not shown)'],
    ['killed.example.com', 'was killed (SIGKILL) (its output is not shown)'],
    ['silent.example.com', 'failed (exit code 4)'],
  ])('a helper that fails for %s: how it failed, never what it printed', async (server, how) => {
    const env = configDir('broken', { credsStore: 'test' });
    const error = await resolveCredentials(server, { env }).catch((e: Error) => e);
    expect((error as Error).message).toBe(`credential helper docker-credential-test ${how}`);
    for (const printed of ['ghp_leakedSecret', 'keychain locked', 'Secret', 'ghp_garbled'])
      expect((error as Error).message).not.toContain(printed);
    expect(helperCalls()).toEqual([server]);
  });

  test('a helper that is not installed is an error that says so', async () => {
    const env = configDir('missing', { credsStore: 'nosuchhelper' });
    await expect(resolveCredentials('ghcr.io', { env })).rejects.toThrow(
      'credential helper docker-credential-nosuchhelper is not installed (not on PATH)',
    );
  });

  test('a helper name cannot be a path (the error names the file, not the value)', async () => {
    const env = configDir('path-helper', { credsStore: '../../bin/sh' });
    const error = await resolveCredentials('ghcr.io', { env }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `${join(root, 'path-helper', 'config.json')}: a credential helper (credsStore or credHelpers) is not a plain name`,
    );
  });
});

describe('config keys', () => {
  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['http://localhost:5000/v2/', 'localhost:5000'],
    ['GHCR.IO', 'ghcr.io'],
  ])('%s names %s', (key, registry) => {
    expect(configKeyRegistry(key)).toBe(registry);
  });

  test('helpers are asked for Docker Hub by its historical key', () => {
    expect(helperServerUrl('docker.io')).toBe('https://index.docker.io/v1/');
    expect(helperServerUrl('ghcr.io')).toBe('ghcr.io');
  });
});
