import { describe, expect, test } from '@jest/globals';
import { expand, isIgnored, parseDockerfile } from '../../src/advise/dockerfile.js';

const parse = (lines: string[], options: { target?: string; buildArgs?: Record<string, string> } = {}) =>
  parseDockerfile(lines.join('\n') + '\n', { file: 'app/Dockerfile', ...options });

describe('stages', () => {
  test('names (lower-cased), base images, parents, instructions with 1-based lines', () => {
    const model = parse([
      'FROM localhost:5000/lab/busybox:latest AS Build', // 1
      'WORKDIR /src', // 2
      'RUN make', // 3
      '', // 4
      'from build as TEST', // 5
      'RUN make test', // 6
      'FROM scratch', // 7
      'COPY --from=build /src/app /app', // 8
    ]);
    expect(model.file).toBe('app/Dockerfile');
    expect(model.stages.map((s) => [s.index, s.name, s.baseImage, s.parentStage, s.from.startLine])).toEqual([
      [0, 'build', 'localhost:5000/lab/busybox:latest', undefined, 1],
      [1, 'test', 'build', 0, 5],
      [2, undefined, 'scratch', undefined, 7],
    ]);
    expect(model.stages[0]!.instructions.map((i) => [i.keyword, i.startLine, i.endLine, i.stage])).toEqual([
      ['WORKDIR', 2, 2, 0],
      ['RUN', 3, 3, 0],
    ]);
    expect(model.stages[1]!.instructions[0]).toMatchObject({ keyword: 'RUN', startLine: 6, stage: 1 });
    expect(model.exported).toBe(2);
  });

  test.each([
    [undefined, 2],
    ['build', 0],
    ['BUILD', 0],
    ['Test', 1],
  ])('target %p exports stage %p', (target, exported) => {
    const model = parse(
      ['FROM localhost:5000/lab/busybox AS build', 'FROM build AS test', 'FROM scratch AS final'],
      { target },
    );
    expect(model.exported).toBe(exported);
  });

  test('an unknown target is an error that names it and the stages there are', () => {
    expect(() => parse(['FROM busybox AS build', 'FROM scratch AS final'], { target: 'relase' })).toThrow(
      /"relase".*app\/Dockerfile.*build, final/,
    );
  });

  test('a file without FROM is an error', () => {
    expect(() => parse(['ARG X=1', 'RUN true'])).toThrow(/app\/Dockerfile has no FROM/);
  });

  test('FROM naming a later stage, or an image that shares a name prefix, has no parent', () => {
    const model = parse(['FROM base AS build', 'FROM build:1.0', 'FROM alpine AS base']);
    expect(model.stages.map((s) => s.parentStage)).toEqual([undefined, undefined, undefined]);
  });
});

