/**
 * Dev-dependency bytes measured from npm's own record, on real builds: `npm ci` (offline, on
 * `file:` tarballs, a scoped package among them) in a single-stage image and in a builder whose
 * node_modules a runtime stage copies. The figure each rule gives must equal what this test
 * counts on its own: the hidden lockfile read out of the image with tar, and the bytes GNU tar
 * lists under each directory it marks `dev`.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import type { Finding } from '../../src/advise/model.js';
import { devDependenciesRule } from '../../src/advise/rules/dev-dependencies.js';
import { singleStageToolchain } from '../../src/advise/rules/single-stage-toolchain.js';
import {
  type AdviceFixture,
  LAB_BUSYBOX,
  buildAdviceFixture,
  bytesUnder,
  labNodeImage,
  listLayer,
  removeAdviceFixture,
} from '../support/advice-fixture.js';
import { npmProject } from '../support/npm-fixture.js';

const NODE = `localhost:5000/lab/node:${process.version}`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const PROJECT = npmProject({
  packages: [
    { name: 'applib', bytes: 300_000, dependencies: ['shared'] },
    { name: 'shared', bytes: 120_000 },
    { name: 'devtool', bytes: 1_800_000, dependencies: ['devhelper', 'shared'] },
    { name: 'devhelper', bytes: 700_000 },
    { name: '@types/devx', bytes: 250_000 },
  ],
  dependencies: ['applib', 'shared'],
  devDependencies: ['devtool', 'devhelper', '@types/devx'],
});
const FILES = { ...PROJECT, 'src/index.js': 'console.log("hi")\n' };
const INSTALL = [
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'COPY vendor/ vendor/',
  'RUN npm ci --offline --no-audit --no-fund',
  'COPY src/ src/',
];

let single: AdviceFixture | undefined;
let multi: AdviceFixture | undefined;

beforeAll(async () => {
  await labNodeImage();
  single = await buildAdviceFixture({
    name: 'devdeps-single',
    dockerfile: lines(`FROM ${NODE}`, ...INSTALL, 'CMD ["node", "/app/src/index.js"]'),
    files: FILES,
  });
  multi = await buildAdviceFixture({
    name: 'devdeps-multi',
    dockerfile: lines(
      `FROM ${NODE} AS build`, // 1
      ...INSTALL, // 2-6
      `FROM ${LAB_BUSYBOX}`, // 7
      'WORKDIR /srv', // 8
      'COPY --from=build /app/node_modules ./node_modules', // 9
      'COPY --from=build /app/src ./src', // 10
      'CMD ["node", "/srv/src/index.js"]',
    ),
    files: FILES,
  });
}, 600_000);

afterAll(() => {
  removeAdviceFixture(single);
  removeAdviceFixture(multi);
});

/**
 * In the layer of `fixture` that holds `modules/.package-lock.json`: the bytes GNU tar lists
 * under each install path npm marked dev (outermost ones: a nested dev package is inside its
 * parent's directory), and those paths.
 */
function countedByTar(fixture: AdviceFixture, modules: string): { bytes: number; dev: string[] } {
  const record = `${modules}/.package-lock.json`;
  // The base's layers hold devices that listLayer does not parse, and no node_modules of ours.
  for (const layer of fixture.input.layers.filter((l) => !l.fromBase)) {
    const listing = listLayer(fixture.layout, layer.digest);
    if (!listing.some((entry) => entry.path === record)) continue;
    const [algorithm, hex] = layer.digest.split(':') as [string, string];
    const blob = execFileSync('tar', ['-xOf', fixture.layout, `blobs/${algorithm}/${hex}`], {
      maxBuffer: 1 << 30,
    });
    const text = execFileSync('tar', ['-xzOf', '-', record], { input: blob }).toString();
    const lock = JSON.parse(text) as { packages: Record<string, { dev?: boolean }> };
    const dev = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.dev === true)
      .map(([path]) => `${modules.slice(0, -'node_modules'.length)}${path}`)
      .sort();
    const outer = dev.filter((path) => !dev.some((other) => path.startsWith(`${other}/`)));
    return { bytes: outer.reduce((sum, path) => sum + bytesUnder(listing, path), 0), dev };
  }
  throw new Error(`no layer holds ${record}`);
}

const findingsOf = (fixture: AdviceFixture | undefined, rule: { check(i: never): Finding[] }) =>
  rule.check(fixture!.input as never);

test('single stage: the toolchain finding counts exactly the bytes npm marked dev', () => {
  const counted = countedByTar(single!, 'app/node_modules');
  expect(counted.dev).toEqual([
    'app/node_modules/@types/devx',
    'app/node_modules/devhelper',
    'app/node_modules/devtool',
  ]);
  const [finding, ...more] = findingsOf(single, singleStageToolchain);
  expect(more).toEqual([]);
  expect(finding.line).toBe(5); // RUN npm ci
  expect(finding.bytes).toBe(counted.bytes);
  expect(finding.message).toContain("marked dev in npm's /app/node_modules/.package-lock.json");
  expect(finding.fix).toContain('npm ci --omit=dev');
  console.log(`single stage: ${counted.bytes} dev-only bytes by tar, ${finding.bytes} by the rule`);
});

test("multi-stage: the COPY of the builder's node_modules brings exactly the bytes npm marked dev", () => {
  const counted = countedByTar(multi!, 'srv/node_modules');
  expect(counted.dev).toHaveLength(3);
  const [finding, ...more] = findingsOf(multi, devDependenciesRule);
  expect(more).toEqual([]);
  expect([finding.line, finding.bytes, finding.saves]).toEqual([9, counted.bytes, counted.bytes]);
  expect(finding.message).toContain("3 packages marked dev in npm's /srv/node_modules/.package-lock.json");
  expect(finding.fix).toContain('RUN npm prune --omit=dev');
  expect(findingsOf(multi, singleStageToolchain)).toEqual([]);
  console.log(`multi-stage: ${counted.bytes} dev-only bytes by tar, ${finding.bytes} by the rule`);
});
