/**
 * Credentials for a registry, one rule for every caller: each credential belongs to one registry
 * host. Explicit ones (the report action's username/password) belong to the registry of the
 * input they came with; Docker's own (`config.json` in `$DOCKER_CONFIG` or `~/.docker`: its
 * `credHelpers` or `credsStore`, asked with the host, then its `auths` entries: `auth` = base64
 * `user:password`, or an OAuth2 `identitytoken`) to the server their key names. Any other host
 * gets its own, or none. Every secret found is reported for masking before it is used, and no
 * error quotes the config file or a helper's output.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseJsonText } from '../util/json.js';
import { DOCKER_HUB_CONFIG_KEY, isDockerHub, normalizeRegistry } from './reference.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (`identitytoken`): exchanged at the token endpoint with a POST. */
  identityToken?: string;
}

/** Credentials an action was given, and the registry they were given for. */
export interface ExplicitCredentials {
  /** The registry of the input they came with: `ghcr.io`, `localhost:5001`, `docker.io`. */
  registry: string;
  username?: string;
  password?: string;
}

export interface CredentialSources {
  /** Used for their own registry only, when either value is non-empty. */
  explicit?: ExplicitCredentials;
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
  if (found) for (const secret of secretsOf(found)) sources.onSecret?.(secret);
  return found;
}

/** What must never be shown of credentials: the password, the identity token, the Basic pair. */
export function secretsOf(credentials: Credentials): string[] {
  const { username = '', password, identityToken } = credentials;
  const basic = password ? [Buffer.from(`${username}:${password}`).toString('base64')] : [];
  return [password, identityToken, ...basic].filter((s): s is string => !!s);
}

/** Whether explicit credentials given for `given` apply to `registry` (Docker Hub under any of its names). */
export function sameRegistry(given: string, registry: string): boolean {
  return normalizeRegistry(given) === normalizeRegistry(registry);
}

async function findCredentials(
  registry: string,
  sources: CredentialSources,
): Promise<Credentials | undefined> {
  const { explicit } = sources;
  if (explicit && (explicit.username || explicit.password) && sameRegistry(explicit.registry, registry)) {
    return { username: explicit.username ?? '', password: explicit.password ?? '' };
  }
  const path = dockerConfigPath(sources.env);
  const config = await readDockerConfig(path);
  if (!config) return undefined;
  const helper = findByRegistry(config.credHelpers, registry) ?? config.credsStore;
  if (helper) {
    if (typeof helper !== 'string' || !HELPER_NAME.test(helper)) {
      throw new Error(`${path}: a credential helper (credsStore or credHelpers) is not a plain name`);
    }
    const fromHelper = await credentialsFromHelper(helper, helperServerUrl(registry), sources.env);
    if (fromHelper) return fromHelper;
  }
  const entry = findByRegistry(config.auths, registry);
  if (typeof entry?.auth === 'string') sources.onSecret?.(entry.auth); // as stored, before anything can fail on it
  return entry ? credentialsFromEntry(entry, path) : undefined;
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
  const config = parseJsonText(text, path);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(`${path} is not a docker config: expected a JSON object`);
  }
  return config as DockerConfig;
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

function credentialsFromEntry(entry: DockerAuthEntry, path: string): Credentials | undefined {
  const fields = ['auth', 'username', 'password', 'identitytoken'] as const;
  if (
    typeof entry !== 'object' ||
    entry === null ||
    fields.some((f) => !['string', 'undefined'].includes(typeof entry[f]))
  ) {
    throw new Error(`${path}: an "auths" entry is not an object of strings`);
  }
  let { username, password } = entry;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new Error(`${path}: an "auth" value is not base64 of user:password`);
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
 * Its output is read, never quoted: a helper that fails may have printed the secret it holds.
 */
export async function credentialsFromHelper(
  helper: string,
  serverUrl: string,
  env: Record<string, string | undefined>,
): Promise<Credentials | undefined> {
  if (!HELPER_NAME.test(helper)) throw new Error('docker config: a credential helper is not a plain name');
  const program = `docker-credential-${helper}`;
  const { stdout, stderr, error } = await runHelper(program, serverUrl, env);
  if (error) {
    if (/credentials not found/i.test(`${stdout} ${stderr}`)) return undefined;
    const said = `${stdout}${stderr}`.trim() ? ' (its output is not shown)' : '';
    throw new Error(`credential helper ${program} ${helperFailure(error)}${said}`);
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    throw new Error(`credential helper ${program} answered with something that is not JSON (not shown)`);
  }
  if (typeof answer !== 'object' || answer === null || typeof answer.Secret !== 'string' || !answer.Secret) {
    return undefined;
  }
  if (answer.Username !== undefined && typeof answer.Username !== 'string') return undefined;
  // Docker's convention: the user name `<token>` marks an identity token.
  if (answer.Username === '<token>') return { identityToken: answer.Secret };
  return { username: answer.Username ?? '', password: answer.Secret };
}

/** How a helper failed, from its exit alone: `is not installed`, `failed (exit code 1)`, `was killed (SIGKILL)`. */
function helperFailure(error: Error): string {
  const { code, signal, killed } = error as NodeJS.ErrnoException & { signal?: string; killed?: boolean };
  if (code === 'ENOENT') return 'is not installed (not on PATH)';
  if (killed && signal === 'SIGTERM') return `did not answer within ${HELPER_TIMEOUT_MS / 1000} s`;
  if (signal) return `was killed (${signal})`;
  if (typeof code === 'number') return `failed (exit code ${code})`;
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'printed more than 1 MiB';
  return 'failed';
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
