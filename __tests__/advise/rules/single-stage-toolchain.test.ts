import { describe, expect, test } from '@jest/globals';
import {
  nodePackageOf,
  singleStageToolchain,
  toolchainKindOf,
} from '../../../src/advise/rules/single-stage-toolchain.js';
import { filesUnder, manifest, syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('toolchainKindOf', () => {
  test.each([
    ['usr/lib/gcc/x86_64-linux-gnu/12/cc1', 'compiler'],
    ['usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/cc1', 'compiler'],
    ['usr/bin/x86_64-linux-gnu-gcc-12', 'compiler'],
    ['usr/bin/gcc', 'compiler'],
    ['usr/bin/g++', 'compiler'],
    ['usr/bin/clang-17', 'compiler'],
    ['usr/lib/llvm-17/bin/clang', 'compiler'],
    ['usr/bin/ld.bfd', 'compiler'],
    ['usr/include/postgresql/libpq-fe.h', 'headers'],
    ['usr/local/include/python3.12/Python.h', 'headers'],
    ['usr/local/go/pkg/tool/linux_amd64/compile', 'go-toolchain'],
    ['usr/lib/go-1.19/bin/go', 'go-toolchain'],
    ['root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc', 'rust-toolchain'],
    ['usr/local/rustup/toolchains/1.77/lib/librustc_driver.so', 'rust-toolchain'],
    ['usr/local/cargo/bin/cargo', 'rust-toolchain'],
    ['go/pkg/mod/github.com/pkg/errors@v0.9.1/errors.go', 'build-output'],
    ['root/go/pkg/mod/golang.org/x/sys@v0.1.0/unix/zerrors.go', 'build-output'],
    ['usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/serde-1.0.0/src/lib.rs', 'build-output'],
    ['app/target/release/deps/libserde-1234.rlib', 'build-output'],
    ['root/.m2/repository/org/slf4j/slf4j-api/2.0.9/slf4j-api-2.0.9.jar', 'build-output'],
    ['app/main.go', 'sources'],
    ['src/lib.rs', 'sources'],
  ])('%s is %s', (path, kind) => {
    expect(toolchainKindOf(path)).toBe(kind);
  });

  test.each([
    'usr/bin/python3.11',
    'usr/lib/x86_64-linux-gnu/libc.so.6',
    'usr/lib/x86_64-linux-gnu/libpq.so.5',
    'usr/bin/ccache-wrapper',
    'usr/bin/zipcloak', // ends in `cc`... no: `-` is what separates a prefix
    'app/node_modules/express/index.js',
    'app/node_modules/typescript/lib/typescript.js', // node_modules: measured from the manifests, never by name
    'app/node_modules/@babel/runtime/helpers/extends.js',
    'usr/local/lib/node_modules/npm/node_modules/semver/index.js',
    'app/node_modules/some-lib/src/binding.c', // a native module's sources: not the app's
    'usr/share/doc/gcc-12/copyright',
    'root/.cache/go-build/00/0011-d', // package-cache's
    'root/go/pkg/mod/cache/download/x.zip', // package-cache's
    'tmp/build/main.c', // package-cache's (tmp)
    'app/server.js',
    'app/app.py',
  ])('%s is no toolchain', (path) => {
    expect(toolchainKindOf(path)).toBeUndefined();
  });

  test.each<[string, string | undefined]>([
    ['app/node_modules/@types/node/index.d.ts', '@types/node'],
    ['node_modules/jest/package.json', 'jest'],
    ['app/node_modules/express/node_modules/typescript/x.js', 'express'],
    ['app/node_modules/.pnpm/@types+node@20.1.0/node_modules/@types/node/a.d.ts', '@types/node'],
    ['app/node_modules/.package-lock.json', undefined],
    ['app/index.js', undefined],
  ])('nodePackageOf reads scoped, nested and pnpm layouts: %s -> %p', (path, name) => {
    expect(nodePackageOf(path)).toBe(name);
  });
});

describe('single-stage-toolchain', () => {
  const pythonGcc = lines(
    'FROM python:3.12-slim', // 1
    'WORKDIR /app', // 2
    'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\', // 3
    ' && rm -rf /var/lib/apt/lists/*', // 4
    'COPY requirements.txt .', // 5
    'RUN pip install --no-cache-dir -r requirements.txt', // 6
    'COPY . .', // 7
    'CMD ["python", "app.py"]', // 8
  );
  const gccLayer = [
    { file: 'usr/lib/gcc/x86_64-linux-gnu/12/cc1', size: 30_000_000 },
    { file: 'usr/bin/x86_64-linux-gnu-gcc-12', size: 1_000_000 },
    { file: 'usr/include/postgresql/libpq-fe.h', size: 200_000 },
    { file: 'usr/lib/x86_64-linux-gnu/libpq.so.5', size: 300_000 },
  ];

  test('gcc and headers installed in the final stage: their bytes, at the RUN', () => {
    const input = syntheticInput(pythonGcc, {
      base: [[{ file: 'usr/local/include/python3.12/Python.h', size: 900_000 }]],
      layers: {
        3: gccLayer,
        6: [{ file: 'usr/local/lib/python3.12/site-packages/psycopg2/_psycopg.so', size: 2_000_000 }],
        7: [{ file: 'app/app.py', size: 5_000 }],
      },
    });
    const [finding, ...more] = singleStageToolchain.check(input);
    expect(more).toEqual([]);
    // 30 MB cc1 + 1 MB driver + 0.2 MB header; the base's Python.h and libpq.so are not counted.
    expect(finding).toMatchObject({ rule: 'single-stage-toolchain', line: 3, endLine: 4, bytes: 31_200_000 });
    expect(finding!.message).toContain('C/C++ compiler 31.0 MB');
    expect(finding!.message).toContain('headers of -dev packages 200 kB');
    // a rewrite into stages is no edit: a question, and no bytes claimed as saved
    expect(finding!.fix).toMatch(
      /^Does the running image need its build tools\? If not, a multi-stage build/,
    );
    expect(finding!.saves).toBeUndefined();
    expect(finding!.edits).toBeUndefined();
  });

  test('dev dependencies measured from the manifests: what no production dependency reaches', () => {
    const dockerfile = lines(
      'FROM node:20-slim', // 1
      'WORKDIR /app', // 2
      'COPY package.json package-lock.json ./', // 3
      'RUN npm ci', // 4
      'COPY . .', // 5
      'RUN npm run build', // 6
      'CMD ["node", "dist/index.js"]', // 7
    );
    const project = {
      name: 'app',
      dependencies: { express: '^4' },
      devDependencies: { typescript: '^5', 'left-pad-dev': '1' },
    };
    const input = syntheticInput(dockerfile, {
      layers: {
        3: [manifest('app/package.json', project)],
        4: [
          ...filesUnder('app/node_modules/typescript/lib', 4, 5_000_000),
          manifest('app/node_modules/typescript/package.json', { name: 'typescript' }),
          // A dev dependency's own dependency, by no well-known name: dev-only too.
          ...filesUnder('app/node_modules/dev-helper/lib', 2, 1_000_000),
          manifest('app/node_modules/left-pad-dev/package.json', { dependencies: { 'dev-helper': '1' } }),
          ...filesUnder('app/node_modules/express/lib', 3, 100_000),
          manifest('app/node_modules/express/package.json', { dependencies: { 'body-parser': '1' } }),
          // express needs it: production, even though nested under nothing dev.
          ...filesUnder('app/node_modules/body-parser/lib', 3, 2_000_000),
          manifest('app/node_modules/body-parser/package.json', { name: 'body-parser' }),
        ],
        5: [{ file: 'app/src/index.ts', size: 10_000 }],
      },
    });
    const [finding, ...more] = singleStageToolchain.check(input);
    expect(more).toEqual([]);
    const leftPadManifest = JSON.stringify({ dependencies: { 'dev-helper': '1' } }).length;
    const tsManifest = JSON.stringify({ name: 'typescript' }).length;
    expect(finding).toMatchObject({ line: 4, bytes: 22_000_000 + leftPadManifest + tsManifest });
    expect(finding!.saves).toBeUndefined();
    expect(finding!.fix).toContain('`npm ci --omit=dev`');
  });

  test("a yarn project gets yarn's command", () => {
    const dockerfile = lines(
      'FROM node:20',
      'WORKDIR /app',
      'COPY . .',
      'RUN yarn install',
      'CMD ["node", "x.js"]',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        3: [
          manifest('app/package.json', { devDependencies: { jest: '1' } }),
          { file: 'app/yarn.lock', size: 10 },
        ],
        4: filesUnder('app/node_modules/jest/lib', 3, 1_000_000),
      },
    });
    const [finding] = singleStageToolchain.check(input);
    expect(finding!.fix).toContain('`yarn install --production --frozen-lockfile`');
    expect(finding!.fix).not.toContain('npm ci');
  });

  test('placed on the line that installed the files, not on a later chmod that rewrote them', () => {
    const dockerfile = lines(
      'FROM debian:12-slim',
      'RUN apt-get install -y gcc', // 2
      'RUN chmod -R a+rX /usr', // 3
      'COPY app /app',
      'CMD ["/app/run"]',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        2: [{ file: 'usr/lib/gcc/x86_64-linux-gnu/12/cc1', size: 30_000_000 }],
        3: [{ file: 'usr/lib/gcc/x86_64-linux-gnu/12/cc1', size: 30_000_000 }],
      },
    });
    expect(singleStageToolchain.check(input)).toEqual([
      expect.objectContaining({ line: 2, bytes: 30_000_000 }),
    ]);
  });

  test.each([
    ['no CMD or ENTRYPOINT (a build image)', ''],
    ['a compiler', 'CMD ["gcc", "--version"]'],
    ['a shell', 'CMD ["bash"]'],
    ['make through sh -c', 'ENTRYPOINT sh -c "make all"'],
  ])('quiet when the image is the toolchain: %s', (_, run) => {
    const dockerfile = lines('FROM debian:12-slim', 'RUN apt-get install -y gcc make', ...(run ? [run] : []));
    const input = syntheticInput(dockerfile, { layers: { 2: gccLayer } });
    expect(singleStageToolchain.check(input)).toEqual([]);
  });

  test('files a later layer deletes are not counted twice (hidden-bytes has them)', () => {
    const dockerfile = lines(
      'FROM debian:12-slim',
      'RUN apt-get install -y gcc',
      'RUN apt-get purge -y gcc',
      'CMD ["/app"]',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        2: [
          { file: 'usr/lib/gcc/x86_64-linux-gnu/12/cc1', size: 30_000_000 },
          { file: 'usr/bin/cpp-12', size: 1_000_000 },
        ],
        3: [{ whiteout: 'usr/lib/gcc' }],
      },
    });
    expect(singleStageToolchain.check(input)).toEqual([
      expect.objectContaining({ line: 2, bytes: 1_000_000 }),
    ]);
  });

  test('sources alone fire only on a toolchain base', () => {
    const dockerfile = (base: string) => lines(`FROM ${base}`, 'WORKDIR /src', 'COPY . .', 'CMD ["./run"]');
    const layers = { 3: Array.from({ length: 10 }, (_, i) => ({ file: `src/pkg/f${i}.go`, size: 200_000 })) };
    expect(singleStageToolchain.check(syntheticInput(dockerfile('debian:12-slim'), { layers }))).toEqual([]);
    expect(singleStageToolchain.check(syntheticInput(dockerfile('golang:1.22'), { layers }))).toEqual([
      expect.objectContaining({ line: 3, bytes: 2_000_000 }),
    ]);
  });

  test.each([
    ['COPY --from=build', 'COPY --from=build /usr/lib/gcc /usr/lib/gcc'],
    ['COPY --from=<image>', 'COPY --from=localhost:5000/tools:1 /x /x'],
    ['RUN --mount=from=', 'RUN --mount=type=bind,from=build,source=/out,target=/in cp -r /in /out'],
  ])('quiet when the final stage already copies from elsewhere (%s)', (_, copy) => {
    const dockerfile = lines(
      'FROM debian:12-slim AS build',
      'RUN true',
      'FROM debian:12-slim',
      'RUN apt-get install -y gcc',
      copy,
    );
    const input = syntheticInput(dockerfile, { layers: { 4: gccLayer } });
    expect(singleStageToolchain.check(input)).toEqual([]);
  });

  test('a toolchain in a build stage that is not exported is not judged', () => {
    const dockerfile = lines(
      'FROM debian:12-slim AS build',
      'RUN apt-get install -y gcc',
      'FROM debian:12-slim',
      'RUN true',
    );
    const input = syntheticInput(dockerfile, { layers: { 4: [{ file: 'etc/x', size: 1 }] } });
    expect(singleStageToolchain.check(input)).toEqual([]);
  });

  test('a stage built on the build stage still ships its toolchain', () => {
    const dockerfile = lines(
      'FROM debian:12-slim AS build',
      'RUN apt-get install -y gcc',
      'FROM build',
      'RUN true',
      'CMD ["/app"]',
    );
    const input = syntheticInput(dockerfile, { layers: { 2: gccLayer } });
    expect(singleStageToolchain.check(input)).toEqual([
      expect.objectContaining({ line: 2, bytes: 31_200_000 }),
    ]);
  });

  test('quiet on a runtime-only image and on type definitions a runtime package needs', () => {
    const dockerfile = lines(
      'FROM node:20-slim',
      'WORKDIR /app',
      'COPY . .',
      'RUN npm ci --omit=dev',
      'CMD ["node", "."]',
    );
    const input = syntheticInput(dockerfile, {
      layers: {
        3: [{ file: 'app/index.js', size: 50_000 }],
        4: [
          ...filesUnder('app/node_modules/mongodb/lib', 20, 100_000),
          ...filesUnder('app/node_modules/@types/whatwg-url', 2, 1_000_000),
        ],
      },
    });
    expect(singleStageToolchain.check(input)).toEqual([]);
  });
});
