/**
 * reproducible-build: the comparison's rebuilt layers (compare/delta.ts) reach the advisor through
 * the advice step and come out as one suggestion on the final FROM, shown in the comment's advice
 * section beside layers that really changed; quiet without rebuilt layers and with advise off.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSizeReport } from '../../../src/compare/delta.js';
import { computeWaste } from '../../../src/image/wasted.js';
import type { LayerScan } from '../../../src/image/layers.js';
import { FakeIo } from '../../../src/io/fake.js';
import type { ImageMeasurement } from '../../../src/measure/measurement.js';
import { renderReport } from '../../../src/render/markdown.js';
import { formatBytes } from '../../../src/render/format.js';
import { savingsTotal } from '../../../src/report/savings.js';
import { runAdviceStep } from '../../../src/steps/advice.js';
import { syntheticScan, filesUnder } from '../../support/synthetic-advice.js';

const DOCKERFILE = [
  'FROM scratch', // 1
  'COPY base /base', // 2
  'COPY vendor /vendor', // 3
  'COPY app /app', // 4
  '',
].join('\n');

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'reproducible-build-'));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const digest = (name: string) => `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;

interface Layer {
  digest: string;
  compressed: number;
  line: number;
  scan: LayerScan;
}

const layer = (name: string, line: number, scan: LayerScan, compressed: number): Layer => ({
  digest: digest(name),
  compressed,
  line,
  scan,
});

const createdBy = (line: number) => `${DOCKERFILE.split('\n')[line - 1]} # buildkit`;

function measurement(ref: string, layers: Layer[]): ImageMeasurement {
  return {
    ref,
    digest: digest(ref),
    platforms: [
      {
        platform: 'linux/amd64',
        manifestDigest: digest(`${ref}-manifest`),
        compressed: layers.reduce((sum, l) => sum + l.compressed, 0),
        uncompressed: layers.reduce((sum, l) => sum + l.scan.uncompressed, 0),
        wasted: 0,
        layers: layers.map((l) => ({
          digest: l.digest,
          compressed: l.compressed,
          uncompressed: l.scan.uncompressed,
          files: l.scan.files,
          createdBy: createdBy(l.line),
          contentDigest: l.scan.contentDigest,
        })),
      },
    ],
  };
}

const base = syntheticScan(filesUnder('base', 4, 500_000));
const vendor = syntheticScan(filesUnder('vendor', 3, 1_000_000));
// syntheticScan's content digest names the paths only: other sizes are other content.
const vendorOther = {
  ...syntheticScan(filesUnder('vendor', 3, 1_100_000)),
  contentDigest: 'sha256:other-vendor',
};
const app = syntheticScan(filesUnder('app', 2, 2_000_000));
const appGrown = syntheticScan(filesUnder('app', 3, 2_000_000));

const baselineLayers = [
  layer('base', 2, base, 900_000),
  layer('vendor', 3, vendor, 1_200_000),
  layer('app', 4, app, 1_500_000),
];

/** The advice step on `image` against the baseline, as steps/size.ts runs it. */
async function adviceFor(
  image: Layer[],
  options: { enabled?: boolean; dockerfile?: string; minBytes?: number } = {},
) {
  const dir = mkdtempSync(join(workspace, 'case-'));
  writeFileSync(join(dir, 'Dockerfile'), options.dockerfile ?? DOCKERFILE);
  const compared = buildSizeReport(
    measurement('localhost:5000/acme/app:pr-1', image),
    measurement('localhost:5000/acme/app:main', baselineLayers),
  );
  const io = new FakeIo();
  const advice = await runAdviceStep(io, {
    enabled: options.enabled ?? true,
    analyzeLayers: true,
    minBytes: options.minBytes ?? 1_000_000,
    location: { context: '.', cwd: dir, workspace: dir },
    buildArgs: [],
    scanned: [
      {
        platform: 'linux/amd64',
        layers: image.map((l) => ({
          digest: l.digest,
          compressed: l.compressed,
          createdBy: createdBy(l.line),
          scan: l.scan,
        })),
        waste: computeWaste(image.map((l) => l.scan)),
      },
    ],
    compared,
  });
  return { advice, compared, io };
}

