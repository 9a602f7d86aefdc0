import { describe, expect, test } from '@jest/globals';
import { hiddenBytesRule } from '../../../src/advise/rules/hidden-bytes.js';
import { mergeRunsRule } from '../../../src/advise/rules/merge-runs.js';
import { syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('merge-runs', () => {
  test('a later RUN deletes a build tree an earlier RUN left: on the earlier RUN, the deleted bytes', () => {
    const findings = mergeRunsRule.check(
      syntheticInput(
        lines(
          'FROM alpine:3.20', // 1
          'RUN wget -O /tmp/src.tgz https://example.test/src.tgz \\', // 2
          ' && tar -xzf /tmp/src.tgz -C /build', // 3
          'RUN make -C /build install', // 4
          'RUN rm -rf /build /tmp/src.tgz', // 5
        ),
        {
          layers: {
            2: [
              { file: 'build/a.c', size: 2_000_000 },
              { file: 'build/b.c', size: 1_000_000 },
            ],
            4: [
              { file: 'usr/local/bin/app', size: 500_000 },
              { file: 'build/a.o', size: 700_000 },
            ],
            5: [{ whiteout: 'build' }],
          },
        },
      ),
    );
    expect(findings).toEqual([
      {
        rule: 'merge-runs',
        file: 'Dockerfile',
        line: 2,
        endLine: 3,
        bytes: 3_000_000,
        message: 'The RUN at line 5 deletes 3.00 MB that this RUN leaves: this layer still ships them',
        fix: 'Could the cleanup of line 5 happen at the end of this RUN (`... && rm -rf ...`), so the files never reach a layer?',
      },
      {
        rule: 'merge-runs',
        file: 'Dockerfile',
        line: 4,
        endLine: 4,
        bytes: 700_000,
        message: 'The RUN at line 5 deletes 700 kB that this RUN leaves: this layer still ships them',
        fix: 'Could the cleanup of line 5 happen at the end of this RUN (`... && rm -rf ...`), so the files never reach a layer?',
      },
    ]);
  });

  test('two later RUNs clean after one: one finding naming both', () => {
    const [finding, ...rest] = mergeRunsRule.check(
      syntheticInput(lines('FROM alpine:3.20', 'RUN make', 'RUN rm -rf /a', 'RUN rm -rf /b'), {
        layers: {
          2: [
            { file: 'a/x', size: 100 },
            { file: 'b/y', size: 20 },
          ],
          3: [{ whiteout: 'a' }],
          4: [{ whiteout: 'b' }],
        },
      }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, bytes: 120 });
    expect(finding.message).toBe(
      'The RUNs at lines 3 and 4 delete 120 B that this RUN leaves: this layer still ships them',
    );
  });

  test('quiet: RUNs that delete nothing of each other, a RUN deleting COPY or base bytes, an overwrite', () => {
    const input = syntheticInput(
      lines(
        'FROM alpine:3.20', // 1
        'RUN apk add --no-cache curl', // 2
        'RUN adduser -D app', // 3
        'COPY big.bin /opt/big.bin', // 4
        'RUN rm /opt/big.bin /etc/base.conf && echo 2 > /etc/version', // 5
      ),
      {
        base: [[{ file: 'etc/base.conf', size: 50_000 }]],
        layers: {
          2: [
            { file: 'usr/bin/curl', size: 300_000 },
            { file: 'etc/version', size: 2 },
          ],
          3: [{ file: 'etc/passwd', size: 1_000 }],
          4: [{ file: 'opt/big.bin', size: 4_000_000 }],
          5: [{ whiteout: 'opt/big.bin' }, { whiteout: 'etc/base.conf' }, { file: 'etc/version', size: 2 }],
        },
      },
    );
    expect(mergeRunsRule.check(input)).toEqual([]);
    // Those bytes are hidden-bytes' instead: the COPY, the base, the overwritten file.
    expect(hiddenBytesRule.check(input).map((f) => [f.line, f.bytes])).toEqual([
      [1, 50_000],
      [2, 2],
      [4, 4_000_000],
    ]);
  });
});
