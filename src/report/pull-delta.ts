/**
 * What one pull of one platform changes: the headline's figure (compare/delta.ts puts it in the
 * report; the renderer computes it for an older saved report that lacks it). Pure.
 */
import type { PlatformReport, PullDelta } from './size-report.js';

/** One platform's change "alike" another's: within 1% (of the larger) or 1 kB. */
export const ALIKE = { percent: 1, bytes: 1_000 } as const;

/**
 * What one pull of one platform changes (PullDelta), from the compared platforms; undefined
 * when none is compared. A platform with the baseline's content throughout counts 0.
 */
export function pullDelta(platforms: PlatformReport[]): PullDelta | undefined {
  const compared = platforms.filter((p) => p.delta && p.baseline);
  if (compared.length === 0) return undefined;
  const change = (p: PlatformReport) => (p.sameContent ? 0 : p.delta!.compressed);
  const changes = compared.map(change);
  const min = Math.min(...changes);
  const max = Math.max(...changes);
  const largest = compared.reduce((a, b) => (Math.abs(change(b)) > Math.abs(change(a)) ? b : a));
  const spread = max - min;
  const alike =
    spread <= ALIKE.bytes || spread <= (Math.max(Math.abs(min), Math.abs(max)) * ALIKE.percent) / 100;
  const before = compared.reduce((sum, p) => sum + p.baseline!.compressed, 0);
  return {
    perPull: {
      compressed: change(largest),
      platform: largest.platform,
      before: largest.baseline!.compressed,
      after: largest.baseline!.compressed + change(largest),
      alike,
      min,
      max,
    },
    totalOverPlatforms: {
      before,
      after: before + changes.reduce((a, b) => a + b, 0),
      compressed: changes.reduce((a, b) => a + b, 0),
      platforms: compared.length,
    },
  };
}
