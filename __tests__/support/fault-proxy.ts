/**
 * A local HTTP proxy in front of a registry (or any HTTP server) that injects faults by rule,
 * for tests of retry, resume and integrity checks against a real upstream.
 *
 *   const proxy = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
 *   proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 429, retryAfter: 2 } });
 *   proxy.add({ path: /\/blobs\/sha256:/, times: 1, fault: { type: 'reset-mid-body', afterBytes: 100_000 } });
 *   // talk to proxy.host (127.0.0.1:<port>) instead of the registry; then:
 *   expect(proxy.log.filter((r) => r.fault === 'status')).toHaveLength(1);
 *   await proxy.close();
 *
 * Rules are tried in the order they were added; the first one that matches the request's method
 * and path (the path includes the query) and has times left applies its fault and uses one time
 * up. Requests that no rule matches are forwarded untouched. Upstream headers are kept (so the
 * Host the client used reaches the upstream, and its Location headers point back at the proxy).
 *
 * Faults:
 *   status          answer `status` without asking upstream (429, 503, ...), with `Retry-After:
 *                   retryAfter` when given (seconds, or an HTTP date string), extra headers, a body
 *   reset           destroy the connection before any response
 *   delay           wait `ms`, then forward (a slow response: headers arrive late)
 *   reset-mid-body  forward the headers and `afterBytes` of the body, then destroy the connection
 *   stall-mid-body  forward `afterBytes`, pause `ms`, then the rest (for idle timeouts)
 *   truncate        forward `afterBytes` and end cleanly, without Content-Length (chunked): the
 *                   client sees a complete but shorter body
 *   corrupt         flip the byte at `atByte` (default: the middle of the body): same length,
 *                   wrong bytes
 *   redirect-loop   307 back to the same URL (loops for as long as the rule has times left)
 *   redirect        307 to `to` + the request's path and query (another host, e.g. a blob store)
 *
 * A rule's `fault` may be a function of the request instead (random faults for a soak run): it
 * returns the fault to apply, or undefined to let the request pass to the next rule.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | {
      type: 'status';
      status: number;
      retryAfter?: number | string;
      headers?: Record<string, string>;
      body?: string;
    }
  | { type: 'reset' }
  | { type: 'delay'; ms: number }
  | { type: 'reset-mid-body'; afterBytes: number }
  | { type: 'stall-mid-body'; afterBytes: number; ms: number }
  | { type: 'truncate'; afterBytes: number }
  | { type: 'corrupt'; atByte?: number }
  | { type: 'redirect-loop' }
  | { type: 'redirect'; to: string };

export interface FaultRule {
  /** `GET`, `HEAD`, ...; any method when left out. */
  method?: string;
  /** Tested against the request's path and query: `/v2/e2e/app/blobs/sha256:...`. */
  path: RegExp;
  /** How many matching requests get the fault (all of them when left out). */
  times?: number;
  fault: Fault | ((request: ProxiedRequest) => Fault | undefined);
}

/** A rule as added, with how often it has applied so far. */
export interface ActiveRule extends FaultRule {
  hits: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The request's headers as the proxy received them (lower-cased names). */
  headers: Record<string, string | string[] | undefined>;
  /** The fault applied, if a rule matched. */
  fault?: Fault['type'];
  /** The status sent (undefined when the connection was reset before a response). */
  status?: number;
  /** When the request arrived (Date.now()). */
  at: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** `127.0.0.1:<port>`: a registry host for a client (plain HTTP, as a loopback address). */
  host: string;
  add(rule: FaultRule): ActiveRule;
  /** Removes every rule: from then on the proxy only forwards. */
  clear(): void;
  log: ProxiedRequest[];
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** `http://127.0.0.1:5000`. */
  upstream: string;
  rules?: FaultRule[];
  /** 0 (any free port) by default. */
  port?: number;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const rules: ActiveRule[] = [];
  const log: ProxiedRequest[] = [];
  // Its own agent, destroyed on close: kept-alive upstream sockets would hold the test process open.
  const agent = new Agent({ keepAlive: true });
  const add = (rule: FaultRule): ActiveRule => {
    const active = { ...rule, hits: 0 };
    rules.push(active);
    return active;
  };
  for (const rule of options.rules ?? []) add(rule);

