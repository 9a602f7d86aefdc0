/**
 * The package-cache, hidden-bytes, merge-runs, add-local-file and add-url rules on images built
 * for real on the lab (busybox base, no internet): package caches are simulated by RUNs that
 * write files of known sizes into the managers' cache directories, ADD <URL> downloads come from
 * an HTTP server this test starts on 127.0.0.1 (BuildKit fetches them itself, `--network none`
 * only cuts RUN off). Every fixture asserts the complete list of these rules' findings (rule,
 * lines, bytes), so each is a must-fire case for some rules and a must-stay-quiet case for the
 * others; the bytes are checked against sizes known by construction and against GNU tar's
 * listing of the layer that holds them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttributedLayer, Finding } from '../../src/advise/model.js';
import { addLocalFileRule, addUrlRule } from '../../src/advise/rules/add-instead-of-copy.js';
import { hiddenBytesRule } from '../../src/advise/rules/hidden-bytes.js';
import { mergeRunsRule } from '../../src/advise/rules/merge-runs.js';
import { packageCacheRule } from '../../src/advise/rules/package-cache.js';
import { limiter } from '../../src/util/pool.js';
import {
  type AdviceFixture,
  type AdviceFixtureOptions,
  LAB_BUSYBOX,
  buildAdviceFixture,
  bytesUnder,
  listLayer,
  removeAdviceFixture,
} from '../support/advice-fixture.js';

const RULES = [packageCacheRule, hiddenBytesRule, mergeRunsRule, addLocalFileRule, addUrlRule];
const KB = 1024;
/** `dd` of `count` KiB of random bytes (random: no layer compression games, no dedup). */
const dd = (path: string, count: number) =>
  `mkdir -p ${path.slice(0, path.lastIndexOf('/')) || '/'} && dd if=/dev/urandom of=${path} bs=1k count=${count} 2>/dev/null`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** What the rules found, as [rule, line, endLine, bytes], in a stable order. */
const found = (fixture: AdviceFixture): [string, number, number, number][] =>
  RULES.flatMap((rule) => rule.check(fixture.input))
    .map((f: Finding) => [f.rule, f.line, f.endLine, f.bytes] as [string, number, number, number])
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));

const findingOf = (fixture: AdviceFixture, rule: string) =>
  RULES.flatMap((r) => r.check(fixture.input)).find((f) => f.rule === rule)!;

/** The layer the instruction starting at `line` made (a base layer for `base`). */
function layerAt(fixture: AdviceFixture, line: number | 'base', which = 0): AttributedLayer {
  const layers = fixture.input.layers.filter((l) =>
    line === 'base' ? l.fromBase : !l.fromBase && l.instruction?.startLine === line,
  );
  const layer = layers.at(which < 0 ? layers.length + which : which);
  if (!layer) throw new Error(`no layer for ${line} in ${fixture.dir}`);
  return layer;
}

/** GNU tar's count of the regular-file bytes under `paths` in that layer. */
const tarBytes = (fixture: AdviceFixture, layer: AttributedLayer, ...paths: string[]) => {
  const listing = listLayer(fixture.layout, layer.digest);
  return paths.reduce((sum, path) => sum + bytesUnder(listing, path), 0);
};

// ---- what the fixtures need from outside: served downloads, a base image, context files ----

const work = mkdtempSync(join(tmpdir(), 'rulesa-e2e-'));
const downloads = new Map<string, Buffer>();
let server: Server;
let url = '';

/** A gzip tar holding one random file of `kib` KiB, made by GNU tar. */
function tarball(kib: number, compress: boolean): Buffer {
  const dir = mkdtempSync(join(work, 'tar-'));
  writeFileSync(join(dir, 'payload.bin'), randomBytes(kib * KB));
  const out = join(work, `${Math.random().toString(36).slice(2)}.tar${compress ? '.gz' : ''}`);
  execFileSync('tar', [compress ? '-czf' : '-cf', out, '-C', dir, 'payload.bin']);
  return readFileSync(out);
}

const BASE_REPO = `localhost:5000/rulesa/base:${process.pid}`;

