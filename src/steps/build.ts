/**
 * The build itself: buildx gated on its version when a flag needs it, then run in a log group
 * with workflow commands off around its output, cache exports watched; a failure says what a
 * push to several repositories wrote before it. Names the builder after the build when nothing
 * asked it first (steps/builder.ts).
 */
import type { Io } from '../io/port.js';
import { buildxArgs, type BuildOptions } from '../buildx/buildx.js';
import { builtBy, describeBuiltBy } from '../buildx/built-by.js';
import { checkFeatures, needsVersionCheck, parseBuildxVersion } from '../buildx/features.js';
import { readBuildResult, type BuildResult } from '../buildx/metadata.js';
import { buildxVersionOutput, runDocker } from '../buildx/run.js';
import { StepError } from '../util/errors.js';
import { watchCacheExports } from './cache.js';

/** What a failed build can tell about a push to several repositories (steps/push-guard.ts). */
export interface WrittenTags {
  /** `; tagged before the failure: ...`, or that nothing was. */
  describe(): Promise<string>;
}

/**
 * Asking buildx its version costs ~0.1-0.25 s, so only builds that use a flag newer than the
 * oldest buildx we support pay for it; a flag it lacks fails here, before anything is built.
 */
export async function gateOnBuildx(io: Io, options: BuildOptions): Promise<BuildOptions> {
  if (!needsVersionCheck(options)) return options;
  const version = parseBuildxVersion((await buildxVersionOutput()) ?? '');
  const gate = checkFeatures(options, version);
  for (const warning of gate.warnings) io.warning(warning);
  if (gate.errors.length > 0) throw new StepError(gate.errors.join('\n'));
  return gate.options;
}

/**
 * Runs the build inside the log's Build group. `whileBuilding` is called once buildx has been
 * started: work that can run beside it (its log lines wait while buildx prints: io/core.ts).
 */
export async function runBuild(
  io: Io,
  options: BuildOptions,
  written?: WrittenTags,
  whileBuilding?: () => void,
): Promise<BuildResult> {
  const cacheExports = watchCacheExports(io, options.cacheTo);
  const run = await io.group('Build', async () => {
    // Build output is the Dockerfile's to write: switch workflow commands off around it.
    const resumeCommands = io.stopCommands();
    try {
      return await runDocker(
        buildxArgs(options),
        cacheExports.onLine,
        (text) => io.redact(text),
        whileBuilding,
      );
    } finally {
      resumeCommands();
    }
  });
  cacheExports.report();
  if (run.exitCode !== 0) {
    const detail =
      run.errors.length > 0 ? run.errors.join('\n') : `docker buildx build exited with code ${run.exitCode}`;
    // Several repositories: buildx may have pushed to some before another failed.
    const pushed = written ? await written.describe() : 'nothing was pushed';
    throw new StepError(`The build failed; ${pushed}.\n${detail}`);
  }
  return readBuildResult(options.metadataFile, options.iidFile);
}

/** The builder that ran the build, named from its metadata (nothing asked buildx first). */
export async function announceBuiltBy(io: Io, metadata: string): Promise<void> {
  const by = metadata ? await builtBy(JSON.parse(metadata) as Record<string, unknown>, io.env) : undefined;
  if (by) io.info(describeBuiltBy(by));
}
