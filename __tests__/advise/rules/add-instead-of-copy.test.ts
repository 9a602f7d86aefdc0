import { describe, expect, test } from '@jest/globals';
import { addLocalFileRule, addUrlRule } from '../../../src/advise/rules/add-instead-of-copy.js';
import { hiddenBytesRule } from '../../../src/advise/rules/hidden-bytes.js';
import { syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('add-local-file', () => {
  test('ADD of plain local files: the ADD line and the bytes it stores', () => {
    const findings = addLocalFileRule.check(
      syntheticInput(
        lines('FROM alpine:3.20', 'ADD --chown=1:1 model.bin config.json /opt/', 'ADD src /app/src'),
        {
          layers: {
            2: [
              { file: 'opt/model.bin', size: 2_000_000 },
              { file: 'opt/config.json', size: 300 },
            ],
            3: [{ file: 'app/src/main.py', size: 40_000 }],
          },
        },
      ),
    );
    expect(findings).toEqual([
      {
        rule: 'add-local-file',
        file: 'Dockerfile',
        line: 2,
        endLine: 2,
        bytes: 2_000_300,
        message: 'ADD stores 2.00 MB of local files that are not tar archives: nothing to unpack or fetch',
        fix: 'Use COPY with the same sources and destination: it does only what it says',
        // the keyword changes, flags, sources and destination stay; no bytes claimed (COPY stores the same)
        edits: [{ line: 2, endLine: 2, text: 'COPY --chown=1:1 model.bin config.json /opt/' }],
      },
      expect.objectContaining({
        line: 3,
        bytes: 40_000,
        edits: [{ line: 3, endLine: 3, text: 'COPY src /app/src' }],
      }),
    ]);
  });

  test("no edit where ADD takes a flag COPY does not (`--checksum`); lower-case ADD stays the author's indent", () => {
    const [withChecksum, lower] = addLocalFileRule.check(
      syntheticInput(
        lines('FROM alpine:3.20', 'ADD --checksum=sha256:abc model.bin /opt/', '  add big.bin /opt/'),
        {
          layers: {
            2: [{ file: 'opt/model.bin', size: 2_000_000 }],
            3: [{ file: 'opt/big.bin', size: 2_000_000 }],
          },
        },
      ),
    );
    expect(withChecksum).toMatchObject({ line: 2 });
    expect(withChecksum.edits).toBeUndefined();
    expect(lower.edits).toEqual([{ line: 3, endLine: 3, text: '  COPY big.bin /opt/' }]);
  });

  test('a tar-named file that ADD did not unpack (not really a tar) is a plain file too', () => {
    const [finding] = addLocalFileRule.check(
      syntheticInput(lines('FROM alpine:3.20', 'ADD data.tar.gz /data/'), {
        layers: { 2: [{ file: 'data/data.tar.gz', size: 1_234_567 }] },
      }),
    );
    expect(finding).toMatchObject({ line: 2, bytes: 1_234_567 });
  });

  test('quiet: a local tar ADD unpacked, a URL, COPY, an empty ADD', () => {
    expect(
      addLocalFileRule.check(
        syntheticInput(
          lines(
            'FROM alpine:3.20', // 1
            'ADD rootfs.tar.xz /', // 2
            'ADD https://example.test/tool /usr/bin/tool', // 3
            'COPY big.bin /opt/', // 4
            'ADD empty.txt /opt/', // 5
          ),
          {
            layers: {
              2: [{ file: 'usr/lib/libx.so', size: 5_000_000 }],
              3: [{ file: 'usr/bin/tool', size: 5_000_000 }],
              4: [{ file: 'opt/big.bin', size: 5_000_000 }],
              5: [{ file: 'opt/empty.txt', size: 0 }],
            },
          },
        ),
      ),
    ).toEqual([]);
  });
});

describe('add-url', () => {
  test('a download a later RUN unpacks and deletes: the ADD line and the download bytes, not hidden-bytes too', () => {
    const input = syntheticInput(
      lines(
        'FROM alpine:3.20', // 1
        'ADD https://example.test/releases/node-v20.tar.gz /tmp/', // 2
        'RUN tar -xzf /tmp/node-v20.tar.gz -C /opt \\', // 3
        ' && rm /tmp/node-v20.tar.gz', // 4
      ),
      {
        layers: {
          2: [{ file: 'tmp/node-v20.tar.gz', size: 3_000_000 }],
          3: [{ whiteout: 'tmp/node-v20.tar.gz' }, { file: 'opt/node/bin/node', size: 9_000_000 }],
        },
      },
    );
    expect(addUrlRule.check(input)).toEqual([
      {
        rule: 'add-url',
        file: 'Dockerfile',
        line: 2,
        endLine: 2,
        bytes: 3_000_000,
        message: 'ADD downloads 3.00 MB that the RUN at line 3 deletes: this layer still ships the download',
        fix: 'Could one RUN download, unpack and delete it (`wget -O- URL | tar -xz -C DIR`, or `... && rm FILE`), or a build stage fetch it for a `COPY --from` of only what you need?',
      },
    ]);
    expect(hiddenBytesRule.check(input)).toEqual([]);
  });

  test('a download unpacked but not deleted: its visible bytes, found by the file name the RUN uses', () => {
    const [finding] = addUrlRule.check(
      syntheticInput(
        lines(
          'FROM alpine:3.20',
          'ADD https://example.test/dl?id=7 /tmp/app.zip',
          'RUN unzip /tmp/app.zip -d /opt',
        ),
        {
          layers: {
            2: [{ file: 'tmp/app.zip', size: 2_500_000 }],
            3: [{ file: 'opt/app', size: 6_000_000 }],
          },
        },
      ),
    );
    expect(finding).toMatchObject({ line: 2, bytes: 2_500_000 });
    expect(finding.message).toBe(
      'ADD downloads 2.50 MB that the RUN at line 3 unpacks or runs: this layer still ships the download',
    );
  });

  test('quiet: a binary used as it is, a name only as a prefix of another, a local ADD', () => {
    expect(
      addUrlRule.check(
        syntheticInput(
          lines(
            'FROM alpine:3.20', // 1
            'ADD https://example.test/tini /sbin/tini', // 2
            'ADD https://example.test/app.tar /srv/', // 3
            'RUN ls /srv/app.tar.d', // 4
            'ADD local.bin /opt/', // 5
            'ENTRYPOINT ["/sbin/tini"]', // 6
          ),
          {
            layers: {
              2: [{ file: 'sbin/tini', size: 900_000 }],
              3: [{ file: 'srv/app.tar', size: 900_000 }],
              5: [{ file: 'opt/local.bin', size: 900_000 }],
            },
          },
        ),
      ),
    ).toEqual([]);
  });
});