type Spec = AdviceFixtureOptions & { name: string };
const specs: Record<string, () => Spec> = {};
const fixtures: Record<string, AdviceFixture> = {};

// package-cache fires: apt lists and archives left by one RUN.
specs.aptLeft = () => ({
  name: 'rulesa-apt-left',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    'RUN echo "apt-get update && apt-get install -y curl" && mkdir -p /var/lib/apt/lists /var/cache/apt/archives' +
      ` && ${dd('/var/lib/apt/lists/deb_Packages', 1500)} && ${dd('/var/cache/apt/archives/curl.deb', 300)}` +
      ` && ${dd('/usr/bin/curl', 100)}`,
  ),
});

// package-cache fires: apk and pip caches of one multi-line RUN, after a WORKDIR.
specs.apkPip = () => ({
  name: 'rulesa-apk-pip',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    'WORKDIR /app',
    'RUN echo apk add python3 && mkdir -p /var/cache/apk /root/.cache/pip/http \\',
    ` && ${dd('/var/cache/apk/APKINDEX.tar.gz', 700)} \\`,
    ` && echo pip install flask && ${dd('/root/.cache/pip/http/wheel', 1200)}`,
  ),
});

// package-cache fires on the RUN that left the lists although a later RUN deletes them; merge-runs
// and hidden-bytes stay quiet about those bytes.
specs.aptDeletedLater = () => ({
  name: 'rulesa-apt-deleted-later',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `RUN echo apt-get update && mkdir -p /var/lib/apt/lists && ${dd('/var/lib/apt/lists/Packages', 2000)} && ${dd('/usr/bin/tool', 50)}`,
    'RUN rm -rf /var/lib/apt/lists',
  ),
});

// Quiet everywhere: caches cleaned in the same RUN, and a pip cache behind a cache mount.
specs.cleanRuns = () => ({
  name: 'rulesa-clean-runs',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `RUN echo apt-get update && mkdir -p /var/lib/apt/lists && ${dd('/var/lib/apt/lists/Packages', 1500)} && ${dd('/usr/bin/tool', 1200)} && rm -rf /var/lib/apt/lists/*`,
    `RUN --mount=type=cache,target=/root/.cache/pip echo pip install flask && ${dd('/root/.cache/pip/wheel', 1500)} && ${dd('/usr/lib/flask.so', 1100)}`,
    'COPY app.py /app/app.py',
  ),
  files: { 'app.py': 'print("hello")\n' },
});

// Quiet for package-cache: an npm cache that a COPY brings from the context, not a RUN.
specs.copiedCache = () => ({
  name: 'rulesa-copied-cache',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'COPY npm-cache/ /root/.npm/_cacache/', 'CMD ["sh"]'),
  files: { 'npm-cache/index': randomBytes(1400 * KB) },
});

// merge-runs fires: a later RUN deletes the build tree of an earlier one.
specs.buildTree = () => ({
  name: 'rulesa-build-tree',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `RUN mkdir -p /build /usr/local/bin && ${dd('/build/src.o', 2500)} && ${dd('/usr/local/bin/app', 200)}`,
    'RUN echo make install > /build.log',
    'RUN rm -rf /build',
  ),
});

// merge-runs fires twice: two RUNs (one spanning two lines) whose files one cleanup RUN deletes.
specs.twoLeftovers = () => ({
  name: 'rulesa-two-leftovers',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    'RUN mkdir -p /work && \\',
    `    ${dd('/work/a', 1200)}`,
    `RUN ${dd('/work/b', 800)}`,
    'RUN rm -rf /work',
  ),
});

// merge-runs fires on a heredoc RUN (its lines include the body).
specs.heredoc = () => ({
  name: 'rulesa-heredoc',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    'RUN <<EOF',
    'mkdir -p /opt/sdk',
    dd('/opt/sdk/blob', 1500),
    dd('/opt/sdk/keep', 10),
    'EOF',
    'RUN rm -f /opt/sdk/blob',
  ),
});

// hidden-bytes fires: a COPY whose file a later RUN deletes (quiet for merge-runs: not RUN to RUN).
specs.copyDeleted = () => ({
  name: 'rulesa-copy-deleted',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'COPY big.bin /opt/big.bin', 'RUN rm /opt/big.bin'),
  files: { 'big.bin': randomBytes(1_500_000) },
});

