/**
 * A "third host" for credential tests: an HTTP server on a free port that records every request
 * it gets (the Authorization header and the body included) and answers as a test tells it, by
 * default like a registry that wants a token from its own realm. Credentials given for another
 * host must never reach it:
 *
 *   const third = await startThirdHost();
 *   ... a baseline on third.host, a redirect or a Link to third.url ...
 *   expect(third.credentialsSeen()).toEqual([]);
 *   await third.close();
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Visit {
  method: string;
  /** Path and query. */
  path: string;
  authorization?: string;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ThirdHost {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** `127.0.0.1:<port>`: usable as a registry host (plain HTTP, as a loopback address). */
  host: string;
  visits: Visit[];
  /**
   * What reached this host that only the host it was given for may see: every Authorization
   * header, and every body that holds one of `secrets` (a refresh token sent in a form).
   */
  credentialsSeen(secrets?: string[]): string[];
  close(): Promise<void>;
}

/** A registry that asks for a Bearer token from its own realm, and a realm that refuses everyone. */
export function tokenRegistryAnswer(self: string): (visit: Visit) => Answer {
  return (visit) =>
    visit.path.startsWith('/token')
      ? { status: 401, body: '{"errors":[{"code":"UNAUTHORIZED"}]}' }
      : {
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer realm="${self}/token",service="third"` },
          body: '{"errors":[{"code":"UNAUTHORIZED"}]}',
        };
}

/** A registry that asks for Basic credentials. */
export const basicRegistryAnswer = (): Answer => ({
  status: 401,
  headers: { 'WWW-Authenticate': 'Basic realm="third"' },
  body: '{"errors":[{"code":"UNAUTHORIZED"}]}',
});

export async function startThirdHost(answer?: (visit: Visit, self: string) => Answer): Promise<ThirdHost> {
  const visits: Visit[] = [];
  let url = '';
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const visit: Visit = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        ...(req.headers.authorization !== undefined && { authorization: req.headers.authorization }),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      visits.push(visit);
      const reply = answer ? answer(visit, url) : tokenRegistryAnswer(url)(visit);
      res
        .writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers })
        .end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    host: `127.0.0.1:${port}`,
    visits,
    credentialsSeen: (secrets = []) =>
      visits.flatMap((v) => [
        ...(v.authorization !== undefined ? [`${v.method} ${v.path}: Authorization header`] : []),
        ...(secrets.some((s) => v.body.includes(s))
          ? [`${v.method} ${v.path}: a credential in the body`]
          : []),
      ]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