describe('ARG before FROM', () => {
  const file = [
    'ARG REGISTRY=localhost:5000', // 1
    'ARG IMAGE=${REGISTRY}/lab/busybox', // 2
    'ARG TAG', // 3
    'ARG VARIANT="slim"', // 4
    'FROM ${IMAGE}:${TAG:-latest} AS one', // 5
    'FROM $IMAGE:$TAG-$VARIANT AS two', // 6
    'FROM --platform=$BUILDPLATFORM ${UNDECLARED}alpine', // 7
  ];

  test('defaults expand in FROM; an ARG without a default is unset', () => {
    const model = parse(file);
    expect(model.globalArgs).toEqual({
      REGISTRY: 'localhost:5000',
      IMAGE: 'localhost:5000/lab/busybox',
      TAG: undefined,
      VARIANT: 'slim',
    });
    expect(model.stages.map((s) => s.baseImage)).toEqual([
      'localhost:5000/lab/busybox:latest',
      'localhost:5000/lab/busybox:-slim',
      'alpine',
    ]);
    expect(model.stages[2]!.from.flags).toEqual(['--platform=$BUILDPLATFORM']);
  });

  test('build args override declared ARGs only', () => {
    const model = parse(file, { buildArgs: { TAG: '1.36', REGISTRY: 'ghcr.io', UNDECLARED: 'evil/' } });
    expect(model.stages.map((s) => s.baseImage)).toEqual([
      'ghcr.io/lab/busybox:1.36',
      'ghcr.io/lab/busybox:1.36-slim',
      'alpine',
    ]);
  });

  test.each([
    ['$A', 'a'],
    ['${A}x', 'ax'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${A:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET:-$A}', 'a'],
    ['\\$A', '$A'],
    ['$UNSET/x', '/x'],
  ])('expand(%p) = %p', (text, expected) => {
    expect(expand(text, { A: 'a', EMPTY: '' })).toBe(expected);
  });
});

describe('instructions', () => {
  test('flags and arguments: --mount, --from, --chown, --link, continuation lines joined', () => {
    const model = parse([
      'FROM localhost:5000/lab/busybox', // 1
      'RUN --mount=type=cache,target=/root/.cache \\', // 2
      '    --mount=type=bind,source=.,target=/src \\', // 3
      '    pip install \\', // 4
      '      -r /src/requirements.txt', // 5
      'COPY --from=build --chown=1:1 --link /out/a /out/b /app/', // 6
      'ADD app.tar.gz /opt/', // 7
      'COPY ["with space", "/dst dir/"]', // 8
      'RUN ["sh", "-c", "echo hi"]', // 9
    ]);
    const [run, copy, add, jsonCopy, execRun] = model.stages[0]!.instructions;
    expect(run).toMatchObject({
      keyword: 'RUN',
      startLine: 2,
      endLine: 5,
      flags: ['--mount=type=cache,target=/root/.cache', '--mount=type=bind,source=.,target=/src'],
      heredocs: [],
    });
    expect(run!.arguments).toHaveLength(1);
    expect(run!.arguments[0]!.replace(/\s+/g, ' ')).toBe('pip install -r /src/requirements.txt');
    expect(run!.args.startsWith('--mount=type=cache,target=/root/.cache --mount=type=bind')).toBe(true);
    expect(copy).toMatchObject({
      flags: ['--from=build', '--chown=1:1', '--link'],
      arguments: ['/out/a', '/out/b', '/app/'],
      startLine: 6,
      endLine: 6,
    });
    expect(add).toMatchObject({ keyword: 'ADD', flags: [], arguments: ['app.tar.gz', '/opt/'] });
    expect(jsonCopy!.arguments).toEqual(['with space', '/dst dir/']);
    expect(execRun!.arguments).toEqual(['sh', '-c', 'echo hi']);
  });

  test('heredocs: RUN and COPY bodies, lines up to the delimiter', () => {
    const model = parse([
      'FROM localhost:5000/lab/busybox', // 1
      'RUN <<EOF', // 2
      'apk add curl', // 3
      'rm -rf /var/cache/apk/*', // 4
      'EOF', // 5
      'RUN <<-SCRIPT sh -x', // 6
      '\techo tabbed', // 7
      '\tSCRIPT', // 8
      'COPY <<A <<B /etc/', // 9
      'one', // 10
      'A', // 11
      'two', // 12
      'B', // 13
      'RUN cat <<X > /f && echo ok', // 14
      'line', // 15
      'X', // 16
      'ENV AFTER=1', // 17
    ]);
    const [plain, dashed, copy, inline, env] = model.stages[0]!.instructions;
    expect(plain).toMatchObject({
      startLine: 2,
      endLine: 5,
      heredocs: ['apk add curl\nrm -rf /var/cache/apk/*\n'],
      arguments: ['<<EOF', 'apk add curl\nrm -rf /var/cache/apk/*\n'],
    });
    expect(dashed).toMatchObject({
      startLine: 6,
      endLine: 8,
      arguments: ['<<-SCRIPT sh -x', '\techo tabbed\n'],
    });
    expect(copy).toMatchObject({
      keyword: 'COPY',
      startLine: 9,
      endLine: 13,
      heredocs: ['one\n', 'two\n'],
      arguments: ['<<A', '<<B', '/etc/'],
    });
    expect(inline).toMatchObject({
      startLine: 14,
      endLine: 16,
      arguments: ['cat <<X > /f && echo ok', 'line\n'],
    });
    expect(env).toMatchObject({ keyword: 'ENV', startLine: 17, endLine: 17 });
  });

  test('# escape=` makes the backtick the continuation character; keywords in any case', () => {
    const model = parse([
      '# escape=`', // 1
      'from localhost:5000/lab/busybox as Base', // 2
      'run echo a `', // 3
      '    b > C:\\out.txt', // 4
      '  COPY --from=base `', // 5
      '    /x C:\\y', // 6
    ]);
    expect(model.stages[0]!.name).toBe('base');
    const [run, copy] = model.stages[0]!.instructions;
    expect(run).toMatchObject({ keyword: 'RUN', startLine: 3, endLine: 4 });
    expect(run!.arguments[0]!.replace(/\s+/g, ' ')).toBe('echo a b > C:\\out.txt');
    expect(copy).toMatchObject({
      keyword: 'COPY',
      startLine: 5,
      endLine: 6,
      flags: ['--from=base'],
      arguments: ['/x', 'C:\\y'],
    });
  });

  test('comment lines inside a continued instruction are inside its range, not its command', () => {
    const model = parse([
      'FROM localhost:5000/lab/busybox', // 1
      'RUN apk add \\', // 2
      '# a comment', // 3
      '    curl', // 4
    ]);
    const [run] = model.stages[0]!.instructions;
    expect(run).toMatchObject({ startLine: 2, endLine: 4 });
    expect(run!.arguments[0]!.replace(/\s+/g, ' ')).toBe('apk add curl');
  });
});

describe('# shipshape-ignore', () => {
  const model = parse([
    '# shipshape-ignore base-image-share', // 1
    'FROM localhost:5000/lab/busybox', // 2
    '# shipshape-ignore package-cache, hidden-bytes', // 3
    '', // 4
    'RUN apk add curl \\', // 5
    '    && echo done', // 6
    'RUN apt-get update', // 7
    'RUN a \\', // 8
    '# shipshape-ignore merge-runs', // 9
    '    b', // 10
    '# Shipshape-Ignore Add-Local  copy-before-install', // 11
    'ADD a /a', // 12
    '# shipshape-ignore', // 13
    'RUN x', // 14
  ]);

  test('collected with their lines and rule ids', () => {
    expect(model.ignored).toEqual([
      { line: 1, rules: ['base-image-share'] },
      { line: 3, rules: ['package-cache', 'hidden-bytes'] },
      { line: 9, rules: ['merge-runs'] },
      { line: 11, rules: ['Add-Local', 'copy-before-install'] },
    ]);
  });

  test.each([
    ['base-image-share', 1, true],
    ['base-image-share', 2, true],
    ['package-cache', 2, false],
    ['package-cache', 3, true],
    ['package-cache', 5, true],
    ['hidden-bytes', 6, true],
    ['package-cache', 7, false],
    ['other-rule', 5, false],
    ['merge-runs', 8, true],
    ['merge-runs', 10, true],
    ['merge-runs', 12, false],
    ['add-local', 12, true],
    ['copy-before-install', 12, true],
    ['copy-before-install', 14, false],
  ])('%s on line %p: %p', (rule, line, ignored) => {
    expect(isIgnored(model, rule, line)).toBe(ignored);
  });
});
