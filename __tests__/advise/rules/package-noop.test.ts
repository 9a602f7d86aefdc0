/**
 * package-noop on synthetic layers: an upgrade with no index to upgrade from (apt and apk), and
 * an install naming what is already installed at the same version; each with its edit, and the
 * near misses that must stay quiet (an update before it, lists an earlier RUN left, a cache
 * mount, a version that changed).
 */
import { describe, expect, test } from '@jest/globals';
import { applyEdits } from '../../../src/advise/edit.js';
import { namedPackages, packageNoopRule } from '../../../src/advise/rules/package-noop.js';
import { packageCacheRule } from '../../../src/advise/rules/package-cache.js';
import { savingsTotal } from '../../../src/report/savings.js';
import { type SyntheticEntry, syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const stanza = (name: string, version: string) =>
  `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\n`;
const status = (...stanzas: string[]): SyntheticEntry => {
  const text = stanzas.join('\n');
  return { file: 'var/lib/dpkg/status', size: text.length, text };
};
const listOf = (name: string, files: string[]): SyntheticEntry => {
  const text = files.map((f) => `/${f}`).join('\n');
  return { file: `var/lib/dpkg/info/${name}.list`, size: text.length, text };
};
const APT_CACHES: SyntheticEntry[] = [
  { file: 'var/cache/apt/pkgcache.bin', size: 1_770_319 },
  { file: 'var/cache/apt/srcpkgcache.bin', size: 1_594_199 },
];
const LISTS: SyntheticEntry[] = [
  {
    file: 'var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4',
    size: 9_000_000,
  },
];
const BASE: SyntheticEntry[][] = [
  [
    status(stanza('libc6', '2.36-9'), stanza('curl', '7.88.1-10'), stanza('ca-certificates', '20230311')),
    listOf('curl', ['usr/bin/curl']),
    listOf('ca-certificates', ['usr/share/ca-certificates/a.crt']),
    { file: 'usr/bin/curl', size: 1_300_000 },
    { file: 'usr/share/ca-certificates/a.crt', size: 200_000 },
  ],
];

describe('an upgrade with nothing to upgrade from', () => {
  test('apt-get upgrade alone: fires with the layer bytes, the edit removes the RUN, package-cache leaves it', () => {
    const text = lines('FROM debian:12', 'RUN apt-get upgrade -y', 'CMD ["bash"]');
    const input = syntheticInput(text, { base: BASE, layers: { 2: APT_CACHES } });
    const [finding, ...more] = packageNoopRule.check(input);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ rule: 'package-noop', line: 2, bytes: 3_364_518, saves: 3_364_518 });
    expect(finding.message).toContain('no package lists');
    expect(finding.fix).toContain('apt-get update');
    expect(applyEdits(text, finding.edits!)).toBe(lines('FROM debian:12', 'CMD ["bash"]'));
    expect(packageCacheRule.check(input)).toEqual([]);
    expect(savingsTotal([finding])).toBe(3_364_518);
  });

  test('an update that an earlier RUN removed again does not count', () => {
    const text = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*', // 2
      'RUN DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold dist-upgrade -y && apt-get clean', // 3
    );
    const input = syntheticInput(text, { base: BASE, layers: { 3: APT_CACHES } });
    const findings = packageNoopRule.check(input);
    expect(findings.map((f) => [f.line, f.saves])).toEqual([[3, 3_364_518]]);
  });

  test.each<[string, string, Record<number, SyntheticEntry[]>]>([
    ['an update before it in the same RUN', 'RUN apt-get update && apt-get upgrade -y', {}],
    ['lists an earlier RUN left', 'RUN apt-get upgrade -y', { 2: LISTS }],
    ['a cache mount of the lists', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get upgrade -y', {}],
  ])('quiet with %s', (_name, run, layers) => {
    const text = lines('FROM debian:12', 'RUN apt-get update', run);
    const input = syntheticInput(text, { base: BASE, layers: { ...layers, 3: APT_CACHES } });
    expect(packageNoopRule.check(input)).toEqual([]);
  });

  test('in a RUN that does more, the edit takes only the upgrade out, with no Saves figure', () => {
    const text = lines('FROM debian:12', 'RUN apt-get upgrade -y && dpkg -i /tmp/app.deb && rm /tmp/app.deb');
    const [finding] = packageNoopRule.check(syntheticInput(text, { base: BASE, layers: { 2: APT_CACHES } }));
    expect(finding.saves).toBeUndefined();
    expect(applyEdits(text, finding.edits!)).toBe(
      lines('FROM debian:12', 'RUN dpkg -i /tmp/app.deb && rm /tmp/app.deb'),
    );
    expect(savingsTotal([finding])).toBe(0);
  });

  test('apk upgrade without an index fires; with -U, --no-cache, apk update or a kept APKINDEX it is quiet', () => {
    const fire = packageNoopRule.check(
      syntheticInput(lines('FROM alpine:3.20', 'RUN apk upgrade'), {
        layers: { 2: [{ file: 'lib/apk/db/installed', size: 40_000 }] },
      }),
    );
    expect(fire.map((f) => [f.line, f.saves])).toEqual([[2, 40_000]]);
    expect(fire[0].message).toContain('no APKINDEX');
    for (const run of ['RUN apk upgrade --no-cache', 'RUN apk -U upgrade', 'RUN apk update && apk upgrade'])
      expect(packageNoopRule.check(syntheticInput(lines('FROM alpine:3.20', run)))).toEqual([]);
    const kept = syntheticInput(lines('FROM alpine:3.20', 'RUN apk update', 'RUN apk upgrade'), {
      layers: { 2: [{ file: 'var/cache/apk/APKINDEX.abcd1234.tar.gz', size: 500_000 }] },
    });
    expect(packageNoopRule.check(kept)).toEqual([]);
  });
});

