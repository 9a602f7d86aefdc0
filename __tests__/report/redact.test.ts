// The size report as it leaves the run: build-arg values hidden from every layer's history text.
import { describe, expect, test } from '@jest/globals';
import { withoutBuildArgValues } from '../../src/report/redact.js';
import type { ImageMeasurement, LayerMeasurement } from '../../src/measure/measurement.js';
import { buildSizeReport } from '../../src/compare/delta.js';

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const layer = (n: number, createdBy?: string): LayerMeasurement => ({
  digest: d(n),
  compressed: 1000 * n,
  uncompressed: 2000 * n,
  files: n,
  ...(createdBy !== undefined && { createdBy }),
});
const measured = (ref: string, layers: LayerMeasurement[]): ImageMeasurement => ({
  ref,
  digest: d(9),
  platforms: [
    { platform: 'linux/amd64', manifestDigest: d(8), compressed: 1, uncompressed: 2, wasted: 0, layers },
  ],
});

const image = measured('reg/app:pr-1', [
  layer(1),
  layer(2, 'RUN |2 NPM_TOKEN=npm_s3cr3t STAGE=prod /bin/sh -c npm ci # buildkit'),
  layer(3, 'WORKDIR /srv/prod-data'),
]);
const base = measured('reg/app:main', [
  layer(1),
  layer(4, 'RUN |1 NPM_TOKEN=npm_old /bin/sh -c npm ci # buildkit'),
]);

describe('withoutBuildArgValues', () => {
  test('every createdBy of the layers and of the changes, nothing else', () => {
    const report = buildSizeReport(image, base);
    const hidden = withoutBuildArgValues(report, ['NPM_TOKEN=npm_s3cr3t', 'STAGE=prod-data', 'BARE']);
    const texts = (r: typeof report) =>
      r.platforms.flatMap((p) =>
        [...p.layers, ...p.changes!.added, ...p.changes!.removed].map((l) => l.createdBy),
      );
    expect(texts(hidden)).toEqual([
      null,
      'RUN |2 NPM_TOKEN=*** STAGE=*** /bin/sh -c npm ci # buildkit',
      'WORKDIR /srv/***',
      'RUN |2 NPM_TOKEN=*** STAGE=*** /bin/sh -c npm ci # buildkit',
      'WORKDIR /srv/***',
      'RUN |1 NPM_TOKEN=*** /bin/sh -c npm ci # buildkit',
    ]);
    const json = JSON.stringify(hidden);
    for (const value of ['npm_s3cr3t', 'npm_old', 'prod-data']) expect(json).not.toContain(value);
    // Figures, refs and digests are untouched.
    expect({ ...hidden, platforms: [] }).toEqual({ ...report, platforms: [] });
    expect(hidden.platforms[0].compressed).toBe(report.platforms[0].compressed);
  });

  test('rebuilt layers (same content) keep their place in the changes, their history hidden too', () => {
    const same = (n: number, createdBy: string) => ({ ...layer(n, createdBy), contentDigest: d(7) });
    const report = buildSizeReport(
      measured('reg/app:pr-2', [layer(1), same(5, 'RUN |1 NPM_TOKEN=npm_s3cr3t /bin/sh -c npm ci')]),
      measured('reg/app:main', [layer(1), same(6, 'RUN |1 NPM_TOKEN=npm_old /bin/sh -c npm ci')]),
    );
    const hidden = withoutBuildArgValues(report, ['NPM_TOKEN=npm_s3cr3t']);
    expect(hidden.platforms[0].changes!.rebuilt).toMatchObject([
      { digest: d(5), baselineDigest: d(6), createdBy: 'RUN |1 NPM_TOKEN=*** /bin/sh -c npm ci' },
    ]);
    expect(hidden.platforms[0].sameContent).toBe(true);
  });

  test('a report without a baseline', () => {
    const hidden = withoutBuildArgValues(buildSizeReport(image, null), []);
    expect(hidden.platforms[0].changes).toBeNull();
    expect(hidden.platforms[0].layers[1].createdBy).toBe(
      'RUN |2 NPM_TOKEN=*** STAGE=*** /bin/sh -c npm ci # buildkit',
    );
  });
});
