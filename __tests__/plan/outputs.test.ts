import { describe, expect, test } from '@jest/globals';
import { thrown } from '../support/thrown.js';
import {
  DEFAULT_SEPARATORS,
  annotationLevels,
  exportsVariables,
  compareKeys,
  metadataOutputs,
  metadataVariable,
  type MetadataInput,
} from '../../src/plan/outputs.js';

const OCI = 'org.opencontainers.image';
const input: MetadataInput = {
  version: '1.2.3',
  tags: ['name/app:1.2.3', 'name/app:latest', 'ghcr.io/name/app:1.2.3', 'ghcr.io/name/app:latest'],
  tagNames: ['1.2.3', 'latest'],
  labels: { [`${OCI}.version`]: '1.2.3', maintainer: 'CrazyMax' },
  ociLabels: { [`${OCI}.version`]: '1.2.3' },
  annotationLevels: ['manifest'],
  separators: { ...DEFAULT_SEPARATORS },
};

describe('metadataOutputs', () => {
  test("metadata-action's outputs, lists one per line by default", () => {
    expect(Object.fromEntries(metadataOutputs(input))).toEqual({
      version: '1.2.3',
      tags: input.tags.join('\n'),
      'tag-names': '1.2.3\nlatest',
      // Sorted by key, as metadata-action's.
      labels: `maintainer=CrazyMax\n${OCI}.version=1.2.3`,
      annotations: `manifest:${OCI}.version=1.2.3`,
      json: JSON.stringify({
        tags: input.tags,
        'tag-names': ['1.2.3', 'latest'],
        labels: { maintainer: 'CrazyMax', [`${OCI}.version`]: '1.2.3' },
        annotations: [`manifest:${OCI}.version=1.2.3`],
      }),
    });
  });

  test('sep-tags, sep-labels, sep-annotations join the lists; json keeps arrays', () => {
    const outputs = Object.fromEntries(
      metadataOutputs({
        ...input,
        annotationLevels: ['manifest', 'index'],
        separators: { tags: ',', labels: ' ', annotations: ';' },
      }),
    );
    expect(outputs.tags).toBe(
      'name/app:1.2.3,name/app:latest,ghcr.io/name/app:1.2.3,ghcr.io/name/app:latest',
    );
    expect(outputs['tag-names']).toBe('1.2.3,latest');
    expect(outputs.labels).toBe(`maintainer=CrazyMax ${OCI}.version=1.2.3`);
    expect(outputs.annotations).toBe(`manifest:${OCI}.version=1.2.3;index:${OCI}.version=1.2.3`);
    expect(JSON.parse(outputs.json).annotations).toEqual([
      `manifest:${OCI}.version=1.2.3`,
      `index:${OCI}.version=1.2.3`,
    ]);
  });

  test.each<[keyof MetadataInput['separators'], string, string, string]>([
    ['tags', ':', 'sep-tags', 'name/app:1.2.3'],
    ['tags', '.', 'sep-tags', 'name/app:1.2.3'],
    ['labels', '=', 'sep-labels', 'maintainer=Crazy Max'],
    ['labels', ' ', 'sep-labels', 'maintainer=Crazy Max'],
    ['annotations', ':', 'sep-annotations', `manifest:${OCI}.version=1.2.3`],
  ])('%s separated by %j: an error naming %s and the item', (kind, separator, name, item) => {
    const error = thrown(() =>
      metadataOutputs({
        ...input,
        labels: { ...input.labels, maintainer: 'Crazy Max' },
        separators: { ...DEFAULT_SEPARATORS, [kind]: separator },
      }),
    );
    expect(error.input).toBe(name);
    expect(error.value).toBe(separator);
    expect(error.message).toContain(JSON.stringify(item));
  });

  test('no tags (a leg): empty lists, the version still set', () => {
    const outputs = Object.fromEntries(metadataOutputs({ ...input, tags: [], tagNames: [] }));
    expect([outputs.tags, outputs['tag-names'], outputs.version]).toEqual(['', '', '1.2.3']);
  });
});

describe('the environment, as metadata-action reads and sets it', () => {
  test.each([
    ['version', 'DOCKER_METADATA_OUTPUT_VERSION'],
    ['tag-names', 'DOCKER_METADATA_OUTPUT_TAG_NAMES'],
    ['json', 'DOCKER_METADATA_OUTPUT_JSON'],
  ])('%s -> %s', (output, variable) => {
    expect(metadataVariable(output)).toBe(variable);
  });

  test('DOCKER_METADATA_ANNOTATIONS_LEVELS: manifest by default', () => {
    expect(annotationLevels(undefined)).toEqual(['manifest']);
    expect(annotationLevels('')).toEqual(['manifest']);
    expect(annotationLevels('manifest,index')).toEqual(['manifest', 'index']);
  });

  test('DOCKER_METADATA_SET_OUTPUT_ENV: on unless false', () => {
    expect([undefined, '', 'true', '1'].map(exportsVariables)).toEqual([true, true, true, true]);
    expect(['false', 'FALSE', '0'].map(exportsVariables)).toEqual([false, false, false]);
  });
});

describe('compareKeys', () => {
  // The fast path must give localeCompare's order, or the labels output would change order.
  test('orders plain keys as localeCompare does (2,000 random pairs from the plain alphabet)', () => {
    const alphabet = 'abz09.-';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const key = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [key(), key()];
      expect([a, b, Math.sign(compareKeys(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
    }
  });

  test.each([
    ['Org.b', 'org.a'],
    ['a_b', 'a-b'],
    ['ä', 'b'],
  ])('other keys (%j, %j) keep localeCompare', (a, b) => {
    expect(compareKeys(a, b)).toBe(a.localeCompare(b));
  });
});
