/**
 * single-stage-toolchain, copy-before-install and base-image-share on images built for real on
 * the lab. Nothing can be pulled, so what a real build would write is simulated with files of
 * known sizes at the paths compilers, package managers and base images use:
 * - a `tools` base (busybox + fake `npm`, `pip`, `go`, `bundle` that write fixed-size files where
 *   the real ones install), so install commands read as they would in a real Dockerfile;
 * - bases named like official images (`debian:12`, `python:3.12`, `node:20`): busybox plus one
 *   large file, so the slim-variant table has something to read.
 * Every byte count is checked twice: by construction, and by GNU tar over the layer blobs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { advise } from '../../src/advise/advise.js';
import { RULES } from '../../src/advise/rules/index.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AttributedLayer, Finding, Rule } from '../../src/advise/model.js';
import { baseImageShare } from '../../src/advise/rules/base-image-share.js';
import { copyBeforeInstall } from '../../src/advise/rules/copy-before-install.js';
import { singleStageToolchain } from '../../src/advise/rules/single-stage-toolchain.js';
import {
  type AdviceFixture,
  type AdviceFixtureOptions,
  buildAdviceFixture,
  bytesUnder,
  LAB_BUSYBOX,
  listLayer,
  removeAdviceFixture,
} from '../support/advice-fixture.js';
import { countImage } from '../support/independent.js';

const run = promisify(execFile);
const REPO = 'localhost:5000/rulesb';
const TOOLS = `${REPO}/tools:1`;

/** Fake package managers: each writes one file of a fixed size where the real one installs. */
const NPM_BYTES = 1_500_000;
const PIP_BYTES = 2_000_000;
const GO_MOD_BYTES = 1_200_000;
const BUNDLE_BYTES = 1_100_000;
const TOOLS_DOCKERFILE = `FROM ${LAB_BUSYBOX}
COPY --chmod=755 <<'END' /usr/local/bin/npm
#!/bin/sh
case "$1" in
  ci|install|i) mkdir -p node_modules/express && head -c ${NPM_BYTES} /dev/zero > node_modules/express/index.js ;;
  *) echo "npm $*" > npm.log ;;
esac
END
COPY --chmod=755 <<'END' /usr/local/bin/pip
#!/bin/sh
mkdir -p /usr/local/lib/python3.12/site-packages/flask
head -c ${PIP_BYTES} /dev/zero > /usr/local/lib/python3.12/site-packages/flask/__init__.py
END
COPY --chmod=755 <<'END' /usr/local/bin/go
#!/bin/sh
if [ "$1 $2" = "mod download" ]; then
  mkdir -p /root/go/pkg/mod/github.com/pkg/errors@v0.9.1
  head -c ${GO_MOD_BYTES} /dev/zero > /root/go/pkg/mod/github.com/pkg/errors@v0.9.1/errors.go
fi
END
COPY --chmod=755 <<'END' /usr/local/bin/bundle
#!/bin/sh
mkdir -p /usr/local/bundle/gems/rack-3.0.0
head -c ${BUNDLE_BYTES} /dev/zero > /usr/local/bundle/gems/rack-3.0.0/rack.rb
END
`;

/** Bases named like official images: busybox plus `bytes` in one library file. */
const BASES: { tags: string[]; bytes: number; platforms: string }[] = [
  { tags: ['debian:12', 'debian:12-slim'], bytes: 12_000_000, platforms: 'linux/amd64' },
  { tags: ['python:3.12'], bytes: 15_000_000, platforms: 'linux/amd64' },
  { tags: ['node:20'], bytes: 11_000_000, platforms: 'linux/amd64,linux/arm64' },
  { tags: ['ubuntu:22.04'], bytes: 0, platforms: 'linux/amd64' },
];

/** Uncompressed bytes of each lab base per platform, counted by GNU tar (support/independent.ts). */
const baseBytes = new Map<string, Record<string, number>>();