describe('installing what is already installed', () => {
  const after = (curlVersion: string) => [
    status(
      stanza('libc6', '2.36-9'),
      stanza('curl', curlVersion),
      stanza('ca-certificates', '20230311'),
      stanza('git', '2.39'),
    ),
    listOf('git', ['usr/bin/git']),
    { file: 'usr/bin/git', size: 4_000_000 },
  ];

  test('a package of the base at the same version: its bytes for ranking, no Saves, the edit drops the name', () => {
    const text = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends \\', // 2
      '    curl \\',
      '    git=1:2.39* && rm -rf /var/lib/apt/lists/*',
    );
    const input = syntheticInput(text, { base: BASE, layers: { 2: after('7.88.1-10') } });
    const [finding, ...more] = packageNoopRule.check(input);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ line: 2, endLine: 4, bytes: 1_300_000 });
    expect(finding.saves).toBeUndefined();
    expect(finding.message).toContain(
      '`curl` 1.30 MB, already installed at the same version by the base image',
    );
    expect(applyEdits(text, finding.edits!)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y --no-install-recommends \\',
        '    git=1:2.39* && rm -rf /var/lib/apt/lists/*',
      ),
    );
    expect(savingsTotal([finding])).toBe(0);
  });

  test('two names on one line, one edit', () => {
    const text = lines('FROM debian:12', 'RUN apt-get install -y curl git ca-certificates');
    const [finding] = packageNoopRule.check(
      syntheticInput(text, { base: BASE, layers: { 2: after('7.88.1-10') } }),
    );
    expect(finding.bytes).toBe(1_500_000);
    expect(applyEdits(text, finding.edits!)).toBe(lines('FROM debian:12', 'RUN apt-get install -y git'));
  });

  test('quiet when the install upgraded the package (its version changed) or names only new ones', () => {
    const upgraded = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl git');
    expect(
      packageNoopRule.check(
        syntheticInput(upgraded, { base: BASE, layers: { 2: after('7.88.1-10+deb12u12') } }),
      ),
    ).toEqual([]);
    const fresh = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y git');
    expect(
      packageNoopRule.check(syntheticInput(fresh, { base: BASE, layers: { 2: after('7.88.1-10') } })),
    ).toEqual([]);
  });

  test('every name installed already: a finding with no edit (the install itself is the question)', () => {
    const text = lines('FROM debian:12', 'RUN apt-get install -y curl');
    const [finding] = packageNoopRule.check(
      syntheticInput(text, {
        base: BASE,
        layers: {
          2: [
            status(
              stanza('libc6', '2.36-9'),
              stanza('curl', '7.88.1-10'),
              stanza('ca-certificates', '20230311'),
            ),
          ],
        },
      }),
    );
    expect(finding.edits).toBeUndefined();
    expect(finding.bytes).toBe(1_300_000);
  });

  test('an earlier step installed it: that line is named', () => {
    const text = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y git',
      'RUN apt-get install -y git jq',
    );
    const layer3 = [
      status(
        stanza('libc6', '2.36-9'),
        stanza('curl', '7.88.1-10'),
        stanza('ca-certificates', '20230311'),
        stanza('git', '2.39'),
        stanza('jq', '1.6'),
      ),
    ];
    const [finding] = packageNoopRule.check(
      syntheticInput(text, { base: BASE, layers: { 2: after('7.88.1-10'), 3: layer3 } }),
    );
    expect(finding).toMatchObject({ line: 3, bytes: 4_000_000 });
    expect(finding.message).toContain('an earlier step (line 2)');
    expect(applyEdits(text, finding.edits!)).toContain('RUN apt-get install -y jq');
  });

  test('apk: the installed database says the base has it', () => {
    const db = (names: string[]) => {
      const text = names.map((n) => `P:${n}\nV:1.0-r0\nF:usr/bin\nR:${n}\n`).join('\n');
      return { file: 'lib/apk/db/installed', size: text.length, text };
    };
    const text = lines('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .deps busybox jq');
    const input = syntheticInput(text, {
      base: [[db(['musl', 'busybox']), { file: 'usr/bin/busybox', size: 1_000_000 }]],
      layers: { 2: [db(['musl', 'busybox', 'jq']), { file: 'usr/bin/jq', size: 300_000 }] },
    });
    const [finding] = packageNoopRule.check(input);
    expect(finding).toMatchObject({ line: 2, bytes: 1_000_000 });
    expect(applyEdits(text, finding.edits!)).toBe(
      lines('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .deps jq'),
    );
  });
});

test('namedPackages reads the names an install command gives, options and versions aside', () => {
  expect(
    namedPackages(
      'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Retries=3 install -y --no-install-recommends \\\n curl=7.88* libssl3:amd64 ./local.deb $EXTRA && rm -rf /var/lib/apt/lists/*',
    ),
  ).toEqual([{ manager: 'apt', names: ['curl', 'libssl3'] }]);
  expect(namedPackages('apk add --no-cache -t .build-deps gcc musl-dev>=1.2 && apk del .build-deps')).toEqual(
    [{ manager: 'apk', names: ['gcc', 'musl-dev'] }],
  );
  expect(namedPackages('apt-get install --reinstall -y curl')).toEqual([]);
});
