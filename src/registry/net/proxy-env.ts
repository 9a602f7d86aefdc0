/**
 * Which proxy a request goes through, from the variables the runner sets, by the rules of
 * @actions/http-client (what every other action on the runner follows): `https_proxy` or
 * `HTTPS_PROXY` for https URLs, `http_proxy` or `HTTP_PROXY` for http ones, the lower-case name
 * first; none for the loopback; none for a host `no_proxy` / `NO_PROXY` lists: `*`, a host or
 * `host:port`, which also matches its subdomains, or `.domain`, which matches only subdomains.
 */

export interface ProxySetting {
  /** The proxy without credentials: `http://proxy.corp:3128`. */
  url: URL;
  /** The variable it came from, named in errors. */
  variable: string;
  /** `Basic ...` when the proxy URL carries credentials. */
  authorization?: string;
  /** The password (as written and decoded) and the header value, for the caller to mask. */
  secrets: string[];
}

export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** The proxy for `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: Env): ProxySetting | undefined {
  if (bypassesProxy(target, env)) return undefined;
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const variable = names.find((name) => env[name]);
  if (!variable) return undefined;
  return parseProxy(env[variable]!, variable);
}

/** Whether `target` is reached directly: the loopback always, and what NO_PROXY lists. */
export function bypassesProxy(target: URL, env: Env): boolean {
  const hostname = target.hostname.toUpperCase();
  if (!hostname) return false;
  if (isLoopbackName(hostname)) return true;
  const noProxy = env.no_proxy || env.NO_PROXY || '';
  if (!noProxy) return false;
  const port =
    target.port || (target.protocol === 'https:' ? '443' : target.protocol === 'http:' ? '80' : '');
  const candidates = port ? [hostname, `${hostname}:${port}`] : [hostname];
  return noProxy
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item)
    .some(
      (item) =>
        item === '*' ||
        candidates.some(
          (candidate) =>
            candidate === item ||
            candidate.endsWith(`.${item}`) ||
            (item.startsWith('.') && candidate.endsWith(item)),
        ),
    );
}

// As @actions/http-client: by name, without resolving anything.
function isLoopbackName(upper: string): boolean {
  return (
    upper === 'LOCALHOST' ||
    upper.startsWith('127.') ||
    upper.startsWith('[::1]') ||
    upper.startsWith('[0:0:0:0:0:0:0:1]')
  );
}

/**
 * A proxy variable's value: a URL, or `host:port` taken as `http://host:port`. Only http and https
 * proxies are spoken to; anything else is an error that names the variable, never its credentials.
 */
export function parseProxy(value: string, variable: string): ProxySetting {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new ProxyConfigError(`${variable} is not a proxy URL: "${withoutCredentials(text)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyConfigError(
      `${variable} names a ${url.protocol.slice(0, -1)} proxy ("${withoutCredentials(text)}"): only http:// and https:// proxies are supported`,
    );
  }
  const username = decode(url.username);
  const rawPassword = url.password;
  const password = decode(rawPassword);
  url.username = '';
  url.password = '';
  if (!username && !password) return { url, variable, secrets: [] };
  const token = Buffer.from(`${username}:${password}`).toString('base64');
  const authorization = `Basic ${token}`;
  const secrets = [...new Set([password, rawPassword, token, authorization])].filter((secret) => secret);
  return { url, variable, authorization, secrets };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function withoutCredentials(text: string): string {
  return text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i,
    (_match, scheme: string | undefined) => `${scheme ?? ''}***@`,
  );
}

/** `http://proxy.corp:3128`, as errors name it (never with credentials). */
export function describeProxy(proxy: ProxySetting): string {
  return `${proxy.url.protocol}//${proxy.url.host} (${proxy.variable})`;
}
