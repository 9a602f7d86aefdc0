/**
 * A size report as it leaves the run (the `size-report` output, which the fork pattern uploads
 * as an artifact, and the comment rendered from it): the values of build args hidden from every
 * layer's `createdBy` (oci/history.ts hideBuildArgValues), as the comment's cleaned form never
 * showed them. Masked values (secrets, tokens) are hidden from every output by the runner.
 */
import { hideBuildArgValues } from '../oci/history.js';
import type { LayerReport, SizeReport } from './size-report.js';

/** `buildArgs`: the action's `build-args` (`KEY=VALUE`), whose values are hidden wherever history expands them. */
export function withoutBuildArgValues(report: SizeReport, buildArgs: readonly string[]): SizeReport {
  const values = buildArgs.flatMap((arg) => (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1)] : []));
  const layer = <T extends LayerReport>(l: T): T =>
    l.createdBy === null ? l : { ...l, createdBy: hideBuildArgValues(l.createdBy, values) };
  return {
    ...report,
    platforms: report.platforms.map((p) => ({
      ...p,
      layers: p.layers.map(layer),
      changes: p.changes && {
        ...p.changes,
        added: p.changes.added.map(layer),
        removed: p.changes.removed.map(layer),
        ...(p.changes.rebuilt && { rebuilt: p.changes.rebuilt.map(layer) }),
      },
    })),
  };
}
