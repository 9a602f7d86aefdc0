/**
 * The advice corpus (issue 15): Dockerfiles shaped like real ones (apt, npm single- and
 * multi-stage, Python, Java, C, vendored tarballs, and already-good ones), each with the findings
 * an expert reading it would sign, written by hand from the Dockerfile (rule and line; bytes
 * of at least 1 MB, the report's default threshold). bench/advice-corpus.mjs builds them on the
 * lab, runs the advisor and scores it (scoreCorpus); where a finding's fix is an edit, it applies
 * it alone, rebuilds, and compares the claim with what the image lost.
 *
 * `base-image-share` was added to the lists after the first run: the lab's Debian (117 MB, a
 * debootstrap of bookworm) is the size of Docker Hub's `debian:bookworm`, which `-slim` cuts to
 * about 75 MB, so "does `bookworm-slim` serve?" is a question an expert asks of every final stage
 * on it (and on the full Node image), whatever share of the image the base is.
 *
 * Nothing can be pulled from the internet: apt images build on the lab's Debian from the mirror
 * (`--network host`), npm ones on a Node base made of this machine's node and npm, installing
 * `file:` tarballs offline (npm-fixture.ts); no Alpine base exists in the lab, so apk is not here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AdviceFixtureOptions } from './advice-fixture.js';
import { LAB_BUSYBOX } from './advice-fixture.js';
import { npmProject } from './npm-fixture.js';

export interface Expected {
  rule: string;
  line: number;
}

export interface CorpusEntry {
  fixture: AdviceFixtureOptions;
  /** What an expert would flag: rule and line. [] for a Dockerfile that is already good. */
  expected: Expected[];
  /** Why, in a sentence: what the reader sees. */
  why: string;
}

const DEBIAN = 'localhost:5000/lab/debian:bookworm';
const NODE = `localhost:5000/lab/node:${process.version}`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const CLEAN = '&& rm -rf /var/lib/apt/lists/* && apt-get clean';
const JDK = `RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ${CLEAN}`;
const JRE = `RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless ${CLEAN}`;
const PYTHON = `RUN apt-get update && apt-get install -y --no-install-recommends python3 ${CLEAN}`;
const GCC = `RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev ${CLEAN}`;