// hidden-bytes fires: a chmod in a later RUN rewrites every file a COPY added.
specs.chmodRewrite = () => ({
  name: 'rulesa-chmod-rewrite',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'COPY app/ /app/', 'RUN chmod -R 700 /app'),
  files: { 'app/server': randomBytes(1_000_000), 'app/assets.bin': randomBytes(700_000) },
});

// hidden-bytes fires on the FROM line: base-image files the Dockerfile deletes and overwrites.
specs.baseHidden = () => ({
  name: 'rulesa-base-hidden',
  dockerfile: lines(`FROM ${BASE_REPO}`, 'RUN rm -rf /usr/share/doc && echo small > /etc/data.bin'),
});

// add-local-file fires: a plain file ADDed.
specs.addModel = () => ({
  name: 'rulesa-add-model',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'ADD model.bin /opt/'),
  files: { 'model.bin': randomBytes(1_300_000) },
});

// add-local-file fires: a directory ADDed with flags.
specs.addDir = () => ({
  name: 'rulesa-add-dir',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'ADD --chown=1:1 conf/ /etc/app/'),
  files: { 'conf/a.bin': randomBytes(600_000), 'conf/b.bin': randomBytes(500_000) },
});

// add-local-file fires: a tar-named file that is no tar, so ADD copies it as it is.
specs.addFakeTar = () => ({
  name: 'rulesa-add-fake-tar',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'ADD data.tar.gz /data/'),
  files: { 'data.tar.gz': randomBytes(1_100_000) },
});

// add-local-file quiet: a real local tar, unpacked by ADD (its job).
specs.addRealTar = () => ({
  name: 'rulesa-add-real-tar',
  dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'ADD rootfs.tar /opt/rootfs/'),
  files: { 'rootfs.tar': tarball(1300, false) },
});

// add-url fires: an archive downloaded, unpacked and deleted by the next RUN.
specs.urlUnpackDelete = () => ({
  name: 'rulesa-url-unpack-delete',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `ADD ${url}/pkg.tar.gz /tmp/`,
    'RUN mkdir -p /opt && tar -xzf /tmp/pkg.tar.gz -C /opt && rm /tmp/pkg.tar.gz',
  ),
});

// add-url fires: a download unpacked but left in place.
specs.urlUnpackKeep = () => ({
  name: 'rulesa-url-unpack-keep',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `ADD ${url}/bundle.tar /tmp/bundle.tar`,
    'RUN mkdir -p /srv && tar -xf /tmp/bundle.tar -C /srv',
  ),
});

// add-url fires: a download run by one RUN, deleted by another.
specs.urlRunDelete = () => ({
  name: 'rulesa-url-run-delete',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `ADD ${url}/installer.bin /tmp/installer.bin`,
    'RUN cat /tmp/installer.bin > /dev/null && echo installed > /installed',
    'RUN rm /tmp/installer.bin',
  ),
});

// add-url quiet: a binary downloaded and used as it is.
specs.urlBinary = () => ({
  name: 'rulesa-url-binary',
  dockerfile: lines(
    `FROM ${LAB_BUSYBOX}`,
    `ADD --chmod=755 ${url}/tini /sbin/tini`,
    'ENTRYPOINT ["/sbin/tini"]',
  ),
});

