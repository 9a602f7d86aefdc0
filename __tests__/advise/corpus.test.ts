/**
 * The false-positive corpus: realistic Dockerfiles (__tests__/fixtures/dockerfiles/, each one's
 * header says what it is), run through every rule the advisor has (rules/index.ts) the way the
 * report shows them (advise.ts, default 1 MB threshold). A finding on a clean Dockerfile is a
 * bug; a bad one must get exactly the findings its header lists.
 *
 * Their real bases (debian, python, node, golang...) cannot be pulled in the lab, so this test is
 * pure and table-driven: each Dockerfile is parsed by parseDockerfile, and its layers are
 * synthetic scans (support/synthetic-advice.ts) holding what the base and each instruction
 * would write: paths and sizes stated below, modelled on the real images (sizes rounded). The
 * busybox ones are also built for real in __tests__/e2e/advise-rules-b.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { advise } from '../../src/advise/advise.js';
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import { stageChain } from '../../src/advise/attribute.js';
import type { Instruction } from '../../src/advise/model.js';
import { RULES } from '../../src/advise/rules/index.js';
import { filesUnder, manifest, type SyntheticEntry, syntheticInput } from '../support/synthetic-advice.js';

const DIR = join(import.meta.dirname, '../fixtures/dockerfiles');
const MIN_BYTES = 1_000_000;

type Layers = SyntheticEntry[][];
const sum = (entries: readonly SyntheticEntry[]) =>
  entries.reduce((total, entry) => total + ('file' in entry ? entry.size : 0), 0);
const sumLayers = (layers: Layers) => layers.reduce((total, layer) => total + sum(layer), 0);
const file = (path: string, size: number): SyntheticEntry => ({ file: path, size });

// ---- bases, modelled on the official images (one entry list per layer) ----
const ACCOUNTS = [file('etc/passwd', 926), file('etc/group', 446), file('etc/shadow', 501)];
const DEBIAN_SLIM: Layers = [
  [
    ...filesUnder('usr/lib/x86_64-linux-gnu', 50, 1_000_000),
    ...filesUnder('usr/bin', 12, 1_000_000),
    ...filesUnder('usr/share/zoneinfo', 10, 100_000),
    ...ACCOUNTS,
    file('var/lib/dpkg/status', 80_000),
    file('var/cache/debconf/templates.dat', 450_000),
    file('var/cache/debconf/config.dat', 20_000),
  ],
];
const DEBIAN: Layers = [
  [
    ...DEBIAN_SLIM[0]!,
    ...filesUnder('usr/share/doc', 40, 1_000_000),
    ...filesUnder('usr/share/locale', 10, 1_000_000),
  ],
];
const UBUNTU: Layers = [
  [
    ...filesUnder('usr/lib/x86_64-linux-gnu', 60, 1_000_000),
    ...filesUnder('usr/bin', 15, 1_000_000),
    ...ACCOUNTS,
  ],
];
const ALPINE: Layers = [
  [
    ...filesUnder('lib', 3, 1_000_000),
    file('bin/busybox', 800_000),
    ...filesUnder('usr/lib', 4, 1_000_000),
    file('lib/apk/db/installed', 40_000),
    ...ACCOUNTS,
  ],
];
const BUSYBOX: Layers = [[file('bin/busybox', 1_131_168), ...filesUnder('bin', 10, 300_000), ...ACCOUNTS]];
const DISTROLESS_STATIC: Layers = [
  [
    file('etc/ssl/certs/ca-certificates.crt', 220_000),
    ...filesUnder('usr/share/zoneinfo', 20, 100_000),
    ...ACCOUNTS,
  ],
];
const PYTHON_LAYERS: Layers = [
  [
    ...filesUnder('usr/local/lib/python3.12', 40, 1_000_000),
    file('usr/local/bin/python3.12', 20_000),
    ...filesUnder('usr/local/include/python3.12', 30, 30_000),
  ],
  filesUnder('usr/local/lib/python3.12/site-packages/pip', 15, 1_000_000),
];
const BUILDPACK: Layers = [
  filesUnder('usr/lib/x86_64-linux-gnu/git-core', 30, 1_000_000),
  [file('usr/lib/gcc/x86_64-linux-gnu/12/cc1', 33_000_000), ...filesUnder('usr/include', 50, 100_000)],
];
const PYTHON_SLIM: Layers = [...DEBIAN_SLIM, ...PYTHON_LAYERS];
const PYTHON: Layers = [...DEBIAN, ...BUILDPACK, ...PYTHON_LAYERS];
const NODE_SLIM: Layers = [
  ...DEBIAN_SLIM,
  [
    file('usr/local/bin/node', 95_000_000),
    ...filesUnder('usr/local/lib/node_modules/npm', 20, 500_000),
    ...filesUnder('usr/local/include/node', 40, 50_000),
  ],
  filesUnder('opt/yarn-v1.22.19', 5, 1_000_000),
];
const GOLANG: Layers = [...DEBIAN, ...BUILDPACK, filesUnder('usr/local/go', 60, 4_000_000)];
const RUBY_SLIM: Layers = [
  ...DEBIAN_SLIM,
  [
    ...filesUnder('usr/local/lib/ruby', 30, 1_000_000),
    file('usr/local/bin/ruby', 20_000),
    ...filesUnder('usr/local/include/ruby-3.3.0', 20, 30_000),
  ],
];
const NGINX_ALPINE: Layers = [
  ...ALPINE,
  [file('usr/sbin/nginx', 1_500_000), ...filesUnder('usr/lib/nginx/modules', 20, 500_000)],
  [file('etc/nginx/conf.d/default.conf', 1_093)],
];

// ---- what the instructions write ----
/** An apt install on Debian: the packages, and dpkg/debconf's databases rewritten a little larger. */
const aptWrites = (packages: SyntheticEntry[]): SyntheticEntry[] => [
  ...packages,
  file('var/lib/dpkg/status', 95_000),
  file('var/cache/debconf/templates.dat', 470_000),
  file('var/cache/debconf/templates.dat-old', 450_000),
  file('var/cache/debconf/config.dat', 21_000),
  file('var/log/dpkg.log', 40_000),
  file('var/log/apt/history.log', 3_000),
];
const APT_LISTS = filesUnder('var/lib/apt/lists', 6, 3_000_000);
const UBUNTU_APT_LISTS = filesUnder('var/lib/apt/lists', 8, 4_000_000);
const NPM_CACHE = filesUnder('root/.npm/_cacache/content-v2/sha512', 20, 500_000);
const PROD_MODULES = (root: string) => [
  ...filesUnder(`${root}/node_modules/express/lib`, 5, 200_000),
  ...filesUnder(`${root}/node_modules/pg/lib`, 10, 500_000),
  ...filesUnder(`${root}/node_modules/lodash`, 20, 1_000_000),
];
const GCC_12 = [
  file('usr/lib/gcc/x86_64-linux-gnu/12/cc1', 33_000_000),
  file('usr/lib/gcc/x86_64-linux-gnu/12/lto1', 31_000_000),
  file('usr/bin/x86_64-linux-gnu-gcc-12', 1_200_000),
  file('usr/bin/x86_64-linux-gnu-cpp-12', 1_200_000),
  file('usr/bin/x86_64-linux-gnu-as', 800_000),
  file('usr/bin/x86_64-linux-gnu-ld.bfd', 1_800_000),
];
const LIBC_DEV_HEADERS = filesUnder('usr/include/x86_64-linux-gnu/bits', 200, 20_000);
const LIBPQ_DEV_HEADERS = filesUnder('usr/include/postgresql', 30, 10_000);
const LIBS = [
  file('usr/lib/x86_64-linux-gnu/libbfd-2.40-system.so', 2_500_000),
  file('usr/lib/x86_64-linux-gnu/libc.a', 6_000_000),
  file('usr/lib/x86_64-linux-gnu/libpq.so.5', 330_000),
];
const TS_DEV_DEPENDENCIES = [
  ...filesUnder('app/node_modules/typescript/lib', 8, 2_500_000),
  ...filesUnder('app/node_modules/eslint/lib', 5, 1_000_000),
  ...filesUnder('app/node_modules/@typescript-eslint/parser/dist', 4, 500_000),
  ...filesUnder('app/node_modules/@types/node', 8, 250_000),
  file('app/node_modules/jest/build/jest.js', 40_000),
];
const GO_APP_SOURCES = [
  ...Array.from({ length: 40 }, (_, i) => file(`go/src/app/internal/pkg${i}/pkg.go`, 20_000)),
  file('go/src/app/go.mod', 2_000),
  file('go/src/app/go.sum', 8_000),
];
const GO_MODULE_SOURCES = filesUnder('go/pkg/mod/github.com/acme/sdk@v1.2.0', 300, 50_000);
const GO_MODULE_CACHE = filesUnder('go/pkg/mod/cache/download/github.com/acme/sdk/@v', 100, 50_000);
const GO_BUILD_CACHE = filesUnder('root/.cache/go-build/0a', 200, 250_000);
const PYTHON_DEPS = filesUnder('usr/local/lib/python3.12/site-packages/flask', 12, 1_000_000);
const APP_FILES = (root: string, count = 40) => filesUnder(root, count, 5_000);