/** Deterministic bytes that do not compress (a tarball, a pack file). */
function noise(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

/** A deterministic .tar.gz of the files given. */
function tarGz(files: Record<string, string | Buffer>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-tar-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const tar = execFileSync(
      'tar',
      ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-C', dir, '-c', '.'],
      { maxBuffer: 1 << 28 },
    );
    return execFileSync('gzip', ['-n', '-c'], { input: tar, maxBuffer: 1 << 28 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function corpus(): CorpusEntry[] {
  const withDev = npmProject({
    packages: [
      { name: 'applib', bytes: 400_000, dependencies: ['shared'] },
      { name: 'shared', bytes: 150_000 },
      { name: 'devtool', bytes: 2_500_000, dependencies: ['devhelper', 'shared'] },
      { name: 'devhelper', bytes: 900_000 },
    ],
    dependencies: ['applib', 'shared'],
    devDependencies: ['devtool', 'devhelper'],
  });
  const src = { 'src/index.js': 'console.log("hi")\n' };
  const pyContext = {
    'app.py': 'print("hi")\n',
    '.venv/lib/python3.11/site-packages/requests/api.py': Buffer.alloc(2_000_000, 1),
    'pkg/__pycache__/mod.cpython-311.pyc': Buffer.alloc(600_000, 2),
    '.git/objects/pack/pack-1.pack': noise(1_500_000, 3),
  };
  const builder = [
    `FROM ${NODE} AS build`, // 1
    'WORKDIR /app', // 2
    'COPY package.json package-lock.json ./', // 3
    'COPY vendor/ vendor/', // 4
    'RUN npm ci --offline --no-audit --no-fund', // 5
    'COPY src/ src/', // 6
    'RUN mkdir dist && cp src/index.js dist/', // 7
  ];
  return [
    {
      why: 'the update in its own RUN leaves the lists; the install leaves its .debs and pulls recommends',
      fixture: {
        name: 'corpus-apt-classic',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN}`,
          'RUN apt-get update',
          'RUN apt-get install -y curl',
          'CMD ["curl", "--version"]',
        ),
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'package-cache', line: 2 },
        { rule: 'package-cache', line: 3 },
        { rule: 'apt-recommends', line: 3 },
      ],
    },
    {
      why: 'already good: one RUN, no recommends, lists and archives cleaned',
      fixture: {
        name: 'corpus-apt-good',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN}`,
          `RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates ${CLEAN}`,
          'CMD ["curl", "--version"]',
        ),
      },
      expected: [{ rule: 'base-image-share', line: 1 }],
    },
    {
      why: 'an upgrade before any update does nothing but write apt caches; bash is in the base already',
      fixture: {
        name: 'corpus-apt-noop',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN}`,
          'RUN apt-get upgrade -y',
          `RUN apt-get update && apt-get install -y --no-install-recommends bash jq ${CLEAN}`,
          'CMD ["jq", "--version"]',
        ),
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'package-noop', line: 2 },
        { rule: 'package-noop', line: 3 },
      ],
    },
    {
      why: "the runtime stage copies the builder's whole app dir, dev dependencies and all",
      fixture: {
        name: 'corpus-node-multistage-dev',
        dockerfile: lines(
          ...builder,
          `FROM ${LAB_BUSYBOX}`,
          'WORKDIR /app',
          'COPY --from=build /app /app', // 10
          'CMD ["node", "/app/dist/index.js"]',
        ),
        files: { ...withDev, ...src },
      },
      expected: [{ rule: 'dev-dependencies', line: 10 }],
    },
    {
      why: 'single stage: the app runs with its dev dependencies; the whole context is copied before the install',
      fixture: {
        name: 'corpus-node-single',
        dockerfile: lines(
          `FROM ${NODE}`,
          'WORKDIR /app',
          'COPY . .', // 3
          'RUN npm ci --offline --no-audit --no-fund', // 4
          'CMD ["node", "src/index.js"]',
        ),
        files: { ...withDev, ...src },
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'single-stage-toolchain', line: 4 },
        { rule: 'copy-before-install', line: 3 },
      ],
    },
    {
      why: 'already good: manifests first, the builder pruned before the copy',
      fixture: {
        name: 'corpus-node-good',
        dockerfile: lines(
          ...builder,
          'RUN npm prune --omit=dev',
          `FROM ${LAB_BUSYBOX}`,
          'WORKDIR /app',
          'COPY --from=build /app/package.json /app/node_modules/ /app/',
          'COPY --from=build /app/dist /app/dist',
          'CMD ["node", "/app/dist/index.js"]',
        ),
        files: { ...withDev, ...src },
      },
      expected: [],
    },
    {
      why: 'COPY . . brings the virtualenv, __pycache__ and .git with the app',
      fixture: {
        name: 'corpus-python-context',
        network: 'host',
        dockerfile: lines(`FROM ${DEBIAN}`, PYTHON, 'WORKDIR /app', 'COPY . .', 'CMD ["python3", "app.py"]'),
        files: pyContext,
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'dockerignore', line: 4 },
      ],
    },
    {
      why: 'already good: the same app with a .dockerignore',
      fixture: {
        name: 'corpus-python-good',
        network: 'host',
        dockerfile: lines(`FROM ${DEBIAN}`, PYTHON, 'WORKDIR /app', 'COPY . .', 'CMD ["python3", "app.py"]'),
        files: { ...pyContext, '.dockerignore': '.git\n.venv\n**/__pycache__\n' },
      },
      expected: [{ rule: 'base-image-share', line: 1 }],
    },
    {
      why: 'a JDK for an image that only runs java -jar',
      fixture: {
        name: 'corpus-java-jdk',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN}`,
          JDK,
          'COPY app.jar /app/app.jar',
          'CMD ["java", "-jar", "/app/app.jar"]',
        ),
        files: { 'app.jar': Buffer.alloc(1000, 1) },
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'jdk-runtime', line: 2 },
      ],
    },
    {
      why: 'already good: JDK in the build stage, JRE at runtime',
      fixture: {
        name: 'corpus-java-good',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN} AS build`,
          JDK,
          'RUN mkdir -p /out && echo jar > /out/app.jar',
          `FROM ${DEBIAN}`,
          JRE,
          'COPY --from=build /out/app.jar /app/app.jar',
          'CMD ["java", "-jar", "/app/app.jar"]',
        ),
      },
      expected: [{ rule: 'base-image-share', line: 4 }],
    },
    {
      why: 'a C program compiled in its single runtime stage: gcc ships with it',
      fixture: {
        name: 'corpus-c-single',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN}`,
          GCC,
          'COPY hello.c /src/hello.c',
          'RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c',
          'CMD ["hello"]',
        ),
        files: { 'hello.c': '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' },
      },
      expected: [
        { rule: 'base-image-share', line: 1 },
        { rule: 'single-stage-toolchain', line: 2 },
      ],
    },
    {
      why: 'already good: a compiler image whose program is the compiler',
      fixture: {
        name: 'corpus-c-toolchain-image',
        network: 'host',
        dockerfile: lines(`FROM ${DEBIAN}`, GCC, 'CMD ["gcc", "--version"]'),
      },
      expected: [{ rule: 'base-image-share', line: 1 }],
    },
    {
      why: 'a vendored tarball copied in and deleted by the next RUN: its bytes stay in the COPY layer',
      fixture: {
        name: 'corpus-vendored-tarball',
        dockerfile: lines(
          `FROM ${LAB_BUSYBOX}`,
          'COPY dist.tar.gz /tmp/dist.tar.gz',
          'RUN mkdir -p /opt/app && tar -xzf /tmp/dist.tar.gz -C /opt/app && rm /tmp/dist.tar.gz',
          'CMD ["/opt/app/run"]',
        ),
        files: { 'dist.tar.gz': tarGz({ run: '#!/bin/sh\necho hi\n', 'lib/data.bin': noise(2_000_000, 7) }) },
      },
      expected: [{ rule: 'hidden-bytes', line: 2 }],
    },
    {
      why: 'already good: recommends and lists stay in the builder stage, only the output is copied',
      fixture: {
        name: 'corpus-multistage-good',
        network: 'host',
        dockerfile: lines(
          `FROM ${DEBIAN} AS build`,
          `RUN apt-get update && apt-get install -y curl ${CLEAN}`,
          'RUN curl --version > /version.txt',
          `FROM ${LAB_BUSYBOX}`,
          'COPY --from=build /version.txt /version.txt',
          'CMD ["cat", "/version.txt"]',
        ),
      },
      expected: [],
    },
    {
      why: 'already good: a busybox app copied with its mode set in the COPY',
      fixture: {
        name: 'corpus-busybox-good',
        dockerfile: lines(
          `FROM ${LAB_BUSYBOX}`,
          'COPY --chmod=755 run.sh /app/run.sh',
          'COPY data/ /app/data/',
          'CMD ["/app/run.sh"]',
        ),
        files: { 'run.sh': '#!/bin/sh\necho hi\n', 'data/model.bin': noise(1_500_000, 9) },
      },
      expected: [],
    },
  ];
}

export interface RuleScore {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
}

/** True and false positives and misses per rule: a finding is right when its rule and line are expected. */
export function scoreCorpus(
  results: readonly { expected: readonly Expected[]; found: readonly Expected[] }[],
): { rules: RuleScore[]; total: RuleScore } {
  const scores = new Map<string, RuleScore>();
  const score = (rule: string) => {
    let s = scores.get(rule);
    if (!s) scores.set(rule, (s = { rule, tp: 0, fp: 0, fn: 0 }));
    return s;
  };
  for (const { expected, found } of results) {
    const key = (e: Expected) => `${e.rule}:${e.line}`;
    const wanted = new Set(expected.map(key));
    const got = new Set(found.map(key));
    for (const f of found) {
      if (wanted.has(key(f))) score(f.rule).tp++;
      else score(f.rule).fp++;
    }
    for (const e of expected) if (!got.has(key(e))) score(e.rule).fn++;
  }
  const rules = [...scores.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const total = rules.reduce(
    (t, s) => ({ rule: 'total', tp: t.tp + s.tp, fp: t.fp + s.fp, fn: t.fn + s.fn }),
    { rule: 'total', tp: 0, fp: 0, fn: 0 },
  );
  return { rules, total };
}
