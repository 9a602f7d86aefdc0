/**
 * Which builder ran a build, told after it without asking buildx: `docker buildx inspect` costs
 * 0.1-0.2 s of CPU on a cached build that takes under a second, so a build whose plan does not
 * need the builder first (steps/builder.ts) is named from what buildx leaves behind instead: the
 * builder and node in the metadata's `buildx.build.ref`, and the driver and any platforms the
 * builder was created with in buildx's record of it (`$DOCKER_CONFIG/buildx/instances/NAME`).
 * A builder without a record is a docker context, whose driver is always `docker`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface BuiltBy {
  builder: string;
  node: string;
  driver: string;
  /** The platforms the builder was created with (`--platform`), when it was. */
  platforms: string[];
}

/** `default/default/ks3ibbu…` -> builder and node; undefined for anything else. */
export function parseBuildRef(ref: unknown): { builder: string; node: string } | undefined {
  if (typeof ref !== 'string') return undefined;
  const parts = ref.split('/');
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  return { builder: parts[0], node: parts[1] };
}

interface InstanceRecord {
  Driver?: unknown;
  Nodes?: { Name?: unknown; Platforms?: { os?: unknown; architecture?: unknown; variant?: unknown }[] }[];
}

/** The driver and creation platforms in buildx's record of a builder (its JSON), for `node`. */
export function parseInstanceRecord(json: string, node: string): Pick<BuiltBy, 'driver' | 'platforms'> {
  const record = JSON.parse(json) as InstanceRecord;
  const driver = typeof record.Driver === 'string' && record.Driver ? record.Driver : 'unknown';
  const nodes = Array.isArray(record.Nodes) ? record.Nodes : [];
  const ran = nodes.find((n) => n.Name === node) ?? nodes[0];
  const platforms = (Array.isArray(ran?.Platforms) ? ran.Platforms : [])
    .map((p) => [p.os, p.architecture, p.variant].filter((s) => typeof s === 'string' && s).join('/'))
    .filter((p) => p.includes('/'));
  return { driver, platforms };
}

export function describeBuiltBy(by: BuiltBy): string {
  const node = by.node !== by.builder ? `, node ${by.node}` : '';
  const platforms = by.platforms.length > 0 ? `; created for ${by.platforms.join(', ')}` : '';
  return `Built by builder ${by.builder} (driver ${by.driver}${node})${platforms}`;
}

/** The builder that ran the build, from its metadata; undefined when buildx did not say. */
export async function builtBy(
  metadata: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BuiltBy | undefined> {
  const ref = parseBuildRef(metadata['buildx.build.ref']);
  if (!ref) return undefined;
  const config = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  // Builder names are [a-zA-Z0-9][a-zA-Z0-9_.-]*: anything else (`..`) is not a record to read.
  if (!/^[A-Za-z0-9][\w.-]*$/.test(ref.builder)) return undefined;
  const record = await readFile(join(config, 'buildx', 'instances', ref.builder), 'utf8').catch(
    () => undefined,
  );
  if (record === undefined) return { ...ref, driver: 'docker', platforms: [] };
  try {
    return { ...ref, ...parseInstanceRecord(record, ref.node) };
  } catch {
    return { ...ref, driver: 'unknown', platforms: [] };
  }
}
