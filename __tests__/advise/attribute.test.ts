/**
 * Layer <-> instruction attribution from `created_by` texts. The histories below were captured
 * from real builds on the lab (dockerd 28, containerd store): BuildKit through
 * `docker buildx build --output type=oci`, the classic builder through `DOCKER_BUILDKIT=0 docker
 * build` and `docker save`; each lists the entries that made a layer (not `empty_layer`),
 * bottom first, `undefined` where the entry has no `created_by` (busybox was imported).
 * Cases marked "synthetic" are made up to reach the fallbacks.
 */
import { describe, expect, test } from '@jest/globals';
import { attributeLayers, stageChain } from '../../src/advise/attribute.js';
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import type { LayerScan } from '../../src/image/layers.js';

/** [startLine, endLine] of each layer's instruction, bottom first; 'base' for base-image layers. */
function attribute(
  dockerfile: string[],
  history: (string | undefined)[],
  target?: string,
): (string | [number, number] | undefined)[] {
  const model = parseDockerfile(dockerfile.join('\n') + '\n', { file: 'Dockerfile', target });
  const layers = history.map((createdBy, i) => ({
    digest: `sha256:${String(i).padStart(64, '0')}`,
    compressed: 100 + i,
    createdBy,
    scan: { uncompressed: i } as LayerScan,
  }));
  const attributed = attributeLayers(model, layers);
  attributed.forEach((layer, i) => {
    expect(layer).toMatchObject({
      index: i,
      digest: layers[i]!.digest,
      compressed: 100 + i,
      scan: layers[i]!.scan,
    });
    expect(layer.createdBy).toBe(history[i]);
  });
  return attributed.map((layer) => {
    if (layer.fromBase) {
      expect(layer.instruction).toBe(model.stages[stageChain(model)[0]!.index]!.from);
      return `base:${layer.instruction!.startLine}`;
    }
    return layer.instruction && [layer.instruction.startLine, layer.instruction.endLine];
  });
}

const MULTI_STAGE = [
  'ARG BASE=localhost:5000/lab/busybox', // 1
  'ARG TAG=latest', // 2
  'FROM ${BASE}:$TAG AS build', // 3
  'ARG A=1', // 4
  'ARG B=2', // 5
  'RUN echo $A $B > /ab.txt', // 6
  'WORKDIR /app', // 7
  'RUN <<EOF', // 8
  'echo one > /one', // 9
  'echo two > /two', // 10
  'EOF', // 11
  'RUN <<EOF sh', // 12
  'echo hi', // 13
  'EOF', // 14
  'COPY <<EOF /heredoc.txt', // 15
  'content', // 16
  'EOF', // 17
  'RUN --mount=type=cache,target=/cache echo x > /cache/x && echo y > /y', // 18
  'COPY a.txt /app/', // 19
  'COPY --chown=1:1 --link src/ /src/', // 20
  '', // 21
  'FROM build AS final', // 22
  'COPY --from=build /ab.txt /ab2.txt', // 23
  'ADD a.txt /added.txt', // 24
  'RUN echo multi \\', // 25
  '    line > /ml', // 26
  'WORKDIR /app', // 27
  'WORKDIR /newdir', // 28
  'ENV X=1', // 29
];

const MULTI_STAGE_BUILDKIT = [
  undefined,
  'RUN |2 A=1 B=2 /bin/sh -c echo $A $B > /ab.txt # buildkit',
  'WORKDIR /app',
  'RUN |2 A=1 B=2 /bin/sh -c echo one > /one\necho two > /two\n # buildkit',
  'RUN |2 A=1 B=2 /bin/sh -c <<EOF sh\necho hi\nEOF # buildkit',
  'COPY <<EOF /heredoc.txt # buildkit',
  'RUN |2 A=1 B=2 /bin/sh -c echo x > /cache/x && echo y > /y # buildkit',
  'COPY a.txt /app/ # buildkit',
  'COPY --chown=1:1 src/ /src/ # buildkit',
  'COPY /ab.txt /ab2.txt # buildkit',
  'ADD a.txt /added.txt # buildkit',
  'RUN |2 A=1 B=2 /bin/sh -c echo multi     line > /ml # buildkit',
  'WORKDIR /app',
  'WORKDIR /newdir',
];

