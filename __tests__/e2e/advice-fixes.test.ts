/**
 * The advice fix suite (issue 15): for each rule with a machine-applicable fix, a tiny fixture
 * built on the lab, the rule's finding taken, its edit applied to the Dockerfile (and any context
 * file it writes), the result rebuilt; it must build and the image must shrink by the claimed
 * `saves` within 1% (an edit that claims nothing, ADD -> COPY, must keep the bytes within 1%).
 * Each fix is counted in the tally (`advice: N fixes applied, N built, bytes within 1%: N`). Apt fixtures build on the lab's Debian base (`container-lab.sh debian`) with
 * `--network host`, from the mirror this machine reaches; the npm one on a Node base made of this
 * machine's node and npm (support/advice-fixture.ts labNodeImage), `npm ci` offline on `file:`
 * tarballs (support/npm-fixture.ts); the others on busybox, offline.
 * Fixtures build in parallel (two at a time).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../src/advise/edit.js';
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
import { recordTally } from '../support/tally.js';

const DEBIAN = 'localhost:5000/lab/debian:bookworm';
const NODE = `localhost:5000/lab/node:${process.version}`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const dd = (path: string, kib: number) =>
  `mkdir -p ${path.slice(0, path.lastIndexOf('/'))} && dd if=/dev/urandom of=${path} bs=1k count=${kib} 2>/dev/null`;

interface Case {
  rule: string;
  fixture: AdviceFixtureOptions;
  /**
   * A known gap, stated instead of hidden: the claim is a lower bound, and the fix saved up to
   * this factor more. The tally counts it as not within 1%. (No case has one today.)
   */
  lowerBound?: number;
  /** An edit that claims no bytes (add-local-file: COPY stores what ADD did): it must build and keep the bytes. */
  noClaim?: true;
}

const CASES: Case[] = [
  {
    rule: 'package-cache',
    fixture: {
      name: 'fix-apt-update-only',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        'RUN apt-get update',
        'RUN apt-get install -y --no-install-recommends hello',
        'CMD ["hello"]',
      ),
    },
  },
  {
    rule: 'apt-recommends',
    fixture: {
      name: 'fix-apt-recommends',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && apt-get clean',
        'CMD ["curl", "--version"]',
      ),
    },
  },
  {
    rule: 'package-cache',
    fixture: {
      name: 'fix-pip-cache',
      dockerfile: lines(
        `FROM ${LAB_BUSYBOX}`,
        `RUN ${dd('/root/.cache/pip/http/blob', 2048)} && ${dd('/app/lib.so', 100)}`,
        'CMD ["/app/lib.so"]',
      ),
    },
  },
  {
    rule: 'dev-dependencies',
    fixture: {
      name: 'fix-dev-dependencies',
      dockerfile: lines(
        `FROM ${NODE} AS build`,
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'COPY vendor/ vendor/',
        'RUN npm ci --offline --no-audit --no-fund',
        'COPY src/ src/',
        'RUN mkdir dist && cp src/index.js dist/',
        `FROM ${LAB_BUSYBOX}`,
        'WORKDIR /app',
        'COPY --from=build /app /app',
        'CMD ["node", "/app/dist/index.js"]',
      ),
      files: {
        ...npmProject({
          packages: [
            { name: 'applib', bytes: 400_000, dependencies: ['shared'] },
            { name: 'shared', bytes: 150_000 },
            { name: 'devtool', bytes: 2_500_000, dependencies: ['devhelper', 'shared'] },
            { name: 'devhelper', bytes: 900_000 },
          ],
          dependencies: ['applib', 'shared'],
          devDependencies: ['devtool', 'devhelper'],
        }),
        'src/index.js': 'console.log("hi")\n',
      },
    },
  },
  {
    rule: 'jdk-runtime',
    fixture: {
      name: 'fix-jdk-runtime',
      network: 'host',
      dockerfile: lines(
        `FROM ${DEBIAN}`,
        'RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/* && apt-get clean',
        'COPY app.jar /app/app.jar',
        'CMD ["java", "-jar", "/app/app.jar"]',
      ),
      files: { 'app.jar': Buffer.alloc(1000, 1) },
    },
  },
  {
    rule: 'package-noop',
    fixture: {
      name: 'fix-apt-upgrade-noop',
      dockerfile: lines(`FROM ${DEBIAN}`, 'RUN apt-get upgrade -y', 'CMD ["bash"]'),
    },
  },
  {
    rule: 'dockerignore',
    fixture: {
      name: 'fix-dockerignore',
      dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'WORKDIR /app', 'COPY . .', 'CMD ["sh", "/app/run.sh"]'),
      files: {
        'run.sh': 'echo hi\n',
        '.git/objects/pack/pack-1.pack': Buffer.alloc(1_500_000, 7),
        'pkg/__pycache__/mod.cpython-312.pyc': Buffer.alloc(600_000, 3),
      },
    },
  },
  {
    rule: 'add-local-file',
    noClaim: true,
    fixture: {
      name: 'fix-add-local-file',
      dockerfile: lines(`FROM ${LAB_BUSYBOX}`, 'ADD --chmod=644 model.bin config.json /opt/', 'CMD ["sh"]'),
      files: { 'model.bin': Buffer.alloc(1_200_000, 5), 'config.json': '{}\n' },
    },
  },
];

