import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { baseImageOf, withBaseImages, withBaselineBaseFromHistory } from '../../src/compare/base-image.js';
import type { HistoryRecord } from '../../src/report/history.js';
import { dockerfileBase } from '../../src/advise/base-image.js';
import { buildSizeReport } from '../../src/compare/delta.js';
import { parseSizeReport } from '../../src/report/size-report.js';
import type { LayerMeasurement, PlatformMeasurement } from '../../src/measure/measurement.js';
import type { DeclaredBase } from '../../src/image/model.js';

const digest = (name: string) => `sha256:${createHash('sha256').update(name).digest('hex')}`;
const layer = (name: string, compressed: number, createdBy?: string): LayerMeasurement => ({
  digest: digest(name),
  compressed,
  uncompressed: compressed * 2,
  files: 1,
  ...(createdBy && { createdBy }),
});
const platform = (layers: LayerMeasurement[], declaredBase?: DeclaredBase): PlatformMeasurement => ({
  platform: 'linux/amd64',
  manifestDigest: digest(layers.map((l) => l.digest).join()),
  compressed: layers.reduce((sum, l) => sum + l.compressed, 0),
  uncompressed: null,
  wasted: null,
  layers,
  ...(declaredBase && { declaredBase }),
});

const DOCKERFILE = 'ARG NODE=22\nFROM node:${NODE} AS build\nRUN npm ci\nFROM build\nCOPY app /app';
const hint = (text = DOCKERFILE) => dockerfileBase(text, { file: 'Dockerfile', buildArgs: [] });
const npm = layer('npm', 5_000, 'RUN /bin/sh -c npm ci # buildkit');
const app = layer('app', 300, 'COPY app /app # buildkit');
const node20 = [layer('debian', 30_000), layer('node20', 40_000)];
const node22 = [layer('debian', 30_000), layer('node22-a', 42_000), layer('node22-b', 1_000)];

