/**
 * Where each buildx flag's syntax holds a local path (a build context, an SSH key, a local cache,
 * an output), so that inputs/ can hold every one of them to the path rule.
 */
import { ociLayoutPath } from '../oci/reference.js';
import { parseList } from '../util/list.js';

/** Git and HTTP URLs buildx fetches itself; `-` is a tar on stdin. */
export function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(context) || context === '-';
}

/**
 * A `build-contexts` entry, NAME=VALUE: a local directory, or `oci-layout://PATH[:TAG][@DIGEST]`
 * (buildx cuts the digest, then the tag); undefined for an image (`docker-image://`) or a URL.
 */
export function buildContextPath(entry: string): string | undefined {
  const value = entry.slice(entry.indexOf('=') + 1).trim();
  const layout = ociLayoutPath(value);
  if (layout !== undefined) return layout.split('@')[0].split(':')[0];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || isRemoteContext(value)) return undefined;
  return value;
}

/** An `ssh` entry, `default|ID[=PATH[,PATH]]`: its sockets or keys (none: the agent of SSH_AUTH_SOCK). */
export function sshPaths(entry: string): string[] {
  const eq = entry.indexOf('=');
  return eq < 0 ? [] : parseList(entry.slice(eq + 1));
}

/** A `cache-from` / `cache-to` entry's `src` or `dest` (type=local); a bare entry is a registry reference. */
export function cachePaths(entry: string): string[] {
  const fields = parseList(entry);
  return fields.length === 1 && !fields[0].includes('=') ? [] : fieldPaths(fields);
}

/** An `outputs` entry's `dest`, or the bare path buildx takes for a local export; `-` is stdout. */
export function outputPaths(entry: string): string[] {
  const fields = parseList(entry);
  if (fields.length === 1 && !fields[0].includes('=')) return fields[0] === '-' ? [] : [fields[0]];
  return fieldPaths(fields);
}

function fieldPaths(fields: string[]): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = field.slice(0, eq).trim();
    const value = field.slice(eq + 1).trim();
    if (eq > 0 && (key === 'src' || key === 'dest') && value !== '' && value !== '-') paths.push(value);
  }
  return paths;
}
