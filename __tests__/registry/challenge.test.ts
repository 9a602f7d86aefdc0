import { describe, expect, test } from '@jest/globals';
import { findChallenge, parseChallenges, type Challenge } from '../../src/registry/challenge.js';

describe('parseChallenges', () => {
  test.each<[string, Challenge[]]>([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/alpine:pull',
          },
        },
      ],
    ],
    ['Basic realm="container-lab"', [{ scheme: 'basic', params: { realm: 'container-lab' } }]],
    ['basic', [{ scheme: 'basic', params: {} }]],
    // A quoted value holding commas and an escaped quote; spaces around separators.
    [
      'Bearer realm = "https://x/token" , scope="repository:a/b:pull,push", error="say \\"no\\""',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://x/token', scope: 'repository:a/b:pull,push', error: 'say "no"' },
        },
      ],
    ],
    // Several challenges in one header.
    [
      'Basic realm="reg", Bearer realm="https://x/token",service="x"',
      [
        { scheme: 'basic', params: { realm: 'reg' } },
        { scheme: 'bearer', params: { realm: 'https://x/token', service: 'x' } },
      ],
    ],
    [
      'Bearer realm="https://x/token",scope="a:b:pull,push" ,Basic realm="r"',
      [
        { scheme: 'bearer', params: { realm: 'https://x/token', scope: 'a:b:pull,push' } },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    // Parameter names are case-insensitive, values kept as sent; bare values accepted.
    [
      'BEARER Realm=https://x/token,Service=Reg',
      [{ scheme: 'bearer', params: { realm: 'https://x/token', service: 'Reg' } }],
    ],
    // token68 forms.
    ['Negotiate abc+/def==', [{ scheme: 'negotiate', params: {}, token68: 'abc+/def==' }]],
    [
      'Negotiate dG9rZW4, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {}, token68: 'dG9rZW4' },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    // An empty quoted value, and an empty header.
    ['Bearer realm="",service="s"', [{ scheme: 'bearer', params: { realm: '', service: 's' } }]],
    ['', []],
    ['  ,  ', []],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });

  test('findChallenge picks a scheme case-insensitively', () => {
    const challenges = parseChallenges('Basic realm="r", Bearer realm="t"');
    expect(findChallenge(challenges, 'Bearer')?.params.realm).toBe('t');
    expect(findChallenge(challenges, 'digest')).toBeUndefined();
  });
});
