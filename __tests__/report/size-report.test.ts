import { describe, expect, test } from '@jest/globals';
import { parseSizeReport } from '../../src/report/size-report.js';
import { sizeTable } from '../../src/render/table.js';
import type { ImageMeasurement } from '../../src/measure/measurement.js';
import { buildSizeReport } from '../../src/compare/delta.js';

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

const image: ImageMeasurement = {
  ref: 'localhost:5000/acme/app:pr-7',
  digest: d(9),
  platforms: [
    {
      platform: 'linux/amd64',
      manifestDigest: d(8),
      compressed: 3_000_000,
      uncompressed: 7_000_000,
      wasted: 65_536,
      layers: [
        {
          digest: d(1),
          compressed: 2_000_000,
          uncompressed: 5_000_000,
          files: 400,
          createdBy: 'FROM busybox',
        },
        { digest: d(2), compressed: 1_000_000, uncompressed: 2_000_000, files: 3, createdBy: 'RUN make' },
      ],
    },
    {
      platform: 'linux/arm64',
      manifestDigest: d(7),
      compressed: 1_500_000,
      uncompressed: 3_000_000,
      wasted: 0,
      layers: [{ digest: d(3), compressed: 1_500_000, uncompressed: 3_000_000, files: 10 }],
    },
  ],
};

const baseline: ImageMeasurement = {
  ref: 'localhost:5000/acme/app:main',
  digest: d(6),
  platforms: [
    {
      platform: 'linux/amd64',
      manifestDigest: d(5),
      compressed: 2_500_000,
      uncompressed: 6_000_000,
      wasted: 0,
      layers: [
        { digest: d(1), compressed: 2_000_000, uncompressed: 5_000_000, files: 400 },
        { digest: d(4), compressed: 500_000, uncompressed: 1_000_000, files: 2 },
      ],
    },
  ],
};

