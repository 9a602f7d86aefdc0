import { describe, expect, test } from '@jest/globals';
import {
  cacheFix,
  cacheMountTargets,
  cacheRootOf,
  packageCacheRule,
} from '../../../src/advise/rules/package-cache.js';
import { hiddenBytesRule } from '../../../src/advise/rules/hidden-bytes.js';
import { mergeRunsRule } from '../../../src/advise/rules/merge-runs.js';
import { syntheticInput } from '../../support/synthetic-advice.js';
import { applyEdits } from '../../../src/advise/edit.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const check = (dockerfile: string, layers: Parameters<typeof syntheticInput>[1]) =>
  packageCacheRule.check(syntheticInput(dockerfile, layers));

describe('package-cache', () => {
  test('apt lists and archives left by a RUN: the scan bytes, the RUN lines, the apt fix', () => {
    const findings = check(
      lines(
        'FROM debian:12', // 1
        'RUN apt-get update \\', // 2
        ' && apt-get install -y curl', // 3
        'COPY app /app', // 4
      ),
      {
        base: [[{ file: 'var/lib/apt/lists/base-list', size: 9_000_000 }]],
        layers: {
          2: [
            { file: 'var/lib/apt/lists/deb.debian.org_Packages', size: 2_000_000 },
            { file: 'var/cache/apt/archives/curl.deb', size: 500_000 },
            { file: 'usr/bin/curl', size: 300_000 },
          ],
          4: [{ file: 'app/main', size: 100 }],
        },
      },
    );
    expect(findings).toEqual([
      {
        rule: 'package-cache',
        file: 'Dockerfile',
        line: 2,
        endLine: 3,
        bytes: 2_500_000,
        message:
          'This RUN leaves 2.50 MB of apt lists and archives (/var/lib/apt/lists, /var/cache/apt) in its layer',
        fix: 'End the same RUN with `rm -rf /var/lib/apt/lists/* && apt-get clean`, or use `RUN --mount=type=cache,target=/var/lib/apt/lists`',
        saves: 2_500_000,
        // The fix as an edit: the RUN's last line gets the clean-up.
        edits: [
          {
            line: 3,
            endLine: 3,
            text: ' && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && apt-get clean',
          },
        ],
      },
    ]);
  });

  test('several managers in one RUN: one finding, their bytes added, a fix for each', () => {
    const [finding] = check(lines('FROM python:3.12-alpine', 'RUN apk add gcc && pip install numpy'), {
      layers: {
        2: [
          { file: 'var/cache/apk/APKINDEX.tar.gz', size: 1_000_000 },
          { file: 'root/.cache/pip/http-v2/a/b', size: 3_000_000 },
          { file: 'usr/lib/python3.12/site-packages/numpy/x.so', size: 20_000_000 },
        ],
      },
    });
    expect(finding.bytes).toBe(4_000_000);
    expect(finding.message).toBe(
      'This RUN leaves 3.00 MB of pip cache (/root/.cache/pip), 1.00 MB of apk cache (/var/cache/apk) in its layer',
    );
    expect(finding.fix).toBe(
      'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`), or `RUN --mount=type=cache,target=/root/.cache/pip`; ' +
        'use `apk add --no-cache`, or `RUN --mount=type=cache,target=/var/cache/apk`',
    );
  });

  test('a cache a later RUN deletes is still reported on the RUN that left it, and only there', () => {
    const dockerfile = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl',
      'RUN rm -rf /var/lib/apt/lists/*',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        2: [{ dir: 'var/lib/apt/lists' }, { file: 'var/lib/apt/lists/Packages', size: 1_500_000 }],
        3: [{ whiteout: 'var/lib/apt/lists/Packages' }],
      },
    });
    const [finding] = packageCacheRule.check(input);
    expect(finding).toMatchObject({ line: 2, endLine: 2, bytes: 1_500_000 });
    expect(finding.message).toContain(
      'a later layer deletes or overwrites 1.50 MB of it, but this layer still ships it',
    );
    // The same bytes are not a merge-runs or hidden-bytes finding as well.
    expect(mergeRunsRule.check(input)).toEqual([]);
    expect(hiddenBytesRule.check(input)).toEqual([]);
  });

  test('quiet: caches of the base image, a COPY, a clean RUN, and a RUN with a cache mount', () => {
    expect(
      check(
        lines(
          'FROM debian:12', // 1
          'COPY cache/ /root/.cache/pip/', // 2
          'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', // 3
          'RUN --mount=type=cache,target=/root/.cache/pip pip install flask', // 4
        ),
        {
          base: [[{ file: 'var/lib/apt/lists/Packages', size: 5_000_000 }]],
          layers: {
            2: [{ file: 'root/.cache/pip/x', size: 2_000_000 }],
            3: [{ file: 'usr/bin/curl', size: 300_000 }],
            4: [{ dir: 'root/.cache/pip' }, { file: 'usr/lib/python3/flask.py', size: 1_000_000 }],
          },
        },
      ),
    ).toEqual([]);
  });

  test('a RUN that mounts one cache of a manager and leaves the other: the other is named', () => {
    const [finding] = check(
      lines(
        'FROM debian:12',
        'RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y gcc',
      ),
      { layers: { 2: [{ file: 'var/lib/apt/lists/Packages', size: 2_000_000 }] } },
    );
    expect(finding.bytes).toBe(2_000_000);
    expect(finding.message).toContain('(/var/lib/apt/lists)');
    expect(finding.fix).toBe(
      'End the same RUN with `rm -rf /var/lib/apt/lists/*`, or use `RUN --mount=type=cache,target=/var/lib/apt/lists`',
    );
  });
});