/** Where a finding stands: the instruction whose text holds `at`; `to` ends the range. */
interface Expected {
  rule: string;
  at: string;
  to?: string;
  /** Exact bytes, known by construction (given for the rules whose counting this corpus owns). */
  bytes?: number;
}

interface CorpusCase {
  base?: Layers;
  /** Entries per layer-making instruction, by a text that only its lines hold. */
  layers?: Record<string, SyntheticEntry[]>;
  /** [] for a clean Dockerfile. */
  expected: Expected[];
}

const CORPUS: Record<string, CorpusCase> = {
  'clean-debian-slim-cli': {
    base: DEBIAN_SLIM,
    layers: {
      'apt-get update': aptWrites([
        file('usr/bin/curl', 300_000),
        file('usr/bin/jq', 400_000),
        file('usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 700_000),
        file('usr/lib/x86_64-linux-gnu/libonig.so.5', 600_000),
        file('etc/ssl/certs/ca-certificates.crt', 220_000),
        ...filesUnder('usr/share/ca-certificates/mozilla', 140, 1_500),
      ]),
      'COPY entrypoint.sh': [file('usr/local/bin/entrypoint.sh', 2_000)],
    },
    expected: [],
  },
  'clean-alpine-no-cache': {
    base: ALPINE,
    layers: {
      'apk add --no-cache': [
        file('bin/bash', 1_200_000),
        file('usr/bin/git', 3_000_000),
        ...filesUnder('usr/libexec/git-core', 40, 500_000),
        file('usr/bin/ssh', 800_000),
        file('lib/apk/db/installed', 150_000),
        file('etc/passwd', 990),
        file('etc/group', 470),
        file('etc/shadow', 530),
        { dir: 'home/runner' },
      ],
      'COPY --chown=runner': [file('home/runner/scripts/run.sh', 3_000)],
    },
    expected: [],
  },
  'clean-python-slim': {
    base: PYTHON_SLIM,
    layers: {
      'COPY requirements.txt': [file('app/requirements.txt', 200)],
      'pip install --no-cache-dir': [...PYTHON_DEPS, file('usr/local/bin/gunicorn', 220)],
      'COPY . .': APP_FILES('app'),
      useradd: [
        file('etc/passwd', 980),
        file('etc/group', 460),
        file('etc/shadow', 520),
        file('etc/gshadow', 380),
        file('home/app/.bashrc', 3_526),
      ],
    },
    expected: [],
  },
  'clean-node-multistage': {
    base: NODE_SLIM,
    layers: {
      'COPY package.json package-lock.json': [
        file('app/package.json', 2_000),
        file('app/package-lock.json', 60_000),
      ],
      'npm cache clean --force': [
        ...PROD_MODULES('app'),
        file('root/.npm/_logs/2024-05-01T10_00_00_000Z-debug-0.log', 3_000),
      ],
      'COPY --from=build /src/dist': filesUnder('app/dist', 20, 100_000),
    },
    expected: [],
  },
  'clean-go-distroless': {
    base: DISTROLESS_STATIC,
    layers: { 'COPY --from=build /out/server': [file('server', 12_000_000)] },
    expected: [],
  },
  'clean-go-scratch': {
    layers: {
      'COPY --from=build /etc/ssl': [file('etc/ssl/certs/ca-certificates.crt', 220_000)],
      'COPY --from=build /out/app': [file('app', 9_000_000)],
    },
    expected: [],
  },
  'clean-ruby-slim': {
    base: RUBY_SLIM,
    layers: {
      'COPY Gemfile': [file('rails/Gemfile', 2_000), file('rails/Gemfile.lock', 8_000)],
      'bundle install': aptWrites([
        ...filesUnder('usr/local/bundle/gems', 40, 1_000_000),
        file('usr/local/bundle/gems/pg-1.5.4/ext/pg_connection.c', 150_000),
        file('usr/lib/x86_64-linux-gnu/libpq.so.5', 330_000),
      ]),
      'COPY . .': APP_FILES('rails', 200),
    },
    expected: [],
  },
  'clean-nginx-static-site': {
    base: NGINX_ALPINE,
    layers: {
      'COPY nginx.conf': [file('etc/nginx/conf.d/default.conf', 1_200)],
      'COPY --from=build': filesUnder('usr/share/nginx/html/assets', 30, 100_000),
    },
    expected: [],
  },
  'clean-busybox-tool': {
    base: BUSYBOX,
    layers: {
      'COPY --chmod=755': [file('usr/local/bin/healthcheck', 1_000)],
      'COPY config/': [file('etc/healthcheck/app.conf', 300)],
    },
    expected: [],
  },
  'clean-busybox-multistage': {
    base: BUSYBOX,
    layers: { 'COPY --from=build': [file('usr/local/bin/tool', 1_000)] },
    expected: [],
  },

  'bad-debian-full-apt-lists': {
    base: DEBIAN,
    layers: {
      'apt-get update': aptWrites([
        ...APT_LISTS,
        ...filesUnder('usr/lib/python3.11', 40, 1_000_000),
        file('usr/bin/python3.11', 6_000_000),
      ]),
      'COPY sync.py': [file('usr/local/bin/sync.py', 5_000)],
    },
    expected: [
      { rule: 'base-image-share', at: 'FROM debian:12', bytes: sumLayers(DEBIAN) },
      { rule: 'package-cache', at: 'apt-get update', bytes: sum(APT_LISTS) },
    ],
  },
  'bad-node-copy-all-first': {
    base: NODE_SLIM,
    layers: {
      'COPY . .': [file('usr/src/app/package.json', 2_000), ...APP_FILES('usr/src/app', 50)],
      'npm ci': [...PROD_MODULES('usr/src/app'), ...NPM_CACHE],
    },
    expected: [
      {
        rule: 'copy-before-install',
        at: 'COPY . .',
        to: 'npm ci',
        bytes: sum(PROD_MODULES('usr/src/app')) + sum(NPM_CACHE),
      },
      { rule: 'package-cache', at: 'npm ci', bytes: sum(NPM_CACHE) },
    ],
  },
  'bad-node-single-stage-typescript': {
    base: NODE_SLIM,
    layers: {
      'COPY package.json': [
        manifest('app/package.json', {
          dependencies: { express: '4', pg: '8', lodash: '4' },
          devDependencies: {
            typescript: '5',
            eslint: '9',
            '@typescript-eslint/parser': '8',
            '@types/node': '20',
            jest: '29',
          },
        }),
        file('app/package-lock.json', 250_000),
      ],
      'RUN npm ci': [...TS_DEV_DEPENDENCIES, ...PROD_MODULES('app'), ...NPM_CACHE],
      'COPY tsconfig.json': [file('app/tsconfig.json', 600)],
      'COPY src/': APP_FILES('app/src'),
      'npm run build': filesUnder('app/dist', 10, 50_000),
    },
    expected: [
      { rule: 'single-stage-toolchain', at: 'RUN npm ci', bytes: sum(TS_DEV_DEPENDENCIES) },
      { rule: 'package-cache', at: 'RUN npm ci', bytes: sum(NPM_CACHE) },
    ],
  },
  'bad-python-gcc-single-stage': {
    base: PYTHON_SLIM,
    layers: {
      'apt-get update': aptWrites([...GCC_12, ...LIBC_DEV_HEADERS, ...LIBPQ_DEV_HEADERS, ...LIBS]),
      'COPY requirements.txt': [file('app/requirements.txt', 300)],
      'pip install': [
        ...PYTHON_DEPS,
        ...filesUnder('usr/local/lib/python3.12/site-packages/psycopg2', 3, 1_000_000),
      ],
      'COPY . .': APP_FILES('app'),
    },
    expected: [
      {
        rule: 'single-stage-toolchain',
        at: 'apt-get update',
        bytes: sum(GCC_12) + sum(LIBC_DEV_HEADERS) + sum(LIBPQ_DEV_HEADERS),
      },
    ],
  },
  'bad-go-single-stage': {
    base: GOLANG,
    layers: {
      'COPY . .': GO_APP_SOURCES,
      'go mod download': [...GO_MODULE_SOURCES, ...GO_MODULE_CACHE],
      'go build': [...GO_BUILD_CACHE, file('usr/local/bin/app', 15_000_000)],
    },
    expected: [
      { rule: 'base-image-share', at: 'FROM golang', bytes: sumLayers(GOLANG) },
      {
        rule: 'copy-before-install',
        at: 'COPY . .',
        to: 'go mod download',
        bytes: sum(GO_MODULE_SOURCES) + sum(GO_MODULE_CACHE),
      },
      {
        rule: 'single-stage-toolchain',
        at: 'go mod download',
        // module sources, and the app's .go files (not go.mod/go.sum)
        bytes: sum(GO_MODULE_SOURCES) + 40 * 20_000,
      },
      { rule: 'package-cache', at: 'go mod download' },
      { rule: 'package-cache', at: 'go build' },
    ],
  },
  'bad-ubuntu-cleanup-later': {
    base: UBUNTU,
    layers: {
      'apt-get update': aptWrites([...UBUNTU_APT_LISTS, file('usr/bin/curl', 300_000)]),
      'mkdir -p /opt/downloads': [
        file('opt/downloads/app.tar.gz', 25_000_000),
        file('opt/app/bin/app', 60_000_000),
        ...filesUnder('opt/app/lib', 10, 1_000_000),
      ],
      'rm -rf /opt/downloads': [{ whiteout: 'opt/downloads' }],
    },
    expected: [
      { rule: 'package-cache', at: 'apt-get update', bytes: sum(UBUNTU_APT_LISTS) },
      { rule: 'merge-runs', at: 'mkdir -p /opt/downloads', bytes: 25_000_000 },
    ],
  },
  'bad-alpine-add-jar': {
    base: ALPINE,
    layers: {
      'apk update': [
        file('var/cache/apk/APKINDEX.5022a8a2.tar.gz', 1_200_000),
        file('var/cache/apk/APKINDEX.7c9f4b2e.tar.gz', 1_200_000),
        ...filesUnder('usr/lib/jvm/java-17-openjdk/lib', 50, 1_000_000),
        file('lib/apk/db/installed', 90_000),
      ],
      'ADD build/libs/service.jar': [file('srv/service.jar', 45_000_000)],
    },
    expected: [
      { rule: 'package-cache', at: 'apk update', bytes: 2_400_000 },
      { rule: 'add-local-file', at: 'ADD build/libs/service.jar', bytes: 45_000_000 },
    ],
  },
  'bad-python-full-copy-first': {
    base: PYTHON,
    layers: {
      'COPY . .': [file('job/requirements.txt', 200), ...APP_FILES('job', 10)],
      'pip install': PYTHON_DEPS,
    },
    expected: [
      { rule: 'base-image-share', at: 'FROM python:3.12', bytes: sumLayers(PYTHON) },
      { rule: 'copy-before-install', at: 'COPY . .', to: 'pip install', bytes: sum(PYTHON_DEPS) },
    ],
  },
  'bad-busybox-cleanup-later': {
    base: BUSYBOX,
    layers: {
      'mkdir -p /srv/dist': [file('srv/dist/bundle.bin', 3_000_000), file('srv/app.bin', 3_000_000)],
      'rm -rf /srv/dist': [{ whiteout: 'srv/dist' }],
    },
    expected: [{ rule: 'merge-runs', at: 'mkdir -p /srv/dist', bytes: 3_000_000 }],
  },
  'bad-busybox-single-stage-toolchain': {
    base: BUSYBOX,
    layers: {
      'COPY src/': [file('build/src/a.sh', 200), file('build/src/b.sh', 300)],
      'mkdir -p /usr/lib/gcc': [
        file('usr/lib/gcc/x86_64-linux-gnu/12/cc1', 2_500_000),
        file('usr/include/app/app.h', 500_000),
        file('build/tool', 500),
      ],
    },
    expected: [{ rule: 'single-stage-toolchain', at: 'mkdir -p /usr/lib/gcc', bytes: 3_000_000 }],
  },
};

/**
 * The instruction (FROM included) whose lines hold `needle`: there must be exactly one, in the
 * whole file or, for `exported`, in the exported stage chain (where the layers come from).
 */
function instructionHolding(text: string, needle: string, exported = false): Instruction {
  const model = parseDockerfile(text, { file: 'Dockerfile' });
  const lines = text.split('\n');
  const stages = exported ? stageChain(model) : model.stages;
  const all = stages.flatMap((stage) => [stage.from, ...stage.instructions]);
  const holding = all.filter((i) =>
    lines
      .slice(i.startLine - 1, i.endLine)
      .join('\n')
      .includes(needle),
  );
  if (holding.length !== 1) throw new Error(`${JSON.stringify(needle)} is in ${holding.length} instructions`);
  return holding[0]!;
}

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.Dockerfile'))
  .map((name) => name.slice(0, -'.Dockerfile'.length))
  .sort();

test('the corpus: at least 15 Dockerfiles, clean and bad, each with its synthetic layers', () => {
  expect(files.length).toBeGreaterThanOrEqual(15);
  expect(files).toEqual(Object.keys(CORPUS).sort());
  expect(files.filter((name) => name.startsWith('clean-')).length).toBeGreaterThanOrEqual(8);
  expect(files.filter((name) => name.startsWith('bad-')).length).toBeGreaterThanOrEqual(8);
});

describe.each(files)('%s', (name) => {
  const text = readFileSync(join(DIR, `${name}.Dockerfile`), 'utf8');
  const spec = CORPUS[name]!;

  const input = () => {
    const layers: Record<number, SyntheticEntry[]> = {};
    for (const [needle, entries] of Object.entries(spec.layers ?? {})) {
      const line = instructionHolding(text, needle, true).startLine;
      if (layers[line]) throw new Error(`two layer needles name line ${line}`);
      layers[line] = entries;
    }
    return syntheticInput(text, { base: spec.base, layers, file: `docker/${name}.Dockerfile` });
  };

  test(
    name.startsWith('clean-') ? 'no finding from any rule' : 'exactly the findings its header lists',
    () => {
      const advice = advise([input()], { rules: RULES, minBytes: MIN_BYTES });
      expect(advice.failures).toEqual([]);
      const shown = advice.findings
        .map((f) => ({ rule: f.rule, line: f.line, endLine: f.endLine }))
        .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
      const expected = spec.expected
        .map(({ rule, at, to }) => {
          const from = instructionHolding(text, at);
          return { rule, line: from.startLine, endLine: (to ? instructionHolding(text, to) : from).endLine };
        })
        .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
      expect(shown).toEqual(expected);
      for (const { rule, at, bytes } of spec.expected) {
        if (bytes === undefined) continue;
        const line = instructionHolding(text, at).startLine;
        const finding = advice.findings.find((f) => f.rule === rule && f.line === line)!;
        expect([rule, finding.bytes]).toEqual([rule, bytes]);
        expect(finding.file).toBe(`docker/${name}.Dockerfile`);
      }
    },
  );

  test('its header says what it is', () => {
    expect(text).toMatch(name.startsWith('clean-') ? /^(?:# syntax=.*\n)?# Clean/ : /^# Bad/);
    if (name.startsWith('bad-')) expect(text).toMatch(/# Expected: /);
  });
});
