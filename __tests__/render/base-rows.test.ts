import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { renderReport } from '../../src/render/markdown.js';
import { sizeTable } from '../../src/render/table.js';
import { buildSizeReport } from '../../src/compare/delta.js';
import { withBaseImages } from '../../src/compare/base-image.js';
import { dockerfileBase } from '../../src/advise/base-image.js';
import { checkInertMarkdown } from '../support/inert-markdown.js';
import type {
  ImageMeasurement,
  LayerMeasurement,
  PlatformMeasurement,
} from '../../src/measure/measurement.js';
import type { DeclaredBase } from '../../src/image/model.js';
import type { SizeReport } from '../../src/report/size-report.js';

const MB = 1_000_000;
const digest = (name: string) => `sha256:${createHash('sha256').update(name).digest('hex')}`;
const layer = (name: string, compressed: number, createdBy?: string): LayerMeasurement => ({
  digest: digest(name),
  compressed,
  uncompressed: compressed * 2,
  files: 1,
  ...(createdBy && { createdBy }),
});
const platform = (
  name: string,
  layers: LayerMeasurement[],
  declaredBase?: DeclaredBase,
): PlatformMeasurement => ({
  platform: name,
  manifestDigest: digest(`${name} ${layers.map((l) => l.digest).join()}`),
  compressed: layers.reduce((sum, l) => sum + l.compressed, 0),
  uncompressed: layers.reduce((sum, l) => sum + l.uncompressed!, 0),
  wasted: 0,
  layers,
  ...(declaredBase && { declaredBase }),
});
const image = (ref: string, platforms: PlatformMeasurement[]): ImageMeasurement => ({
  ref,
  digest: digest(ref),
  platforms,
});

const DOCKERFILE = 'ARG BASE=node:22-slim\nFROM ${BASE} AS build\nRUN npm ci\nFROM build\nCOPY app /app';
const hint = (text = DOCKERFILE) => dockerfileBase(text, { file: 'Dockerfile', buildArgs: [] });
const npm = layer('npm', 12 * MB, 'RUN /bin/sh -c npm ci # buildkit');
const app = layer('app', 300_000, 'COPY app /app # buildkit');
const app2 = layer('app-2', 320_000, 'COPY app /app # buildkit');
const node20 = [layer('debian', 28 * MB), layer('node20', 40 * MB)];
const node22 = [layer('debian', 28 * MB), layer('node22-a', 43 * MB), layer('node22-b', 1_000)];

function report(pr: ImageMeasurement, main: ImageMeasurement | null, dockerfile = hint()): SizeReport {
  return withBaseImages(buildSizeReport(pr, main), pr, main, dockerfile);
}
const render = (r: SizeReport) => renderReport(r, { key: 'k' });
/** Saves the markdown for a look (render-comment.sh) when BASE_ROWS_OUT is set. */
const keep = (name: string, markdown: string) => {
  if (process.env.BASE_ROWS_OUT) writeFileSync(`${process.env.BASE_ROWS_OUT}/${name}.md`, markdown);
};
const rowsOf = (markdown: string) => markdown.split('\n').filter((l) => l.startsWith('| '));

