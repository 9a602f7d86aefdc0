import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  cleanCreatedBy,
  hideBuildArgValues,
  layerHistory,
  type HistoryEntry,
} from '../../src/oci/history.js';
import { parseImageConfig } from '../../src/oci/manifest.js';

// Configs pushed to the lab: BuildKit (buildx) and the classic builder (DOCKER_BUILDKIT=0).
const fixture = (name: string) =>
  parseImageConfig(readFileSync(new URL(`../fixtures/manifests/${name}`, import.meta.url)), name);

const entry = (createdBy: string | undefined, emptyLayer = false): HistoryEntry => ({
  ...(createdBy !== undefined && { createdBy }),
  emptyLayer,
});

describe('layerHistory', () => {
  test('BuildKit config: ARG/ENV/LABEL/CMD made no layer; the base layer has an entry without created_by', () => {
    const config = fixture('config-buildkit-amd64.json');
    expect(config.history).toHaveLength(8);
    expect(layerHistory(config.history, 4).map((e) => e?.createdBy)).toEqual([
      undefined,
      'WORKDIR /app',
      'RUN |1 GREETING=hello /bin/sh -c echo "$GREETING" > /app/greeting.txt && dd if=/dev/zero of=/app/blob bs=1024 count=16 2>/dev/null # buildkit',
      'COPY hello.txt /app/hello.txt # buildkit',
    ]);
    // The base layer's entry is there (it says "Imported from -"), it just names no instruction.
    expect(layerHistory(config.history, 4)[0]).toEqual({
      created: '2026-11-28T04:20:01.524716439Z',
      comment: 'Imported from -',
      emptyLayer: false,
    });
  });

  test('classic builder config: a RUN that changed nothing is an empty layer too', () => {
    const config = fixture('config-classic.json');
    expect(layerHistory(config.history, 4).map((e) => e?.createdBy)).toEqual([
      undefined,
      '/bin/sh -c #(nop) COPY file:d5e01f9ded2658899111c5b8ae11cf0c8ac54b51891d464eb806b666842816ac in /app/ ',
      '/bin/sh -c #(nop) ADD dir:d4b087cddc6877a9a158d97045cae76d8c883f59db946d0ef839f50ec5f40ee3 in /srv/data ',
      '/bin/sh -c echo built > /app/built.txt',
    ]);
  });

  test.each<[string, HistoryEntry[] | undefined, number, (string | undefined)[]]>([
    ['no history at all', undefined, 3, [undefined, undefined, undefined]],
    ['an empty history', [], 2, [undefined, undefined]],
    ['no layers', [entry('RUN a')], 0, []],
    [
      'as many entries as layers, empty ones between',
      [entry('FROM'), entry('ENV A=1', true), entry('RUN a'), entry('CMD x', true), entry('COPY b')],
      3,
      ['FROM', 'RUN a', 'COPY b'],
    ],
    [
      'fewer entries than layers: aligned from the end, the oldest layers unknown',
      [entry('RUN a'), entry('ENV A=1', true), entry('COPY b')],
      4,
      [undefined, undefined, 'RUN a', 'COPY b'],
    ],
    [
      'more entries than layers: the oldest surplus entries dropped',
      [entry('one'), entry('two'), entry('three'), entry('four')],
      2,
      ['three', 'four'],
    ],
    ['only empty entries', [entry('ENV A=1', true), entry('CMD x', true)], 2, [undefined, undefined]],
  ])('%s', (_name, history, layers, expected) => {
    expect(layerHistory(history, layers).map((e) => e?.createdBy)).toEqual(expected);
  });
});

