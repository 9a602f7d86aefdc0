/**
 * Reads what a lab registry holds, and writes the odd things a test needs there (an artifact, a
 * broken image), straight over the distribution API (test support only; the action's own
 * client is src/registry/).
 */
import { createHash } from 'node:crypto';

export const LAB = 'localhost:5000';
export const LAB_AUTH = '127.0.0.1:5001';
export const LAB_AUTH_USER = 'lab';
export const LAB_AUTH_PASSWORD = 'lab-password';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface Manifest {
  digest: string;
  mediaType: string;
  body: {
    mediaType?: string;
    manifests?: {
      digest: string;
      platform?: { os: string; architecture: string; variant?: string };
      annotations?: Record<string, string>;
    }[];
    layers?: { digest: string; size: number }[];
  };
}

function split(ref: string): { host: string; repo: string; reference: string } {
  const slash = ref.indexOf('/');
  const host = ref.slice(0, slash);
  const rest = ref.slice(slash + 1);
  const at = rest.indexOf('@');
  if (at >= 0) return { host, repo: rest.slice(0, at), reference: rest.slice(at + 1) };
  const colon = rest.lastIndexOf(':');
  return { host, repo: rest.slice(0, colon), reference: rest.slice(colon + 1) };
}

function headers(host: string): Record<string, string> {
  const h: Record<string, string> = { Accept: ACCEPT };
  if (host === LAB_AUTH)
    h.Authorization = `Basic ${Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64')}`;
  return h;
}

/** The manifest a full reference points to, or undefined when the registry has none. */
export async function getManifest(ref: string): Promise<Manifest | undefined> {
  const { host, repo, reference } = split(ref);
  const res = await labFetch(host, `/v2/${repo}/manifests/${reference}`, { headers: headers(host) });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${ref}: HTTP ${res.status}`);
  return {
    digest: res.headers.get('docker-content-digest') ?? '',
    mediaType: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Manifest['body'],
  };
}

/** The tags of a repository (empty when it does not exist). */
export async function listTags(repoRef: string): Promise<string[]> {
  const slash = splitRepository(repoRef);
  const res = await labFetch(slash.host, `/v2/${slash.repo}/tags/list`, { headers: headers(slash.host) });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`tags of ${repoRef}: HTTP ${res.status}`);
  const body = (await res.json()) as { tags?: string[] | null };
  return (body.tags ?? []).sort();
}

function splitRepository(repoRef: string): { host: string; repo: string } {
  const slash = repoRef.indexOf('/');
  return { host: repoRef.slice(0, slash), repo: repoRef.slice(slash + 1) };
}

/** Platforms of an index, without attestation manifests. */
export function platformsOf(manifest: Manifest): string[] {
  return (manifest.body.manifests ?? [])
    .filter((m) => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'))
    .sort();
}

/** A repository name no earlier run used: the lab's registries keep their content between runs. */
export function freshRepo(host: string, name: string): string {
  return `${host}/e2e/${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A blob or manifest as a descriptor: what a manifest that points to it writes. */
export interface PushedDescriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/** Uploads `bytes` to `repoRef` (`localhost:5000/e2e/app`) as a blob: POST a session, PUT with ?digest=. */
export async function pushBlob(repoRef: string, bytes: Buffer, mediaType: string): Promise<PushedDescriptor> {
  const { host, repo } = splitRepository(repoRef);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, {
    method: 'POST',
    headers: headers(host),
  });
  if (start.status !== 202) throw new Error(`POST blob upload to ${repoRef}: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location')!, `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { ...headers(host), 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (put.status !== 201) throw new Error(`PUT blob ${digest}: HTTP ${put.status} ${await put.text()}`);
  return { mediaType, digest, size: bytes.length };
}

/** PUTs `manifest` (an object, written as JSON) under `reference` (a tag) in `repoRef`. */
export async function pushManifest(
  repoRef: string,
  reference: string,
  mediaType: string,
  manifest: object,
): Promise<PushedDescriptor> {
  const { host, repo } = splitRepository(repoRef);
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, ...manifest }));
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...headers(host), 'content-type': mediaType },
    body: new Uint8Array(body),
  });
  if (res.status !== 201)
    throw new Error(`PUT manifest ${reference}: HTTP ${res.status} ${await res.text()}`);
  return {
    mediaType,
    digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
    size: body.length,
  };
}

/** Deletes a blob from a repository (the lab's localhost:5000 has delete enabled): a broken image. */
export async function deleteBlob(repoRef: string, digest: string): Promise<void> {
  const { host, repo } = splitRepository(repoRef);
  const res = await fetch(`http://${host}/v2/${repo}/blobs/${digest}`, {
    method: 'DELETE',
    headers: headers(host),
  });
  if (res.status !== 202) throw new Error(`DELETE blob ${digest} of ${repoRef}: HTTP ${res.status}`);
}

/**
 * The lab registries a push, report or merge suite runs over (`describe.each(LAB_REGISTRIES)`):
 * the plain one on the loopback, and the HTTPS one under the lab's name, whose CA is only in
 * docker's certs.d (scripts/container-lab.sh).
 */
export const LAB_TLS = 'registry.shipshape.test:5443';
export const LAB_REGISTRIES: readonly (readonly [name: string, host: string])[] = [
  ['plain HTTP', LAB],
  ['HTTPS, CA in certs.d', LAB_TLS],
];

let tlsDispatcher: import('undici').Agent | undefined;

/**
 * A test-side read of a lab registry, in the scheme it speaks: https with the lab's CA for the
 * HTTPS registry (undici's Agent, since Node's fetch takes no CA), plain http otherwise.
 */
export async function labFetch(host: string, path: string, init: RequestInit = {}): Promise<Response> {
  if (host !== LAB_TLS) return fetch(`http://${host}${path}`, init);
  const undici = await import('undici');
  const { readFileSync } = await import('node:fs');
  tlsDispatcher ??= new undici.Agent({
    connect: { ca: readFileSync('/var/lib/container-lab/tls/ca.crt', 'utf8') },
  });
  const response = await undici.fetch(`https://${host}${path}`, {
    ...(init as Parameters<typeof undici.fetch>[1]),
    dispatcher: tlsDispatcher,
  });
  return response as unknown as Response;
}