describe('the base image in the layer tables', () => {
  test('an unchanged base: one collapsed row that names it, with the summed sizes', () => {
    const markdown = render(
      report(
        image('r:pr-1', [platform('linux/amd64', [...node22, npm, app2])]),
        image('r:main', [platform('linux/amd64', [...node22, npm, app])]),
      ),
    );
    keep('unchanged', markdown);
    expect(markdown).not.toContain('| – |');
    expect(rowsOf(markdown)).toContain(
      '| 1–3 | <span title="71,001,000 bytes">71.0 MB</span> | <span title="142,002,000 bytes">142 MB</span> | base `node:22-slim` (3 layers) |',
    );
    expect(markdown).toContain(
      '<summary>4 unchanged layers (3 of the base image), 83.0 MB compressed</summary>',
    );
    // No row of its own for a base layer.
    expect(rowsOf(markdown).filter((r) => /^\| [123] \|/.test(r))).toEqual([]);
    expect(checkInertMarkdown(markdown)).toEqual([]);
  });

  test("a changed base: one row that says so, old → new, with the baseline's base layers folded in", () => {
    const before = { name: 'docker.io/library/node:20', from: 'annotation' } as const;
    const after = {
      name: 'docker.io/library/node:22',
      digest: digest('node:22'),
      from: 'annotation',
    } as const;
    const r = report(
      image('r:pr-2', [platform('linux/amd64', [...node22, npm, app2], after)]),
      image('r:main', [platform('linux/amd64', [...node20, npm, app], before)]),
    );
    const markdown = render(r);
    keep('changed', markdown);
    expect(markdown).toContain('#### `linux/amd64`: base changed, 1 layer added, 1 layer removed');
    const [row] = rowsOf(markdown).filter((l) => l.startsWith('| 🔄 |'));
    expect(row).toBe(
      '| 🔄 | 1–3 | <span title="71,001,000 bytes">71.0 MB</span><br><sub><span title="+3,001,000 bytes">+3.00 MB</span></sub> | ' +
        '<span title="142,002,000 bytes">142 MB</span><br><sub><span title="+6,002,000 bytes">+6.00 MB</span></sub> | ' +
        `base changed: \`docker.io/library/node:20\` → \`docker.io/library/node:22\` (3 layers, was 2)<br><sub>\`${digest('node:22').slice(0, 19)}\`</sub> |`,
    );
    // The base's layers, old and new, are in that row, not rows of their own, nor counted as added.
    expect(rowsOf(markdown).filter((l) => l.startsWith('| ➕ |') || l.startsWith('| ➖ |'))).toEqual([
      expect.stringContaining('`COPY app /app`'),
      expect.stringContaining('`COPY app /app`'),
    ]);
    expect(sizeTable(r)).toContain(
      `linux/amd64: docker.io/library/node:22@${digest('node:22')}, 3 layers (changed: was docker.io/library/node:20, 2 layers)`,
    );
    expect(checkInertMarkdown(markdown)).toEqual([]);
  });

  test("a changed base whose old name is not known: the new one, and that the layers are not the baseline's", () => {
    const markdown = render(
      report(
        image('r:pr-3', [platform('linux/amd64', [...node22, npm, app])]),
        image('r:main', [platform('linux/amd64', [...node20, npm, app])]),
      ),
    );
    expect(markdown).toContain(
      "base `node:22-slim` changed: its layers are not the baseline's (3 layers, was 2)",
    );
  });

  test('a report read back without `changed`: a base layer the baseline lacks still makes it a change', () => {
    const r = report(
      image('r:pr-7', [platform('linux/amd64', [...node22, npm, app])]),
      image('r:main', [platform('linux/amd64', [...node20, npm, app])]),
    );
    const base = { ...r.platforms[0]!.base! };
    delete base.changed;
    const markdown = render({ ...r, platforms: [{ ...r.platforms[0]!, base }] });
    expect(markdown).toContain('#### `linux/amd64`: base changed');
    expect(rowsOf(markdown).filter((l) => l.startsWith('| 🔄 | 1–3 |'))).toHaveLength(1);
  });

  test('no baseline: the base row among all the layers', () => {
    const markdown = render(report(image('r:v1', [platform('linux/amd64', [...node22, npm, app])]), null));
    expect(markdown).toContain('<summary>5 layers, 83.3 MB compressed</summary>');
    expect(
      rowsOf(markdown)[rowsOf(markdown).indexOf('| Layer | Compressed | Uncompressed | Created by |') + 2],
    ).toMatch(/^\| 1–3 \| .* \| base `node:22-slim` \(3 layers\) \|$/);
  });

  test('two platforms with the same base (sizes of their own): one table, alike', () => {
    const arm = (l: LayerMeasurement, scale = 1) => ({
      ...l,
      digest: digest(`arm ${l.digest}`),
      compressed: l.compressed * scale,
    });
    const markdown = render(
      report(
        image('r:pr-4', [
          platform('linux/amd64', [...node22, npm, app2]),
          platform('linux/arm64', [...node22.map((l) => arm(l, 0.9)), arm(npm), arm(app2)]),
        ]),
        image('r:main', [
          platform('linux/amd64', [...node22, npm, app]),
          platform('linux/arm64', [...node22.map((l) => arm(l, 0.9)), arm(npm), arm(app)]),
        ]),
      ),
    );
    keep('alike', markdown);
    expect(markdown).toContain('#### `linux/amd64`, `linux/arm64` (alike)');
  });

  test('unknown base (no Dockerfile, nothing declared): the rows as they were', () => {
    const r = withBaseImages(
      buildSizeReport(
        image('r:pr-5', [platform('linux/amd64', [...node22, npm, app2])]),
        image('r:main', [platform('linux/amd64', [...node22, npm, app])]),
      ),
      image('r:pr-5', []),
      null,
    );
    const markdown = render(r);
    expect(markdown).toContain('<summary>4 unchanged layers, 83.0 MB compressed</summary>');
    expect(rowsOf(markdown).filter((l) => l.startsWith('| 1 |') || l.includes('title="sha256'))).not.toEqual(
      [],
    );
    expect(markdown).not.toContain('base `');
  });

  test("the author's base name and digest stay text", () => {
    const hostile = {
      name: 'evil | `x` <img src=x> @admin #1\n| --- |',
      digest: '<details>',
      from: 'annotation',
    } as const;
    const r = report(
      image('r:pr-6', [platform('linux/amd64', [...node22, npm, app], hostile)]),
      image('r:main', [platform('linux/amd64', [...node20, npm, app], { ...hostile, name: 'old ` |' })]),
    );
    const markdown = render(r);
    expect(checkInertMarkdown(markdown)).toEqual([]);
    expect(sizeTable(r)).not.toContain('\n| --- |');
  });
});
