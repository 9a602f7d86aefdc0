/**
 * The report of an image against its baseline: per platform, the figures, their deltas, the
 * layers added and removed (matched by digest) and the bytes new to pull. Pure: measurements in,
 * the report model out.
 */
import type { ImageMeasurement, LayerMeasurement, PlatformMeasurement } from '../measure/measurement.js';
import type { BaselineOutcome } from '../report/baseline.js';
import {
  SIZE_REPORT_VERSION,
  type Figures,
  type LayerReport,
  type PlatformReport,
  type SizeReport,
} from '../report/size-report.js';

/** The report of `image` against `baseline`, or against none, for the reason `outcome` gives. */
export function buildSizeReport(
  image: ImageMeasurement,
  baseline: ImageMeasurement | null,
  outcome?: BaselineOutcome,
): SizeReport {
  return {
    version: SIZE_REPORT_VERSION,
    image: { ref: image.ref, digest: image.digest },
    baseline: baseline ? { ref: baseline.ref, digest: baseline.digest } : null,
    ...(!baseline &&
      outcome?.status === 'unavailable' && {
        baselineUnavailable: { ref: outcome.ref, problem: outcome.problem, reason: outcome.reason },
      }),
    platforms: image.platforms.map((p) => platformReport(p, baseline)),
    removedPlatforms: (baseline?.platforms ?? [])
      .map((b) => b.platform)
      .filter((name) => !image.platforms.some((p) => p.platform === name)),
  };
}

function platformReport(p: PlatformMeasurement, baseline: ImageMeasurement | null): PlatformReport {
  const base = baseline?.platforms.find((b) => b.platform === p.platform);
  const baseDigests = new Set(base?.layers.map((l) => l.digest));
  const imageDigests = new Set(p.layers.map((l) => l.digest));
  const layers = p.layers.map(layerReport);
  const added = layers.filter((l) => !baseDigests.has(l.digest));
  // A layer listed twice in one manifest is downloaded once.
  const newToPull = [...new Map(added.map((l) => [l.digest, l.compressed])).values()].reduce(
    (a, b) => a + b,
    0,
  );
  return {
    platform: p.platform,
    compressed: p.compressed,
    uncompressed: p.uncompressed,
    wasted: p.wasted,
    newToPull: baseline ? newToPull : null,
    layers,
    baseline: base ? { ...figures(base), layerCount: base.layers.length } : null,
    delta: base
      ? {
          compressed: p.compressed - base.compressed,
          uncompressed: difference(p.uncompressed, base.uncompressed),
          wasted: difference(p.wasted, base.wasted),
          layerCount: p.layers.length - base.layers.length,
        }
      : null,
    changes: base
      ? { added, removed: base.layers.filter((l) => !imageDigests.has(l.digest)).map(layerReport) }
      : null,
  };
}

const layerReport = (l: LayerMeasurement): LayerReport => ({
  digest: l.digest,
  compressed: l.compressed,
  uncompressed: l.uncompressed,
  files: l.files,
  createdBy: l.createdBy ?? null,
});

const figures = (p: PlatformMeasurement): Figures => ({
  compressed: p.compressed,
  uncompressed: p.uncompressed,
  wasted: p.wasted,
});

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