beforeAll(async () => {
  downloads.set('pkg.tar.gz', tarball(1400, true));
  downloads.set('bundle.tar', tarball(1200, false));
  downloads.set('installer.bin', randomBytes(1_250_000));
  downloads.set('tini', randomBytes(1_100_000));
  server = createServer((request, response) => {
    const body = downloads.get((request.url ?? '').replace(/^\//, ''));
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A base image with files of known size, for the FROM-line case (busybox's are hard links).
  const baseDir = mkdtempSync(join(work, 'base-'));
  writeFileSync(
    join(baseDir, 'Dockerfile'),
    lines(
      `FROM ${LAB_BUSYBOX}`,
      `RUN mkdir -p /usr/share/doc/pkg && ${dd('/usr/share/doc/pkg/manual', 1200)} && ${dd('/etc/data.bin', 400)}`,
    ),
  );
  execFileSync(
    'docker',
    ['buildx', 'build', '--network', 'none', '--provenance=false', '--platform', 'linux/amd64'].concat([
      '--output',
      `type=image,name=${BASE_REPO},push=true`,
      baseDir,
    ]),
    { stdio: 'pipe' },
  );

  const limit = limiter(6);
  await Promise.all(
    Object.entries(specs).map(([key, spec]) =>
      limit(async () => {
        fixtures[key] = await buildAdviceFixture(spec());
      }),
    ),
  );
}, 240_000);

afterAll(() => {
  server?.close();
  // The engine keeps a copy of the pushed base: drop it (the registry's tag is unique to this run).
  try {
    execFileSync('docker', ['image', 'rm', BASE_REPO], { stdio: 'pipe' });
  } catch {
    // already gone, or never built
  }
  for (const fixture of Object.values(fixtures)) removeAdviceFixture(fixture);
  rmSync(work, { recursive: true, force: true });
});

describe('package-cache on the lab', () => {
  test('apt lists and archives left by a RUN', () => {
    const fixture = fixtures.aptLeft;
    const expected = (1500 + 300) * KB;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'var/lib/apt/lists', 'var/cache/apt')).toBe(expected);
    expect(found(fixture)).toEqual([['package-cache', 2, 2, expected]]);
    expect(findingOf(fixture, 'package-cache').fix).toMatch(
      /^End the same RUN with `rm -rf \/var\/lib\/apt\/lists\/\* && apt-get clean`/,
    );
  });

  test('apk and pip caches of one multi-line RUN: one finding, its three lines', () => {
    const fixture = fixtures.apkPip;
    const expected = (700 + 1200) * KB;
    expect(tarBytes(fixture, layerAt(fixture, 3), 'var/cache/apk', 'root/.cache/pip')).toBe(expected);
    expect(found(fixture)).toEqual([['package-cache', 3, 5, expected]]);
    expect(findingOf(fixture, 'package-cache').fix).toContain('pip install --no-cache-dir');
    expect(findingOf(fixture, 'package-cache').fix).toContain('apk add --no-cache');
  });

  test('lists a later RUN deletes: reported once, on the RUN that left them', () => {
    const fixture = fixtures.aptDeletedLater;
    const expected = 2000 * KB;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'var/lib/apt/lists')).toBe(expected);
    expect(fixture.input.waste.total).toBe(expected);
    expect(found(fixture)).toEqual([['package-cache', 2, 2, expected]]);
  });

  test('quiet: caches cleaned in the same RUN or kept in a cache mount', () => {
    const fixture = fixtures.cleanRuns;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'var/lib/apt/lists')).toBe(0);
    expect(tarBytes(fixture, layerAt(fixture, 3), 'root/.cache/pip')).toBe(0);
    expect(tarBytes(fixture, layerAt(fixture, 3), 'usr/lib/flask.so')).toBe(1100 * KB);
    expect(found(fixture)).toEqual([]);
  });

  test('quiet: a cache directory a COPY brings in', () => {
    const fixture = fixtures.copiedCache;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'root/.npm')).toBe(1400 * KB);
    expect(found(fixture)).toEqual([]);
  });
});

describe('merge-runs on the lab', () => {
  test('a later RUN deletes the build tree of an earlier one', () => {
    const fixture = fixtures.buildTree;
    const expected = 2500 * KB;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'build')).toBe(expected);
    expect(found(fixture)).toEqual([['merge-runs', 2, 2, expected]]);
    expect(findingOf(fixture, 'merge-runs').message).toBe(
      'The RUN at line 4 deletes 2.56 MB that this RUN leaves: this layer still ships them',
    );
  });

  test('two RUNs cleaned by one: a finding on each, the first spanning its two lines', () => {
    const fixture = fixtures.twoLeftovers;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'work')).toBe(1200 * KB);
    expect(tarBytes(fixture, layerAt(fixture, 4), 'work')).toBe(800 * KB);
    expect(found(fixture)).toEqual([
      ['merge-runs', 2, 3, 1200 * KB],
      ['merge-runs', 4, 4, 800 * KB],
    ]);
  });

  test('a heredoc RUN: the finding spans the heredoc', () => {
    const fixture = fixtures.heredoc;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'opt/sdk/blob')).toBe(1500 * KB);
    expect(found(fixture)).toEqual([['merge-runs', 2, 6, 1500 * KB]]);
  });
});