async function buildAndPush(
  name: string,
  dockerfile: string,
  tags: string[],
  platforms: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `rulesb-${name}-`));
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    const metadata = join(dir, 'metadata.json');
    const argv = [
      'buildx',
      'build',
      '--network',
      'none',
      '--provenance=false',
      '--platform',
      platforms,
      '--push',
    ];
    argv.push(...tags.flatMap((tag) => ['-t', `${REPO}/${tag}`]), '--metadata-file', metadata, dir);
    await run('docker', argv, { maxBuffer: 1 << 26 });
    return (JSON.parse(readFileSync(metadata, 'utf8')) as Record<string, string>)['containerimage.digest']!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function buildBases(): Promise<void> {
  await Promise.all([
    buildAndPush('tools', TOOLS_DOCKERFILE, ['tools:1'], 'linux/amd64'),
    ...BASES.map(async ({ tags, bytes, platforms }) => {
      const fill =
        bytes > 0 ? `RUN mkdir -p /usr/lib/base && head -c ${bytes} /dev/zero > /usr/lib/base/lib.so\n` : '';
      const digest = await buildAndPush(
        tags[0]!.replace(/\W/g, '-'),
        `FROM ${LAB_BUSYBOX}\n${fill}`,
        tags,
        platforms,
      );
      const counted = await countImage(`${REPO}/${tags[0]!.split(':')[0]}`, digest);
      const bytesPerPlatform = Object.fromEntries(
        counted.map((p) => [p.platform || platforms, p.uncompressed]),
      );
      for (const tag of tags) baseBytes.set(tag, bytesPerPlatform);
    }),
  ]);
}