const imageBytes = (fixture: AdviceFixture) =>
  fixture.input.layers.reduce((sum, layer) => sum + layer.scan.uncompressed, 0);

/** The largest files of the finding's layers that the fixed image no longer has: what a claim missed. */
function gone(before: AdviceFixture, after: AdviceFixture | undefined): string {
  if (!after) return '';
  const kept = new Set(after.input.layers.flatMap((l) => l.scan.entries.paths));
  return before.input.layers
    .filter((l) => !l.fromBase)
    .flatMap((l) => l.scan.entries.paths.map((path, k) => ({ path, size: l.scan.entries.sizes[k] })))
    .filter((f) => !kept.has(f.path))
    .sort((a, b) => b.size - a.size)
    .slice(0, 8)
    .map((f) => `${f.path} ${f.size}`)
    .join(', ');
}

const built = new Map<
  string,
  { before: AdviceFixture; finding: Finding; after?: AdviceFixture; error?: string }
>();

beforeAll(async () => {
  await labNodeImage();
  const limit = limiter(2);
  await Promise.all(
    CASES.map((c) =>
      limit(async () => {
        const before = await buildAdviceFixture(c.fixture);
        const finding = RULES.flatMap((rule) => rule.check(before.input)).find((f) => f.rule === c.rule);
        if (!finding) {
          built.set(c.fixture.name, { before, finding: undefined as unknown as Finding });
          return;
        }
        const dockerfile = finding.edits
          ? applyEdits(c.fixture.dockerfile, finding.edits)
          : c.fixture.dockerfile;
        const files = { ...c.fixture.files, ...finding.contextFiles };
        try {
          const after = await buildAdviceFixture({
            ...c.fixture,
            name: `${c.fixture.name}-fixed`,
            dockerfile,
            files,
          });
          built.set(c.fixture.name, { before, finding, after });
        } catch (error) {
          built.set(c.fixture.name, { before, finding, error: (error as Error).message.slice(0, 300) });
        }
      }),
    ),
  );
}, 600_000);

afterAll(() => {
  for (const { before, after } of built.values()) {
    removeAdviceFixture(before);
    removeAdviceFixture(after);
  }
});

describe('every fix builds and saves what it claims (within 1%)', () => {
  test.each(CASES.map((c) => [c.fixture.name, c.rule, c.lowerBound, c.noClaim] as const))(
    '%s (%s)',
    (name, rule, lowerBound, noClaim) => {
      const result = built.get(name)!;
      expect(result.finding).toBeDefined();
      const { before, finding, after, error } = result;
      const claim = noClaim ? 0 : finding.saves!;
      const saved = after ? imageBytes(before) - imageBytes(after) : NaN;
      // A fix that claims nothing keeps the bytes: within 1% of what the line stores.
      const tolerance = (noClaim ? finding.bytes : claim) * 0.01;
      const within = after !== undefined && Math.abs(saved - claim) <= tolerance;
      recordTally({
        kind: 'advice-fix',
        name: `${rule}: ${name}`,
        ok: after !== undefined && within,
        built: after !== undefined,
        within,
        detail: error ?? `claimed ${claim}, saved ${saved}${within ? '' : `; gone: ${gone(before, after)}`}`,
      });
      expect(finding.edits ?? finding.contextFiles).toBeDefined();
      expect(error).toBeUndefined();
      if (noClaim) expect(finding.saves).toBeUndefined();
      else expect(claim).toBeGreaterThan(0);
      if (lowerBound !== undefined) {
        expect(saved).toBeGreaterThanOrEqual(claim);
        expect(saved).toBeLessThanOrEqual(claim * lowerBound);
      } else expect(Math.abs(saved - claim)).toBeLessThanOrEqual(tolerance);
      // The fixed image is quiet for that rule on that line (a no-claim rule: no finding at all).
      const again = RULES.flatMap((r) => r.check(after!.input)).filter(
        (f) => f.rule === rule && f.line === finding.line,
      );
      expect(noClaim ? again : again.filter((f) => (f.saves ?? 0) > 0.01 * claim)).toEqual([]);
    },
  );
});

describe('each rule fires on its fixture and stays quiet on the others', () => {
  const FIRING = [
    'package-cache',
    'apt-recommends',
    'dockerignore',
    'dev-dependencies',
    'jdk-runtime',
    'package-noop',
    'add-local-file',
  ];
  test.each(CASES.map((c) => [c.fixture.name, c.rule] as const))('%s', (name, rule) => {
    const { before } = built.get(name)!;
    const fired = new Set(
      RULES.flatMap((r) => r.check(before.input))
        .filter((f) => f.bytes >= 100_000)
        .map((f) => f.rule),
    );
    for (const other of FIRING) expect([other, fired.has(other)]).toEqual([other, other === rule]);
  });
});

test('the context the fix writes is a .dockerignore with the patterns found', () => {
  const { after } = built.get('fix-dockerignore')!;
  expect(readFileSync(join(after!.dir, 'context/.dockerignore'), 'utf8')).toContain('**/.git');
});
