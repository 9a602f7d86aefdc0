/**
 * `docker buildx inspect` outputs captured on the lab (buildx 0.29): the engine's default
 * builder, a docker context used as a builder, a docker-container builder (not started), a
 * two-node docker-container fleet, a remote builder and a kubernetes builder.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builderSelection,
  canPushByDigest,
  describeBuilder,
  parseBuilderInspect,
} from '../../src/buildx/builder.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'buildx-inspect', `${name}.txt`), 'utf8');

const ENGINE_PLATFORMS = [
  'linux/amd64',
  'linux/amd64/v2',
  'linux/amd64/v3',
  'linux/amd64/v4',
  'linux/arm64',
  'linux/riscv64',
  'linux/ppc64',
  'linux/ppc64le',
  'linux/s390x',
  'linux/loong64',
  'linux/arm/v7',
  'linux/arm/v6',
];

describe('parseBuilderInspect', () => {
  test.each([
    ['docker-default', 'default', 'docker', [['default', 'default', 'running']], ENGINE_PLATFORMS],
    [
      'docker-context',
      'legs-fixture-ctx',
      'docker',
      [['legs-fixture-ctx', 'legs-fixture-ctx', 'running']],
      ENGINE_PLATFORMS,
    ],
    [
      'docker-container',
      'legs-fixture-container',
      'docker-container',
      [['legs-fixture-container0', 'unix:///var/run/docker.sock', 'inactive']],
      ['linux/amd64', 'linux/arm64'],
    ],
    [
      'fleet',
      'legs-fixture-fleet',
      'docker-container',
      [
        ['amd', 'unix:///var/run/docker.sock', 'inactive'],
        ['arm', 'legs-fixture-arm', 'inactive'],
      ],
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
    ],
    [
      'remote',
      'legs-fixture-remote',
      'remote',
      [['legs-fixture-remote0', 'tcp://127.0.0.1:1', 'inactive']],
      [],
    ],
    [
      'k8s',
      'legs-fixture-k8s',
      'kubernetes',
      [
        [
          'legs-fixture-k8s0',
          expect.stringMatching(/^kubernetes:\/\/\/legs-fixture-k8s\?deployment=buildkit-/),
          'inactive',
        ],
      ],
      ['linux/arm64'],
    ],
  ])('%s', (name, builder, driver, nodes, platforms) => {
    const info = parseBuilderInspect(fixture(name));
    expect(info).toEqual({
      name: builder,
      driver,
      nodes: nodes.map(([nodeName, endpoint, status], i) => ({
        name: nodeName,
        endpoint,
        status,
        platforms: name === 'fleet' ? [['linux/amd64'], ['linux/arm64', 'linux/arm/v7']][i] : platforms,
      })),
      platforms,
    });
  });

  test.each([[''], ['ERROR: no builder "nope" found'], ['Nodes:\nName: x\n']])(
    'text without a builder name and driver: undefined (%j)',
    (text) => {
      expect(parseBuilderInspect(text)).toBeUndefined();
    },
  );
});

describe('describeBuilder', () => {
  test('names the builder, its driver and its platforms', () => {
    expect(describeBuilder(parseBuilderInspect(fixture('docker-context'))!)).toBe(
      `Builder legs-fixture-ctx (driver docker) runs the build; its platforms: ${ENGINE_PLATFORMS.join(', ')}`,
    );
  });

  test('a fleet: every node with its platforms', () => {
    expect(describeBuilder(parseBuilderInspect(fixture('fleet'))!)).toBe(
      'Builder legs-fixture-fleet (driver docker-container) runs the build; its platforms: linux/amd64, ' +
        'linux/arm64, linux/arm/v7; nodes: amd (linux/amd64), arm (linux/arm64, linux/arm/v7)',
    );
  });

  test('a builder that has not started yet and set no platforms', () => {
    expect(describeBuilder(parseBuilderInspect(fixture('remote'))!)).toBe(
      'Builder legs-fixture-remote (driver remote) runs the build; its platforms are not known until it starts',
    );
  });
});

test.each([
  ['docker', false],
  ['docker-container', true],
  ['remote', true],
  ['kubernetes', true],
  ['cloud', true],
])('buildx pushes by digest with the %s driver: %s', (driver, can) => {
  expect(canPushByDigest(driver)).toBe(can);
});

describe('builderSelection', () => {
  test.each([
    ['no builder asked for: the current one', undefined, 'docker-default', {}],
    [
      'a docker context: docker --context, since buildx refuses it as --builder',
      'legs-fixture-ctx',
      'docker-context',
      { builder: undefined, dockerContext: 'legs-fixture-ctx' },
    ],
    [
      'a docker-container builder: --builder',
      'legs-fixture-container',
      'docker-container',
      { builder: 'legs-fixture-container' },
    ],
    ['a remote builder: --builder', 'legs-fixture-remote', 'remote', { builder: 'legs-fixture-remote' }],
  ])('%s', (_, requested, name, selection) => {
    expect(builderSelection(requested, parseBuilderInspect(fixture(name)))).toEqual(selection);
  });
});