/** A row: a Dockerfile, the history of the image it built, and each layer's attribution. */
interface Case {
  name: string;
  dockerfile: string[];
  history: (string | undefined)[];
  target?: string;
  expected: (string | [number, number] | undefined)[];
}

const checkAttribution = ({ dockerfile, history, target, expected }: Case) => {
  expect(attribute(dockerfile, history, target)).toEqual(expected);
};

/** Exec form, JSON COPY, variables, SHELL; line 12 copies with `copyFlag` (BuildKit: --chmod, classic: --chown). */
const execForm = (copyFlag: string) => [
  'FROM localhost:5000/lab/busybox:latest', // 1
  'ARG SRC=f1', // 2
  'RUN ["sh", "-c", "echo json > /j"]', // 3
  'COPY ["a b", "/c d/"]', // 4
  'COPY $SRC /vf/', // 5
  'COPY . .', // 6
  'COPY . /ctx/', // 7
  'SHELL ["/bin/sh", "-e", "-u", "-c"]', // 8
  'RUN echo shell > /s', // 9
  'SHELL ["/bin/sh", "-o", "pipefail", "-c"]', // 10
  'RUN echo pf | cat > /p', // 11
  `COPY ${copyFlag} f1 /chm`, // 12
  'ENV A=1', // 13
  'RUN echo $A && true', // 14
];

/** MULTI_STAGE's attribution from MULTI_STAGE_BUILDKIT, bottom first. */
const MULTI_STAGE_LINES: Case['expected'] = [
  'base:3',
  [6, 6],
  [7, 7],
  [8, 11],
  [12, 14],
  [15, 17],
  [18, 18],
  [19, 19],
  [20, 20],
  [23, 23],
  [24, 24],
  [25, 26],
  [27, 27],
  [28, 28],
];

