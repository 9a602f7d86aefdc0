/**
 * An https Agent whose connections go through an HTTP proxy: `CONNECT host:port`, then TLS to the
 * registry inside the tunnel, with the host's own TLS settings (its CAs, client certificate,
 * verification), so the proxy sees only where the connection goes. Keep-alive as any Agent: one
 * tunnel carries request after request. A proxy that cannot be reached or refuses the tunnel is an
 * error that names it; there is no falling back to a direct connection.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import {
  Agent as HttpsAgent,
  request as httpsRequest,
  type AgentOptions,
  type RequestOptions,
} from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { describeProxy, type ProxySetting } from './proxy-env.js';

export class ProxyError extends Error {
  constructor(
    message: string,
    /** The proxy's status for the CONNECT, when it answered one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProxyError';
  }
}

type Callback = (error: Error | null, stream: Duplex) => void;

export class TunnelAgent extends HttpsAgent {
  constructor(
    readonly proxy: ProxySetting,
    options: AgentOptions,
  ) {
    super(options);
  }

  // node:http calls this for each new connection; the socket is handed over through the callback
  // once the tunnel is up (a documented way for createConnection to answer).
  override createConnection(requestOptions: RequestOptions, callback?: Callback): undefined {
    const options = requestOptions as tls.ConnectionOptions;
    const host = options.host ?? 'localhost';
    const port = Number(options.port ?? 443);
    const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    const proxy = this.proxy;
    const send = proxy.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const connect = send({
      host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: proxy.url.port || (proxy.url.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers: {
        Host: authority,
        ...(proxy.authorization && { 'Proxy-Authorization': proxy.authorization }),
      },
      agent: false,
    });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      callback!(error, undefined as unknown as Duplex);
    };
    // The cause's message (`connect ECONNREFUSED 127.0.0.1:3128`) is added by whoever describes it.
    connect.once('error', (error) =>
      fail(new ProxyError(`cannot reach the proxy ${describeProxy(proxy)}`, undefined, { cause: error })),
    );
    connect.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        fail(
          new ProxyError(
            `the proxy ${describeProxy(proxy)} refused the tunnel to ${authority}: ${response.statusCode} ${response.statusMessage ?? ''}`.trimEnd() +
              (response.statusCode === 407
                ? ' (the proxy wants credentials: user:password@ in the proxy URL)'
                : ''),
            response.statusCode,
          ),
        );
        return;
      }
      if (head.length > 0) socket.unshift(head);
      settled = true;
      // The options node:http prepared for a direct connection (servername, the agent's TLS
      // settings), over the tunnel instead of a socket of its own.
      const secure = tls.connect({ ...options, socket, host, port });
      callback!(null, secure);
    });
    connect.end();
    return undefined;
  }
}