describe('package-cache helpers', () => {
  test.each([
    ['var/lib/apt/lists/partial/x', 'apt', '/var/lib/apt/lists'],
    ['home/app/.cache/pip/wheels/a', 'pip', '/home/app/.cache/pip'],
    ['var/lib/gems/3.1.0/cache/rake.gem', 'gem', '/var/lib/gems/3.1.0/cache'],
    ['app/node_modules/.pnpm-store/v3/x', 'pnpm', '/app/node_modules/.pnpm-store'],
    ['root/go/pkg/mod/cache/download/x.zip', 'go', '/root/go/pkg/mod/cache'],
  ] as const)('cacheRootOf(%s, %s) is %s', (path, kind, root) => {
    expect(cacheRootOf(path, kind)).toBe(root);
  });

  test('cacheMountTargets reads cache mounts only, in their target/dst spellings', () => {
    expect(
      cacheMountTargets({
        keyword: 'RUN',
        args: '',
        flags: [
          '--mount=type=cache,target=/root/.cache/pip/',
          '--mount=type=bind,target=/src',
          '--mount=type=cache,id=apt,dst=/var/cache/apt,sharing=locked',
          '--network=none',
        ],
        arguments: [],
        heredocs: [],
        startLine: 1,
        endLine: 1,
        stage: 0,
      }),
    ).toEqual(['/root/.cache/pip', '/var/cache/apt']);
  });

  test('the fix names the manager the RUN uses', () => {
    expect(cacheFix('yum', ['/var/cache/dnf'], 'dnf install -y gcc')).toContain(
      '`dnf clean all && rm -rf /var/cache/dnf`',
    );
    expect(cacheFix('yum', ['/var/cache/yum'], 'yum install -y gcc')).toContain(
      '`yum clean all && rm -rf /var/cache/yum`',
    );
    expect(cacheFix('apk', ['/var/cache/apk'], 'apk add --no-cache x && apk update')).toContain(
      '`rm -rf /var/cache/apk/*`',
    );
    expect(cacheFix('npm', ['/root/.npm'], 'npm ci')).toContain('`npm ci && npm cache clean --force`');
    expect(cacheFix('tmp', ['/tmp', '/var/tmp'], 'make')).toContain('`rm -rf /tmp/* /var/tmp/*`');
  });
});

