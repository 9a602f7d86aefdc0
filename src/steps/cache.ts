/**
 * The build cache around the build: the `cache` shorthand planned into the options, exports
 * the builder cannot write dropped with a warning, and exports that failed during the build
 * (ignore-error=true keeps them from failing it) reported as one warning each.
 */
import type { Io } from '../io/port.js';
import type { ActionInputs } from '../inputs/build.js';
import type { GitContext } from '../plan/context.js';
import type { BuildOptions } from '../buildx/buildx.js';
import { cacheDestination, cacheEntry, planCache, unsupportedCacheExports } from '../buildx/cache.js';
import { CacheExportLog, cacheExportWarning } from '../buildx/cache-export-log.js';
import { parseReference } from '../oci/reference.js';
import { engineHasContainerdStore } from '../buildx/run.js';

/** cache-from / cache-to with the `cache` shorthand added, every export best-effort. */
export function planBuildCache(
  io: Io,
  inputs: ActionInputs,
  context: GitContext,
): Pick<BuildOptions, 'cacheFrom' | 'cacheTo'> {
  const image = inputs.images[0] ?? (inputs.tagReferences[0] && parseReference(inputs.tagReferences[0]).name);
  const plan = planCache({
    mode: inputs.cache,
    image: image || undefined,
    platforms: inputs.build.platforms,
    push: inputs.build.push,
    pullRequest: context.pullRequest !== undefined,
    cacheFrom: inputs.build.cacheFrom,
    cacheTo: inputs.build.cacheTo,
    repository: context.repository,
    githubToken: inputs.githubToken,
  });
  for (const note of plan.notes) io.info(note);
  return { cacheFrom: plan.cacheFrom, cacheTo: plan.cacheTo };
}

/**
 * Drops the cache exports this builder cannot write, with a warning that says why and what to do.
 * `driver` is the builder's (steps/builder.ts inspected it); undefined when unknown.
 */
export async function checkCacheExports(
  io: Io,
  options: BuildOptions,
  driver: string | undefined,
): Promise<BuildOptions> {
  if (driver !== 'docker' || !options.cacheTo.some((entry) => cacheEntry(entry).type !== 'inline'))
    return options;
  const containerdStore = await engineHasContainerdStore(options.dockerContext);
  const dropped = unsupportedCacheExports(options.cacheTo, driver, containerdStore);
  if (dropped.length === 0) return options;
  io.warning(
    `Build cache: not exporting to ${dropped.map(cacheDestination).join('; ')}: the docker driver exports a ` +
      'cache only from a Docker engine with the containerd image store, and this one does not use it. ' +
      'Enable the containerd image store, or create a builder with docker/setup-buildx-action ' +
      '(docker-container driver).',
  );
  return { ...options, cacheTo: options.cacheTo.filter((entry) => !dropped.includes(entry)) };
}

/** Watches the build log for failed cache exports; `report` warns once per failure. */
export function watchCacheExports(
  io: Io,
  cacheTo: string[],
): { onLine: (line: string) => void; report: () => void } {
  const log = new CacheExportLog(cacheTo);
  return {
    onLine: (line) => log.line(line),
    report: () => {
      for (const failure of log.failures) io.warning(cacheExportWarning(failure), { title: 'Build cache' });
    },
  };
}
