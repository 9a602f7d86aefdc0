/**
 * A tinyproxy of a test's own, on a free port: the lab's binary (Debian's tinyproxy) with the lab
 * proxy's settings (basic auth, a `Request` line per tunnel and per plain request in its log), for
 * tunnels the lab's proxy refuses. The lab's proxy CONNECTs only to the registries' fixed ports; a
 * server of a test's (the GitHub stand-in over HTTPS) listens where the kernel puts it.
 *
 *   const proxy = await startTinyproxy({ connectPorts: [github.port] });
 *   ... HTTPS_PROXY: proxy.url ...
 *   proxyRequests(readFileSync(proxy.log, 'utf8'))   // tls-lab.ts reads the lab's the same way
 *   await proxy.close();
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tinyproxy {
  /** `http://user:password@127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Its access log (LogLevel Connect, as the lab's). */
  log: string;
  close(): Promise<void>;
}

export interface TinyproxyOptions {
  /** The only ports it tunnels to (CONNECT), as the lab's proxy has its list. */
  connectPorts: number[];
  user?: string;
  password?: string;
}

export async function startTinyproxy(options: TinyproxyOptions): Promise<Tinyproxy> {
  const { user = 'lab', password = 'proxy-password' } = options;
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-tinyproxy-'));
  const port = await freePort();
  const log = join(dir, 'access.log');
  const config = join(dir, 'tinyproxy.conf');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Allow 127.0.0.1',
      'Timeout 120',
      `LogFile "${log}"`,
      'LogLevel Connect',
      `BasicAuth ${user} ${password}`,
      'DisableViaHeader Yes',
      ...options.connectPorts.map((p) => `ConnectPort ${p}`),
      '',
    ].join('\n'),
  );
  // -d: in the foreground, so that this child is the proxy and close() ends it.
  const child = spawn('tinyproxy', ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let tries = 0; !(await accepts(port)); tries++) {
    if (tries === 40 || child.exitCode !== null) {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`tinyproxy did not come up on 127.0.0.1:${port}: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://${user}:${password}@127.0.0.1:${port}`,
    port,
    log,
    async close() {
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The log's text so far ('' before its first line). */
export function readTinyproxyLog(proxy: Tinyproxy): string {
  try {
    return readFileSync(proxy.log, 'utf8');
  } catch {
    return '';
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
