/**
 * A registry with token auth, for one test file: the token server (token-server.ts) and a CNCF
 * Distribution registry (`docker-registry serve`, the lab's package) whose realm names it, each
 * on a port the kernel picks, signing with a key and certificate made for this run. Nothing is
 * shared with another test file or held on a fixed port, so files that use one run side by side.
 *
 *   const tokenRegistry = await startTokenRegistry({ refreshTokens: true });
 *   ... docker login / push / our client against tokenRegistry.host ...
 *   expect(tokenRegistry.requests.map((r) => r.scopes)).toContainEqual(['repository:e2e/x:pull']);
 *   await tokenRegistry.close();
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LAB_TOKEN_ISSUER,
  LAB_TOKEN_SERVICE,
  startTokenServer,
  type TokenServer,
  type TokenServerOptions,
} from './token-server.js';

export interface TokenRegistry extends TokenServer {
  /** `127.0.0.1:<port>`: the registry, plain HTTP (a loopback address, which Docker allows). */
  host: string;
}

export type TokenRegistryOptions = Omit<TokenServerOptions, 'port' | 'keyPem' | 'certPem'>;

export async function startTokenRegistry(options: TokenRegistryOptions = {}): Promise<TokenRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-token-registry-'));
  const issuer = options.issuer ?? LAB_TOKEN_ISSUER;
  const service = options.service ?? LAB_TOKEN_SERVICE;
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  // openssl as scripts/container-lab.sh makes the lab's: the token server signs RS256 with the key,
  // the registry trusts the certificate (its rootcertbundle).
  const subject = `/CN=${issuer}`;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      subject,
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  const tokens = await startTokenServer({
    ...options,
    port: 0,
    issuer,
    service,
    keyPem: readFileSync(keyPath, 'utf8'),
    certPem: readFileSync(certPath, 'utf8'),
  });
  try {
    const registry = await serveRegistry(dir, {
      version: 0.1,
      log: { level: 'info', formatter: 'text' },
      storage: { filesystem: { rootdirectory: join(dir, 'data') }, delete: { enabled: true } },
      http: { addr: '127.0.0.1:0', secret: randomBytes(16).toString('hex') },
      auth: { token: { realm: tokens.realm, service, issuer, rootcertbundle: certPath } },
    });
    return {
      ...tokens,
      host: registry.host,
      close: async () => {
        await registry.stop();
        await tokens.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await tokens.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function serveRegistry(
  dir: string,
  config: unknown,
): Promise<{ host: string; stop: () => Promise<void> }> {
  const configPath = join(dir, 'config.yml');
  writeFileSync(configPath, JSON.stringify(config)); // JSON is YAML
  const logPath = join(dir, 'registry.log');
  const log = openSync(logPath, 'w');
  const child = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', log, log] });
  closeSync(log);
  let startError: string | undefined;
  child.once('error', (error) => {
    startError = `docker-registry does not start (${error.message}): bash scripts/container-lab.sh up installs it`;
  });
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      startError ??= `docker-registry exited (${code ?? signal}):\n${readFileSync(logPath, 'utf8')}`;
      done();
    }),
  );
  const kill = () => child.kill();
  process.once('exit', kill); // never outlive the test process
  const stop = async () => {
    process.removeListener('exit', kill);
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill();
      await exited;
    }
  };
  // Port 0 in the config: the kernel picked a free port, which the registry logs.
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const listening = /listening on (127\.0\.0\.1:\d+)/.exec(readFileSync(logPath, 'utf8'));
    if (listening) return { host: listening[1], stop };
    if (startError !== undefined) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error(
    startError ?? `docker-registry did not listen within 15 s:\n${readFileSync(logPath, 'utf8')}`,
  );
}
