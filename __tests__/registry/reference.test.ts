import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/util/errors.js';
import {
  displayName,
  displayReference,
  manifestReference,
  normalizeRegistry,
  parseRegistryReference,
  type RegistryReference,
} from '../../src/registry/reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** A reference on Docker Hub: its API host is another name. */
const hub = (repository: string, more: Partial<RegistryReference> = {}): RegistryReference => ({
  registry: 'docker.io',
  apiHost: 'registry-1.docker.io',
  repository,
  ...more,
});
/** A reference on a registry whose API host is its name. */
const on = (
  registry: string,
  repository: string,
  more: Partial<RegistryReference> = {},
): RegistryReference => ({
  registry,
  apiHost: registry,
  repository,
  ...more,
});

describe('parseRegistryReference', () => {
  test.each<[string, RegistryReference, string]>([
    ['alpine', hub('library/alpine'), 'docker.io/library/alpine:latest'],
    ['alpine:3.19', hub('library/alpine', { tag: '3.19' }), 'docker.io/library/alpine:3.19'],
    ['acme/app', hub('acme/app'), 'docker.io/acme/app:latest'],
    ['docker.io/alpine', hub('library/alpine'), 'docker.io/library/alpine:latest'],
    ['index.docker.io/acme/app:1', hub('acme/app', { tag: '1' }), 'docker.io/acme/app:1'],
    ['registry-1.docker.io/library/busybox', hub('library/busybox'), 'docker.io/library/busybox:latest'],
    ['ghcr.io/acme/app:1.2.3', on('ghcr.io', 'acme/app', { tag: '1.2.3' }), 'ghcr.io/acme/app:1.2.3'],
    ['ghcr.io/app', on('ghcr.io', 'app'), 'ghcr.io/app:latest'],
    [
      'localhost:5000/acme/app:1.2.3',
      on('localhost:5000', 'acme/app', { tag: '1.2.3' }),
      'localhost:5000/acme/app:1.2.3',
    ],
    ['localhost/app', on('localhost', 'app'), 'localhost/app:latest'],
    ['127.0.0.1:5001/a/b/c', on('127.0.0.1:5001', 'a/b/c'), '127.0.0.1:5001/a/b/c:latest'],
    ['[::1]:5000/app:v1', on('[::1]:5000', 'app', { tag: 'v1' }), '[::1]:5000/app:v1'],
    [
      `localhost:5000/app@${DIGEST}`,
      on('localhost:5000', 'app', { digest: DIGEST }),
      `localhost:5000/app@${DIGEST}`,
    ],
    [
      `app:1@${DIGEST}`,
      hub('library/app', { tag: '1', digest: DIGEST }),
      `docker.io/library/app:1@${DIGEST}`,
    ],
    // Not a host: no dot, colon or "localhost" in the first component.
    ['myregistry/app', hub('myregistry/app'), 'docker.io/myregistry/app:latest'],
    [
      'Registry.Example.com:8443/Team/App:Tag',
      on('registry.example.com:8443', 'team/app', { tag: 'Tag' }),
      'registry.example.com:8443/team/app:Tag',
    ],
  ])('%s', (text, expected, display) => {
    const ref = parseRegistryReference(text);
    expect(ref).toEqual(expected);
    expect(displayReference(ref)).toBe(display);
  });

  test.each([
    ['', 'is not a valid image reference: it is empty'],
    ['app:', 'the tag after ":" is empty'],
    ['app@sha256:abc', 'is not sha256:<64 hex>'],
    ['a//b', 'empty path component'],
  ])('%j is refused, naming the input', (text, reason) => {
    let error: unknown;
    try {
      parseRegistryReference(text, 'baseline');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('baseline');
    expect((error as InputError).message).toContain(reason);
  });
});

describe('manifestReference', () => {
  test.each<[string, string]>([
    ['app', 'latest'],
    ['app:1', '1'],
    [`app@${DIGEST}`, DIGEST],
    [`app:1@${DIGEST}`, DIGEST],
  ])('%s asks for %s', (text, expected) => {
    expect(manifestReference(parseRegistryReference(text))).toBe(expected);
  });
});

describe('names', () => {
  test.each([
    ['docker.io', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['GHCR.io', 'ghcr.io'],
  ])('normalizeRegistry(%s) = %s', (host, expected) => {
    expect(normalizeRegistry(host)).toBe(expected);
  });

  test('displayName uses @ for digests and : for tags, and Docker Hub by its usual name', () => {
    expect(displayName('localhost:5000', 'acme/app', '1.2.3')).toBe('localhost:5000/acme/app:1.2.3');
    expect(displayName('localhost:5000', 'acme/app', DIGEST)).toBe(`localhost:5000/acme/app@${DIGEST}`);
    expect(displayName('registry-1.docker.io', 'library/alpine', 'latest')).toBe(
      'docker.io/library/alpine:latest',
    );
  });
});