  const server = createServer((req, res) => {
    const entry: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: { ...req.headers },
      at: Date.now(),
    };
    log.push(entry);
    let fault: Fault | undefined;
    for (const r of rules) {
      if (r.method !== undefined && r.method.toUpperCase() !== entry.method) continue;
      if (!r.path.test(entry.path) || r.hits >= (r.times ?? Infinity)) continue;
      fault = typeof r.fault === 'function' ? r.fault(entry) : r.fault;
      if (!fault) continue;
      r.hits++;
      entry.fault = fault.type;
      break;
    }
    serve(req, res, fault, upstream, entry, agent);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    add,
    clear: () => rules.splice(0),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Fault | undefined,
  upstream: URL,
  entry: ProxiedRequest,
  agent: Agent,
): void {
  const send = (status: number, headers: Record<string, string>, body = '') => {
    entry.status = status;
    res.writeHead(status, headers).end(body);
  };
  switch (fault?.type) {
    case 'status': {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...fault.headers };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      const body =
        fault.body ??
        JSON.stringify({ errors: [{ code: 'FAULT', message: `injected HTTP ${fault.status}` }] });
      req.resume();
      return send(fault.status, headers, body);
    }
    case 'reset':
      req.socket.destroy();
      return;
    case 'redirect-loop':
      req.resume();
      return send(307, { Location: entry.path });
    case 'redirect':
      req.resume();
      return send(307, { Location: `${fault.to.replace(/\/$/, '')}${entry.path}` });
    case 'delay':
      setTimeout(() => forward(req, res, undefined, upstream, entry, agent), fault.ms);
      return;
    default:
      forward(req, res, fault, upstream, entry, agent);
  }
}

// Sends the request upstream and the response back, with a body fault applied on the way.
function forward(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Fault | undefined,
  upstream: URL,
  entry: ProxiedRequest,
  agent: Agent,
): void {
  const out = httpRequest(
    {
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (up) => {
      const headers = { ...up.headers };
      const length = Number(up.headers['content-length'] ?? NaN);
      if (fault?.type === 'truncate') delete headers['content-length'];
      entry.status = up.statusCode ?? 502;
      res.writeHead(entry.status, headers);
      pipeWithFault(up, res, fault, length, req);
    },
  );
  out.on('error', () => {
    if (!res.headersSent) {
      entry.status = 502;
      res.writeHead(502).end();
    } else res.destroy();
  });
  req.pipe(out);
}

function pipeWithFault(
  up: IncomingMessage,
  res: ServerResponse,
  fault: Fault | undefined,
  length: number,
  req: IncomingMessage,
): void {
  let sent = 0;
  let triggered = false; // the body fault happens once per response
  let stalling = false;
  let ended = false;
  const corruptAt =
    fault?.type === 'corrupt' ? (fault.atByte ?? (Number.isNaN(length) ? 0 : Math.floor(length / 2))) : -1;
  up.on('data', (chunk: Buffer) => {
    if (triggered && fault?.type !== 'stall-mid-body') return;
    let data = chunk;
    if (corruptAt >= sent && corruptAt < sent + data.length) {
      data = Buffer.from(data);
      data[corruptAt - sent] ^= 0xff;
    }
    const cut =
      !triggered &&
      (fault?.type === 'reset-mid-body' || fault?.type === 'truncate' || fault?.type === 'stall-mid-body') &&
      sent + data.length >= fault.afterBytes
        ? fault
        : undefined;
    if (!cut) {
      sent += data.length;
      res.write(data);
      return;
    }
    triggered = true;
    const part = data.subarray(0, cut.afterBytes - sent);
    const rest = data.subarray(part.length);
    sent += data.length;
    if (cut.type === 'stall-mid-body') {
      res.write(part);
      up.pause();
      stalling = true;
      setTimeout(() => {
        stalling = false;
        if (rest.length > 0) res.write(rest);
        if (ended) res.end();
        else up.resume();
      }, cut.ms);
    } else if (cut.type === 'truncate') {
      up.destroy();
      res.end(part);
    } else {
      up.destroy();
      res.write(part, () => req.socket.destroy());
    }
  });
  up.on('end', () => {
    ended = true;
    if (!stalling && (!triggered || fault?.type === 'stall-mid-body')) res.end();
  });
  up.on('error', () => res.destroy());
}
