/**
 * Credentials for a registry: explicit ones (the action's username/password inputs) win;
 * otherwise Docker's own: `config.json` in `$DOCKER_CONFIG` or `~/.docker`, its `credHelpers`
 * or `credsStore` (`docker-credential-<name> get`, the host on stdin, JSON out), then its
 * `auths` entries (`auth` = base64 `user:password`, or an OAuth2 `identitytoken`).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_HUB_CONFIG_KEY, isDockerHub, normalizeRegistry } from './reference.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (`identitytoken`): exchanged at the token endpoint with a POST. */
  identityToken?: string;
}

export interface CredentialSources {
  /** The action's inputs: used when either is non-empty. */
  username?: string;
  password?: string;
  /** The environment to read DOCKER_CONFIG and HOME from, and to run credential helpers with (PATH). */
  env: Record<string, string | undefined>;
  /** Called with every secret found, so that the caller can mask it in logs. */
  onSecret?: (value: string) => void;
}

export interface DockerConfig {
  auths?: Record<string, DockerAuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** Credentials for `registry` (as in a reference: `docker.io`, `ghcr.io`, `localhost:5000`), or undefined for anonymous. */
export async function resolveCredentials(
  registry: string,
  sources: CredentialSources,
): Promise<Credentials | undefined> {
  const found = await findCredentials(registry, sources);
  if (found) {
    for (const secret of [found.password, found.identityToken]) if (secret) sources.onSecret?.(secret);
  }
  return found;
}

async function findCredentials(
  registry: string,
  sources: CredentialSources,
): Promise<Credentials | undefined> {
  if (sources.username || sources.password) {
    return { username: sources.username ?? '', password: sources.password ?? '' };
  }
  const config = await readDockerConfig(dockerConfigPath(sources.env));
  if (!config) return undefined;
  const helper = findByRegistry(config.credHelpers, registry) ?? config.credsStore;
  if (helper) {
    const fromHelper = await credentialsFromHelper(helper, helperServerUrl(registry), sources.env);
    if (fromHelper) return fromHelper;
  }
  const entry = findByRegistry(config.auths, registry);
  return entry ? credentialsFromEntry(entry) : undefined;
}

/** `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`. */
export function dockerConfigPath(env: Record<string, string | undefined>): string {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  return join(dir, 'config.json');
}

/** The parsed config, or undefined when there is no file. A file that is not JSON is an error. */
export async function readDockerConfig(path: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as DockerConfig;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The registry a config key names: `https://index.docker.io/v1/`, `index.docker.io` and
 * `docker.io` are all Docker Hub; `https://ghcr.io/v2/` is `ghcr.io` (scheme and path dropped,
 * as docker's ConvertToHostname does).
 */
export function configKeyRegistry(key: string): string {
  const host = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0];
  return normalizeRegistry(host);
}

/** What a credential helper is asked for: Docker Hub under its historical key, others by host. */
export function helperServerUrl(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_CONFIG_KEY : registry;
}

function findByRegistry<T>(entries: Record<string, T> | undefined, registry: string): T | undefined {
  if (!entries) return undefined;
  const wanted = normalizeRegistry(registry);
  // An exact key first, then any key that names the same registry in another form.
  if (Object.hasOwn(entries, registry)) return entries[registry];
  const key = Object.keys(entries).find((k) => configKeyRegistry(k) === wanted);
  return key === undefined ? undefined : entries[key];
}

function credentialsFromEntry(entry: DockerAuthEntry): Credentials | undefined {
  let { username, password } = entry;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new Error('docker config: an "auth" value is not base64 of user:password');
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (entry.identitytoken) return { ...(username && { username }), identityToken: entry.identitytoken };
  if (username === undefined && password === undefined) return undefined; // `{}`: a credsStore marker
  return { username: username ?? '', password: password ?? '' };
}

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const HELPER_TIMEOUT_MS = 30_000;

/**
 * `docker-credential-<helper> get` with the server URL on stdin. Undefined when the helper has
 * nothing for it ("credentials not found"); an error when the helper is missing or fails otherwise.
 */
export async function credentialsFromHelper(
  helper: string,
  serverUrl: string,
  env: Record<string, string | undefined>,
): Promise<Credentials | undefined> {
  if (!HELPER_NAME.test(helper)) throw new Error(`docker config: invalid credential helper name "${helper}"`);
  const program = `docker-credential-${helper}`;
  const { stdout, stderr, error } = await runHelper(program, serverUrl, env);
  if (error) {
    const said = `${stdout} ${stderr}`.trim();
    if (/credentials not found/i.test(said)) return undefined;
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is not installed (not on PATH)' : 'failed';
    throw new Error(`credential helper ${program} ${why}${said ? `: ${said}` : ''}`, { cause: error });
  }
  let answer: { Username?: string; Secret?: string };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    throw new Error(`credential helper ${program} printed something that is not JSON`);
  }
  if (!answer.Secret) return undefined;
  // Docker's convention: the user name `<token>` marks an identity token.
  if (answer.Username === '<token>') return { identityToken: answer.Secret };
  return { username: answer.Username ?? '', password: answer.Secret };
}

function runHelper(
  program: string,
  input: string,
  env: Record<string, string | undefined>,
): Promise<{ stdout: string; stderr: string; error: Error | null }> {
  return new Promise((resolve) => {
    const child = execFile(
      program,
      ['get'],
      { env: definedOnly(env), timeout: HELPER_TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => resolve({ stdout: String(stdout), stderr: String(stderr), error }),
    );
    child.stdin?.on('error', () => {}); // a helper that exits without reading stdin: its exit code tells
    child.stdin?.end(input);
  });
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
