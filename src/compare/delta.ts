/**
 * The report of an image against its baseline: per platform, the figures, their deltas, the
 * layers added and removed (matched by digest) and the bytes new to pull. Pure: measurements in,
 * the report model out.
 */
import type { ImageMeasurement, LayerMeasurement, PlatformMeasurement } from '../measure/measurement.js';
import { pathDelta } from './path-delta.js';
import { pullDelta } from '../report/pull-delta.js';
import type { BaselineOutcome } from '../report/baseline.js';
import {
  SIZE_REPORT_VERSION,
  type Figures,
  type LayerReport,
  type PlatformReport,
  type RebuiltLayer,
  type SizeReport,
} from '../report/size-report.js';

/** The report of `image` against `baseline`, or against none, for the reason `outcome` gives. */
export function buildSizeReport(
  image: ImageMeasurement,
  baseline: ImageMeasurement | null,
  outcome?: BaselineOutcome,
): SizeReport {
  const platforms = image.platforms.map((p) => platformReport(p, baseline));
  const pull = pullDelta(platforms);
  return {
    version: SIZE_REPORT_VERSION,
    image: { ref: image.ref, digest: image.digest },
    baseline: baseline ? { ref: baseline.ref, digest: baseline.digest } : null,
    ...(!baseline &&
      outcome?.status === 'unavailable' && {
        baselineUnavailable: { ref: outcome.ref, problem: outcome.problem, reason: outcome.reason },
      }),
    platforms,
    ...(pull && { pullDelta: pull }),
    removedPlatforms: (baseline?.platforms ?? [])
      .map((b) => b.platform)
      .filter((name) => !image.platforms.some((p) => p.platform === name)),
  };
}

function platformReport(p: PlatformMeasurement, baseline: ImageMeasurement | null): PlatformReport {
  const base = baseline?.platforms.find((b) => b.platform === p.platform);
  const layers = p.layers.map((l, i) => layerReport(l, i));
  const matched = base
    ? matchLayers(
        layers,
        base.layers.map((l, i) => layerReport(l, i)),
      )
    : undefined;
  const added = matched?.added ?? layers;
  // A layer listed twice in one manifest is downloaded once.
  const newToPull = [...new Map(added.map((l) => [l.digest, l.compressed])).values()].reduce(
    (a, b) => a + b,
    0,
  );
  const paths = base?.tree && p.tree ? pathDelta(base.tree, p.tree) : null;
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
    changes: matched ?? null,
    ...(matched && { sameContent: matched.added.length === 0 && matched.removed.length === 0 }),
    ...(base && { paths }),
  };
}

/**
 * Layers matched against the baseline's: by digest first, then the rest by content digest
 * (a rebuild whose files are the same, only their times differ), each baseline layer once.
 */
function matchLayers(
  layers: LayerReport[],
  baseLayers: LayerReport[],
): { added: LayerReport[]; removed: LayerReport[]; rebuilt: RebuiltLayer[] } {
  const baseDigests = new Set(baseLayers.map((l) => l.digest));
  const imageDigests = new Set(layers.map((l) => l.digest));
  const unmatched = baseLayers.filter((l) => !imageDigests.has(l.digest));
  const byContent = new Map<string, LayerReport[]>();
  for (const l of unmatched) {
    if (!l.contentDigest) continue;
    byContent.set(l.contentDigest, [...(byContent.get(l.contentDigest) ?? []), l]);
  }
  const added: LayerReport[] = [];
  const rebuilt: RebuiltLayer[] = [];
  const used = new Set<LayerReport>();
  for (const l of layers) {
    if (baseDigests.has(l.digest)) continue;
    const twin = l.contentDigest ? byContent.get(l.contentDigest)?.shift() : undefined;
    if (twin) {
      used.add(twin);
      rebuilt.push({
        ...l,
        baselineDigest: twin.digest,
        baselineIndex: twin.index!,
        baselineCompressed: twin.compressed,
      });
    } else added.push(l);
  }
  return { added, removed: unmatched.filter((l) => !used.has(l)), rebuilt };
}

const layerReport = (l: LayerMeasurement, i: number): LayerReport => ({
  digest: l.digest,
  compressed: l.compressed,
  uncompressed: l.uncompressed,
  files: l.files,
  createdBy: l.createdBy ?? null,
  index: i + 1,
  contentDigest: l.contentDigest ?? null,
});

const figures = (p: PlatformMeasurement): Figures => ({
  compressed: p.compressed,
  uncompressed: p.uncompressed,
  wasted: p.wasted,
});

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