describe('buildSizeReport', () => {
  test('with a baseline: per-platform baseline figures, delta and new-to-pull', () => {
    const make = {
      digest: d(2),
      compressed: 1_000_000,
      uncompressed: 2_000_000,
      files: 3,
      createdBy: 'RUN make',
      contentDigest: null,
    };
    const report = buildSizeReport(image, baseline);
    expect(report.version).toBe(1);
    expect(report.image).toEqual({ ref: 'localhost:5000/acme/app:pr-7', digest: d(9) });
    expect(report.baseline).toEqual({ ref: 'localhost:5000/acme/app:main', digest: d(6) });
    expect(report.platforms[0]).toEqual({
      platform: 'linux/amd64',
      compressed: 3_000_000,
      uncompressed: 7_000_000,
      wasted: 65_536,
      newToPull: 1_000_000,
      layers: [
        {
          digest: d(1),
          compressed: 2_000_000,
          uncompressed: 5_000_000,
          files: 400,
          createdBy: 'FROM busybox',
          index: 1,
          contentDigest: null,
        },
        { ...make, index: 2 },
      ],
      baseline: { compressed: 2_500_000, uncompressed: 6_000_000, wasted: 0, layerCount: 2 },
      delta: { compressed: 500_000, uncompressed: 1_000_000, wasted: 65_536, layerCount: 0 },
      changes: {
        added: [{ ...make, index: 2 }],
        // the baseline's index: the second layer of :main
        removed: [
          {
            digest: d(4),
            compressed: 500_000,
            uncompressed: 1_000_000,
            files: 2,
            createdBy: null,
            index: 2,
            contentDigest: null,
          },
        ],
        rebuilt: [],
      },
      sameContent: false,
      paths: null,
    });
    // a platform the baseline lacks: everything is new to pull, no delta
    expect(report.platforms[1]).toMatchObject({
      newToPull: 1_500_000,
      baseline: null,
      delta: null,
      changes: null,
    });
    expect(report.removedPlatforms).toEqual([]);
  });

  test('a platform the baseline has and the image dropped is listed as removed', () => {
    const report = buildSizeReport({ ...image, platforms: [image.platforms[1]] }, baseline);
    expect(report.removedPlatforms).toEqual(['linux/amd64']);
  });

  test('without a baseline: nulls, never zeros', () => {
    const report = buildSizeReport(image, null);
    expect(report.baseline).toBeNull();
    expect(report.platforms.map((p) => [p.newToPull, p.baseline, p.delta, p.changes])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect(report.removedPlatforms).toEqual([]);
    expect(report.platforms[1].layers[0].createdBy).toBeNull();
  });

  test('manifests only: unmeasured figures stay null in the delta', () => {
    const unmeasured: ImageMeasurement = {
      ...image,
      platforms: [{ ...image.platforms[0], uncompressed: null, wasted: null }],
    };
    expect(buildSizeReport(unmeasured, baseline).platforms[0].delta).toEqual({
      compressed: 500_000,
      uncompressed: null,
      wasted: null,
      layerCount: 0,
    });
  });

  test('a layer listed twice is new to pull once', () => {
    const twice: ImageMeasurement = {
      ...image,
      platforms: [
        { ...image.platforms[0], layers: [image.platforms[0].layers[1], image.platforms[0].layers[1]] },
      ],
    };
    expect(buildSizeReport(twice, baseline).platforms[0].newToPull).toBe(1_000_000);
  });
});

test('sizeTable: aligned columns, deltas with percentages', () => {
  expect(sizeTable(buildSizeReport(image, baseline))).toBe(
    [
      `Image localhost:5000/acme/app:pr-7 (${d(9)})`,
      `Baseline localhost:5000/acme/app:main (${d(6)})`,
      '',
      'platform     compressed  uncompressed   wasted  layers  new to pull  change (compressed)',
      'linux/amd64     3.00 MB       7.00 MB  65.5 kB       2      1.00 MB     +500 kB (+20.0%)',
      'linux/arm64     1.50 MB       3.00 MB      0 B       1      1.50 MB         new platform',
    ].join('\n'),
  );
  expect(sizeTable(buildSizeReport({ ...image, platforms: [image.platforms[1]] }, null))).toBe(
    [
      `Image localhost:5000/acme/app:pr-7 (${d(9)})`,
      'Baseline: none',
      '',
      'platform     compressed  uncompressed  wasted  layers',
      'linux/arm64     1.50 MB       3.00 MB     0 B       1',
    ].join('\n'),
  );
  const unread = buildSizeReport(image, null, {
    status: 'unavailable',
    ref: 'localhost:5000/acme/app:main',
    problem: 'unreachable',
    reason: 'down',
  });
  expect(sizeTable(unread).split('\n')[1]).toBe(
    'Baseline localhost:5000/acme/app:main: unavailable (unreachable, see the warning)',
  );
});

describe('parseSizeReport: a saved report read back, every field checked', () => {
  const saved = JSON.stringify(buildSizeReport(image, baseline));

  test('a report the action wrote reads back equal', () => {
    expect(parseSizeReport(saved)).toEqual(JSON.parse(saved));
  });

  // A JSON document to spoil: any field, any type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  test.each<[string, (r: Record<string, any>) => void, string]>([
    [
      'a string where a size is printed',
      (r) => (r.platforms[0].compressed = '<img src=x>'),
      'report.platforms[0].compressed: expected a number',
    ],
    [
      'a layer digest that is not a string',
      (r) => (r.platforms[0].layers[1].digest = 5),
      'report.platforms[0].layers[1].digest: expected a string',
    ],
    [
      'an object as createdBy',
      (r) => (r.platforms[0].layers[0].createdBy = { x: 1 }),
      'report.platforms[0].layers[0].createdBy: expected a string',
    ],
    [
      'a delta with a string',
      (r) => (r.platforms[0].delta.layerCount = '1'),
      'report.platforms[0].delta.layerCount: expected a number',
    ],
    ['another version', (r) => (r.version = 2), 'report.version: expected 1'],
    [
      'a baseline problem of its own',
      (r) => (r.baselineUnavailable = { ref: 'x:1', problem: 'gone', reason: 'r' }),
      'report.baselineUnavailable.problem: one of broken, unreachable, unauthorized, not-an-image, unreadable',
    ],
    [
      'a baseline reason that is not text',
      (r) => (r.baselineUnavailable = { ref: 'x:1', problem: 'broken', reason: ['<b>'] }),
      'report.baselineUnavailable.reason: expected a string',
    ],
    [
      'an unchecked budget rule that is not text',
      (r) =>
        (r.budget = { status: 'fail', violations: [], unchecked: [{ platform: 'linux/amd64', rule: 1 }] }),
      'report.budget.unchecked[0].rule: expected a string',
    ],
    [
      'a budget rule for an absent platform that is not text',
      (r: Record<string, unknown>) =>
        (r.budget = {
          status: 'warn',
          violations: [],
          absent: [{ platform: 7, rule: 'max-compressed=1GB' }],
        }),
      'report.budget.absent[0].platform: expected a string',
    ],
    [
      'a budget status of its own',
      (r) => (r.budget = { status: 'ok', violations: [] }),
      'report.budget.status: pass, warn or fail',
    ],
    [
      'Infinity in disguise',
      (r) => (r.platforms[0].wasted = '1e999'),
      'report.platforms[0].wasted: expected a number',
    ],
  ])('%s', (_name, spoil, message) => {
    const r = JSON.parse(saved);
    spoil(r);
    expect(() => parseSizeReport(JSON.stringify(r))).toThrow(message);
  });

  // The file may be anything the workflow points at (a docker config, say): where, never what.
  test.each([
    ['{', 'it is not valid JSON (line 1, column 2)'],
    ['{"auths": {"ghcr.io": {"auth": bGFiOmxhYi1wYXNzd29yZA==}}}', 'it is not valid JSON'],
    ['"bGFiOmxhYi1wYXNzd29yZA=="', 'report: expected an object'],
  ])('not a report: %s', (text, message) => {
    expect(() => parseSizeReport(text)).toThrow(new Error(message));
  });
});

