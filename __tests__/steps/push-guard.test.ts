import { describe, expect, test } from '@jest/globals';
import type { RegistryClient } from '../../src/registry/client.js';
import { RegistryError } from '../../src/registry/errors.js';
import {
  checkPushAccess,
  describeWritten,
  PushRefusedError,
  tagStates,
  writtenTags,
  type PushTarget,
} from '../../src/steps/push-guard.js';
import { repositoriesOf } from '../../src/oci/reference.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

/** A target whose registry holds `tags` (tag -> digest), answers 500 for `broken`, refuses pushes in `refuse`. */
function target(name: string, tags: Map<string, string>, options: { broken?: string; refuse?: string } = {}) {
  const client = {
    headManifest: async (_repository: string, tag: string) => {
      if (tag === options.broken) throw new RegistryError('server', name, `${name}: HTTP 500`, 500);
      const digest = tags.get(tag);
      if (!digest) throw new RegistryError('not-found', name, `${name}:${tag} not found`, 404);
      return { digest, mediaType: 'application/vnd.oci.image.index.v1+json', size: 1 };
    },
    checkPushAccess: async () => {
      if (options.refuse) throw new RegistryError('denied', name, options.refuse, 403);
    },
  } as unknown as RegistryClient;
  return { name, client, repository: name.slice(name.indexOf('/') + 1) } satisfies PushTarget;
}

test('the repositories of full references, each once, in order', () => {
  expect(repositoriesOf(['ghcr.io/a/app:1', 'localhost:5000/app:1', 'ghcr.io/a/app:latest'])).toEqual([
    'ghcr.io/a/app',
    'localhost:5000/app',
  ]);
});

describe('what a failed push wrote', () => {
  test('tags that moved or appeared are written; those that stayed or stayed absent are not', async () => {
    const a = new Map([['1', D1]]);
    const b = new Map<string, string>();
    const targets = [target('r.io/a', a), target('r.io/b', b)];
    const tags = ['r.io/a:1', 'r.io/a:latest', 'r.io/b:1', 'r.io/b:latest'];
    const before = await tagStates(tags, targets);
    expect([...before.values()]).toEqual([D1, 'absent', 'absent', 'absent']);
    a.set('1', D2); // moved
    a.set('latest', D2); // appeared
    const after = await writtenTags(before, targets);
    expect(after).toEqual({ written: ['r.io/a:1', 'r.io/a:latest'], unknown: [] });
    expect(describeWritten(after)).toBe('tagged before the failure: r.io/a:1, r.io/a:latest');
  });

  test('a tag the registry would not tell about is named as unknown, never as written or not', async () => {
    const targets = [target('r.io/a', new Map([['1', D1]]), { broken: 'latest' })];
    const before = await tagStates(['r.io/a:1', 'r.io/a:latest'], targets);
    const after = await writtenTags(before, targets);
    expect(describeWritten(after)).toBe('no tag was written (cannot tell for r.io/a:latest)');
  });
});

test('every refusing repository is named, with the registry’s reason', async () => {
  const targets = [
    target('r.io/a', new Map()),
    target('r.io/b', new Map(), { refuse: 'access to r.io/b denied (HTTP 403)' }),
  ];
  const error = await checkPushAccess(targets).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PushRefusedError);
  expect((error as Error).message).toBe(
    'Cannot push to 1 of the 2 repositories, so nothing was pushed:\n  r.io/b: access to r.io/b denied (HTTP 403)',
  );
  await expect(checkPushAccess(targets.slice(0, 1))).resolves.toBeUndefined();
});
