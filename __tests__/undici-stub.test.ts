/**
 * @actions/core's @actions/http-client gets the stub of scripts/undici-stub instead of undici
 * (package.json overrides: undici costs ~40 ms to load, and shipshape never uses core's HTTP),
 * while @actions/github keeps the real one (its REST client speaks through it).
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? '.', '..');
const stub = join(root, 'scripts', 'undici-stub');

/** The undici directory that the package in `dir` (under node_modules) resolves, as Node looks it up. */
function undiciOf(dir: string): string {
  for (let at = join(root, dir); at.startsWith(root); at = dirname(at)) {
    const candidate = join(at, 'node_modules', 'undici');
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
  }
  throw new Error(`no undici for ${dir}`);
}

describe('the undici stub', () => {
  test("core's http-client resolves undici to the stub", () => {
    // Hoisted beside core (the lockfile's layout), or nested under it.
    const nested = join('node_modules', '@actions', 'core', 'node_modules', '@actions', 'http-client');
    const coreHttp = existsSync(join(root, nested))
      ? nested
      : join('node_modules', '@actions', 'http-client');
    const version = JSON.parse(readFileSync(join(root, coreHttp, 'package.json'), 'utf8')).version as string;
    const wanted = JSON.parse(readFileSync(join(root, 'node_modules/@actions/core/package.json'), 'utf8'))
      .dependencies['@actions/http-client'] as string;
    expect(wanted.replace(/^\^/, '').split('.')[0]).toBe(version.split('.')[0]);
    expect(undiciOf(coreHttp)).toBe(stub);
  });

  test("@actions/github's undici is the real one", () => {
    const real = undiciOf('node_modules/@actions/github');
    expect(real).not.toBe(stub);
    expect(JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')).version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('the stub refuses to be used rather than doing nothing', async () => {
    const { ProxyAgent } = (await import(join(stub, 'index.js'))) as { ProxyAgent: new () => unknown };
    expect(() => new ProxyAgent()).toThrow(/stubbed/);
  });

  test("the main bundle carries the stub, not undici's HTTP parser", () => {
    const bundle = readFileSync(join(root, 'dist', 'index.js'), 'utf8');
    // undici's parser (llhttp) was in it before the stub; GitHub's chunk, loaded to comment, keeps it.
    expect(bundle.includes('llhttp')).toBe(false);
    expect(bundle.includes('ProxyAgent')).toBe(true);
  });
});