describe('cleanCreatedBy', () => {
  test.each([
    // BuildKit, as written by buildx 0.29 (lab builds).
    ['RUN /bin/sh -c apk add --no-cache curl # buildkit', 'RUN apk add --no-cache curl'],
    [
      'RUN |1 GREETING=hello /bin/sh -c echo "$GREETING" > /app/greeting.txt # buildkit',
      'RUN echo "$GREETING" > /app/greeting.txt',
    ],
    ['RUN |2 A=1 B=two words /bin/sh -c echo "$A" > /a # buildkit', 'RUN echo "$A" > /a'],
    [
      'RUN |2 A=1 B=two words /bin/sh -c echo heredoc > /c\necho second >> /c\n # buildkit',
      'RUN echo heredoc > /c\necho second >> /c',
    ],
    ['RUN |2 A=1 B=two words /bin/sh -e -x -c echo shell > /d # buildkit', 'RUN echo shell > /d'],
    ['RUN /bin/bash -o pipefail -c curl -fsS x | sh # buildkit', 'RUN curl -fsS x | sh'],
    ['RUN ["/app/setup", "--fast"] # buildkit', 'RUN ["/app/setup", "--fast"]'],
    ['RUN |1 A=1 /app/setup --fast # buildkit', 'RUN /app/setup --fast'],
    ['COPY hello.txt /app/hello.txt # buildkit', 'COPY hello.txt /app/hello.txt'],
    ['COPY --chmod=644 f /f # buildkit', 'COPY --chmod=644 f /f'],
    [
      'COPY --from=build /out/app /usr/local/bin/app # buildkit',
      'COPY --from=build /out/app /usr/local/bin/app',
    ],
    ['ADD f /g # buildkit', 'ADD f /g'],
    ['WORKDIR /app', 'WORKDIR /app'],
    ['ENV APP_HOME=/app', 'ENV APP_HOME=/app'],
    ['CMD ["cat" "/app/greeting.txt"]', 'CMD ["cat" "/app/greeting.txt"]'],
    // The classic builder (DOCKER_BUILDKIT=0), as written by Docker 28 (lab builds).
    ['/bin/sh -c #(nop)  ENV APP_HOME=/app', 'ENV APP_HOME=/app'],
    [
      '/bin/sh -c #(nop) COPY file:d5e01f9ded2658899111c5b8ae11cf0c8ac54b51891d464eb806b666842816ac in /app/ ',
      'COPY file:d5e01f9ded26 in /app/',
    ],
    [
      '/bin/sh -c #(nop) ADD dir:d4b087cddc6877a9a158d97045cae76d8c883f59db946d0ef839f50ec5f40ee3 in /srv/data ',
      'ADD dir:d4b087cddc68 in /srv/data',
    ],
    ['/bin/sh -c #(nop)  CMD ["cat" "/app/built.txt"]', 'CMD ["cat" "/app/built.txt"]'],
    ['/bin/sh -c #(nop) WORKDIR /app', 'WORKDIR /app'],
    ['/bin/sh -c echo built > /app/built.txt', 'RUN echo built > /app/built.txt'],
    ['|1 GREETING=hello /bin/sh -c echo "$GREETING"', 'RUN echo "$GREETING"'],
    ['cmd /S /C #(nop)  ENTRYPOINT ["app.exe"]', 'ENTRYPOINT ["app.exe"]'],
    ['cmd /S /C powershell -Command Install-Thing', 'RUN powershell -Command Install-Thing'],
    // Other tools' free text stays as written.
    ['ko build ko://github.com/acme/app', 'ko build ko://github.com/acme/app'],
    ['  bazel build //app:image  ', 'bazel build //app:image'],
    ['', ''],
  ])('%j -> %j', (raw, clean) => {
    expect(cleanCreatedBy(raw)).toBe(clean);
  });
});

test('cleanCreatedBy reads a 200 kB line of spaces in linear time, and keeps what it says', () => {
  const spaces = ' '.repeat(200_000);
  expect(cleanCreatedBy(`RUN /bin/sh -c echo a${spaces}b # buildkit`)).toBe(`RUN echo a${spaces}b`);
  expect(cleanCreatedBy(`RUN /bin/sh -c echo a${spaces}b`)).toBe(`RUN echo a${spaces}b`);
});

