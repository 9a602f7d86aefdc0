/**
 * Layer <-> instruction attribution on images built for real on the lab: BuildKit (heredocs,
 * `# escape=`, ARG before FROM, `--mount=type=cache`, a FROM-stage chain, targets) and the
 * classic builder. Each layer's line range is asserted exactly, and what each layer holds is
 * read by GNU tar, so a layer paired with the wrong line shows up as the wrong files.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  buildAdviceFixture,
  bytesUnder,
  listLayer,
  removeAdviceFixture,
  type AdviceFixture,
  type TarListing,
} from '../support/advice-fixture.js';

const TIMEOUT = 300_000;
const fixtures: AdviceFixture[] = [];

async function build(options: Parameters<typeof buildAdviceFixture>[0]): Promise<AdviceFixture> {
  const fixture = await buildAdviceFixture(options);
  fixtures.push(fixture);
  return fixture;
}

afterAll(() => fixtures.forEach(removeAdviceFixture));

/** Each layer's instruction as `[start, end]`, `base:<FROM line>`, or undefined. */
function lines(fixture: AdviceFixture): (string | [number, number] | undefined)[] {
  return fixture.input.layers.map((layer) =>
    layer.fromBase
      ? `base:${layer.instruction?.startLine}`
      : layer.instruction && [layer.instruction.startLine, layer.instruction.endLine],
  );
}

/** The layer the instruction starting on `line` made, listed by GNU tar. */
function listingOf(fixture: AdviceFixture, line: number): TarListing[] {
  const layer = fixture.input.layers.find((l) => !l.fromBase && l.instruction?.startLine === line);
  if (!layer) throw new Error(`no layer for line ${line}`);
  return listLayer(fixture.layout, layer.digest);
}

const sizeOf = (listing: TarListing[], path: string) =>
  listing.find((entry) => entry.path === path && entry.type === '-')?.size;

function expectScansMatchTar(fixture: AdviceFixture): void {
  for (const layer of fixture.input.layers) {
    expect(layer.scan.uncompressed).toBe(bytesUnder(listLayer(fixture.layout, layer.digest), ''));
  }
}

const BUILDKIT_DOCKERFILE = [
  '# escape=`', // 1
  'ARG BASE=localhost:5000/lab/busybox', // 2
  'ARG TAG', // 3
  'FROM ${BASE}:${TAG:-nope} AS deps', // 4
  'ARG GREETING=hello', // 5
  'RUN --mount=type=cache,target=/var/cache/demo `', // 6
  '    echo cached > /var/cache/demo/c && `', // 7
  '    head -c 3000 /dev/zero > /deps.bin', // 8
  'WORKDIR /work', // 9
  'RUN <<EOF', // 10
  'head -c 1000 /dev/zero > /work/one.bin', // 11
  'echo "$GREETING" > /work/greeting', // 12
  'EOF', // 13
  'COPY <<EOF /work/config.txt', // 14
  'key=value', // 15
  'EOF', // 16
  '', // 17
  'from deps as Build', // 18
  'COPY src/ /work/src/', // 19
  'RUN cat /work/src/* > /work/app.out', // 20
  '', // 21
  'FROM localhost:5000/lab/busybox:latest AS unrelated', // 22
  'RUN echo unrelated > /unrelated', // 23
  '', // 24
  'FROM build AS final', // 25
  'COPY --from=unrelated /unrelated /from-unrelated', // 26
  'ENV MODE=prod', // 27
  'RUN rm /work/one.bin', // 28
  'CMD ["cat", "/work/app.out"]', // 29
  '',
].join('\n');

const SOURCES = { 'src/a.txt': 'a'.repeat(700), 'src/b.txt': 'b'.repeat(300) };