interface Case {
  rule: Rule;
  options: AdviceFixtureOptions;
  /** [line, endLine, bytes known by construction] per finding; [] where the rule must stay quiet. */
  expected: () => [number, number, number][];
  /** The same bytes, counted by GNU tar over the fixture's layer blobs. */
  counted?: (fixture: AdviceFixture) => number[];
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const zeros = (bytes: number, path: string) => `head -c ${bytes} /dev/zero > ${path}`;
/** A text file of exactly `size` bytes that starts with `text`. */
const sized = (text: string, size: number) => `${text}\n${'x'.repeat(size - text.length - 2)}\n`;

const notFromBase = (fixture: AdviceFixture) => fixture.input.layers.filter((l) => !l.fromBase);
const fromBase = (fixture: AdviceFixture) => fixture.input.layers.filter((l) => l.fromBase);

/** GNU tar: bytes of the regular files under `prefixes` in the given layers of the fixture. */
function tarBytes(fixture: AdviceFixture, layers: AttributedLayer[], prefixes = ['']): number {
  let total = 0;
  for (const layer of layers) {
    const listing = listLayer(fixture.layout, layer.digest);
    for (const prefix of prefixes) total += bytesUnder(listing, prefix);
  }
  return total;
}

/** GNU tar: bytes of the layers the instructions starting at these lines made (one layer each). */
function tarBytesOfLines(fixture: AdviceFixture, startLines: number[]): number {
  const layers = notFromBase(fixture).filter((l) => startLines.includes(l.instruction?.startLine ?? 0));
  expect(layers.map((l) => l.instruction?.startLine)).toEqual(startLines);
  return tarBytes(fixture, layers);
}

const CASES: Record<string, Case> = {
  // ---- single-stage-toolchain: fires ----
  'tc-gcc-headers': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-gcc',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`, // 1
        'WORKDIR /app', // 2
        '# apt-get install gcc libpq-dev, simulated', // 3
        'RUN mkdir -p /usr/lib/gcc/x86_64-linux-gnu/12 /usr/include/postgresql \\', // 4
        ` && ${zeros(3_000_000, '/usr/lib/gcc/x86_64-linux-gnu/12/cc1')} \\`, // 5
        ` && ${zeros(200_000, '/usr/include/postgresql/libpq-fe.h')} \\`, // 6
        ` && ${zeros(400_000, '/usr/lib/libpq.so.5')}`, // 7: a runtime library, not counted
        'COPY app.sh /app/', // 8
        'CMD ["/app/app.sh"]', // 9
      ),
      files: { 'app.sh': '#!/bin/sh\necho hi\n' },
    },
    expected: () => [[4, 7, 3_200_000]],
    counted: (f) => [tarBytes(f, notFromBase(f), ['usr/lib/gcc', 'usr/include'])],
  },
  'tc-node-dev-deps': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-node',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`, // 1
        'WORKDIR /app', // 2
        'COPY package.json ./', // 3
        '# npm ci with devDependencies, simulated', // 4
        'RUN mkdir -p node_modules/typescript/lib node_modules/jest/build node_modules/express/lib node_modules/@types/node \\', // 5
        ` && ${zeros(2_500_000, 'node_modules/typescript/lib/typescript.js')} \\`, // 6
        ` && ${zeros(700_000, 'node_modules/jest/build/index.js')} \\`, // 7
        ` && ${zeros(900_000, 'node_modules/express/lib/express.js')} \\`, // 8: a runtime dependency
        ` && ${zeros(400_000, 'node_modules/@types/node/index.d.ts')}`, // 9
        'COPY . .', // 10
        'CMD ["node", "index.js"]', // 11
      ),
      // The manifest says which are dev-only: the rule measures them from it, by no list of names.
      files: {
        'package.json':
          '{"name":"app","dependencies":{"express":"4"},"devDependencies":{"typescript":"5","jest":"29","@types/node":"20"}}\n',
        'index.js': 'console.log(1)\n',
      },
    },
    expected: () => [[5, 9, 3_600_000]],
    counted: (f) => [
      tarBytes(f, notFromBase(f), [
        'app/node_modules/typescript',
        'app/node_modules/jest',
        'app/node_modules/@types',
      ]),
    ],
  },
  'tc-go-module-sources': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-go',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`, // 1
        '# a Go toolchain unpacked into /usr/local/go and modules downloaded, simulated', // 2
        'RUN mkdir -p /usr/local/go/pkg/tool/linux_amd64 /root/go/pkg/mod/github.com/pkg/errors@v0.9.1 /root/.cache/go-build/aa \\', // 3
        ` && ${zeros(2_000_000, '/usr/local/go/pkg/tool/linux_amd64/compile')} \\`, // 4
        ` && ${zeros(1_500_000, '/root/go/pkg/mod/github.com/pkg/errors@v0.9.1/errors.go')} \\`, // 5
        ` && ${zeros(1_000_000, '/root/.cache/go-build/aa/obj-d')}`, // 6: package-cache's, not counted here
        'COPY main.go /src/', // 7
        'CMD ["/src/app"]', // 8
      ),
      files: { 'main.go': sized('package main\n\nfunc main() {}\n//', 300_000) },
    },
    // toolchain 2 MB + module sources 1.5 MB + main.go 300 kB, most of it from line 3
    expected: () => [[3, 6, 3_800_000]],
    counted: (f) => [tarBytes(f, notFromBase(f), ['usr/local/go', 'root/go/pkg/mod', 'src/main.go'])],
  },
  'tc-from-build-stage': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-chain',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX} AS build`, // 1
        `RUN mkdir -p /usr/libexec/gcc/x86_64-alpine-linux-musl/13 && ${zeros(2_600_000, '/usr/libexec/gcc/x86_64-alpine-linux-musl/13/cc1')}`, // 2
        'FROM build', // 3
        'RUN echo built > /built.txt', // 4
        'CMD ["/built.txt"]', // 5: the image runs an app, not the toolchain
      ),
    },
    expected: () => [[2, 2, 2_600_000]],
    counted: (f) => [tarBytes(f, notFromBase(f), ['usr/libexec/gcc'])],
  },
  // ---- single-stage-toolchain: quiet ----
  'tc-multi-stage': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-multi',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX} AS build`,
        `RUN mkdir -p /usr/lib/gcc/x86_64-linux-gnu/12 /out && ${zeros(3_000_000, '/usr/lib/gcc/x86_64-linux-gnu/12/cc1')} \\`,
        ' && echo app > /out/app',
        `FROM ${LAB_BUSYBOX}`,
        `RUN mkdir -p /usr/include && ${zeros(2_000_000, '/usr/include/leftover.h')}`,
        'COPY --from=build /out/app /app',
      ),
    },
    expected: () => [],
  },
  'tc-runtime-only': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-runtime',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /app',
        '# npm ci --omit=dev: runtime dependencies, and type definitions one of them depends on',
        'RUN mkdir -p node_modules/express node_modules/@types/whatwg-url \\',
        ` && ${zeros(3_000_000, 'node_modules/express/index.js')} \\`,
        ` && ${zeros(1_200_000, 'node_modules/@types/whatwg-url/index.d.ts')}`,
        'COPY . .',
      ),
      files: { 'index.js': 'console.log(1)\n', 'lib/native.c': sized('/* a native addon */', 2_000_000) },
    },
    expected: () => [],
  },
  'tc-deleted-later': {
    rule: singleStageToolchain,
    options: {
      name: 'rulesb-tc-deleted',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`,
        `RUN mkdir -p /usr/lib/gcc/x86_64-linux-gnu/12 && ${zeros(3_000_000, '/usr/lib/gcc/x86_64-linux-gnu/12/cc1')}`,
        'RUN rm -rf /usr/lib/gcc',
        `RUN mkdir -p /root/.cache/go-build/00 && ${zeros(2_000_000, '/root/.cache/go-build/00/obj-d')}`,
      ),
    },
    // the compiler is hidden (hidden-bytes reports it), the go-build cache is package-cache's
    expected: () => [],
  },

  // ---- copy-before-install: fires ----
  'cbi-npm': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-npm',
      dockerfile: lines(
        `FROM ${TOOLS}`, // 1
        'WORKDIR /app', // 2
        'COPY . .', // 3
        'RUN npm ci', // 4
        'RUN npm run build', // 5
        'CMD ["node", "index.js"]', // 6
      ),
      files: { 'package.json': '{"name":"app"}\n', 'index.js': 'console.log(1)\n' },
    },
    expected: () => [[3, 4, NPM_BYTES]],
    counted: (f) => [tarBytesOfLines(f, [4])],
  },
  'cbi-pip': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-pip',
      dockerfile: lines(
        `FROM ${TOOLS}`, // 1
        'ENV PYTHONDONTWRITEBYTECODE=1', // 2
        'COPY . /srv/', // 3
        'RUN pip install --no-cache-dir -r /srv/requirements.txt', // 4
        'RUN echo configured > /srv/configured', // 5
      ),
      files: { 'requirements.txt': 'flask==3.0.0\n', 'app.py': 'print(1)\n' },
    },
    expected: () => [[3, 4, PIP_BYTES]],
    counted: (f) => [tarBytesOfLines(f, [4])],
  },
  'cbi-go-and-bundle': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-go',
      dockerfile: lines(
        `FROM ${TOOLS}`, // 1
        'WORKDIR /src', // 2
        'ADD . /src', // 3
        'RUN cd /src \\', // 4
        ' && go mod download', // 5
        'RUN bundle install --jobs 4', // 6
      ),
      files: { 'go.mod': 'module x\n', Gemfile: "source 'https://rubygems.org'\n" },
    },
    expected: () => [[3, 6, GO_MOD_BYTES + BUNDLE_BYTES]],
    counted: (f) => [tarBytesOfLines(f, [4, 6])],
  },
  // ---- copy-before-install: quiet ----
  'cbi-manifests-first': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-good',
      dockerfile: lines(
        `FROM ${TOOLS}`,
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'RUN npm ci',
        'COPY . .',
        'RUN npm run build',
      ),
      files: { 'package.json': '{}\n', 'package-lock.json': '{}\n', 'index.js': '1\n' },
    },
    expected: () => [],
  },
  'cbi-narrow-copy': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-narrow',
      dockerfile: lines(`FROM ${TOOLS}`, 'WORKDIR /app', 'COPY src/ ./src/', 'RUN npm install'),
      files: { 'src/index.js': '1\n' },
    },
    expected: () => [],
  },
  'cbi-build-stage': {
    rule: copyBeforeInstall,
    options: {
      name: 'rulesb-cbi-stage',
      dockerfile: lines(
        `FROM ${TOOLS} AS deps`,
        'WORKDIR /app',
        'COPY . .',
        'RUN npm ci',
        `FROM ${TOOLS}`,
        'WORKDIR /app',
        'COPY --from=deps /app/node_modules ./node_modules',
        'COPY index.js ./',
      ),
      files: { 'package.json': '{}\n', 'index.js': '1\n' },
    },
    expected: () => [],
  },

  // ---- base-image-share: fires ----
  'bis-debian': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-debian',
      dockerfile: lines(
        `FROM ${REPO}/debian:12`,
        `RUN ${zeros(1_000_000, '/usr/tool')}`,
        'CMD ["/usr/tool"]',
      ),
    },
    expected: () => [[1, 1, baseBytes.get('debian:12')!['linux/amd64']!]],
    counted: (f) => [tarBytes(f, fromBase(f))],
  },
  'bis-python-chain': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-python',
      dockerfile: lines(
        'ARG PY=3.12', // 1
        `FROM ${REPO}/python:\${PY} AS base`, // 2
        'ENV PIP_NO_CACHE_DIR=1', // 3
        'FROM base', // 4
        'COPY app.py /app/', // 5
      ),
      files: { 'app.py': 'print(1)\n' },
    },
    expected: () => [[2, 2, baseBytes.get('python:3.12')!['linux/amd64']!]],
    counted: (f) => [tarBytes(f, fromBase(f))],
  },
  'bis-node-arm64': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-node',
      platform: 'linux/arm64',
      dockerfile: lines('# a node app', `FROM ${REPO}/node:20`, 'WORKDIR /app', 'COPY . .'),
      files: { 'index.js': sized('// app', 3_000_000) },
    },
    expected: () => [[2, 2, baseBytes.get('node:20')!['linux/arm64']!]],
    counted: (f) => [tarBytes(f, fromBase(f))],
  },
  // ---- base-image-share: quiet ----
  'bis-slim-already': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-slim',
      dockerfile: lines(`FROM ${REPO}/debian:12-slim`, `RUN ${zeros(1_000_000, '/usr/tool')}`),
    },
    expected: () => [],
  },
  'bis-minority': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-minority',
      // 17 MB of app on a base of busybox + 12 MB: the base is under half
      dockerfile: lines(`FROM ${REPO}/debian:12`, `RUN ${zeros(17_000_000, '/usr/app.bin')}`),
    },
    expected: () => [],
  },
  'bis-small-base': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-small',
      dockerfile: lines(`FROM ${REPO}/ubuntu:22.04`, 'RUN echo hi > /hi'),
    },
    expected: () => [],
  },
  'bis-scratch-runtime': {
    rule: baseImageShare,
    options: {
      name: 'rulesb-bis-scratch',
      dockerfile: lines(
        `FROM ${REPO}/python:3.12 AS build`,
        'RUN mkdir /out && echo app > /out/app',
        'FROM scratch',
        'COPY --from=build /out/app /app',
      ),
    },
    expected: () => [],
  },
};

/**
 * The corpus Dockerfiles (__tests__/fixtures/dockerfiles/) that build on the lab's busybox, built
 * for real and run through every rule as the report shows them (advise.ts, 1 MB threshold).
 */
const CORPUS_DIR = join(import.meta.dirname, '../fixtures/dockerfiles');
const SCRIPTS = { 'src/a.sh': '#!/bin/sh\necho a\n', 'src/b.sh': 'echo b\n' };
const CORPUS: Record<
  string,
  {
    files: Record<string, string>;
    expected: [string, number, number, number][];
    counted?: (f: AdviceFixture) => number[];
  }
> = {
  'clean-busybox-tool': {
    files: { 'healthcheck.sh': '#!/bin/sh\nexit 0\n', 'config/app.conf': 'interval=30\n' },
    expected: [],
  },
  'clean-busybox-multistage': { files: SCRIPTS, expected: [] },
  'bad-busybox-cleanup-later': {
    files: {},
    expected: [['merge-runs', 5, 7, 3_000_000]],
    // what the first RUN wrote under /srv/dist, which the second deletes
    counted: (f) => [
      tarBytes(
        f,
        notFromBase(f).filter((l) => l.instruction?.startLine === 5),
        ['srv/dist'],
      ),
    ],
  },
  'bad-busybox-single-stage-toolchain': {
    files: SCRIPTS,
    expected: [['single-stage-toolchain', 7, 10, 3_000_000]],
    counted: (f) => [tarBytes(f, notFromBase(f), ['usr/lib/gcc', 'usr/include'])],
  },
};

const fixtures = new Map<string, AdviceFixture>();
const corpusFixtures = new Map<string, AdviceFixture>();

beforeAll(async () => {
  await buildBases();
  const corpus = Object.entries(CORPUS).map(async ([name, c]) => {
    const dockerfile = readFileSync(join(CORPUS_DIR, `${name}.Dockerfile`), 'utf8');
    return [name, await buildAdviceFixture({ name: `rulesb-${name}`, dockerfile, files: c.files })] as const;
  });
  const [built, builtCorpus] = await Promise.all([
    Promise.all(
      Object.entries(CASES).map(async ([name, c]) => [name, await buildAdviceFixture(c.options)] as const),
    ),
    Promise.all(corpus),
  ]);
  for (const [name, fixture] of built) fixtures.set(name, fixture);
  for (const [name, fixture] of builtCorpus) corpusFixtures.set(name, fixture);
}, 240_000);

afterAll(() => {
  for (const fixture of [...fixtures.values(), ...corpusFixtures.values()]) removeAdviceFixture(fixture);
});

const summary = (findings: Finding[]) => findings.map((f) => [f.line, f.endLine, f.bytes]);

describe.each(Object.keys(CASES))('%s', (name) => {
  test('the rule fires exactly where and for what it should', () => {
    const c = CASES[name]!;
    const fixture = fixtures.get(name)!;
    const findings = c.rule.check(fixture.input);
    expect(summary(findings)).toEqual(c.expected());
    for (const finding of findings) {
      expect(finding.rule).toBe(c.rule.id);
      expect(finding.file).toBe('Dockerfile');
      expect(finding.message).not.toContain('\n');
      expect(finding.fix).not.toContain('\n');
    }
    if (c.counted) expect(c.counted(fixture)).toEqual(findings.map((f) => f.bytes));
    // every layer the Dockerfile made is attributed: a quiet rule saw the instructions
    expect(notFromBase(fixture).every((l) => l.instruction !== undefined)).toBe(true);
  });
});

describe.each(Object.keys(CORPUS))('corpus %s, built for real', (name) => {
  test('every rule, as the report shows them: exactly the findings its header lists', () => {
    const fixture = corpusFixtures.get(name)!;
    const advice = advise([fixture.input], { rules: RULES, minBytes: 1_000_000 });
    expect(advice.failures).toEqual([]);
    expect(advice.findings.map((f) => [f.rule, f.line, f.endLine, f.bytes])).toEqual(CORPUS[name]!.expected);
    const counted = CORPUS[name]!.counted;
    if (counted) expect(counted(fixture)).toEqual(advice.findings.map((f) => f.bytes));
  });
});

test('the lab bases are what the base-image-share cases assume', () => {
  // busybox (a few MB) plus the fill: over 10 MB, and under the 17 MB the minority case adds
  const debian = baseBytes.get('debian:12')!['linux/amd64']!;
  expect(debian).toBeGreaterThan(12_000_000);
  expect(debian).toBeLessThan(17_000_000);
  expect(baseBytes.get('ubuntu:22.04')!['linux/amd64']!).toBeLessThan(10_000_000);
  expect(Object.keys(baseBytes.get('node:20')!).sort()).toEqual(['linux/amd64', 'linux/arm64']);
});
