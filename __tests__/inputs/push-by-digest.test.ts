/** The `push-by-digest` input: what it accepts, what it refuses before anything is built. */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/util/errors.js';
import { readInputs } from '../../src/inputs/build.js';

const workspace = mkdtempSync(join(tmpdir(), 'legs-inputs-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');
const read = (inputs: Record<string, string>) => readInputs((name) => (inputs[name] ?? '').trim(), workspace);
const leg = { context: 'app', images: 'ghcr.io/acme/app', 'push-by-digest': 'true' };

function inputError(inputs: Record<string, string>): InputError {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('push-by-digest', () => {
  test('off by default', () => {
    const i = read({ context: 'app', images: 'ghcr.io/acme/app' });
    expect(i.pushByDigest).toBe(false);
    expect(i.build.push).toBe(false);
  });

  test.each([[''], ['linux/arm64']])(
    'on, with platforms %j: a push (for the trust check and the cache)',
    (platforms) => {
      const i = read({ ...leg, platforms });
      expect(i.pushByDigest).toBe(true);
      expect(i.build.push).toBe(true);
      expect(i.build.platforms).toEqual(platforms ? [platforms] : []);
    },
  );

  test('push: true as well is accepted (it pushes anyway)', () => {
    expect(read({ ...leg, push: 'true' }).build.push).toBe(true);
  });

  test.each<[string, Record<string, string>, string, string]>([
    [
      'no images',
      { ...leg, images: '' },
      'push-by-digest',
      'needs "images": the repositories to push the leg to by digest',
    ],
    [
      'several platforms',
      { ...leg, platforms: 'linux/amd64,linux/arm64' },
      'platforms',
      'has several platforms, but push-by-digest builds one per leg',
    ],
    [
      'an output of its own',
      { ...leg, outputs: 'type=local,dest=out' },
      'outputs',
      'which decides the output',
    ],
    ['load', { ...leg, load: 'true' }, 'load', 'cannot be set with push-by-digest'],
    [
      'an explicit push: false (it would push anyway)',
      { ...leg, push: 'false' },
      'push',
      'is false, but push-by-digest pushes the leg',
    ],
    [
      'size-budget (a leg has no report)',
      { ...leg, 'size-budget': 'max-compressed=1GB' },
      'size-budget',
      'the merge step checks the budget',
    ],
  ])('refused: %s', (_, inputs, input, reason) => {
    const error = inputError(inputs);
    expect(error.input).toBe(input);
    expect(error.reason).toContain(reason);
  });

  test('not a boolean: refused, naming the input', () => {
    expect(inputError({ ...leg, 'push-by-digest': 'yes please' }).input).toBe('push-by-digest');
  });
});