describe('baseImageOf', () => {
  test('the FROM through the stage name and ARG; the layers below what the Dockerfile made', () => {
    const base = baseImageOf(platform([...node22, npm, app]), undefined, hint());
    expect(base).toEqual({
      name: 'node:22',
      source: 'dockerfile',
      layers: 3,
      compressed: 73_000,
      uncompressed: 146_000,
    });
  });

  test("an annotation is preferred to the FROM, with its digest; the count is still the Dockerfile's", () => {
    const declared: DeclaredBase = {
      name: 'docker.io/library/node:22',
      digest: digest('node:22 index'),
      from: 'annotation',
    };
    const base = baseImageOf(platform([...node22, npm, app], declared), undefined, hint());
    expect(base).toMatchObject({
      name: declared.name,
      digest: declared.digest,
      source: 'annotation',
      layers: 3,
    });
  });

  test("a label (perhaps the base image's own, inherited) gives way to the FROM, but names the base without one", () => {
    const label: DeclaredBase = { name: 'debian:bookworm', from: 'label' };
    expect(baseImageOf(platform([...node22, npm, app], label), undefined, hint())?.name).toBe('node:22');
    // The report action without `file`: the label's name, the count unknown.
    expect(baseImageOf(platform([...node22, npm, app], label), undefined)).toEqual({
      name: 'debian:bookworm',
      source: 'label',
      layers: null,
    });
  });

  test('unknown: no Dockerfile and nothing declared', () => {
    expect(baseImageOf(platform([...node22, npm, app]), undefined)).toBeUndefined();
  });

  test('scratch: no base layer', () => {
    const made = layer('bin', 100, 'COPY app /app # buildkit');
    expect(baseImageOf(platform([made]), undefined, hint('FROM scratch\nCOPY app /app'))).toMatchObject({
      name: 'scratch',
      layers: 0,
      compressed: 0,
    });
  });

  test('the same base as the baseline: unchanged, its layers known', () => {
    const base = baseImageOf(platform([...node22, npm, app]), platform([...node22, npm]), hint());
    expect(base?.changed).toBe(false);
    expect(base?.baseline).toEqual({ name: null, layers: 3, compressed: 73_000, uncompressed: 146_000 });
  });

  test("the base changed: other bottom layers; the baseline's own base layers told from its history", () => {
    const before = platform([...node20, npm, app]);
    const base = baseImageOf(platform([...node22, npm, app]), before, hint());
    expect(base?.changed).toBe(true);
    expect(base?.baseline).toEqual({ name: null, layers: 2, compressed: 70_000, uncompressed: 140_000 });
  });

  test('the base changed by name (annotations of both): said, with the old name', () => {
    const before = platform([...node20, npm, app], { name: 'docker.io/library/node:20', from: 'annotation' });
    const after = platform([...node22, npm, app], { name: 'docker.io/library/node:22', from: 'annotation' });
    const base = baseImageOf(after, before, hint());
    expect(base).toMatchObject({ name: 'docker.io/library/node:22', changed: true });
    expect(base?.baseline).toMatchObject({
      name: 'docker.io/library/node:20',
      source: 'annotation',
      layers: 2,
    });
    // Without the Dockerfile: the names alone say it.
    expect(baseImageOf(after, before)).toMatchObject({ layers: null, changed: true });
    // The same name and layers but another digest: the tag moved.
    const moved = platform([...node22, npm, app], {
      name: 'docker.io/library/node:22',
      digest: digest('b'),
      from: 'annotation',
    });
    const was = platform([...node22, npm], {
      name: 'docker.io/library/node:22',
      digest: digest('a'),
      from: 'annotation',
    });
    expect(baseImageOf(moved, was, hint())?.changed).toBe(true);
  });

  test('names of different kinds are not compared: a FROM and an annotation of the same base', () => {
    const before = platform([...node22, npm], { name: 'docker.io/library/node:22', from: 'annotation' });
    expect(baseImageOf(platform([...node22, npm, app]), before, hint())?.changed).toBe(false);
  });

  test('withBaseImages: on the platforms of the report, and the JSON reads back', () => {
    const image = { ref: 'r:pr', digest: digest('pr'), platforms: [platform([...node22, npm, app])] };
    const baseline = { ref: 'r:main', digest: digest('main'), platforms: [platform([...node20, npm, app])] };
    const report = withBaseImages(buildSizeReport(image, baseline), image, baseline, hint());
    expect(report.platforms[0]!.base).toMatchObject({ name: 'node:22', layers: 3, changed: true });
    expect(parseSizeReport(JSON.stringify(report)).platforms[0]!.base).toEqual(report.platforms[0]!.base);
    const bad = JSON.parse(JSON.stringify(report)) as { platforms: { base: { layers: unknown } }[] };
    bad.platforms[0]!.base.layers = '3';
    expect(() => parseSizeReport(JSON.stringify(bad))).toThrow('report.platforms[0].base.layers');
  });

  test("the baseline's base named from the size history's record of its push", () => {
    const image = { ref: 'r:pr', digest: digest('pr'), platforms: [platform([...node22, npm, app])] };
    const baseline = { ref: 'r:main', digest: digest('main'), platforms: [platform([...node20, npm, app])] };
    const report = withBaseImages(buildSizeReport(image, baseline), image, baseline, hint());
    const record = (d: string, name: string): HistoryRecord => ({
      time: '2026-01-01T00:00:00.000Z',
      commit: 'c',
      ref: 'refs/heads/main',
      digest: d,
      platforms: [
        {
          platform: 'linux/amd64',
          compressed: 1,
          uncompressed: 1,
          wasted: 0,
          layers: 4,
          base: { name, source: 'dockerfile' },
        },
      ],
    });
    const named = withBaselineBaseFromHistory(report, [
      record(digest('other'), 'x:1'),
      record(digest('main'), 'node:20'),
    ]);
    expect(named.platforms[0]!.base!.baseline).toMatchObject({
      name: 'node:20',
      source: 'dockerfile',
      layers: 2,
    });
    // No record of the baseline's digest: as it was.
    expect(withBaselineBaseFromHistory(report, [record(digest('other'), 'x:1')])).toBe(report);
    // The same layers under another FROM of the same kind: the base changed (by name).
    const same = { ...baseline, platforms: [platform([...node22, npm])] };
    const unchanged = withBaseImages(buildSizeReport(image, same), image, same, hint());
    expect(unchanged.platforms[0]!.base!.changed).toBe(false);
    const renamed = withBaselineBaseFromHistory(unchanged, [record(digest('main'), 'node:22-bookworm')]);
    expect(renamed.platforms[0]!.base).toMatchObject({
      changed: true,
      baseline: { name: 'node:22-bookworm' },
    });
  });
});