describe('BuildKit histories', () => {
  test.each<Case>([
    {
      name: 'multi-stage, FROM <stage>, heredocs, --mount, --link, ARG before FROM',
      dockerfile: MULTI_STAGE,
      history: MULTI_STAGE_BUILDKIT,
      expected: MULTI_STAGE_LINES,
    },
    {
      name: '--target build: only the target stage chain',
      dockerfile: MULTI_STAGE,
      history: MULTI_STAGE_BUILDKIT.slice(0, 9),
      target: 'BUILD',
      expected: MULTI_STAGE_LINES.slice(0, 9),
    },
    {
      // `WORKDIR /app` (line 27) found /app and made nothing: the layers above still match.
      name: 'a WORKDIR that made no layer (empty_layer) is skipped by text, not by count',
      dockerfile: MULTI_STAGE,
      history: MULTI_STAGE_BUILDKIT.filter((_, i) => i !== 12),
      expected: MULTI_STAGE_LINES.filter((_, i) => i !== 12),
    },
    {
      name: 'exec form, JSON COPY, variables in COPY/WORKDIR, SHELL, --chmod',
      dockerfile: execForm('--chmod=600'),
      history: [
        undefined,
        'RUN |1 SRC=f1 sh -c echo json > /j # buildkit',
        'COPY a b /c d/ # buildkit',
        'COPY f1 /vf/ # buildkit',
        'COPY . . # buildkit',
        'COPY . /ctx/ # buildkit',
        'RUN |1 SRC=f1 /bin/sh -e -u -c echo shell > /s # buildkit',
        'RUN |1 SRC=f1 /bin/sh -o pipefail -c echo pf | cat > /p # buildkit',
        'COPY --chmod=600 f1 /chm # buildkit',
        'RUN |1 SRC=f1 /bin/sh -o pipefail -c echo $A && true # buildkit',
      ],
      expected: ['base:1', [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [9, 9], [11, 11], [12, 12], [14, 14]],
    },
    {
      name: 'more heredoc forms: inline in a command, <<- (tabs stripped), two bodies',
      dockerfile: [
        'FROM localhost:5000/lab/busybox:latest', // 1
        'RUN cat <<X > /f && echo ok', // 2
        'line', // 3
        'X', // 4
        'RUN <<-EOF', // 5
        '\techo tabbed > /t', // 6
        '\tEOF', // 7
        'COPY <<A <<B /etc/', // 8
        'one', // 9
        'A', // 10
        'two', // 11
        'B', // 12
        'RUN <<ONE <<TWO', // 13
        'echo 1 > /1', // 14
        'ONE', // 15
        'echo 2 > /2', // 16
        'TWO', // 17
        'RUN true', // 18
      ],
      history: [
        undefined,
        'RUN /bin/sh -c cat <<X > /f && echo ok\nline\nX # buildkit',
        'RUN /bin/sh -c echo tabbed > /t\n # buildkit',
        'COPY <<A <<B /etc/ # buildkit',
        'RUN /bin/sh -c <<ONE <<TWO\necho 1 > /1\nONE\necho 2 > /2\nTWO # buildkit',
        'RUN /bin/sh -c true # buildkit',
      ],
      expected: ['base:1', [2, 4], [5, 7], [8, 12], [13, 17], [18, 18]],
    },
    {
      name: 'variables expanded in WORKDIR and COPY; a no-op WORKDIR made no layer',
      dockerfile: [
        'FROM localhost:5000/lab/busybox:latest', // 1
        'ENV D=/data', // 2
        'WORKDIR $D/x', // 3
        'COPY f1 $D/', // 4
        'WORKDIR /', // 5
        'WORKDIR /tmp', // 6
        'RUN true', // 7
      ],
      history: [
        undefined,
        'WORKDIR /data/x',
        'COPY f1 /data/ # buildkit',
        'WORKDIR /tmp',
        'RUN /bin/sh -c true # buildkit',
      ],
      expected: ['base:1', [3, 3], [4, 4], [6, 6], [7, 7]],
    },
  ])('$name', checkAttribution);
});

describe('classic builder histories', () => {
  test.each<Case>([
    {
      name: 'multi-stage, COPY/ADD by content hash, |N build args, a no-op WORKDIR',
      dockerfile: [
        'ARG BASE=localhost:5000/lab/busybox', // 1
        'FROM ${BASE}:latest AS build', // 2
        'ARG A=1', // 3
        'RUN echo $A > /ab.txt', // 4
        'WORKDIR /app', // 5
        'COPY a.txt /app/', // 6
        'COPY src/ /src/', // 7
        'FROM build', // 8
        'COPY --from=build /ab.txt /ab2.txt', // 9
        'ADD a.txt /added.txt', // 10
        'RUN echo multi \\', // 11
        '    line > /ml', // 12
        'WORKDIR /app', // 13
        'ENV X=1', // 14
      ],
      history: [
        undefined,
        '|1 A=1 /bin/sh -c echo $A > /ab.txt',
        '/bin/sh -c #(nop) WORKDIR /app',
        '/bin/sh -c #(nop) COPY file:00ec16333078d287782d462baefc8bb9eb0231dc3aefba3ca3e2f7e5cf0cadda in /app/ ',
        '/bin/sh -c #(nop) COPY dir:8c5a3e2dfc7115c63ae5e6e7537f2d4dd2b1fd38001d735d6d225d2cfd78c77f in /src/ ',
        '/bin/sh -c #(nop) COPY file:5cc4caae0971506ff0f7f42ec578f816b985e7aab85d0dbcdd043777a722ef80 in /ab2.txt ',
        '/bin/sh -c #(nop) ADD file:00ec16333078d287782d462baefc8bb9eb0231dc3aefba3ca3e2f7e5cf0cadda in /added.txt ',
        '/bin/sh -c echo multi     line > /ml',
      ],
      expected: ['base:2', [4, 4], [5, 5], [6, 6], [7, 7], [9, 9], [10, 10], [11, 12]],
    },
    {
      name: 'exec form, SHELL, --chown, COPY . .; a RUN that changed nothing made no layer',
      dockerfile: execForm('--chown=1:1'),
      history: [
        undefined,
        '|1 SRC=f1 sh -c echo json > /j',
        '/bin/sh -c #(nop) COPY file:abca8a1576a93a07764ebb9d70ed415d553d0a10259b3e477590420a968ba1fd in /c d/ ',
        '/bin/sh -c #(nop) COPY file:df4740406a524ecc7c19cc4733b5172b3b8341dc2189872641c37a48ded160ec in /vf/ ',
        '/bin/sh -c #(nop) COPY dir:c9c9d3649d1a11f07d51979c7d12e8571c48617a3bc62ffda468f42f59e9dcd1 in . ',
        '/bin/sh -c #(nop) COPY dir:c9c9d3649d1a11f07d51979c7d12e8571c48617a3bc62ffda468f42f59e9dcd1 in /ctx/ ',
        '|1 SRC=f1 /bin/sh -e -u -c echo shell > /s',
        '|1 SRC=f1 /bin/sh -o pipefail -c echo pf | cat > /p',
        '/bin/sh -o pipefail -c #(nop) COPY --chown=1:1 file:df4740406a524ecc7c19cc4733b5172b3b8341dc2189872641c37a48ded160ec in /chm ',
      ],
      expected: ['base:1', [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [9, 9], [11, 11], [12, 12]],
    },
  ])('$name', checkAttribution);
});

describe('text decides, order only fills in', () => {
  const dockerfile = [
    'FROM localhost:5000/lab/base:1', // 1
    'RUN make', // 2
    'COPY app /app', // 3
    'RUN make install', // 4
  ];
  const scratch = ['FROM scratch', 'COPY rootfs /', 'COPY app /app'];

  test.each<Case>([
    {
      // The base was itself built by a Dockerfile that ran `make`: its layer must not be taken for line 2.
      name: 'base layers with a BuildKit history of their own stay the base',
      dockerfile,
      history: [
        'ADD alpine-minirootfs.tar.gz / # buildkit',
        'RUN /bin/sh -c make # buildkit',
        'RUN /bin/sh -c make # buildkit',
        'COPY app /app # buildkit',
        'RUN /bin/sh -c make install # buildkit',
      ],
      expected: ['base:1', 'base:1', [2, 2], [3, 3], [4, 4]],
    },
    {
      // synthetic: line 2 made no layer; the base ran `cd src && make`.
      name: 'a command that only ends like the instruction is not it',
      dockerfile: dockerfile.slice(0, 3),
      history: [undefined, 'RUN /bin/sh -c cd src && make # buildkit', 'COPY app /app # buildkit'],
      expected: ['base:1', 'base:1', [3, 3]],
    },
    {
      // synthetic: a shell cleanCreatedBy does not know (`pwsh -Command`).
      name: 'an unknown SHELL still ends in the command',
      dockerfile: dockerfile.slice(0, 3),
      history: [undefined, 'RUN pwsh -NoLogo -Command make # buildkit', 'COPY app /app # buildkit'],
      expected: ['base:1', [2, 2], [3, 3]],
    },
    {
      // synthetic: another tool's wording for line 3.
      name: 'between two text matches, layers of an unknown form pair by order when the counts agree',
      dockerfile,
      history: [
        undefined,
        'RUN /bin/sh -c make # buildkit',
        'copied app',
        'RUN /bin/sh -c make install # buildkit',
      ],
      expected: ['base:1', [2, 2], [3, 3], [4, 4]],
    },
    {
      name: '... and stay unattributed when they do not',
      dockerfile,
      history: [
        undefined,
        'RUN /bin/sh -c make # buildkit',
        'copied app',
        'something else',
        'RUN /bin/sh -c make install # buildkit',
      ],
      expected: ['base:1', [2, 2], undefined, undefined, [4, 4]],
    },
    {
      // synthetic: the top layer says `RUN make test`, which the Dockerfile does not have.
      name: 'a layer whose text names another instruction is never paired by order',
      dockerfile,
      history: [
        undefined,
        'RUN /bin/sh -c make # buildkit',
        'COPY app /app # buildkit',
        'RUN /bin/sh -c make test # buildkit',
      ],
      expected: ['base:1', [2, 2], [3, 3], undefined],
    },
    {
      name: 'no history at all: by order from the top, RUN/COPY/ADD only',
      dockerfile,
      history: [undefined, undefined, undefined, undefined, undefined],
      expected: ['base:1', 'base:1', [2, 2], [3, 3], [4, 4]],
    },
    {
      name: 'no history and a WORKDIR that may or may not have made a layer: the rest stays unknown',
      dockerfile: ['FROM localhost:5000/lab/base:1', 'RUN make', 'WORKDIR /app', 'COPY app .'],
      history: [undefined, undefined, undefined, undefined],
      expected: [undefined, undefined, undefined, [4, 4]],
    },
    {
      name: 'FROM scratch: no base layers',
      dockerfile: scratch,
      history: ['COPY rootfs / # buildkit', 'COPY app /app # buildkit'],
      expected: [
        [2, 2],
        [3, 3],
      ],
    },
    {
      name: 'FROM scratch: unmatched layers stay unknown',
      dockerfile: scratch,
      history: ['something', 'COPY rootfs / # buildkit', 'COPY app /app # buildkit'],
      expected: [undefined, [2, 2], [3, 3]],
    },
    {
      // The base layer claims `make`: the exported stage has no RUN make, so it stays the base.
      name: 'stages outside the exported chain are never matched',
      dockerfile: [
        'FROM localhost:5000/lab/busybox AS build', // 1
        'RUN make', // 2
        'FROM localhost:5000/lab/busybox', // 3
        'COPY --from=build /out /out', // 4
      ],
      history: ['RUN /bin/sh -c make # buildkit', 'COPY /out /out # buildkit'],
      expected: ['base:3', [4, 4]],
    },
  ])('$name', checkAttribution);
});

test.each([
  ['COPY ${DIR}/$NAME.txt /dst/', 'COPY src/app.txt /dst/ # buildkit', true],
  ['COPY ${DIR}/$NAME.txt /dst/', 'COPY src/app.json /dst/ # buildkit', false],
  ['COPY $A$B /dst/', 'COPY ab /dst/ # buildkit', true],
  ['COPY x${A:-y} /dst/', 'COPY xy /dst/ # buildkit', true],
  ['COPY $SRC /dst/', 'COPY a /other/ # buildkit', false],
  ['WORKDIR ${ROOT}/app', 'WORKDIR /srv/app', true],
  ['WORKDIR ${ROOT}/app', 'WORKDIR /srv/lib', false],
  [
    'ADD $URL /opt/',
    '/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in /opt/ ',
    true,
  ],
])('synthetic: %s made the layer `%s`: %p', (instruction, createdBy, made) => {
  const result = attribute(['FROM scratch', instruction], [createdBy]);
  expect(result).toEqual([made ? [2, 2] : undefined]);
});

test('stageChain: the exported stage and its FROM parents, root first', () => {
  const model = parseDockerfile(
    ['FROM busybox AS a', 'FROM a AS b', 'FROM busybox AS c', 'FROM b AS d', ''].join('\n'),
    { file: 'Dockerfile' },
  );
  expect(stageChain(model).map((stage) => stage.name)).toEqual(['a', 'b', 'd']);
});
