/**
 * The registry client against the lab's real registries (CNCF Distribution 2.8): anonymous on
 * localhost:5000, Basic on 127.0.0.1:5001, the Bearer token flow on a registry of this file's own
 * with the tests' token server as its realm (support/token-registry.ts), and faults injected by a
 * proxy in front of localhost:5000.
 * The image is built and pushed here with buildx; nothing is mocked. A last check runs the client
 * in a process of its own, as the action does, to see that its default transport lets it exit.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { freshRepo, getManifest, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER } from '../support/registry.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry.js';
import { actionNode } from '../../scripts/action-node.mjs';
import { RegistryClient } from '../../src/registry/client.js';
import { connect } from '../../src/registry/connect.js';
import { RegistryError } from '../../src/registry/errors.js';
import { isIndex } from '../../src/oci/media-types.js';
import { registrySource } from '../../src/registry/source.js';
import type { ImageSource } from '../../src/oci/source.js';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string };
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let work: string;
let dockerConfig: string;
let tokenRegistry: TokenRegistry;
/** `e2e/registry-client-<unique>`: the same repository in all three registries. */
let repository: string;
/** The file in the image's layer: random, so the layer does not compress and is a few MB. */
const payload = randomBytes(3 * 1024 * 1024);

/** Runs docker without blocking the event loop: the token server in this process must answer it. */
function docker(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'docker',
      args,
      { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`docker ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end(input ?? '');
  });
}

/** The amd64 image manifest and its layer descriptors, read through `source`. */
async function walk(source: ImageSource, tag: string) {
  const top = await source.manifest(tag);
  let manifestDigest = top.digest;
  let body = JSON.parse(top.body.toString('utf8')) as {
    manifests?: Descriptor[];
    layers?: Descriptor[];
    config?: Descriptor;
  };
  if (isIndex(top.mediaType)) {
    const amd64 = body.manifests!.find((m) => m.platform?.architecture === 'amd64')!;
    const platform = await source.manifest(amd64.digest);
    manifestDigest = platform.digest;
    body = JSON.parse(platform.body.toString('utf8')) as typeof body;
  }
  return { top, manifestDigest, config: body.config!, layers: body.layers! };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError, the promise resolved');
}

beforeAll(async () => {
  await docker(['info']); // the lab must be up: npm test brings it up
  work = mkdtempSync(join(tmpdir(), 'shipshape-registry-lab-'));
  dockerConfig = join(work, 'docker-config');
  // The token server issues refresh tokens, so docker login stores an identity token for its registry.
  tokenRegistry = await startTokenRegistry({ refreshTokens: true });
  await docker(['login', LAB_AUTH, '-u', LAB_AUTH_USER, '--password-stdin'], LAB_AUTH_PASSWORD);
  await docker(['login', tokenRegistry.host, '-u', LAB_AUTH_USER, '--password-stdin'], LAB_AUTH_PASSWORD);

  repository = freshRepo('localhost:5000', 'registry-client').replace('localhost:5000/', '');
  const context = join(work, 'context');
  mkdirSync(context);
  writeFileSync(join(context, 'payload.bin'), payload);
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY payload.bin /payload.bin\n');
  await docker([
    'buildx',
    'build',
    '--network',
    'none',
    '--platform',
    'linux/amd64',
    '--push',
    '-t',
    `localhost:5000/${repository}:1`,
    '-t',
    `${LAB_AUTH}/${repository}:1`,
    '-t',
    `${tokenRegistry.host}/${repository}:1`,
    context,
  ]);
}, 180_000);

afterAll(async () => {
  await tokenRegistry?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('anonymous, localhost:5000', () => {
  test('manifests, config and a layer stream, each matching its digest', async () => {
    const { client, source, manifestReference } = await connect(`localhost:5000/${repository}:1`, {
      env: {},
    });
    expect(manifestReference).toBe('1');
    const image = await walk(source, '1');
    // The same digest as a plain GET of the distribution API gives.
    expect(image.top.digest).toBe((await getManifest(`localhost:5000/${repository}:1`))?.digest);
    expect(await client.headManifest(repository, '1')).toEqual({
      digest: image.top.digest,
      mediaType: image.top.mediaType,
      size: image.top.body.length,
    });
    const config = await source.blob(image.config.digest);
    expect(sha256(config)).toBe(image.config.digest);
    expect((JSON.parse(config.toString('utf8')) as { architecture: string }).architecture).toBe('amd64');

    expect(image.layers).toHaveLength(1);
    const layer = await readAll(await source.blobStream(image.layers[0].digest));
    expect(layer.length).toBe(image.layers[0].size);
    expect(sha256(layer)).toBe(image.layers[0].digest);
    // The layer holds the payload: random bytes barely compress.
    expect(layer.length).toBeGreaterThan(payload.length);
  });

  test('a tag that does not exist: notFound, named', async () => {
    const { source } = await connect(`localhost:5000/${repository}:nope`, { env: {} });
    const error = await rejection(source.manifest('nope'));
    expect(error.notFound).toBe(true);
    expect(error.message).toBe(`localhost:5000/${repository}:nope not found`);
  });
});

describe('Basic auth, 127.0.0.1:5001', () => {
  test('credentials from the DOCKER_CONFIG that docker login wrote', async () => {
    const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
      auths: Record<string, { auth?: string }>;
    };
    expect(config.auths[LAB_AUTH].auth).toBe(
      Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64'),
    );
    const secrets: string[] = [];
    const { source } = await connect(`${LAB_AUTH}/${repository}:1`, {
      env: { DOCKER_CONFIG: dockerConfig },
      onSecret: (s) => secrets.push(s),
    });
    const image = await walk(source, '1');
    const anonymousCopy = await walk(
      (await connect(`localhost:5000/${repository}:1`, { env: {} })).source,
      '1',
    );
    expect(image.manifestDigest).toBe(anonymousCopy.manifestDigest);
    expect(secrets).toContain(LAB_AUTH_PASSWORD);
  });

  test('explicit credentials, without any docker config', async () => {
    const { source } = await connect(`${LAB_AUTH}/${repository}:1`, {
      env: { DOCKER_CONFIG: join(work, 'empty') },
      explicitCredentials: { registry: LAB_AUTH, username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD },
    });
    const image = await walk(source, '1');
    expect(sha256(await readAll(await source.blobStream(image.layers[0].digest)))).toBe(
      image.layers[0].digest,
    );
  });

  test('no credentials, and wrong ones: 401 naming the repository', async () => {
    const none = await connect(`${LAB_AUTH}/${repository}:1`, {
      env: { DOCKER_CONFIG: join(work, 'empty') },
    });
    expect((await rejection(none.source.manifest('1'))).message).toBe(
      `authentication required for ${LAB_AUTH}/${repository}: no credentials`,
    );
    const wrong = await connect(`${LAB_AUTH}/${repository}:1`, {
      env: {},
      explicitCredentials: { registry: LAB_AUTH, username: LAB_AUTH_USER, password: 'not-the-password' },
    });
    const error = await rejection(wrong.source.manifest('1'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toBe(
      `authentication required for ${LAB_AUTH}/${repository}: credentials were rejected`,
    );
  });
});

describe('Bearer tokens, a registry with the token server as its realm', () => {
  test('the push went through the token server: docker login, then a pull,push scope', () => {
    expect(tokenRegistry.requests).toContainEqual(
      expect.objectContaining({ grant: 'basic', account: 'lab', scopes: [], status: 200 }),
    );
    expect(tokenRegistry.requests).toContainEqual(
      expect.objectContaining({
        account: 'lab',
        scopes: [`repository:${repository}:pull,push`],
        status: 200,
      }),
    );
  });

  test('explicit credentials: one token for repository:<name>:pull, reused by the second manifest request', async () => {
    tokenRegistry.requests.length = 0;
    const { source } = await connect(`${tokenRegistry.host}/${repository}:1`, {
      env: {},
      explicitCredentials: {
        registry: tokenRegistry.host,
        username: LAB_AUTH_USER,
        password: LAB_AUTH_PASSWORD,
      },
    });
    const top = await source.manifest('1');
    const again = await source.manifest(top.digest);
    expect(again.digest).toBe(top.digest);
    const image = await walk(source, '1');
    expect(sha256(await readAll(await source.blobStream(image.layers[0].digest)))).toBe(
      image.layers[0].digest,
    );
    expect(tokenRegistry.requests).toHaveLength(1);
    expect(tokenRegistry.requests[0]).toMatchObject({
      method: 'GET',
      grant: 'basic',
      account: 'lab',
      service: 'shipshape-lab',
      scopes: [`repository:${repository}:pull`],
      granted: [{ type: 'repository', name: repository, actions: ['pull'] }],
      status: 200,
    });
  });

  test('the identity token docker login stored: the OAuth2 refresh-token grant', async () => {
    const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
      auths: Record<string, { identitytoken?: string }>;
    };
    expect(config.auths[tokenRegistry.host].identitytoken).toMatch(/^[0-9a-f]{48}$/);
    tokenRegistry.requests.length = 0;
    const { source } = await connect(`${tokenRegistry.host}/${repository}:1`, {
      env: { DOCKER_CONFIG: dockerConfig },
    });
    await walk(source, '1');
    expect(tokenRegistry.requests).toHaveLength(1);
    expect(tokenRegistry.requests[0]).toMatchObject({
      method: 'POST',
      grant: 'refresh_token',
      account: 'lab',
      clientId: 'shipshape',
      scopes: [`repository:${repository}:pull`],
    });
  });

  test('anonymous: a pull-only token, enough to read', async () => {
    tokenRegistry.requests.length = 0;
    const { source } = await connect(`${tokenRegistry.host}/${repository}:1`, { env: {} });
    await walk(source, '1');
    expect(tokenRegistry.requests).toHaveLength(1);
    expect(tokenRegistry.requests[0]).toMatchObject({
      grant: 'anonymous',
      scopes: [`repository:${repository}:pull`],
    });
    expect(tokenRegistry.requests[0].account).toBeUndefined();
  });

  test('credentials the token server refuses: 401 naming the repository', async () => {
    const { source } = await connect(`${tokenRegistry.host}/${repository}:1`, {
      env: {},
      explicitCredentials: { registry: tokenRegistry.host, username: LAB_AUTH_USER, password: 'wrong' },
    });
    expect((await rejection(source.manifest('1'))).message).toBe(
      `authentication required for ${tokenRegistry.host}/${repository}: credentials were rejected`,
    );
  });
});

describe('faults from a proxy in front of localhost:5000', () => {
  let proxy: FaultProxy;
  let layerDigest: string;
  let source: ImageSource;
  let name: string;
  beforeAll(async () => {
    proxy = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
    name = `${proxy.host}/${repository}:1`;
    source = registrySource(new RegistryClient({ host: proxy.host }), repository, name);
    layerDigest = (await walk(source, '1')).layers[0].digest;
  });
  afterAll(async () => {
    await proxy?.close();
  });

  function fresh(): ImageSource {
    proxy.clear();
    proxy.log.length = 0;
    return registrySource(new RegistryClient({ host: proxy.host }), repository, name);
  }

  test('429 with Retry-After: waits at least that long, then reads the manifest', async () => {
    const s = fresh();
    proxy.add({
      method: 'GET',
      path: /\/manifests\/1$/,
      times: 1,
      fault: { type: 'status', status: 429, retryAfter: 1 },
    });
    const started = Date.now();
    const got = await s.manifest('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(got.digest).toBe((await getManifest(`localhost:5000/${repository}:1`))?.digest);
    const manifestRequests = proxy.log.filter((r) => r.path.endsWith('/manifests/1'));
    expect(manifestRequests.map((r) => [r.fault, r.status])).toEqual([
      ['status', 429],
      [undefined, 200],
    ]);
    expect(manifestRequests[1].at - manifestRequests[0].at).toBeGreaterThanOrEqual(1000);
  });

  test('a 503 burst: recovered', async () => {
    const s = fresh();
    proxy.add({ path: /\/manifests\/1$/, times: 3, fault: { type: 'status', status: 503 } });
    const got = await s.manifest('1');
    expect(got.digest).toBe((await getManifest(`localhost:5000/${repository}:1`))?.digest);
    expect(proxy.log.filter((r) => r.path.endsWith('/manifests/1')).map((r) => r.status)).toEqual([
      503, 503, 503, 200,
    ]);
  });

  test('a reset in the middle of a blob: resumed with Range, the digest right', async () => {
    const s = fresh();
    proxy.add({
      path: /\/blobs\/sha256:/,
      times: 1,
      fault: { type: 'reset-mid-body', afterBytes: 1_000_000 },
    });
    const layer = await readAll(await s.blobStream(layerDigest));
    expect(sha256(layer)).toBe(layerDigest);
    const blobRequests = proxy.log.filter((r) => r.path.includes('/blobs/'));
    expect(blobRequests.map((r) => [r.fault, r.headers.range])).toEqual([
      ['reset-mid-body', undefined],
      [undefined, 'bytes=1000000-'],
    ]);
    expect(blobRequests[1].status).toBe(206);
  });

  test('blob bytes that do not match the digest: an error naming the image and the digest', async () => {
    const s = fresh();
    proxy.add({ path: /\/blobs\/sha256:/, fault: { type: 'corrupt' } });
    const error = await rejection(readAll(await s.blobStream(layerDigest)));
    expect(error.kind).toBe('digest-mismatch');
    expect(error.message).toMatch(
      new RegExp(
        `^${name.replace(/\./g, '\\.')}: blob ${layerDigest} does not match its content \\(got sha256:[0-9a-f]{64}, \\d+ bytes\\)$`,
      ),
    );
  });
});

/**
 * `entry` and the modules it imports, relative ones only (node builtins stay imports), as ESM
 * JavaScript under `outDir`, laid out as in the repository: what a process needs to run them.
 */
function transpileGraph(entry: string, outDir: string): string {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
  const pending = [resolve(root, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(resolve(dirname(file), `${specifier}.ts`));
    }
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  return join(outDir, entry.replace(/\.ts$/, '.js'));
}

describe('the default transport (no fetch injected), in a process of its own', () => {
  test('reads a manifest and a layer from localhost:5000 without global fetch, then exits at once', async () => {
    const out = join(work, 'probe');
    const client = transpileGraph('src/registry/client.ts', out);
    writeFileSync(
      join(out, 'probe.mjs'),
      `import { createHash } from 'node:crypto';
      let fetchCalls = 0;
      globalThis.fetch = () => {
        fetchCalls++;
        throw new Error('global fetch is not the transport');
      };
      const { RegistryClient } = await import(${JSON.stringify(client)});
      const [repository, layerDigest] = process.argv.slice(2);
      const client = new RegistryClient({ host: 'localhost:5000' });
      const manifest = await client.manifest(repository, '1');
      const hash = createHash('sha256');
      for await (const chunk of await client.blobStream(repository, layerDigest)) hash.update(chunk);
      process.stdout.write(JSON.stringify({ digest: manifest.digest, layer: 'sha256:' + hash.digest('hex'), fetchCalls }) + '\\n');`,
    );
    const anonymous = (await connect(`localhost:5000/${repository}:1`, { env: {} })).source;
    const image = await walk(anonymous, '1');
    // The runtime the action has (action.yml: node24), not the Node that runs jest.
    const child = spawn(actionNode(), [join(out, 'probe.mjs'), repository, image.layers[0].digest], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let answeredAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      answeredAt = Date.now();
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    const lingered = Date.now() - answeredAt;
    expect(code).toBe(0);
    expect(JSON.parse(output)).toEqual({
      digest: (await getManifest(`localhost:5000/${repository}:1`))?.digest,
      layer: image.layers[0].digest,
      fetchCalls: 0,
    });
    // Keep-alive sockets left open would hold the process until the registry closed them.
    expect(lingered).toBeLessThan(1000);
  }, 30_000);
});
