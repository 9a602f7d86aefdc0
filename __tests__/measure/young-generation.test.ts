/**
 * The young-generation cap, checked where it matters: on the Node that runs dist/ (Node 24
 * strips the module's types itself), a workload shaped like a scan (kept path strings, short-lived
 * buffers) grows new space when uncapped and leaves it near its start size when capped. If a
 * Node release stops honouring the flag at run time, the capped figure grows and this fails.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { actionNode } from '../../scripts/action-node.mjs';

const moduleUrl = pathToFileURL('src/measure/young-generation.ts').href;

const workload = `
import v8 from 'node:v8';
if (process.argv[1] === 'cap') (await import(${JSON.stringify(moduleUrl)})).keepYoungGenerationSmall();
const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const start = newSpace();
let largest = start;
const kept = [];
for (let i = 0; i < 400_000; i++) {
  kept.push('usr/lib/package-' + (i % 97) + '/module-' + i + '/file-' + i + '.txt');
  const chunk = Buffer.alloc(64);
  if (chunk[0] !== 0) kept.push(chunk);
  if (i % 1000 === 0) largest = Math.max(largest, newSpace());
}
console.log(JSON.stringify({ start, largest }));
`;

function newSpaceGrowth(mode: 'cap' | 'free'): number {
  const out = execFileSync(actionNode(), ['--input-type=module', '-e', workload, mode], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const { start, largest } = JSON.parse(out) as { start: number; largest: number };
  return largest / start;
}

describe('keepYoungGenerationSmall', () => {
  jest.setTimeout(60_000);

  test('on the action runtime: new space grows at least 4x less with it than without', () => {
    const free = newSpaceGrowth('free');
    const capped = newSpaceGrowth('cap');
    // Measured on Node 24: uncapped 1 MiB -> 128 MiB; capped 1 -> 2-5 MiB, up to ~10 MiB while
    // other tests load the machine (V8 still grows new space when scavenges fall behind).
    expect(free).toBeGreaterThanOrEqual(16);
    expect(capped * 4).toBeLessThanOrEqual(free);
  });

  test('sets the flag once per process', async () => {
    const calls: string[] = [];
    jest.unstable_mockModule('node:v8', () => ({
      setFlagsFromString: (flags: string) => void calls.push(flags),
    }));
    const { keepYoungGenerationSmall } = await import('../../src/measure/young-generation.js');
    keepYoungGenerationSmall();
    keepYoungGenerationSmall();
    expect(calls).toEqual(['--semi-space-growth-factor=1']);
  });
});
