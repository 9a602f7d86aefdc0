/**
 * A small forward proxy for unit tests, on a free port: CONNECT tunnels and plain requests in
 * absolute form, optionally behind basic auth, recording what it was asked (the lab's tinyproxy
 * does the same for the end-to-end tests).
 *
 *   const proxy = await startForwardProxy({ credentials: 'u:p' });
 *   // HTTPS_PROXY: `http://u:p@${proxy.host}`
 *   expect(proxy.log).toEqual([{ method: 'CONNECT', target: '127.0.0.1:443', status: 200, ... }]);
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyLogEntry {
  method: string;
  /** `host:port` for CONNECT, the absolute URL for a plain request. */
  target: string;
  status: number;
  proxyAuthorization?: string;
}

export interface ForwardProxy {
  /** `127.0.0.1:<port>` */
  host: string;
  port: number;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** `user:password` the proxy wants as basic auth; none when left out. */
  credentials?: string;
  /** Names the proxy resolves itself (`registry.test` -> `127.0.0.1`), as a resolver would. */
  hosts?: Record<string, string>;
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const resolve = (host: string) => options.hosts?.[host] ?? host;
  const log: ProxyLogEntry[] = [];
  const expected = options.credentials && `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const sockets = new Set<Socket>();
  const allowed = (request: IncomingMessage) =>
    !expected || request.headers['proxy-authorization'] === expected;
  const record = (request: IncomingMessage, status: number) =>
    log.push({
      method: request.method ?? '',
      target: request.url ?? '',
      status,
      ...(request.headers['proxy-authorization'] && {
        proxyAuthorization: request.headers['proxy-authorization'],
      }),
    });

  const server = createServer((request, response) => {
    if (!allowed(request)) {
      record(request, 407);
      response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      record(request, 400);
      response.writeHead(400).end('not an absolute URL');
      return;
    }
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      {
        hostname: resolve(target.hostname),
        port: Number(target.port || 80),
        path: target.pathname + target.search,
        method: request.method,
        headers,
        agent: false,
      },
      (answer) => {
        record(request, answer.statusCode ?? 0);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      record(request, 502);
      response.writeHead(502).end();
    });
    request.pipe(upstream);
  });

  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!allowed(request)) {
      record(request, 407);
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
      );
      return;
    }
    const [host, port] = splitAuthority(request.url ?? '');
    const upstream = connect(Number(port), resolve(host), () => {
      record(request, 200);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      record(request, 502);
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function splitAuthority(authority: string): [string, string] {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(authority);
  return match ? [match[1]!, match[2]!] : [authority, '443'];
}
