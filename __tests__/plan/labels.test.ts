import { describe, expect, test } from '@jest/globals';
import { thrown } from '../support/thrown.js';
import { planLabels } from '../../src/plan/labels.js';
import { loadContext } from '../fixtures/events/index.js';

const NOW = new Date('2024-05-02T03:04:05.678Z');

describe('planLabels', () => {
  test('OCI labels from the git context, in a fixed order', () => {
    const labels = planLabels({
      context: loadContext('push-tag-v1.2.3'),
      version: '1.2.3',
      now: NOW,
      userLabels: [],
    });
    expect(Object.entries(labels)).toEqual([
      ['org.opencontainers.image.source', 'https://github.com/octo-org/octo-app'],
      ['org.opencontainers.image.url', 'https://github.com/octo-org/octo-app'],
      ['org.opencontainers.image.revision', '62b3b806467443d1392184587d975bd385b56d2c'],
      ['org.opencontainers.image.version', '1.2.3'],
      ['org.opencontainers.image.created', '2024-05-02T03:04:05.678Z'],
      ['org.opencontainers.image.title', 'octo-app'],
    ]);
  });

  test('the revision of a pull request is the merge commit the job built', () => {
    const labels = planLabels({
      context: loadContext('pull-request'),
      version: 'pr-42',
      now: NOW,
      userLabels: [],
    });
    expect(labels['org.opencontainers.image.revision']).toBe('5b35595db3a4e0e268ef5cd40048fdd8edf1c90c');
    expect(labels['org.opencontainers.image.version']).toBe('pr-42');
  });

  test('a GitHub Enterprise server goes into source and url', () => {
    const context = { ...loadContext('push-default-branch'), serverUrl: 'https://git.example.com' };
    const labels = planLabels({ context, version: 'main', now: NOW, userLabels: [] });
    expect(labels['org.opencontainers.image.source']).toBe('https://git.example.com/octo-org/octo-app');
    expect(labels['org.opencontainers.image.url']).toBe('https://git.example.com/octo-org/octo-app');
  });

  test('user labels win in place, new ones follow in their order; title can be given', () => {
    const labels = planLabels({
      context: loadContext('push-default-branch'),
      version: 'main',
      now: NOW,
      title: 'Octo App',
      userLabels: [
        'maintainer=mona@example.com',
        'org.opencontainers.image.url=https://octo.example.com',
        'com.example.build-args=A=1,B=2',
        'org.opencontainers.image.description=',
      ],
    });
    expect(Object.entries(labels)).toEqual([
      ['org.opencontainers.image.source', 'https://github.com/octo-org/octo-app'],
      ['org.opencontainers.image.url', 'https://octo.example.com'],
      ['org.opencontainers.image.revision', '1822562e6f0f2444bd907e99197d5656c194d113'],
      ['org.opencontainers.image.version', 'main'],
      ['org.opencontainers.image.created', '2024-05-02T03:04:05.678Z'],
      ['org.opencontainers.image.title', 'Octo App'],
      ['maintainer', 'mona@example.com'],
      ['com.example.build-args', 'A=1,B=2'],
      ['org.opencontainers.image.description', ''],
    ]);
  });

  test('an empty version leaves the version label out', () => {
    const labels = planLabels({
      context: loadContext('pull-request'),
      version: '',
      now: NOW,
      userLabels: [],
    });
    expect(Object.keys(labels)).toEqual([
      'org.opencontainers.image.source',
      'org.opencontainers.image.url',
      'org.opencontainers.image.revision',
      'org.opencontainers.image.created',
      'org.opencontainers.image.title',
    ]);
  });

  test.each<[string, string]>([
    ['maintainer', 'is not key=value'],
    ['=value', 'has an empty key'],
    ['  =value', 'has an empty key'],
  ])('%j: %s', (label, reason) => {
    const error = thrown(() =>
      planLabels({
        context: loadContext('push-default-branch'),
        version: '',
        now: NOW,
        userLabels: ['a=b', label],
      }),
    );
    expect(error.input).toBe('labels');
    expect(error.value).toBe(label);
    expect(error.message).toBe(`Input "labels": ${JSON.stringify(label)} ${reason}`);
  });
});
