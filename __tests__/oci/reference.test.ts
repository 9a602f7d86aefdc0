import { describe, expect, test } from '@jest/globals';
import { thrown } from '../support/thrown.js';
import {
  formatReference,
  isValidTag,
  parseImageName,
  parseReference,
  type ImageReference,
} from '../../src/oci/reference.js';

// How InputError shows a value: long ones are cut at 200 characters.
function shown(value: string): string {
  return JSON.stringify(value.length <= 200 ? value : `${value.slice(0, 200)}… (${value.length} chars)`);
}

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageName', () => {
  test.each<[string, string]>([
    ['alpine', 'alpine'],
    ['library/alpine', 'library/alpine'],
    ['ghcr.io/octo-org/octo-app', 'ghcr.io/octo-org/octo-app'],
    ['Ghcr.io/Octo-Org/Octo-App', 'ghcr.io/octo-org/octo-app'],
    ['  docker.io/octoorg/app  ', 'docker.io/octoorg/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['localhost/app', 'localhost/app'],
    ['registry.example.com:8443/team/sub/app', 'registry.example.com:8443/team/sub/app'],
    ['[::1]:5000/app', '[::1]:5000/app'],
    ['my_app', 'my_app'],
    ['a__b/c.d/e---f', 'a__b/c.d/e---f'],
    // Without a slash after it, a dotted name is a path component, as docker reads it.
    ['ghcr.io', 'ghcr.io'],
  ])('%j -> %j', (input, expected) => {
    expect(parseImageName(input)).toBe(expected);
  });

  test.each<[string, string]>([
    ['', 'the image name is empty'],
    ['   ', 'the image name is empty'],
    ['octo-app:1.0', 'an image name must not include a tag'],
    ['localhost:5000', 'an image name must not include a tag'],
    [`octo-app@${DIGEST}`, 'an image name must not include a digest'],
    ['ghcr.io/octo-org//app', 'the name has an empty path component'],
    ['ghcr.io/octo-org/app/', 'the name has an empty path component'],
    ['ghcr.io/-app', 'path component "-app" must match [a-z0-9]+ joined by ".", "_", "__" or "-"'],
    ['app_', 'path component "app_" must match [a-z0-9]+ joined by ".", "_", "__" or "-"'],
    ['a___b', 'path component "a___b" must match [a-z0-9]+ joined by ".", "_", "__" or "-"'],
    ['octo org/app', 'path component "octo org" must match [a-z0-9]+ joined by ".", "_", "__" or "-"'],
    ['my_registry:5000/app', '"my_registry:5000" is not a valid registry host[:port]'],
    ['-reg.io/app', '"-reg.io" is not a valid registry host[:port]'],
    ['reg.io:port/app', '"reg.io:port" is not a valid registry host[:port]'],
    [`ghcr.io/${'a'.repeat(248)}`, 'the name is longer than 255 characters'],
  ])('%j: %s', (input, reason) => {
    const error = thrown(() => parseImageName(input));
    expect(error.input).toBe('images');
    expect(error.value).toBe(input);
    expect(error.message).toBe(`Input "images": ${shown(input)} ${reason}`);
  });

  test('names the input it is given', () => {
    expect(thrown(() => parseImageName('App:1', 'baseline-image')).message).toBe(
      'Input "baseline-image": "App:1" an image name must not include a tag',
    );
  });
});

describe('parseReference', () => {
  test.each<[string, ImageReference]>([
    ['alpine', { name: 'alpine' }],
    ['alpine:3.19', { name: 'alpine', tag: '3.19' }],
    ['ghcr.io/octo-org/octo-app:1.2.3', { name: 'ghcr.io/octo-org/octo-app', tag: '1.2.3' }],
    ['localhost:5000/app', { name: 'localhost:5000/app' }],
    ['localhost:5000/app:dev', { name: 'localhost:5000/app', tag: 'dev' }],
    [`alpine@${DIGEST}`, { name: 'alpine', digest: DIGEST }],
    [`ghcr.io/o/app:1.0@${DIGEST}`, { name: 'ghcr.io/o/app', tag: '1.0', digest: DIGEST }],
    [`app@sha512:${'ab'.repeat(64)}`, { name: 'app', digest: `sha512:${'ab'.repeat(64)}` }],
    // The name is lower-cased; a tag may hold capitals and stays as written.
    ['Docker.io/OctoOrg/App:Latest_1', { name: 'docker.io/octoorg/app', tag: 'Latest_1' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  test.each<[string, string]>([
    ['', 'is not a valid image reference: it is empty'],
    ['app:', 'is not a valid image reference: the tag after ":" is empty'],
    ['app:-x', 'is not a valid image reference: tag "-x" must match [A-Za-z0-9_][A-Za-z0-9_.-]*'],
    [
      `app:${'a'.repeat(129)}`,
      'is not a valid image reference: tag "' + 'a'.repeat(129) + '" is longer than 128 characters',
    ],
    [
      'app@sha256:abc',
      'is not a valid image reference: digest "sha256:abc" is not sha256:<64 hex> or sha512:<128 hex>',
    ],
    [
      `app@md5:${'0'.repeat(32)}`,
      `is not a valid image reference: digest "md5:${'0'.repeat(32)}" is not sha256:<64 hex> or sha512:<128 hex>`,
    ],
    [
      `app@${DIGEST}@${DIGEST}`,
      `is not a valid image reference: digest "${DIGEST}@${DIGEST}" is not sha256:<64 hex> or sha512:<128 hex>`,
    ],
    ['/app:1', 'is not a valid image reference: the name has an empty path component'],
    [':1', 'is not a valid image reference: the image name is empty'],
    [
      'Octo App:1',
      'is not a valid image reference: path component "octo app" must match [a-z0-9]+ joined by ".", "_", "__" or "-"',
    ],
  ])('%j: %s', (input, reason) => {
    const error = thrown(() => parseReference(input));
    expect(error.input).toBe('tags');
    expect(error.value).toBe(input);
    expect(error.message).toBe(`Input "tags": ${shown(input)} ${reason}`);
  });

  test('names the input it is given', () => {
    expect(thrown(() => parseReference('app:', 'baseline')).input).toBe('baseline');
  });

  test.each([
    'alpine',
    'alpine:3.19',
    'localhost:5000/app:dev',
    `ghcr.io/o/app:1.0@${DIGEST}`,
    `ghcr.io/o/app@${DIGEST}`,
  ])('formatReference(parseReference(%j)) gives it back', (input) => {
    expect(formatReference(parseReference(input))).toBe(input);
  });
});

describe('isValidTag', () => {
  test.each<[string, boolean]>([
    ['latest', true],
    ['1.2.3', true],
    ['v1.2.3-rc.1', true],
    ['_private', true],
    ['A', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['.hidden', false],
    ['-dash', false],
    ['feature/x', false],
    ['1.2.3+build', false],
    ['with space', false],
  ])('%j -> %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });
});