describe('hideBuildArgValues', () => {
  // History as buildx 0.29 wrote it in the lab for `ARG A="x y"`, `ARG B` given --build-arg B=s3cr3tvalue.
  test.each<[string, string, string[], string]>([
    [
      'a shell-form RUN',
      'RUN |2 A=x y B=s3cr3tvalue /bin/sh -c echo $A > /f2 # buildkit',
      [],
      'RUN |2 A=*** B=*** /bin/sh -c echo $A > /f2 # buildkit',
    ],
    [
      'an exec-form RUN through sh -c',
      'RUN |2 A=x y B=s3cr3tvalue sh -c echo hi > /f1 # buildkit',
      [],
      'RUN |2 A=*** B=*** sh -c echo hi > /f1 # buildkit',
    ],
    [
      'an exec-form RUN without a shell: a known value ends the list',
      'RUN |2 A=x y B=s3cr3t value echo hi # buildkit',
      ['s3cr3t value'],
      'RUN |2 A=*** B=*** echo hi # buildkit',
    ],
    [
      'an exec-form RUN without a shell, the value unknown: up to the next space',
      'RUN |1 B=s3cr3tvalue /app/tool --flag # buildkit',
      [],
      'RUN |1 B=*** /app/tool --flag # buildkit',
    ],
    [
      'a value that holds " sh -c ", known',
      'RUN |1 CMD=sh -c rm -rf /tmp/x /bin/sh -c $CMD # buildkit',
      ['sh -c rm -rf /tmp/x'],
      'RUN |1 CMD=*** /bin/sh -c $CMD # buildkit',
    ],
    [
      'a value that holds NAME=',
      'RUN |2 A=p X=q B=r /bin/sh -c true # buildkit',
      [],
      'RUN |2 A=*** X=*** /bin/sh -c true # buildkit',
    ],
    ['an empty value', 'RUN |1 A= /bin/sh -c true # buildkit', [], 'RUN |1 A=*** /bin/sh -c true # buildkit'],
    ['the classic builder', '|1 TOKEN=ghp_abc /bin/sh -c make', [], '|1 TOKEN=*** /bin/sh -c make'],
    ['WORKDIR with a value expanded', 'WORKDIR /opt/s3cr3tvalue', ['s3cr3tvalue'], 'WORKDIR /opt/***'],
    [
      'the classic builder, a value expanded',
      '/bin/sh -c #(nop) WORKDIR /opt/s3cr3tvalue',
      ['s3cr3tvalue'],
      '/bin/sh -c #(nop) WORKDIR /opt/***',
    ],
    [
      'the classic builder, a RUN as written',
      '/bin/sh -c make s3cr3tvalue',
      ['s3cr3tvalue'],
      '/bin/sh -c make s3cr3tvalue',
    ],
    [
      'COPY with a value expanded',
      'COPY Dockerfile /opt/s3cr3tvalue/ # buildkit',
      ['s3cr3tvalue', ''],
      'COPY Dockerfile /opt/***/ # buildkit',
    ],
    [
      'no build args',
      'RUN /bin/sh -c apk add curl # buildkit',
      ['curl'],
      'RUN /bin/sh -c apk add curl # buildkit',
    ],
  ])('%s', (_name, createdBy, known, expected) => {
    expect(hideBuildArgValues(createdBy, known)).toBe(expected);
  });

  test.each([
    'RUN |2 A=x y B=s3cr3tvalue /bin/sh -c echo $A > /f2 # buildkit',
    '|1 TOKEN=ghp_abc /bin/sh -c make',
  ])('what the comment shows of it is what it shows of the original: %s', (createdBy) => {
    expect(cleanCreatedBy(hideBuildArgValues(createdBy))).toBe(cleanCreatedBy(createdBy));
  });

  test("an exec-form RUN's command is told apart, its build-arg values hidden, even when one had a space", () => {
    expect(
      cleanCreatedBy(hideBuildArgValues('RUN |1 B=s3cr3t value echo hi # buildkit', ['s3cr3t value'])),
    ).toBe('RUN echo hi');
  });
});
