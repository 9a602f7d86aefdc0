import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from '../../src/registry/client.js';

// A registry that lists tags two pages at a time, as distribution does past `n`.
const pages: Record<string, { tags: string[]; next?: string }> = {
  '': { tags: ['1.0.0', '1.1.0'], next: '/v2/acme/app/tags/list?n=2&last=1.1.0' },
  '1.1.0': { tags: ['1.2.0', 'latest'], next: '/v2/acme/app/tags/list?n=2&last=latest' },
  latest: { tags: ['main'] },
};
const seen: string[] = [];
let server: Server;
let host: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname + url.search);
    if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
    if (url.pathname === '/v2/acme/missing/tags/list') {
      return res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
    }
    const page = pages[url.searchParams.get('last') ?? ''];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page.next) headers.link = `<${page.next}>; rel="next"`;
    res.writeHead(200, headers).end(JSON.stringify({ name: 'acme/app', tags: page.tags }));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

test('tags: every page, following the Link headers', async () => {
  const client = new RegistryClient({ host });
  expect(await client.tags('acme/app')).toEqual(['1.0.0', '1.1.0', '1.2.0', 'latest', 'main']);
  expect(seen.filter((p) => p.includes('tags/list'))).toEqual([
    '/v2/acme/app/tags/list?n=1000',
    '/v2/acme/app/tags/list?n=2&last=1.1.0',
    '/v2/acme/app/tags/list?n=2&last=latest',
  ]);
});

test('tags of a repository that does not exist: a not-found error naming it', async () => {
  const client = new RegistryClient({ host });
  await expect(client.tags('acme/missing')).rejects.toMatchObject({ kind: 'not-found' });
  await expect(client.tags('acme/missing')).rejects.toThrow(`${host}/acme/missing`);
});

test('a page cut short once is fetched again; one that stays cut is an error naming the repository', async () => {
  const { startFaultProxy } = await import('../support/fault-proxy.js');
  const proxy = await startFaultProxy({ upstream: `http://${host}` });
  try {
    const instant = { sleep: async () => {}, random: () => 0 };
    proxy.add({ path: /last=1\.1\.0/, times: 1, fault: { type: 'truncate', afterBytes: 10 } });
    const client = new RegistryClient({ host: proxy.host, ...instant });
    expect(await client.tags('acme/app')).toEqual(['1.0.0', '1.1.0', '1.2.0', 'latest', 'main']);
    proxy.add({ path: /last=1\.1\.0/, fault: { type: 'truncate', afterBytes: 10 } });
    const error = client.tags('acme/app');
    await expect(error).rejects.toMatchObject({ kind: 'malformed' });
    await expect(error).rejects.toThrow(
      new RegExp(
        `^${proxy.host}/acme/app: the tag list is not valid JSON \\(.+, 10 bytes\\) \\(fetched 3 times, wrong each time\\)$`,
      ),
    );
  } finally {
    await proxy.close();
  }
});
