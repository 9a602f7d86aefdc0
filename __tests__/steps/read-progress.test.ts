import { describe, expect, test } from '@jest/globals';
import { progressFromEnv, ReadProgress } from '../../src/steps/read-progress.js';

function setup(interval?: number) {
  let now = 1_000_000;
  const lines: string[] = [];
  const progress = new ReadProgress({ log: (line) => lines.push(line), now: () => now, interval });
  return { progress, lines, advance: (ms: number) => (now += ms) };
}

describe('ReadProgress', () => {
  test('a fast read says nothing until the closing line', () => {
    const { progress, lines, advance } = setup();
    const end = progress.phase('manifests');
    advance(80);
    end();
    progress.phase('layers');
    const layer = progress.layer({ platform: 'linux/amd64', index: 1, count: 2, size: 3_000_000 });
    advance(400);
    layer.read(3_000_000);
    layer.done();
    progress.finish();
    expect(lines).toEqual(['read in 480 ms: manifests 80 ms, layers 400 ms (3.00 MB, 7.50 MB/s)']);
  });

  test('a long layer: a line every interval with platform, i/n, bytes of its size and rate; its end is told', () => {
    const { progress, lines, advance } = setup();
    progress.phase('layers');
    const layer = progress.layer({ platform: 'linux/arm64', index: 3, count: 7, size: 1_270_000_000 });
    for (let second = 1; second <= 12; second++) {
      advance(1000);
      layer.read(100_000_000);
    }
    layer.done();
    progress.finish();
    expect(lines).toEqual([
      'linux/arm64 layer 3/7: 500 MB of 1.27 GB (39%), 100 MB/s',
      'linux/arm64 layer 3/7: 1.00 GB of 1.27 GB (78%), 100 MB/s',
      'linux/arm64 layer 3/7: 1.20 GB in 12.0 s (100 MB/s)',
      'read in 12.0 s: layers 12.0 s (1.20 GB, 100 MB/s)',
    ]);
  });

  test('layers streaming at once: one line for each still streaming, at most once per interval', () => {
    const { progress, lines, advance } = setup(2_000);
    progress.phase('layers');
    const a = progress.layer({ platform: 'linux/amd64', index: 1, count: 2, size: 10_000_000 });
    const b = progress.layer({ platform: 'linux/arm64', index: 1, count: 2, size: 20_000_000 });
    advance(1_000);
    a.read(1_000_000);
    b.read(2_000_000);
    expect(lines).toEqual([]);
    advance(1_000);
    a.read(1_000_000);
    b.read(2_000_000); // same round: no second pair of lines
    expect(lines).toEqual([
      'linux/amd64 layer 1/2: 2.00 MB of 10.0 MB (20%), 1.00 MB/s',
      'linux/arm64 layer 1/2: 2.00 MB of 20.0 MB (10%), 1.00 MB/s',
    ]);
    a.done();
    b.done();
    expect(lines.slice(2)).toEqual([
      'linux/amd64 layer 1/2: 2.00 MB in 2.0 s (1.00 MB/s)',
      'linux/arm64 layer 1/2: 4.00 MB in 2.0 s (2.00 MB/s)',
    ]);
  });

  test('a layer that started after the last round and ends before the next is not told', () => {
    const { progress, lines, advance } = setup(1_000);
    const long = progress.layer({ platform: 'p', index: 1, count: 2, size: 0 });
    advance(1_500);
    long.read(10);
    expect(lines).toEqual(['p layer 1/2: 10 B, 7 B/s']);
    const short = progress.layer({ platform: 'p', index: 2, count: 2, size: 5 });
    advance(100);
    short.read(5);
    short.done();
    expect(lines).toHaveLength(1);
  });

  test('phases: each from its start to the next (or its own end); bytes only where they flowed', () => {
    const { progress, lines, advance } = setup();
    progress.phase('manifests');
    advance(120);
    progress.phase('baseline');
    advance(2_500);
    const end = progress.phase('layers');
    progress.layer({ platform: 'p', index: 1, count: 1, size: 1 }).read(2_000_000);
    advance(1_000);
    end();
    advance(300); // after the last phase ended: in the total only
    progress.finish();
    expect(lines).toEqual([
      'read in 3.9 s: manifests 120 ms, baseline 2.5 s, layers 1.0 s (2.00 MB, 2.00 MB/s)',
    ]);
  });

  test('reads after done, and done twice, change nothing', () => {
    const { progress, lines, advance } = setup(1_000);
    const layer = progress.layer({ platform: 'p', index: 1, count: 1, size: 100 });
    advance(2_000);
    layer.read(50);
    layer.done();
    layer.done();
    advance(2_000);
    layer.read(50);
    expect(lines).toEqual([
      'p layer 1/1: 50 B of 100 B (50%), 25 B/s',
      'p layer 1/1: 50 B in 2.0 s (25 B/s)',
    ]);
  });
});

describe('progressFromEnv', () => {
  const run = (env: Record<string, string>, readMs: number) => {
    let now = 0;
    const lines: string[] = [];
    const progress = progressFromEnv(
      env,
      (l) => lines.push(l),
      () => now,
    );
    if (!progress) return undefined;
    progress.phase('layers');
    const layer = progress.layer({ platform: 'linux/amd64', index: 1, count: 1, size: 1000 });
    for (let t = 0; t < readMs; t += 1000) {
      now += 1000;
      layer.read(10);
    }
    layer.done();
    progress.finish();
    return lines;
  };

  test.each([
    ['a quick read (under 5 s) says nothing at all', {}, 3000, 0],
    ['a 12 s read: two rounds, the layer’s end and the closing line', {}, 12_000, 4],
    [
      'SHIPSHAPE_PROGRESS_INTERVAL_MS=1000: every second',
      { SHIPSHAPE_PROGRESS_INTERVAL_MS: '1000' },
      3000,
      5,
    ],
  ])('%s', (_name, env, readMs, count) => {
    const lines = run(env, readMs)!;
    expect(lines).toHaveLength(count);
    if (count > 0) expect(lines.at(-1)).toMatch(/^read in \d+\.\d s: layers /);
  });

  test('SHIPSHAPE_PROGRESS_INTERVAL_MS=0: no progress at all', () => {
    expect(run({ SHIPSHAPE_PROGRESS_INTERVAL_MS: '0' }, 60_000)).toBeUndefined();
  });
});
