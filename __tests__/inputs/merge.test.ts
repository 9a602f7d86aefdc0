import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from '../support/thrown.js';
import { readMergeInputs } from '../../src/inputs/merge.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
// No Dockerfile here: the merge builds nothing.
const workspace = mkdtempSync(join(tmpdir(), 'shipshape-merge-inputs-'));
const read = (inputs: Record<string, string>) =>
  readMergeInputs((name) => (inputs[name] ?? '').trim(), workspace);
const base = { images: 'ghcr.io/Acme/app' };

describe('the merge reads the main action inputs of the same names', () => {
  test('tags, flavor and report inputs as the main action; digests one per line or comma separated', () => {
    const i = read({
      ...base,
      tags: 'type=semver,pattern={{version}}\n# a comment\nghcr.io/acme/other:v1',
      flavor: 'latest=false',
      digests: `${A}, ${B}\n${A}`,
      'size-budget': 'max-compressed=300MB',
      'min-change': '2kB',
      comment: 'on-change',
      'analyze-layers': 'false',
    });
    expect(i.images).toEqual(['ghcr.io/acme/app']);
    expect(i.tagRules.map((r) => r.source)).toEqual(['type=semver,pattern={{version}}']);
    expect(i.tagReferences).toEqual(['ghcr.io/acme/other:v1']);
    expect(i.flavor.latest).toBe('false');
    expect(i.digests).toEqual([A, B]);
    expect(i.budgetAction).toBe('fail');
    expect(i.minChange).toBe(2000);
    expect(i.comment).toBe('on-change');
    expect(i.analyzeLayers).toBe(false);
    expect(i.commentKey).toBe('ghcr.io/acme/app');
  });

  test('digests-dir: files named by digest without sha256:, flat or one subdirectory per artifact', () => {
    const dir = mkdtempSync(join(workspace, 'digests-'));
    writeFileSync(join(dir, 'b'.repeat(64)), '');
    mkdirSync(join(dir, 'digests-linux-arm64'));
    writeFileSync(join(dir, 'digests-linux-arm64', 'a'.repeat(64)), '');
    expect(read({ ...base, 'digests-dir': dir }).digests).toEqual([A, B]);
  });

  test('digests-dir: entries are known by name, their contents never read nor quoted', () => {
    const dir = mkdtempSync(join(workspace, 'digests-'));
    writeFileSync(join(dir, 'a'.repeat(64)), 'bGFiOmxhYi1wYXNzd29yZA==');
    writeFileSync(join(dir, 'config.json'), '{"auths":{"ghcr.io":{"auth":"bGFiOmxhYi1wYXNzd29yZA=="}}}');
    const error = thrown(() => read({ ...base, 'digests-dir': dir }));
    expect(error.message).toContain(`${dir}/config.json`);
    expect(error.message).not.toContain('bGFi');
  });
});

describe('every mistake names the input and the value', () => {
  const dirWith = (name: string) => {
    const dir = mkdtempSync(join(workspace, 'bad-'));
    writeFileSync(join(dir, name), '');
    return dir;
  };
  const emptyDir = mkdtempSync(join(workspace, 'empty-'));
  test.each([
    [{ digests: A }, 'images', ''],
    [{ ...base }, 'digests', ''],
    [{ ...base, digests: A, 'digests-dir': '/tmp' }, 'digests-dir', '/tmp'],
    [{ ...base, digests: 'a'.repeat(64) }, 'digests', 'a'.repeat(64)],
    [{ ...base, digests: `${A}\nsha256:ABC` }, 'digests', 'sha256:ABC'],
    [{ ...base, digests: `sha256:${'A'.repeat(64)}` }, 'digests', `sha256:${'A'.repeat(64)}`],
    [{ ...base, 'digests-dir': 'nope' }, 'digests-dir', 'nope'],
    [{ ...base, 'digests-dir': emptyDir }, 'digests-dir', emptyDir],
    [{ ...base, 'digests-dir': dirWith('notes.txt') }, 'digests-dir', 'notes.txt'],
    [{ ...base, digests: A, tags: 'type=bogus' }, 'tags', 'type=bogus'],
    [{ ...base, digests: A, 'size-budget': 'max-compressed=lots' }, 'size-budget', 'max-compressed=lots'],
    [{ ...base, digests: A, comment: 'sometimes' }, 'comment', 'sometimes'],
    [{ images: 'Not A Name!', digests: A }, 'images', 'Not A Name!'],
  ])('%j', (inputs, input, value) => {
    const error = thrown(() => read(inputs));
    expect(error.input).toBe(input);
    expect(error.value).toContain(value);
  });
});