describe('BuildKit', () => {
  let final: AdviceFixture;
  let target: AdviceFixture;

  beforeAll(async () => {
    execFileSync('docker', ['info'], { stdio: 'ignore' }); // the lab must be up
    const common = { dockerfile: BUILDKIT_DOCKERFILE, files: SOURCES, buildArgs: { TAG: 'latest' } };
    final = await build({ name: 'attrib-bk-final', ...common });
    target = await build({ name: 'attrib-bk-target', ...common, target: 'BUILD' });
  }, TIMEOUT);

  test('the last stage: FROM-stage chain down to deps, unrelated stage only through COPY --from', () => {
    expect(final.input.dockerfile.exported).toBe(3);
    expect(lines(final)).toEqual([
      'base:4',
      [6, 8],
      [9, 9],
      [10, 13],
      [14, 16],
      [19, 19],
      [20, 20],
      [26, 26],
      [28, 28],
    ]);
    expectScansMatchTar(final);
  });

  test('each layer holds what its line wrote (GNU tar)', () => {
    const run = listingOf(final, 6);
    expect(sizeOf(run, 'deps.bin')).toBe(3000);
    expect(run.some((entry) => entry.path.startsWith('var/cache/demo/'))).toBe(false); // the cache mount stays out
    expect(sizeOf(listingOf(final, 10), 'work/one.bin')).toBe(1000);
    expect(sizeOf(listingOf(final, 10), 'work/greeting')).toBe('hello\n'.length);
    expect(sizeOf(listingOf(final, 14), 'work/config.txt')).toBe('key=value\n'.length);
    expect(bytesUnder(listingOf(final, 19), 'work/src')).toBe(1000);
    expect(sizeOf(listingOf(final, 20), 'work/app.out')).toBe(1000);
    expect(sizeOf(listingOf(final, 26), 'from-unrelated')).toBe('unrelated\n'.length);
    expect(listingOf(final, 28).map((entry) => entry.path)).toContain('work/.wh.one.bin');
  });

  test('--target (any case): only the target chain', () => {
    expect(target.input.dockerfile.exported).toBe(1);
    expect(lines(target)).toEqual(['base:4', [6, 8], [9, 9], [10, 13], [14, 16], [19, 19], [20, 20]]);
    expectScansMatchTar(target);
  });

  test('the base image is the one the global ARGs name', () => {
    expect(final.input.dockerfile.stages[0]!.baseImage).toBe('localhost:5000/lab/busybox:latest');
    expect(final.input.layers[0]!.instruction).toBe(final.input.dockerfile.stages[0]!.from);
  });
});

describe('a base image with a history of its own', () => {
  const BASE = `localhost:5000/attrib/e2e-base:${process.pid}`;
  let fixture: AdviceFixture;

  beforeAll(async () => {
    // The base ran the same RUN as the Dockerfile under test: text alone cannot tell them apart,
    // only the order from the top can.
    const base = await build({
      name: 'attrib-base',
      dockerfile: 'FROM localhost:5000/lab/busybox:latest\nRUN echo same > /same.txt\n',
    });
    execFileSync(
      'docker',
      [
        'buildx',
        'build',
        '--network',
        'none',
        '--provenance=false',
        '--push',
        '-t',
        BASE,
        `${base.dir}/context`,
      ],
      {
        stdio: 'pipe',
      },
    );
    fixture = await build({
      name: 'attrib-on-base',
      dockerfile: `FROM ${BASE}\nRUN echo same > /same.txt\nWORKDIR /opt/app\nCOPY app.txt .\n`,
      files: { 'app.txt': 'x'.repeat(42) },
    });
  }, TIMEOUT);

  afterAll(() => {
    execFileSync('docker', ['image', 'rm', BASE], { stdio: 'ignore' });
  });

  test('its layers stay the base, even the one whose text matches ours', () => {
    expect(lines(fixture)).toEqual(['base:1', 'base:1', [2, 2], [3, 3], [4, 4]]);
    expect(fixture.input.layers[1]!.createdBy).toBe(fixture.input.layers[2]!.createdBy);
    expect(sizeOf(listingOf(fixture, 4), 'opt/app/app.txt')).toBe(42);
    expectScansMatchTar(fixture);
  });
});

describe('classic builder (DOCKER_BUILDKIT=0, docker save)', () => {
  const dockerfile = [
    '# escape=`', // 1
    'ARG BASE=localhost:5000/lab/busybox', // 2
    'FROM ${BASE}:latest AS Build', // 3
    'ARG SIZE=2000', // 4
    'RUN head -c $SIZE /dev/zero > /build.bin && `', // 5
    '    echo done > /done', // 6
    'WORKDIR /work', // 7
    'COPY src/ ./src/', // 8
    '', // 9
    'FROM build AS final', // 10
    'COPY --from=build /done /copied', // 11
    'ADD src/a.txt /added.txt', // 12
    'WORKDIR /work', // 13
    'RUN rm /build.bin', // 14
    'ENV MODE=prod', // 15
    '',
  ].join('\n');
  let final: AdviceFixture;
  let target: AdviceFixture;

  beforeAll(async () => {
    final = await build({ name: 'attrib-classic-final', builder: 'classic', dockerfile, files: SOURCES });
    target = await build({
      name: 'attrib-classic-target',
      builder: 'classic',
      dockerfile,
      files: SOURCES,
      target: 'build',
    });
  }, TIMEOUT);

  test('COPY/ADD by content hash, build args, the no-op WORKDIR left out', () => {
    expect(lines(final)).toEqual(['base:3', [5, 6], [7, 7], [8, 8], [11, 11], [12, 12], [14, 14]]);
    expect(final.input.layers[4]!.createdBy).toMatch(/#\(nop\) COPY file:[0-9a-f]{64} in \/copied/);
    expect(sizeOf(listingOf(final, 5), 'build.bin')).toBe(2000);
    expect(bytesUnder(listingOf(final, 8), 'work/src')).toBe(1000);
    expect(sizeOf(listingOf(final, 12), 'added.txt')).toBe(700);
    expectScansMatchTar(final);
  });

  test('--target', () => {
    expect(lines(target)).toEqual(['base:3', [5, 6], [7, 7], [8, 8]]);
  });
});