describe('hidden-bytes on the lab', () => {
  test('a COPY whose file a later RUN deletes', () => {
    const fixture = fixtures.copyDeleted;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'opt/big.bin')).toBe(1_500_000);
    expect(found(fixture)).toEqual([['hidden-bytes', 2, 2, 1_500_000]]);
    expect(findingOf(fixture, 'hidden-bytes').message).toBe(
      '1.50 MB that this COPY adds are hidden by line 3 (1.50 MB deleted by the RUN at line 3); the image still ships them',
    );
  });

  test('a chmod that rewrites every file a COPY added', () => {
    const fixture = fixtures.chmodRewrite;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'app')).toBe(1_700_000);
    expect(tarBytes(fixture, layerAt(fixture, 3), 'app')).toBe(1_700_000);
    expect(found(fixture)).toEqual([['hidden-bytes', 2, 2, 1_700_000]]);
    expect(findingOf(fixture, 'hidden-bytes').fix).toContain('COPY --chown=... --chmod=...');
  });

  test('base-image files deleted and overwritten: on the FROM line', () => {
    const fixture = fixtures.baseHidden;
    const base = layerAt(fixture, 'base', -1);
    const expected = (1200 + 400) * KB;
    expect(tarBytes(fixture, base, 'usr/share/doc', 'etc/data.bin')).toBe(expected);
    expect(found(fixture)).toEqual([['hidden-bytes', 1, 1, expected]]);
  });
});

describe('add-local-file on the lab', () => {
  test('a plain file ADDed', () => {
    const fixture = fixtures.addModel;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'opt/model.bin')).toBe(1_300_000);
    expect(found(fixture)).toEqual([['add-local-file', 2, 2, 1_300_000]]);
  });

  test('a directory ADDed with --chown', () => {
    const fixture = fixtures.addDir;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'etc/app')).toBe(1_100_000);
    expect(found(fixture)).toEqual([['add-local-file', 2, 2, 1_100_000]]);
  });

  test('a tar-named file that is no tar: ADD copies it as it is', () => {
    const fixture = fixtures.addFakeTar;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'data/data.tar.gz')).toBe(1_100_000);
    expect(found(fixture)).toEqual([['add-local-file', 2, 2, 1_100_000]]);
  });

  test('quiet: a real tar that ADD unpacks', () => {
    const fixture = fixtures.addRealTar;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'opt/rootfs/payload.bin')).toBe(1300 * KB);
    expect(found(fixture)).toEqual([]);
  });
});

describe('add-url on the lab (a local HTTP server)', () => {
  test('an archive downloaded, unpacked and deleted: the download bytes', () => {
    const fixture = fixtures.urlUnpackDelete;
    const size = downloads.get('pkg.tar.gz')!.length;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'tmp/pkg.tar.gz')).toBe(size);
    expect(found(fixture)).toEqual([['add-url', 2, 2, size]]);
  });

  test('an archive downloaded and unpacked, left in place', () => {
    const fixture = fixtures.urlUnpackKeep;
    const size = downloads.get('bundle.tar')!.length;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'tmp/bundle.tar')).toBe(size);
    expect(found(fixture)).toEqual([['add-url', 2, 2, size]]);
    expect(findingOf(fixture, 'add-url').message).toContain('that the RUN at line 3 unpacks or runs');
  });

  test('a download one RUN runs and another deletes', () => {
    const fixture = fixtures.urlRunDelete;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'tmp/installer.bin')).toBe(1_250_000);
    expect(found(fixture)).toEqual([['add-url', 2, 2, 1_250_000]]);
  });

  test('quiet: a binary used as it is', () => {
    const fixture = fixtures.urlBinary;
    expect(tarBytes(fixture, layerAt(fixture, 2), 'sbin/tini')).toBe(1_100_000);
    expect(found(fixture)).toEqual([]);
  });
});
