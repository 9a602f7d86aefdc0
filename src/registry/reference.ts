/**
 * Where an image reference lives: registry host, repository, tag or digest, with Docker Hub's
 * naming rules (`alpine` is `docker.io/library/alpine`, served by `registry-1.docker.io`).
 * The grammar itself is oci/reference.ts's; this only splits the name.
 */
import { parseReference } from '../oci/reference.js';

export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key `docker login` writes for Docker Hub in config.json. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API_HOST]);

export interface RegistryReference {
  /** The registry as people name it: `docker.io`, `localhost:5000`, `ghcr.io`. */
  registry: string;
  /** `host[:port]` the distribution API answers on: `registry-1.docker.io` for Docker Hub. */
  apiHost: string;
  /** `library/alpine`, `acme/app`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses `[registry/]repository[:tag][@digest]`; throws an InputError naming `input` when it is not one. */
export function parseRegistryReference(text: string, input = 'image'): RegistryReference {
  const { name, tag, digest } = parseReference(text, input);
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  // As docker: the first component is a registry only when it looks like a host.
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? normalizeRegistry(first) : DOCKER_HUB;
  let repository = hasRegistry ? name.slice(slash + 1) : name;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return {
    registry,
    apiHost: registryApiHost(registry),
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

/** `docker.io` for any of Docker Hub's names; other registries as given. */
export function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_ALIASES.has(registry.toLowerCase());
}

/** The host to send API requests to. */
export function registryApiHost(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_API_HOST : registry.toLowerCase();
}

/** What to ask the manifests endpoint for: the digest when there is one, else the tag, else `latest`. */
export function manifestReference(ref: RegistryReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

/**
 * The full name for logs and errors: `docker.io/library/alpine:latest`,
 * `localhost:5000/acme/app:1.2.3@sha256:...`. A reference without tag or digest shows `:latest`,
 * the tag it resolves to.
 */
export function displayReference(ref: RegistryReference): string {
  const tag = ref.tag ?? (ref.digest ? undefined : 'latest');
  return `${ref.registry}/${ref.repository}${tag !== undefined ? `:${tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `host/repository:tag` or `host/repository@digest` for one manifest or blob reference. */
export function displayName(registry: string, repository: string, reference: string): string {
  const separator = reference.includes(':') ? '@' : ':';
  return `${normalizeRegistry(registry)}/${repository}${separator}${reference}`;
}
