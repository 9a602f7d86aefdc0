/**
 * Each platform's base image in the report: its name (the image's own annotation first, then the
 * Dockerfile's FROM, then the label), how many bottom layers are the base's, and, against the
 * baseline, whether the base changed (other layers at the bottom, or another name of the same
 * kind). Pure: measurements and what the Dockerfile says in, the report with `base` out.
 */
import type { ImageMeasurement, PlatformMeasurement } from '../measure/measurement.js';
import type { BaseImage, BaseImageReport, SizeReport } from '../report/size-report.js';
import type { HistoryRecord } from '../report/history.js';

/** What the Dockerfile says (advise/base-image.ts dockerfileBase), when there is one to read. */
export interface BaseHint {
  name: string;
  countLayers(layers: readonly { createdBy?: string }[]): number;
}

/** `report` with `base` on each platform whose base image is known. */
export function withBaseImages(
  report: SizeReport,
  image: ImageMeasurement,
  baseline: ImageMeasurement | null,
  hint?: BaseHint,
): SizeReport {
  return {
    ...report,
    platforms: report.platforms.map((p) => {
      const measured = image.platforms.find((m) => m.platform === p.platform);
      if (!measured) return p;
      const before = p.baseline ? baseline?.platforms.find((b) => b.platform === p.platform) : undefined;
      const base = baseImageOf(measured, before, hint);
      return base ? { ...p, base } : p;
    }),
  };
}

export function baseImageOf(
  image: PlatformMeasurement,
  baseline: PlatformMeasurement | undefined,
  hint?: BaseHint,
): BaseImageReport | undefined {
  const named = nameOf(image, hint);
  if (!named) return undefined;
  const layers = hint ? count(hint, image.layers) : null;
  const own: BaseImageReport = { ...named, layers, ...(layers !== null && sums(image.layers, layers)) };
  if (!baseline) return own;

  const declared = baseline.declaredBase;
  const before: BaseImage = {
    name: declared?.name ?? null,
    ...(declared?.digest && { digest: declared.digest }),
    ...(declared && { source: declared.from }),
    layers: null,
  };
  // Names are compared only between sources of one kind: `node:22` in a FROM and
  // `docker.io/library/node:22` in an annotation are the same base.
  const sameKind = declared !== undefined && declared.from === named.source;
  const otherName =
    sameKind &&
    (declared.name !== named.name ||
      (declared.digest !== undefined && named.digest !== undefined && declared.digest !== named.digest));
  if (layers === null) return { ...own, baseline: before, ...(sameKind && { changed: otherName }) };

  const sameLayers =
    layers <= baseline.layers.length &&
    image.layers.slice(0, layers).every((l, i) => l.digest === baseline.layers[i]!.digest);
  // The baseline's own base layers: the same bottom layers, or as the Dockerfile tells them in
  // the baseline's history (right when the pull request changed the FROM and little else).
  const theirs = sameLayers ? layers : hint ? count(hint, baseline.layers) : 0;
  return {
    ...own,
    baseline: {
      ...before,
      ...(sameLayers || theirs > 0 ? { layers: theirs, ...sums(baseline.layers, theirs) } : { layers: null }),
    },
    changed: otherName || !sameLayers,
  };
}

function nameOf(
  image: PlatformMeasurement,
  hint: BaseHint | undefined,
): Pick<BaseImageReport, 'name' | 'digest' | 'source'> | undefined {
  const declared = image.declaredBase;
  const fromDeclared = declared && {
    name: declared.name,
    ...(declared.digest && { digest: declared.digest }),
    source: declared.from,
  };
  if (declared?.from === 'annotation') return fromDeclared;
  // A label may be the base image's own, inherited: the Dockerfile is surer.
  if (hint) return { name: hint.name, source: 'dockerfile' };
  return fromDeclared;
}

/** The sizes of the bottom `n` layers. */
function sums(
  layers: PlatformMeasurement['layers'],
  n: number,
): { compressed: number; uncompressed: number | null } {
  const bottom = layers.slice(0, n);
  const uncompressed = bottom.map((l) => l.uncompressed);
  return {
    compressed: bottom.reduce((sum, l) => sum + l.compressed, 0),
    uncompressed: uncompressed.every((u) => u !== null)
      ? (uncompressed as number[]).reduce((a, b) => a + b, 0)
      : null,
  };
}

const count = (hint: BaseHint, layers: readonly { createdBy?: string }[]) =>
  Math.max(0, Math.min(layers.length, hint.countLayers(layers)));

/**
 * `report` with the baseline's base named from the size history, where the baseline image names
 * none itself: the record of the baseline's push (same digest) says what its report named. A
 * name of the same kind as this image's that differs makes the base changed.
 */
export function withBaselineBaseFromHistory(
  report: SizeReport,
  records: readonly HistoryRecord[],
): SizeReport {
  const digest = report.baseline?.digest;
  const record = digest === undefined ? undefined : records.findLast((r) => r.digest === digest);
  if (!record) return report;
  return {
    ...report,
    platforms: report.platforms.map((p) => {
      const base = p.base;
      const known = record.platforms.find((r) => r.platform === p.platform)?.base;
      if (!base?.baseline || base.baseline.name !== null || !known) return p;
      const otherName = known.source === base.source && known.name !== base.name;
      return {
        ...p,
        base: {
          ...base,
          baseline: { ...base.baseline, name: known.name, source: known.source },
          ...(otherName && { changed: true }),
        },
      };
    }),
  };
}
