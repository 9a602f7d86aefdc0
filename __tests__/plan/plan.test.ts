import { describe, expect, test } from '@jest/globals';
import { parseFlavor } from '../../src/plan/flavor.js';
import { planImage, type ImagePlan } from '../../src/plan/plan.js';
import { parseTagRules } from '../../src/plan/tags.js';
import { loadContext, type FixtureName } from '../fixtures/events/index.js';

const IMAGE = 'ghcr.io/octo-org/octo-app';
const NOW = new Date('2024-05-02T03:04:05.678Z');
const OCI = 'org.opencontainers.image';

interface Options {
  /** The `tags` input lines; none by default. */
  tags?: string[];
  flavor?: string[];
  images?: string[];
  labels?: string[];
}

function plan(fixture: FixtureName, options: Options = {}): ImagePlan {
  const { rules, references } = parseTagRules(options.tags ?? []);
  return planImage({
    images: options.images ?? [IMAGE],
    tagRules: rules,
    tagReferences: references,
    flavor: parseFlavor(options.flavor ?? []),
    userLabels: options.labels ?? [],
    context: loadContext(fixture),
    now: NOW,
  });
}

const versionLabel = (p: ImagePlan) => p.labels[`${OCI}.version`];

describe('planImage: the default tag rules', () => {
  test.each<[FixtureName, string[]]>([
    ['push-tag-v1.2.3', ['1.2.3', '1.2', '1', 'latest']],
    ['push-feature-branch', ['feature-x']],
    ['pull-request', ['pr-42']],
    ['schedule', ['nightly', 'main']],
  ])('apply with images and no tags input: %s', (fixture, tags) => {
    const p = plan(fixture);
    expect(p.tags).toEqual(tags.map((t) => `${IMAGE}:${t}`));
    expect(p.version).toBe(tags[0]);
    expect(versionLabel(p)).toBe(tags[0]);
  });

  test('every image gets the default tags', () => {
    expect(plan('pull-request', { images: [IMAGE, 'docker.io/octoorg/octo-app'] }).tags).toEqual([
      `${IMAGE}:pr-42`,
      'docker.io/octoorg/octo-app:pr-42',
    ]);
  });

  test('do not apply without images: no tags and no version, not even in the labels', () => {
    const p = plan('push-tag-v1.2.3', { images: [] });
    expect(p.tags).toEqual([]);
    expect(p.version).toBe('');
    expect(`${OCI}.version` in p.labels).toBe(false);
  });

  test('do not apply once there is a rule', () => {
    // The defaults would give 1.2.3, 1.2, 1 and latest.
    expect(plan('push-tag-v1.2.3', { tags: ['type=sha'] })).toMatchObject({
      tags: [`${IMAGE}:sha-62b3b80`],
      version: 'sha-62b3b80',
    });
  });

  test('a rule that produces nothing still replaces the defaults', () => {
    expect(plan('push-feature-branch', { tags: ['type=ref,event=tag'] })).toMatchObject({
      tags: [],
      version: '',
    });
  });
});

describe('planImage: references', () => {
  test('references alone: listed as is, no default tags for the images, no version', () => {
    const p = plan('push-tag-v1.2.3', {
      tags: ['docker.io/octoorg/app:stable', 'localhost:5000/app'],
    });
    expect(p.tags).toEqual(['docker.io/octoorg/app:stable', 'localhost:5000/app']);
    expect(p.version).toBe('');
    expect(`${OCI}.version` in p.labels).toBe(false);
  });

  test('references without images', () => {
    expect(plan('pull-request', { tags: ['ghcr.io/octo-org/octo-app:pr'], images: [] })).toMatchObject({
      tags: ['ghcr.io/octo-org/octo-app:pr'],
      version: '',
    });
  });

  test('references after the tags of the rules', () => {
    expect(
      plan('push-default-branch', { tags: ['docker.io/octoorg/app:stable', 'type=ref,event=branch'] }),
    ).toMatchObject({
      tags: [`${IMAGE}:main`, 'docker.io/octoorg/app:stable'],
      version: 'main',
    });
  });
});

describe('planImage: labels', () => {
  test('every OCI label, with the planned version', () => {
    const oci = {
      [`${OCI}.source`]: 'https://github.com/octo-org/octo-app',
      [`${OCI}.url`]: 'https://github.com/octo-org/octo-app',
      [`${OCI}.revision`]: '62b3b806467443d1392184587d975bd385b56d2c',
      [`${OCI}.version`]: '1.2.3',
      [`${OCI}.created`]: '2024-05-02T03:04:05.678Z',
      [`${OCI}.title`]: 'octo-app',
    };
    expect(plan('push-tag-v1.2.3')).toEqual({
      tags: ['1.2.3', '1.2', '1', 'latest'].map((t) => `${IMAGE}:${t}`),
      tagNames: ['1.2.3', '1.2', '1', 'latest'],
      version: '1.2.3',
      labels: oci,
      ociLabels: oci,
    });
  });

  test("tag names: each tag once, whatever the images, then the references' tags", () => {
    const p = plan('push-tag-v1.2.3', {
      images: [IMAGE, 'docker.io/octo/app'],
      tags: ['type=semver,pattern={{version}}', 'quay.io/octo/app:stable', 'quay.io/octo/app'],
    });
    expect(p.tagNames).toEqual(['1.2.3', 'latest', 'stable']);
  });

  test("the user's labels are not OCI labels (metadata-action's annotations leave them out)", () => {
    const p = plan('pull-request', { labels: [`${OCI}.version=custom`, 'team=infra'] });
    expect(p.labels[`${OCI}.version`]).toBe('custom');
    expect(p.ociLabels[`${OCI}.version`]).toBe('pr-42');
    expect(p.ociLabels).not.toHaveProperty('team');
  });

  test('the version label follows the flavor and rule priorities', () => {
    const p = plan('push-tag-v1.2.3', {
      tags: ['type=semver,pattern={{version}}', 'type=raw,value=stable,priority=1000'],
      flavor: ['prefix=v'],
    });
    expect(p.version).toBe('vstable');
    expect(versionLabel(p)).toBe('vstable');
    expect(p.tags).toEqual([`${IMAGE}:vstable`, `${IMAGE}:v1.2.3`, `${IMAGE}:latest`]);
  });

  test('a pre-release: the version label is the full pre-release version', () => {
    expect(versionLabel(plan('push-tag-v2.0.0-rc.1'))).toBe('2.0.0-rc.1');
  });

  test("the user's labels come after the OCI ones, and replace them in place", () => {
    const p = plan('pull-request', { labels: [`${OCI}.version=custom`, 'team=infra'] });
    expect(p.version).toBe('pr-42');
    expect(Object.entries(p.labels)).toEqual([
      [`${OCI}.source`, 'https://github.com/octo-org/octo-app'],
      [`${OCI}.url`, 'https://github.com/octo-org/octo-app'],
      [`${OCI}.revision`, '5b35595db3a4e0e268ef5cd40048fdd8edf1c90c'],
      [`${OCI}.version`, 'custom'],
      [`${OCI}.created`, '2024-05-02T03:04:05.678Z'],
      [`${OCI}.title`, 'octo-app'],
      ['team', 'infra'],
    ]);
  });
});