describe('package-cache: apt fixes that build, claims for the fix alone', () => {
  const LISTS = (size: number) => [{ file: 'var/lib/apt/lists/deb.debian.org_Packages', size }];

  test('an update-only RUN: merge the update into the install RUN, not "rm lists" here', () => {
    const dockerfile = lines(
      'FROM debian:12', // 1
      'RUN apt-get update', // 2
      'RUN apt-get install -y curl', // 3
      'CMD ["curl"]', // 4
    );
    const [finding, ...more] = check(dockerfile, { layers: { 2: LISTS(8_000_000) } });
    expect(more).toEqual([]);
    expect(finding.fix).toMatch(/^Merge the update into the install RUN at line 3 .* and drop this RUN$/);
    expect(finding.fix).not.toMatch(/^End the same RUN/);
    expect(finding).toMatchObject({ bytes: 8_000_000, saves: 8_000_000, withLines: [3] });
    expect(applyEdits(dockerfile, finding.edits!)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
        'CMD ["curl"]',
      ),
    );
  });

  test('lists a later install reads: the fix updates and cleans there too, and names the line', () => {
    const dockerfile = lines(
      'FROM debian:12', // 1
      'RUN apt-get update && apt-get install -y curl', // 2
      'RUN apt-get install -y \\', // 3
      '    git', // 4
    );
    const [finding] = check(dockerfile, { layers: { 2: LISTS(8_000_000) } });
    expect(finding).toMatchObject({ saves: 8_000_000, withLines: [3] });
    expect(finding.fix).toContain('the installs at line 3 read these lists');
    expect(applyEdits(dockerfile, finding.edits!)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
        'RUN apt-get update && apt-get install -y \\',
        '    git && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });

  test('a later update that keeps its lists writes them again: the claim is what this fix alone saves', () => {
    const dockerfile = lines(
      'FROM debian:12', // 1
      'RUN apt-get update && apt-get install -y curl', // 2
      'RUN apt-get update && apt-get install -y git', // 3
    );
    const [first, second] = check(dockerfile, {
      layers: {
        2: [...LISTS(8_000_000), { file: 'var/cache/apt/archives/curl.deb', size: 2_000_000 }],
        // apt kept the lists it found up to date: this layer holds only the one that changed.
        3: [{ file: 'var/lib/apt/lists/security_Packages', size: 1_000_000 }],
      },
    });
    // Fixed alone, line 3's update downloads the 8 MB again: the lists save nothing but what
    // line 3 already wrote; the archives save all.
    expect(first).toMatchObject({ line: 2, bytes: 10_000_000, saves: 3_000_000, withLines: [3] });
    expect(first.message).toContain('Fixed alone it saves 3.00 MB');
    expect(first.message).toContain('line 3');
    expect(second).toMatchObject({ line: 3, bytes: 1_000_000, saves: 1_000_000 });
  });

  test('other managers: the cache directories deleted at the end of the same RUN', () => {
    const dockerfile = lines('FROM python:3.12', 'RUN pip install numpy');
    const [finding] = check(dockerfile, {
      layers: { 2: [{ file: 'root/.cache/pip/http/a', size: 3_000_000 }] },
    });
    expect(applyEdits(dockerfile, finding.edits!)).toBe(
      lines('FROM python:3.12', 'RUN pip install numpy && rm -rf /root/.cache/pip'),
    );
  });

  test('a heredoc or exec-form RUN gets no edit (the fix is still said)', () => {
    const dockerfile = lines('FROM python:3.12', 'RUN ["pip", "install", "numpy"]');
    const [finding] = check(dockerfile, {
      layers: { 2: [{ file: 'root/.cache/pip/http/a', size: 3_000_000 }] },
    });
    expect(finding.edits).toBeUndefined();
    expect(finding.saves).toBe(3_000_000);
  });
});