describe('reproducible-build', () => {
  // The vendor layer was rebuilt (new digest, the baseline's files); the app layer grew.
  const rebuiltAmongChanged = [
    baselineLayers[0]!,
    layer('vendor-rebuilt', 3, vendor, 1_200_100),
    layer('app-grown', 4, appGrown, 2_200_000),
  ];

  test('a rebuilt layer among changed ones: one suggestion on the FROM, naming its layer and line, no saving claimed', async () => {
    const { advice, compared } = await adviceFor(rebuiltAmongChanged);
    const changes = compared.platforms[0]!.changes!;
    // The comparison this rests on: one layer rebuilt, one really added.
    expect(changes.rebuilt!.map((l) => l.index)).toEqual([2]);
    expect(changes.added.map((l) => l.index)).toEqual([3]);
    const entries = advice!.filter((a) => a.rule === 'reproducible-build');
    expect(entries).toEqual([
      {
        rule: 'reproducible-build',
        file: 'Dockerfile',
        line: 1,
        endLine: 1,
        bytes: vendor.uncompressed,
        message: expect.stringContaining('Layer 2 (line 3) has the baseline'),
        fix: expect.stringContaining('`outputs: type=image,rewrite-timestamp=true`'),
        platforms: ['linux/amd64'],
      },
    ]);
    expect(entries[0]!.message).toContain(`downloads ${formatBytes(1_200_100)} (compressed) again`);
    expect(entries[0]!.fix).toContain('`SOURCE_DATE_EPOCH`');
    // The renderers add the silence hint (report/silence.ts): the fix does not say it twice.
    expect(entries[0]!.fix).not.toContain('shipshape-ignore');
    expect(entries[0]).not.toHaveProperty('saves');
    expect(savingsTotal(entries)).toBe(0);
  });

  test('the comment shows it in the advice section beside the changed layers, with no Saves figure', async () => {
    const { advice, compared } = await adviceFor(rebuiltAmongChanged);
    const markdown = renderReport({ ...compared, advice }, { key: 'default' });
    expect(markdown).not.toContain('no size change');
    const section = markdown.slice(markdown.indexOf('#### 💡'));
    // Nothing claims a saving: no "up to 0 B".
    expect(section.split('\n')[0]).toBe('#### 💡 Ways to shrink this image');
    const row = section.split('\n').find((l) => l.includes('`reproducible-build`'))!;
    expect(row).toMatch(/^\| – \| 1 \| `reproducible-build` Layer 2 \\\(line 3\\\) has the baseline/);
    expect(row).toContain('**Fix:** Build reproducibly\\?');
    expect(row).toContain('`outputs: type=image,rewrite-timestamp=true`');
  });

  test('several rebuilt layers are listed, lines as the history says', async () => {
    const { advice } = await adviceFor([
      layer('base-rebuilt', 2, base, 900_001),
      layer('vendor-rebuilt', 3, vendor, 1_200_001),
      layer('app-grown', 4, appGrown, 2_200_000),
    ]);
    const [entry] = advice!.filter((a) => a.rule === 'reproducible-build');
    expect(entry!.message).toMatch(/^Layers 1 \(line 2\) and 2 \(line 3\) have the baseline's files/);
    expect(entry!.bytes).toBe(base.uncompressed + vendor.uncompressed);
  });

  test.each([
    [
      'no layer rebuilt: same digests and new content only',
      [baselineLayers[0]!, baselineLayers[1]!, layer('app-grown', 4, appGrown, 2_200_000)],
    ],
    [
      'a new vendor layer with other files is added, not rebuilt',
      [baselineLayers[0]!, layer('vendor-new', 3, vendorOther, 1_300_000), baselineLayers[2]!],
    ],
  ])('quiet when %s', async (_, image) => {
    const { advice, compared } = await adviceFor(image);
    expect(compared.platforms[0]!.changes!.rebuilt).toEqual([]);
    expect(advice!.map((a) => a.rule)).not.toContain('reproducible-build');
  });

  test('quiet when advise is false: no advice at all', async () => {
    const { advice, io } = await adviceFor(rebuiltAmongChanged, { enabled: false });
    expect(advice).toBeUndefined();
    expect(io.log.map((l) => JSON.stringify(l)).join('\n')).not.toContain('reproducible');
  });

  test('silenced by `# shipshape-ignore reproducible-build` above the FROM; held to advice-min-bytes', async () => {
    const ignored = `# shipshape-ignore reproducible-build\n${DOCKERFILE}`;
    // The comment shifts every line by one: the history's texts still match their instructions.
    const silenced = await adviceFor(rebuiltAmongChanged, { dockerfile: ignored });
    expect(silenced.advice!.map((a) => a.rule)).not.toContain('reproducible-build');
    const small = await adviceFor(rebuiltAmongChanged, { minBytes: vendor.uncompressed + 1 });
    expect(small.advice!.map((a) => a.rule)).not.toContain('reproducible-build');
  });
});
