/**
 * The rules measured from package managers' records and the build context (dev-dependencies,
 * apt-recommends, dockerignore, jdk-runtime, package-noop) on real builds: each image below
 * states, for each of these rules, the lines it must fire on ([] = it stays quiet), and the
 * table must hold at least three images where each rule fires and three where it stays quiet.
 *
 * Apt images build on the lab's Debian (`container-lab.sh debian`) from the mirror this machine
 * reaches (`--network host`); Node ones on a Node base made of this machine's node and npm, `npm
 * ci` offline on `file:` tarballs; the rest on busybox. RUN lines are those of the fix suite
 * (advice-fixes.test.ts) where they can be, so BuildKit's cache serves both.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/advise/model.js';
import { RULES } from '../../src/advise/rules/index.js';
import { limiter } from '../../src/util/pool.js';
import {
  type AdviceFixture,
  type AdviceFixtureOptions,
  LAB_BUSYBOX,
  buildAdviceFixture,
  labNodeImage,
  removeAdviceFixture,
} from '../support/advice-fixture.js';
import { npmProject } from '../support/npm-fixture.js';

const DEBIAN = 'localhost:5000/lab/debian:bookworm';
const NODE = `localhost:5000/lab/node:${process.version}`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const NEW_RULES = [
  'dev-dependencies',
  'apt-recommends',
  'dockerignore',
  'jdk-runtime',
  'package-noop',
] as const;
type NewRule = (typeof NEW_RULES)[number];

const CLEAN = '&& rm -rf /var/lib/apt/lists/* && apt-get clean';
const install = (flags: string, packages: string) =>
  `RUN apt-get update && apt-get install -y ${flags}${packages} ${CLEAN}`;
const JDK = install('--no-install-recommends ', 'openjdk-17-jdk-headless');
const JRE = install('--no-install-recommends ', 'openjdk-17-jre-headless');

const WITH_DEV = npmProject({
  packages: [
    { name: 'applib', bytes: 400_000, dependencies: ['shared'] },
    { name: 'shared', bytes: 150_000 },
    { name: 'devtool', bytes: 2_500_000, dependencies: ['devhelper', 'shared'] },
    { name: 'devhelper', bytes: 900_000 },
  ],
  dependencies: ['applib', 'shared'],
  devDependencies: ['devtool', 'devhelper'],
});
const PROD_ONLY = npmProject({
  packages: [
    { name: 'applib', bytes: 400_000, dependencies: ['shared'] },
    { name: 'shared', bytes: 150_000 },
  ],
  dependencies: ['applib', 'shared'],
  devDependencies: [],
});
const SRC = { 'src/index.js': 'console.log("hi")\n' };
const BUILDER = [
  `FROM ${NODE} AS build`, // 1
  'WORKDIR /app', // 2
  'COPY package.json package-lock.json ./', // 3
  'COPY vendor/ vendor/', // 4
  'RUN npm ci --offline --no-audit --no-fund', // 5
  'COPY src/ src/', // 6
  'RUN mkdir dist && cp src/index.js dist/', // 7
];
const PY_CONTEXT = {
  'app.py': 'print("hi")\n',
  '.venv/lib/python3.12/site-packages/requests/api.py': Buffer.alloc(800_000, 1),
  'pkg/__pycache__/mod.cpython-312.pyc': Buffer.alloc(200_000, 2),
};

interface Image {
  fixture: AdviceFixtureOptions;
  /** The lines each rule fires on; rules not named stay quiet. */
  fires: Partial<Record<NewRule, number[]>>;
}

