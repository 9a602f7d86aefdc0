import { describe, expect, test } from '@jest/globals';
import { hiddenBytesRule } from '../../../src/advise/rules/hidden-bytes.js';
import { mergeRunsRule } from '../../../src/advise/rules/merge-runs.js';
import { ownedWaste } from '../../../src/advise/rules/waste-owners.js';
import { syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('hidden-bytes', () => {
  test('a chmod in a later RUN rewrites what a COPY added: the COPY line, its bytes, the chmod line', () => {
    const input = syntheticInput(lines('FROM alpine:3.20', 'COPY app/ /app/', 'RUN chmod -R 755 /app'), {
      layers: {
        2: [
          { file: 'app/a', size: 3_000_000 },
          { file: 'app/b', size: 1_000_000 },
        ],
        3: [
          { file: 'app/a', size: 3_000_000 },
          { file: 'app/b', size: 1_000_000 },
        ],
      },
    });
    expect(hiddenBytesRule.check(input)).toEqual([
      {
        rule: 'hidden-bytes',
        file: 'Dockerfile',
        line: 2,
        endLine: 2,
        bytes: 4_000_000,
        message:
          '4.00 MB that this COPY adds are hidden by line 3 (4.00 MB overwritten by the RUN at line 3); the image still ships them',
        fix: 'Could the owner and mode be set where the files are written (`COPY --chown=... --chmod=...`)? A later RUN copies every file it touches',
      },
    ]);
  });

  test('base-image files deleted by a RUN: on the FROM line, summed over every hiding line', () => {
    const [finding, ...rest] = hiddenBytesRule.check(
      syntheticInput(lines('FROM debian:12', 'RUN rm -rf /usr/share/doc', 'COPY motd /etc/motd'), {
        base: [[{ file: 'usr/share/doc/a', size: 2_000_000 }], [{ file: 'etc/motd', size: 500_000 }]],
        layers: { 2: [{ whiteout: 'usr/share/doc' }], 3: [{ file: 'etc/motd', size: 10 }] },
      }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 1, endLine: 1, bytes: 2_500_000 });
    expect(finding.message).toBe(
      "2.50 MB of the base image's files are hidden by later lines (2.00 MB deleted by the RUN at line 2, " +
        '500 kB overwritten by the COPY at line 3); the image still ships them',
    );
    expect(finding.fix).toMatch(/^Deleting or rewriting base-image files does not shrink the image/);
  });

  test('a package upgrade over the base: the fix is a newer base tag', () => {
    const [finding] = hiddenBytesRule.check(
      syntheticInput(
        lines('FROM debian:12', 'RUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*'),
        {
          base: [[{ file: 'usr/lib/libssl.so.3', size: 3_000_000 }]],
          layers: { 2: [{ file: 'usr/lib/libssl.so.3', size: 3_000_100 }] },
        },
      ),
    );
    expect(finding).toMatchObject({ line: 1, bytes: 3_000_000 });
    expect(finding.fix).toMatch(/^Would a newer tag of the base image serve instead of the upgrade\?/);
  });

  test('quiet: deletions RUN to RUN (merge-runs), caches (package-cache), base hidden by base, nothing hidden', () => {
    const input = syntheticInput(
      lines(
        'FROM debian:12',
        'RUN make && cp out /usr/bin/tool',
        'RUN rm -rf /src',
        'COPY new.conf /etc/new.conf',
      ),
      {
        base: [[{ file: 'etc/old', size: 9_000_000 }], [{ whiteout: 'etc/old' }]],
        layers: {
          2: [
            { file: 'src/build.o', size: 5_000_000 },
            { file: 'usr/bin/tool', size: 1_000_000 },
          ],
          3: [{ whiteout: 'src' }],
          4: [{ file: 'etc/new.conf', size: 100 }],
        },
      },
    );
    expect(hiddenBytesRule.check(input)).toEqual([]);
    expect(mergeRunsRule.check(input)).toMatchObject([{ line: 2, bytes: 5_000_000 }]);
  });
});

describe('waste-owners', () => {
  test("every hidden byte of the user's layers has exactly one owner", () => {
    const input = syntheticInput(
      lines(
        'FROM debian:12', // 1
        'ADD http://example.test/x.tgz /tmp/', // 2
        'RUN apt-get update && mkdir /build && make', // 3
        'COPY . /app', // 4
        'RUN tar -xzf /tmp/x.tgz && rm -rf /tmp/x.tgz /build /var/lib/apt/lists /app/tests && chmod 600 /app/key', // 5
      ),
      {
        base: [[{ file: 'etc/a', size: 7 }], [{ whiteout: 'etc/a' }]],
        layers: {
          2: [{ file: 'tmp/x.tgz', size: 1000 }],
          3: [
            { file: 'var/lib/apt/lists/P', size: 200 },
            { file: 'build/o', size: 30 },
          ],
          4: [
            { file: 'app/tests/t', size: 4 },
            { file: 'app/key', size: 5 },
          ],
          5: [
            { whiteout: 'tmp/x.tgz' },
            { whiteout: 'build' },
            { whiteout: 'var/lib/apt/lists' },
            { whiteout: 'app/tests' },
            { file: 'app/key', size: 5 },
          ],
        },
      },
    );
    const owned = ownedWaste(input).map((o) => [o.owner, o.adder.index, o.bytes]);
    expect(owned.sort()).toEqual(
      [
        ['add-url', 2, 1000],
        ['hidden-bytes', 4, 4],
        ['hidden-bytes', 4, 5],
        ['merge-runs', 3, 30],
        ['package-cache', 3, 200],
      ].sort(),
    );
    // Base hidden by base (7 bytes) has no owner; everything else adds up to the waste total.
    expect(owned.reduce((sum, [, , bytes]) => sum + (bytes as number), 0)).toBe(input.waste.total - 7);
  });
});

describe('package databases', () => {
  // Every install rewrites dpkg's status and debconf's templates: nothing a Dockerfile can avoid.
  const install = (command: string) =>
    syntheticInput(lines('FROM debian:12', `RUN ${command}`, `RUN ${command} curl`), {
      base: [
        [
          { file: 'var/lib/dpkg/status', size: 900_000 },
          { file: 'var/cache/debconf/templates.dat', size: 700_000 },
          { file: 'etc/motd', size: 1_200_000 },
        ],
      ],
      layers: {
        2: [
          { file: 'var/lib/dpkg/status', size: 910_000 },
          { file: 'var/cache/debconf/templates.dat', size: 705_000 },
        ],
        3: [
          { file: 'var/lib/dpkg/status', size: 920_000 },
          { file: 'var/cache/debconf/templates.dat', size: 710_000 },
          { file: 'etc/motd', size: 10 },
        ],
      },
    });

  test('their rewritten copies are nobody’s finding; other hidden bytes still are', () => {
    const input = install('apt-get install -y --no-install-recommends jq');
    expect(input.waste.total).toBe(900_000 + 700_000 + 1_200_000 + 910_000 + 705_000);
    expect(ownedWaste(input).map((o) => [o.owner, o.adder.index, o.bytes])).toEqual([
      ['hidden-bytes', 0, 1_200_000],
    ]);
    expect(hiddenBytesRule.check(input).map((f) => [f.line, f.bytes])).toEqual([[1, 1_200_000]]);
    expect(mergeRunsRule.check(input)).toEqual([]);
  });
});
