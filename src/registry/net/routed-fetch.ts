/**
 * An HttpFetch that sends each request the way Routes says: through the environment's proxy, with
 * what docker trusts for the host. And, as docker does for the hosts it calls insecure (the
 * loopback, `insecure-registries`), an http URL of such a host is tried over TLS first: the
 * first answer tells which scheme the host speaks, kept for the process, so a TLS registry on
 * `localhost:5443` works and a plain one costs one failed handshake per run.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  NotTlsError,
  sendRequest,
  type HttpFetch,
  type HttpFetchInit,
  type HttpResponse,
} from '../http-fetch.js';
import { describeProxy } from './proxy-env.js';
import { ProxyError } from './proxy-tunnel.js';
import type { Route, Routes } from './routes.js';
import { isPlainHttpAnswer } from './tls-errors.js';

export interface RoutedFetchOptions {
  /** How long the TLS first try may take to shake hands before the host counts as plain HTTP (ms). */
  tlsProbeTimeout?: number;
}

// Generous for a handshake, short next to the 30 s a silent plain server would otherwise cost.
const TLS_PROBE_TIMEOUT_MS = 5_000;

export function createRoutedFetch(routes: Routes, options: RoutedFetchOptions = {}): HttpFetch {
  const probeTimeout = options.tlsProbeTimeout ?? TLS_PROBE_TIMEOUT_MS;
  const schemes = new Map<string, 'https:' | 'http:'>();
  const probing = new Map<string, Promise<unknown>>();

  const send = async (target: URL, init: HttpFetchInit, tlsFirstTry = false): Promise<HttpResponse> => {
    const route = routes.route(target);
    try {
      return await sendOn(route, target, init, tlsFirstTry);
    } catch (error) {
      // A certificate the first CAs did not verify, before any byte of the request went: once
      // more with the system's store (a stream cannot be sent twice; the first request of a
      // host is the client's GET /v2/, never one).
      if (isStream(init.body) || !route.trustMore?.(error as Error)) throw error;
      return sendOn(routes.route(target), target, init, tlsFirstTry);
    }
  };

  const sendOn = (
    route: Route,
    target: URL,
    init: HttpFetchInit,
    tlsFirstTry: boolean,
  ): Promise<HttpResponse> => {
    const request = route.secure ? httpsRequest : httpRequest;
    const proxy = route.proxy;
    return sendRequest(
      init,
      (sent) =>
        request({
          ...route.where,
          ...sent,
          headers: { ...sent.headers, ...route.headers },
          agent: route.agent,
        }),
      {
        explain: route.explain,
        // A plain request through a proxy: its 407 is the proxy's, not the registry's.
        refuse: (status) =>
          proxy && status === 407
            ? new ProxyError(
                `the proxy ${describeProxy(proxy)} refused the request to ${target.host}: 407 (it wants credentials: user:password@ in the proxy URL)`,
                407,
              )
            : undefined,
        ...(tlsFirstTry && { tlsFirstTry: { timeout: probeTimeout, isNotTls: isPlainHttpAnswer } }),
      },
    );
  };

  return async (url, init = {}) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new TypeError(`cannot fetch ${target.protocol} URLs (${url})`);
    }
    if (!routes.triesTlsFirst(target)) return send(target, init);
    const origin = target.host;
    // Requests that start while the first one finds out wait for its answer. (No await otherwise:
    // the first must register its try before the caller can start another request.)
    const pending = probing.get(origin);
    if (pending) await pending.catch(() => {});
    const known = schemes.get(origin);
    if (known) return send(withProtocol(target, known), init);
    // A stream cannot be sent twice: it goes as the URL says. (A first request is never one: the
    // client asks GET /v2/ before anything else.)
    if (isStream(init.body)) return send(target, init);
    const first = send(withProtocol(target, 'https:'), init, true).then(
      (response) => {
        schemes.set(origin, 'https:');
        return response;
      },
      (error: unknown) => {
        if (!(error instanceof NotTlsError)) throw error;
        schemes.set(origin, 'http:');
        return send(target, init);
      },
    );
    probing.set(origin, first);
    try {
      return await first;
    } finally {
      probing.delete(origin);
    }
  };
}

function withProtocol(url: URL, protocol: 'https:' | 'http:'): URL {
  const copy = new URL(url);
  copy.protocol = protocol;
  return copy;
}

function isStream(body: HttpFetchInit['body']): boolean {
  return typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe === 'function';
}
