import { describe, expect, test } from '@jest/globals';
import { copyBeforeInstall, installerOf } from '../../../src/advise/rules/copy-before-install.js';
import type { Instruction } from '../../../src/advise/model.js';
import { syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const run = (command: string): Instruction => ({
  keyword: 'RUN',
  args: command,
  flags: [],
  arguments: [command],
  heredocs: [],
  startLine: 1,
  endLine: 1,
  stage: 0,
});

describe('installerOf', () => {
  test.each([
    ['npm ci', 'npm ci', 'package.json package-lock.json'],
    ['npm ci --omit=dev && npm cache clean --force', 'npm ci', 'package.json package-lock.json'],
    ['npm install --production', 'npm install --production', 'package.json package-lock.json'],
    ['cd /app && npm install', 'npm install', 'package.json package-lock.json'],
    ['CI=true npm ci', 'npm ci', 'package.json package-lock.json'],
    ['yarn install --frozen-lockfile', 'yarn install', 'package.json yarn.lock'],
    ['yarn && yarn cache clean', 'yarn', 'package.json yarn.lock'],
    ['pnpm install --frozen-lockfile', 'pnpm install', 'package.json pnpm-lock.yaml'],
    [
      'pip install --no-cache-dir -r requirements/prod.txt',
      'pip install --no-cache-dir -r requirements/prod.txt',
      'requirements/prod.txt',
    ],
    [
      'python3 -m pip install -r requirements.txt',
      'python3 -m pip install -r requirements.txt',
      'requirements.txt',
    ],
    ['poetry install --only main', 'poetry install', 'pyproject.toml poetry.lock'],
    ['go mod download && go build -o /app .', 'go mod download', 'go.mod go.sum'],
    ['bundle install --jobs 4', 'bundle install', 'Gemfile Gemfile.lock'],
    ['composer install --no-dev', 'composer install', 'composer.json composer.lock'],
    ['cargo fetch', 'cargo fetch', 'Cargo.toml Cargo.lock'],
    ['mvn -B dependency:go-offline', 'mvn -B dependency:go-offline', 'pom.xml'],
    ['bundle', 'bundle', 'Gemfile Gemfile.lock'],
  ])('%s', (command, shown, manifests) => {
    const found = installerOf(run(command));
    if (shown === undefined) expect(found).toBeUndefined();
    else expect(found).toEqual({ command: shown, manifests });
  });

  test.each([
    'npm install -g typescript',
    'npm i express',
    'npm run build',
    'yarn build',
    'pnpm add left-pad',
    'pip install flask',
    'pip install .',
    'bundle exec rake assets:precompile',
    'go build ./...',
    'echo npm ci',
    'apt-get install -y yarnpkg-tools',
  ])('%s installs no manifest', (command) => {
    expect(installerOf(run(command))).toBeUndefined();
  });
});

describe('copy-before-install', () => {
  const bad = lines(
    'FROM node:20-slim', // 1
    'WORKDIR /app', // 2
    'COPY . .', // 3
    'RUN npm ci --omit=dev', // 4
    'RUN npm run build', // 5
    'CMD ["node", "index.js"]', // 6
  );

  test('the install after `COPY . .`: its bytes, the COPY to the install', () => {
    const input = syntheticInput(bad, {
      layers: {
        3: [{ file: 'app/index.js', size: 40_000 }],
        4: [
          { file: 'app/node_modules/express/index.js', size: 3_000_000 },
          { file: 'root/.npm/_cacache/x', size: 2_000_000 },
        ],
        5: [{ file: 'app/dist/index.js', size: 500_000 }],
      },
    });
    const findings = copyBeforeInstall.check(input);
    expect(findings).toEqual([
      {
        rule: 'copy-before-install',
        file: 'Dockerfile',
        line: 3,
        endLine: 4,
        bytes: 5_000_000,
        message:
          '`COPY . .` (line 3) comes before `npm ci` (line 4): every source change reinstalls 5.00 MB of dependencies.',
        fix: 'Copy the manifests first: `COPY package.json package-lock.json ./`, then `RUN npm ci`, then `COPY . .`.',
      },
    ]);
  });

  test('several installs after one broad COPY add up; an install that made nothing is left out', () => {
    const dockerfile = lines(
      'FROM python:3.12-slim', // 1
      'COPY --chown=app:app ./ /srv/', // 2
      'RUN pip install --no-cache-dir -r /srv/requirements.txt', // 3
      'RUN cd /srv/web \\', // 4
      ' && npm ci', // 5
      'RUN pip install -r /srv/dev.txt', // 6
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        3: [{ file: 'usr/local/lib/python3.12/site-packages/a.so', size: 7_000_000 }],
        4: [{ file: 'srv/web/node_modules/x/i.js', size: 1_000_000 }],
      },
    });
    const [finding, ...more] = copyBeforeInstall.check(input);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ line: 2, endLine: 5, bytes: 8_000_000 });
    expect(finding!.fix).toContain('`COPY /srv/requirements.txt ./`');
  });

  test.each(['ADD . /app', 'COPY * ./', 'COPY ./* /app/'])(
    '`%s` (the context, or all of it) is broad too',
    (copy) => {
      const input = syntheticInput(lines('FROM ruby:3.3-slim', copy, 'RUN bundle install'), {
        layers: { 3: [{ file: 'usr/local/bundle/gems/rails/x.rb', size: 2_000_000 }] },
      });
      expect(copyBeforeInstall.check(input)).toEqual([
        expect.objectContaining({ line: 2, endLine: 3, bytes: 2_000_000 }),
      ]);
    },
  );

  test('quiet when the manifests are copied first and the sources after', () => {
    const good = lines(
      'FROM node:20-slim',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY . .',
      'RUN npm run build',
    );
    const input = syntheticInput(good, {
      layers: {
        4: [{ file: 'app/node_modules/express/index.js', size: 3_000_000 }],
        6: [{ file: 'app/dist/a.js', size: 9 }],
      },
    });
    expect(copyBeforeInstall.check(input)).toEqual([]);
  });

  test('quiet for a narrow COPY, a COPY --from, and a build stage that is not exported', () => {
    const dockerfile = lines(
      'FROM node:20 AS build', // 1
      'WORKDIR /app', // 2
      'COPY . .', // 3
      'RUN npm ci && npm run build', // 4
      'FROM node:20-slim', // 5
      'COPY --from=build /app/dist ./dist', // 6
      'COPY src/ ./src/', // 7
      'RUN npm ci --omit=dev', // 8
    );
    const input = syntheticInput(dockerfile, {
      layers: { 6: [{ file: 'dist/a.js', size: 1 }], 8: [{ file: 'node_modules/x/a.js', size: 3_000_000 }] },
    });
    expect(copyBeforeInstall.check(input)).toEqual([]);
  });

  test('a later broad COPY reports its own installs', () => {
    const dockerfile = lines(
      'FROM golang:1.22',
      'COPY . .',
      'RUN go mod download',
      'COPY . /other',
      'RUN go mod download',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        3: [{ file: 'go/pkg/mod/a/b.go', size: 1_000 }],
        5: [{ file: 'go/pkg/mod/c/d.go', size: 2_000 }],
      },
    });
    expect(copyBeforeInstall.check(input).map((f) => [f.line, f.endLine, f.bytes])).toEqual([
      [2, 3, 1_000],
      [4, 5, 2_000],
    ]);
  });
});
