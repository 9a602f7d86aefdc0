import { expect, test } from '@jest/globals';
import { gitAuthSecretId } from '../../src/buildx/git-auth.js';

test.each<[string, string, string | undefined]>([
  ['https://github.com/acme/app.git#main', 'https://github.com', 'GIT_AUTH_TOKEN.github.com'],
  ['https://github.com/acme/app.git#v1:docker', 'https://github.com', 'GIT_AUTH_TOKEN.github.com'],
  ['https://ghe.acme.dev/acme/app.git', 'https://ghe.acme.dev', 'GIT_AUTH_TOKEN.ghe.acme.dev'],
  // another host never gets the workflow's token
  ['https://gitlab.com/acme/app.git', 'https://github.com', undefined],
  ['https://github.com.evil.dev/acme/app.git', 'https://github.com', undefined],
  ['http://github.com/acme/app.git', 'https://github.com', undefined],
  ['.', 'https://github.com', undefined],
  ['examples/two-stage', 'https://github.com', undefined],
  ['git@github.com:acme/app.git', 'https://github.com', undefined],
])('%s on %s -> %s', (context, server, expected) => {
  expect(gitAuthSecretId(context, server)).toBe(expected);
});
