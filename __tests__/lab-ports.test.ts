/**
 * The lab's registries and proxy need fixed ports (5000-5002, 5443, 5444, 5128); when something
 * else holds one, `container-lab.sh up` stops before it starts anything, with what port_holder
 * says of it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';

const holder = (port: number) =>
  execFileSync('bash', ['scripts/container-lab.sh', 'port-holder', String(port)], { encoding: 'utf8' });

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a port something listens on: the port, the process name, its pid and its command line', () => {
  const line = holder(port);
  // This test process holds it: the line names it by its pid and starts its command line.
  expect(line).toMatch(new RegExp(`^port ${port} is taken by \\S+ \\(pid ${process.pid}\\): \\S+`));
});

test('a free port: nothing', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const free = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  expect(holder(free)).toBe('');
});
