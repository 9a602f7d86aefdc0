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
  test('win over the config, and are reported as secrets', async () => {
    const env = configDir('explicit', { auths: { 'ghcr.io': { auth: b64('file:file-pass') } } });
    const secrets: string[] = [];
    const creds = await resolveCredentials('ghcr.io', {
      username: 'me',
      password: 'input-pass',
      env,
      onSecret: (s) => secrets.push(s),
    });
    expect(creds).toEqual({ username: 'me', password: 'input-pass' });
    expect(secrets).toEqual(['input-pass']);
  });
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
    expect(secrets).toEqual(['refresh-xyz']);
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

  test('no config file: anonymous; a config that is not JSON: an error naming the file', async () => {
    expect(
      await resolveCredentials('ghcr.io', { env: { DOCKER_CONFIG: join(root, 'nowhere') } }),
    ).toBeUndefined();
    const env = configDir('bad-json', '{"auths": ');
    await expect(resolveCredentials('ghcr.io', { env })).rejects.toThrow(
      `${join(root, 'bad-json', 'config.json')} is not valid JSON`,
    );
  });

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
    expect(secrets).toEqual(['ghp_helper']);
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

  test('a helper that fails otherwise is an error that says what it printed', async () => {
    const env = configDir('broken', { credsStore: 'test' });
    await expect(resolveCredentials('broken.example.com', { env })).rejects.toThrow(
      'credential helper docker-credential-test failed: keychain locked',
    );
    expect(helperCalls()).toEqual(['broken.example.com']);
  });

  test('a helper that is not installed is an error that says so', async () => {
    const env = configDir('missing', { credsStore: 'nosuchhelper' });
    await expect(resolveCredentials('ghcr.io', { env })).rejects.toThrow(
      'credential helper docker-credential-nosuchhelper is not installed (not on PATH)',
    );
  });

  test('a helper name cannot be a path', async () => {
    const env = configDir('path-helper', { credsStore: '../../bin/sh' });
    await expect(resolveCredentials('ghcr.io', { env })).rejects.toThrow('invalid credential helper name');
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