const IMAGES: Image[] = [
  // ---- apt ----
  {
    fixture: {
      name: 'new-apt-curl',
      network: 'host',
      dockerfile: lines(`FROM ${DEBIAN}`, install('', 'curl'), 'CMD ["curl", "--version"]'),
    },
    fires: { 'apt-recommends': [2] },
  },
  {
    fixture: {
      name: 'new-apt-wget-bash',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        'RUN apt-get update \\',
        ' && apt install -y \\',
        '      wget bash \\',
        ` ${CLEAN}`,
        'CMD ["wget", "--version"]',
      ),
    },
    fires: { 'apt-recommends': [2], 'package-noop': [2] },
  },
  {
    fixture: {
      name: 'new-apt-procps-upgrade',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        install('', 'procps'),
        'RUN apt-get dist-upgrade -y && apt-get clean',
        'CMD ["ps"]',
      ),
    },
    fires: { 'apt-recommends': [2], 'package-noop': [3] },
  },
  {
    fixture: {
      name: 'new-apt-norec-conf',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        `RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec && apt-get update && apt-get install -y curl ${CLEAN}`,
        'CMD ["curl", "--version"]',
      ),
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-apt-lists-kept-upgrade',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        'RUN apt-get update',
        `RUN apt-get upgrade -y && apt-get install -y jq ${CLEAN}`,
        'CMD ["jq", "--version"]',
      ),
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-apt-upgrade-alone',
      dockerfile: lines(`FROM ${DEBIAN}`, 'RUN apt-get upgrade -y', 'CMD ["bash"]'),
    },
    fires: { 'package-noop': [2] },
  },
  {
    fixture: {
      name: 'new-apt-update-upgrade',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        `RUN apt-get update && apt-get upgrade -y ${CLEAN}`,
        'CMD ["bash"]',
      ),
    },
    fires: {},
  },
  // ---- JDK ----
  {
    fixture: {
      name: 'new-jdk-cmd',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        JDK,
        'COPY app.jar /app/app.jar',
        'CMD ["java", "-jar", "/app/app.jar"]',
      ),
      files: { 'app.jar': Buffer.alloc(1000, 1) },
    },
    fires: { 'jdk-runtime': [2] },
  },
  {
    fixture: {
      name: 'new-jdk-stage-entrypoint',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN} AS jvm`,
        JDK,
        'FROM jvm',
        'COPY app.jar /app/app.jar',
        'ENTRYPOINT ["java", "-jar", "/app/app.jar"]',
      ),
      files: { 'app.jar': Buffer.alloc(1000, 1) },
    },
    fires: { 'jdk-runtime': [2] },
  },
  {
    fixture: {
      name: 'new-jdk-shell-cmd',
      network: 'host',
      dockerfile: lines(`FROM ${DEBIAN}`, JDK, 'CMD java -Xmx64m -version'),
    },
    fires: { 'jdk-runtime': [2] },
  },
  {
    fixture: {
      name: 'new-jre',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        JRE,
        'COPY app.jar /app/app.jar',
        'CMD ["java", "-jar", "/app/app.jar"]',
      ),
      files: { 'app.jar': Buffer.alloc(1000, 1) },
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-jdk-not-java',
      network: 'host',
      dockerfile: lines(`FROM ${DEBIAN}`, JDK, 'CMD ["bash"]'),
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-jdk-build-jre-run',
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
    fires: {},
  },
  // ---- Node ----
  {
    fixture: {
      name: 'new-node-copy-app',
      dockerfile: lines(
        ...BUILDER,
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /app',
        'COPY --from=build /app /app', // 10
        'CMD ["node", "/app/dist/index.js"]',
      ),
      files: { ...WITH_DEV, ...SRC },
    },
    fires: { 'dev-dependencies': [10] },
  },
  {
    fixture: {
      name: 'new-node-copy-modules',
      dockerfile: lines(
        ...BUILDER,
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /srv',
        'COPY --from=build /app/package.json ./',
        'COPY --from=build /app/node_modules ./node_modules', // 11
        'COPY --from=build /app/dist ./dist',
        'CMD ["node", "/srv/dist/index.js"]',
      ),
      files: { ...WITH_DEV, ...SRC },
    },
    fires: { 'dev-dependencies': [11] },
  },
  {
    fixture: {
      name: 'new-node-from-index',
      dockerfile: lines(
        ...BUILDER,
        `FROM ${LAB_BUSYBOX}`,
        'COPY --from=0 /app /opt/app', // 9
        'CMD ["node", "/opt/app/dist/index.js"]',
      ),
      files: { ...WITH_DEV, ...SRC },
    },
    fires: { 'dev-dependencies': [9] },
  },
  {
    fixture: {
      name: 'new-node-pruned',
      dockerfile: lines(
        ...BUILDER,
        'RUN npm prune --omit=dev',
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /app',
        'COPY --from=build /app /app',
        'CMD ["node", "/app/dist/index.js"]',
      ),
      files: { ...WITH_DEV, ...SRC },
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-node-runtime-installs',
      dockerfile: lines(
        ...BUILDER,
        `FROM ${NODE}`,
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'COPY vendor/ vendor/',
        'RUN npm ci --omit=dev --offline --no-audit --no-fund',
        'COPY --from=build /app/dist ./dist',
        'CMD ["node", "/app/dist/index.js"]',
      ),
      files: { ...WITH_DEV, ...SRC },
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-node-no-dev',
      dockerfile: lines(
        ...BUILDER,
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /app',
        'COPY --from=build /app /app',
        'CMD ["node", "/app/dist/index.js"]',
      ),
      files: { ...PROD_ONLY, ...SRC },
    },
    fires: {},
  },
  // ---- build context ----
  {
    fixture: {
      name: 'new-ctx-git',
      dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'WORKDIR /app', 'COPY . .', 'CMD ["sh", "/app/run.sh"]'),
      files: {
        'run.sh': 'echo hi\n',
        '.git/objects/pack/pack-1.pack': Buffer.alloc(1_500_000, 7),
        'pkg/__pycache__/mod.cpython-312.pyc': Buffer.alloc(600_000, 3),
      },
    },
    fires: { dockerignore: [3] },
  },
  {
    fixture: {
      name: 'new-ctx-venv',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /srv',
        'COPY ./ /app/',
        'CMD ["python", "/app/app.py"]',
      ),
      files: PY_CONTEXT,
    },
    fires: { dockerignore: [3] },
  },
  {
    fixture: {
      name: 'new-ctx-node-modules-reinstalled',
      dockerfile: lines(
        `FROM ${NODE}`,
        'WORKDIR /app',
        'COPY . .', // 3
        'RUN npm ci --offline --no-audit --no-fund',
        'CMD ["node", "src/index.js"]',
      ),
      files: {
        ...PROD_ONLY,
        ...SRC,
        'node_modules/applib/package.json': '{"name":"applib","version":"0.9.0"}\n',
        'node_modules/applib/lib/blob.bin': Buffer.alloc(700_000, 4),
      },
    },
    fires: { dockerignore: [3] },
  },
  {
    fixture: {
      name: 'new-ctx-ignored',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /srv',
        'COPY ./ /app/',
        'CMD ["python", "/app/app.py"]',
      ),
      files: { ...PY_CONTEXT, '.dockerignore': '.venv\n**/__pycache__\n' },
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-ctx-clean',
      dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'WORKDIR /app', 'COPY . .', 'CMD ["sh", "/app/run.sh"]'),
      files: { 'run.sh': 'echo hi\n', 'lib/data.bin': Buffer.alloc(500_000, 5) },
    },
    fires: {},
  },
  {
    fixture: {
      name: 'new-ctx-vendored-modules',
      dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'WORKDIR /app', 'COPY . .', 'CMD ["node", "index.js"]'),
      files: {
        'index.js': 'require("applib")\n',
        'package.json': '{"name":"app","dependencies":{"applib":"1"}}\n',
        'node_modules/applib/package.json': '{"name":"applib","version":"1.0.0"}\n',
        'node_modules/applib/lib/blob.bin': Buffer.alloc(700_000, 4),
      },
    },
    fires: {},
  },
];

const built = new Map<string, { fixture?: AdviceFixture; findings: Finding[]; error?: string }>();

beforeAll(async () => {
  await labNodeImage();
  const limit = limiter(2);
  await Promise.all(
    IMAGES.map((image) =>
      limit(async () => {
        try {
          const fixture = await buildAdviceFixture(image.fixture);
          built.set(image.fixture.name, { fixture, findings: RULES.flatMap((r) => r.check(fixture.input)) });
        } catch (error) {
          built.set(image.fixture.name, { findings: [], error: (error as Error).message.slice(0, 2000) });
        }
      }),
    ),
  );
}, 900_000);

afterAll(() => {
  for (const { fixture } of built.values()) removeAdviceFixture(fixture);
});

test('the table has three real builds where each new rule fires and three where it stays quiet', () => {
  for (const rule of NEW_RULES) {
    const firing = IMAGES.filter((image) => (image.fires[rule] ?? []).length > 0).length;
    expect([rule, firing >= 3, IMAGES.length - firing >= 3]).toEqual([rule, true, true]);
  }
});

describe.each(IMAGES.map((image) => [image.fixture.name, image] as const))('%s', (name, image) => {
  test.each(NEW_RULES.map((rule) => [rule, image.fires[rule] ?? []] as const))(
    '%s fires on lines %j',
    (rule, lines) => {
      const result = built.get(name)!;
      expect(result.error).toBeUndefined();
      const found = result.findings.filter((f) => f.rule === rule);
      expect(found.map((f) => f.line).sort((a, b) => a - b)).toEqual(lines);
      // A firing rule says how much; how to silence it is the renderers' (report/silence.ts), not repeated.
      for (const finding of found) {
        expect(finding.fix).not.toContain('shipshape-ignore');
        expect(finding.bytes).toBeGreaterThanOrEqual(0);
      }
    },
  );
});