describe('parseSizeReport: saved advice, strictly', () => {
  const advice = {
    rule: 'package-cache',
    file: 'app/docker/Dockerfile',
    line: 4,
    endLine: 6,
    bytes: 38_200_000,
    message: 'apt lists left in the layer',
    fix: 'rm -rf /var/lib/apt/lists/* in the same RUN',
    platforms: ['linux/amd64'],
  };
  const withAdvice = (entries: unknown) =>
    JSON.stringify({ ...buildSizeReport(image, baseline), advice: entries });

  test('advice the action wrote reads back equal; a report without advice is still valid', () => {
    expect(parseSizeReport(withAdvice([advice])).advice).toEqual([advice]);
    expect(parseSizeReport(withAdvice([])).advice).toEqual([]);
    expect(parseSizeReport(JSON.stringify(buildSizeReport(image, null))).advice).toBeUndefined();
  });

  test.each<[string, unknown, string]>([
    ['not an array', { 0: advice }, 'report.advice: expected an array'],
    ['an entry that is no object', ['<b>x</b>'], 'report.advice[0]: expected an object'],
    [
      'bytes as a string',
      [{ ...advice, bytes: '<img src=x>' }],
      'report.advice[0].bytes: expected a whole number',
    ],
    ['negative bytes', [{ ...advice, bytes: -1 }], 'report.advice[0].bytes: expected a whole number'],
    ['a fraction of a line', [{ ...advice, line: 1.5 }], 'report.advice[0].line: expected a whole number'],
    ['line 0', [{ ...advice, line: 0, endLine: 0 }], 'report.advice[0].line: expected a line number'],
    ['an end before the start', [{ ...advice, endLine: 3 }], 'report.advice[0].endLine: before line'],
    [
      'a message that is no string',
      [{ ...advice, message: ['x'] }],
      'report.advice[0].message: expected a string',
    ],
    ['a missing fix', [{ ...advice, fix: undefined }], 'report.advice[0].fix: expected a string'],
    [
      'a platform that is no string',
      [{ ...advice, platforms: [1] }],
      'report.advice[0].platforms[0]: expected a string',
    ],
    ['no platforms', [{ ...advice, platforms: undefined }], 'report.advice[0].platforms: expected an array'],
    [
      'a field of its own',
      [{ ...advice, html: '<script>' }],
      'report.advice[0]: a field the advisor does not write',
    ],
  ])('%s', (_name, entries, message) => {
    expect(() => parseSizeReport(withAdvice(entries))).toThrow(message);
  });
});

