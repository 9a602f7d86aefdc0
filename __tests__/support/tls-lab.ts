/**
 * The lab's HTTPS registries and proxy (scripts/container-lab.sh), and readers of their logs: what
 * the proxy was asked, and which connections a registry served requests on. A test takes a mark
 * before a run and reads what was written after it (runs hold the lab lock, so the lines are theirs).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export const LAB_HOST = 'registry.shipshape.test';
export const TLS_REGISTRY = `${LAB_HOST}:5443`;
export const MTLS_REGISTRY = `${LAB_HOST}:5444`;
/** The plain registry of localhost:5000, under the lab's name: not loopback, so it can be proxied. */
export const PLAIN_REGISTRY = `${LAB_HOST}:5000`;
export const PROXY_PORT = 5128;
export const PROXY_USER = 'lab';
export const PROXY_PASSWORD = 'proxy-password';
export const PROXY_URL = `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${PROXY_PORT}`;

const LAB = '/var/lib/container-lab';
export const LAB_CA = `${LAB}/tls/ca.crt`;
export const DOCKER_CERTS_D = '/etc/docker/certs.d';
export const PROXY_LOG = `${LAB}/proxy/access.log`;
export const REGISTRY_LOGS = {
  [TLS_REGISTRY]: `${LAB}/registry-tls/log`,
  [MTLS_REGISTRY]: `${LAB}/registry-mtls/log`,
  [PLAIN_REGISTRY]: `${LAB}/registry/log`,
};

/** What a file gets from now on: `read()` gives the text appended since the mark. */
export function markLog(file: string): { read(): string } {
  // A server logs a request after answering it: wait until the earlier runs' lines are written,
  // so that they are not read as this run's.
  const start = settledSize(file);
  return {
    read() {
      const end = statSync(file).size;
      if (end <= start) return '';
      const buffer = Buffer.alloc(end - start);
      const fd = openSync(file, 'r');
      try {
        readSync(fd, buffer, 0, buffer.length, start);
      } finally {
        closeSync(fd);
      }
      return buffer.toString('utf8');
    },
  };
}

/** The file's size once it has not grown for 300 ms (at most 5 s). */
function settledSize(file: string): number {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let size = statSync(file).size;
  for (let waited = 0; waited < 5000; waited += 300) {
    Atomics.wait(pause, 0, 0, 300);
    const now = statSync(file).size;
    if (now === size) break;
    size = now;
  }
  return size;
}

/** tinyproxy's `Request` lines: `CONNECT host:port` for a tunnel, `GET http://...` for a plain request. */
export function proxyRequests(log: string): { method: string; target: string }[] {
  return [...log.matchAll(/\]: Request \(file descriptor \d+\): (\S+) (\S+) HTTP\/1\.[01]$/gm)].map((m) => ({
    method: m[1]!,
    target: m[2]!,
  }));
}

/**
 * Distribution's `response completed` lines: each request served, with the client's port. Each
 * distinct port is one connection, so one TLS handshake on a TLS registry.
 */
export function registryRequests(
  log: string,
): { method: string; uri: string; clientPort: number; userAgent: string }[] {
  return log
    .split('\n')
    .filter((line) => line.includes('msg="response completed'))
    .map((line) => ({
      method: field(line, 'http.request.method'),
      uri: field(line, 'http.request.uri'),
      clientPort: Number(/:(\d+)$/.exec(field(line, 'http.request.remoteaddr'))?.[1] ?? NaN),
      userAgent: field(line, 'http.request.useragent'),
    }));
}

// logrus quotes a value only when it has to (a colon, a space): `uri=/v2/` but `uri="/v2/a:b"`.
function field(line: string, name: string): string {
  const match = new RegExp(`(?:^| )${name.replace(/\./g, '\\.')}=("((?:[^"\\\\]|\\\\.)*)"|\\S+)`).exec(line);
  if (!match) return '';
  return match[2] ?? match[1]!;
}

/** How many connections the requests came on. */
export function connectionsOf(requests: { clientPort: number }[]): number {
  return new Set(requests.map((r) => r.clientPort)).size;
}
