/**
 * Which builder runs the build: `docker buildx inspect [builder]`, parsed, and named in the log
 * with its driver and platforms (so a run on a docker context, a remote BuildKit or a Kubernetes
 * builder says so). A `builder` input that names no builder fails here, before anything is built.
 */
import { describeBuilder, parseBuilderInspect, type BuilderInfo } from '../buildx/builder.js';
import { buildxInspect } from '../buildx/run.js';
import { InputError } from '../util/errors.js';
import type { Io } from '../io/port.js';

export interface BuilderLookup {
  info?: BuilderInfo;
  /** Why buildx could not say (a warning), when there is no info. */
  problem?: string;
}

/**
 * Asks buildx which builder runs the build. A `builder` input that names no builder is an
 * InputError; without one, not knowing is a warning, not a failure.
 */
export async function lookUpBuilder(name: string | undefined): Promise<BuilderLookup> {
  const inspected = await buildxInspect(name);
  const info = inspected.ok ? parseBuilderInspect(inspected.stdout) : undefined;
  if (info) return { info };
  const why = inspected.stderr.replace(/^ERROR:\s*/, '') || 'docker buildx inspect printed no builder';
  if (name) throw new InputError('builder', name, `is not a buildx builder this runner knows: ${why}`);
  return { problem: why };
}

/** Names the builder in the log (or warns that it is unknown); returns its info. */
export function announceBuilder(io: Io, lookup: BuilderLookup): BuilderInfo | undefined {
  if (lookup.info) io.info(describeBuilder(lookup.info));
  else io.warning(`Cannot tell which buildx builder runs the build: ${lookup.problem}`);
  return lookup.info;
}