describe('same content, per-pull figures', () => {
  const layer = (n: number, compressed: number, content: string) => ({
    digest: d(n),
    compressed,
    uncompressed: compressed * 2,
    files: 1,
    contentDigest: `sha256:${content.repeat(64).slice(0, 64)}`,
  });
  const platform = (name: string, layers: ReturnType<typeof layer>[]) => ({
    platform: name,
    manifestDigest: d(8),
    compressed: layers.reduce((sum, l) => sum + l.compressed, 0),
    uncompressed: 0,
    wasted: 0,
    layers,
  });
  const measured = (ref: string, platforms: ReturnType<typeof platform>[]): ImageMeasurement => ({
    ref,
    digest: d(9),
    platforms,
  });

  test('a rebuilt layer with the same content is neither added nor removed, and the pull changes by 0', () => {
    const main = measured('app:main', [platform('linux/amd64', [layer(1, 1000, 'a'), layer(2, 500, 'b')])]);
    // layer 2 built again: new digest, 2 bytes more (file times), same files
    const pr = measured('app:pr-1', [platform('linux/amd64', [layer(1, 1000, 'a'), layer(3, 502, 'b')])]);
    const report = buildSizeReport(pr, main);
    const p = report.platforms[0];
    expect(p.changes!.added).toEqual([]);
    expect(p.changes!.removed).toEqual([]);
    expect(p.changes!.rebuilt).toMatchObject([
      { digest: d(3), baselineDigest: d(2), baselineIndex: 2, index: 2 },
    ]);
    expect(p.sameContent).toBe(true);
    // the bytes differ, and the JSON says so; the per-pull change does not count them
    expect(p.delta!.compressed).toBe(2);
    expect(report.pullDelta!.perPull).toMatchObject({ compressed: 0, alike: true });
    expect(parseSizeReport(JSON.stringify(report))).toEqual(report);
  });

  test.each([
    ['alike (within 1 kB)', [303_000, 303_800], true, 303_800, 606_800],
    ['alike (within 1%)', [50_000_000, 50_400_000], true, 50_400_000, 100_400_000],
    ['apart', [100_000, 500_000], false, 500_000, 600_000],
  ])(
    'two platforms %s: one per-pull figure, the largest, and a labelled total',
    (_, [amd, arm], alike, per, total) => {
      const main = measured('app:main', [
        platform('linux/amd64', [layer(1, 1_000_000, 'a')]),
        platform('linux/arm64', [layer(2, 1_000_000, 'b')]),
      ]);
      const pr = measured('app:pr-1', [
        platform('linux/amd64', [layer(1, 1_000_000, 'a'), layer(3, amd, 'c')]),
        platform('linux/arm64', [layer(2, 1_000_000, 'b'), layer(4, arm, 'd')]),
      ]);
      const { pullDelta } = buildSizeReport(pr, main);
      expect(pullDelta).toEqual({
        perPull: {
          compressed: per,
          platform: 'linux/arm64',
          before: 1_000_000,
          after: 1_000_000 + per,
          alike,
          min: amd,
          max: arm,
        },
        totalOverPlatforms: { before: 2_000_000, after: 2_000_000 + total, compressed: total, platforms: 2 },
      });
    },
  );
});
