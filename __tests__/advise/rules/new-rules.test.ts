/**
 * The rules measured from package-manager records (dev-dependencies, apt-recommends, jdk-runtime)
 * and dockerignore, on synthetic layers: each fires on its case with the bytes by construction,
 * carries its fix as an edit, and stays quiet on the near miss.
 */
import { describe, expect, test } from '@jest/globals';
import { applyEdits } from '../../../src/advise/edit.js';
import { aptRecommendsRule } from '../../../src/advise/rules/apt-recommends.js';
import { devDependenciesRule } from '../../../src/advise/rules/dev-dependencies.js';
import { dockerignoreRule } from '../../../src/advise/rules/dockerignore.js';
import { jdkRuntimeRule } from '../../../src/advise/rules/jdk-runtime.js';
import { advise } from '../../../src/advise/advise.js';
import { savedBy, savingsTotal } from '../../../src/report/savings.js';
import { filesUnder, manifest, type SyntheticEntry, syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const stanza = (name: string, depends = '') =>
  `Package: ${name}\nStatus: install ok installed\n${depends ? `Depends: ${depends}\n` : ''}`;
const status = (...stanzas: string[]): SyntheticEntry => {
  const text = stanzas.join('\n');
  return { file: 'var/lib/dpkg/status', size: text.length, text };
};
const listOf = (name: string, files: string[]): SyntheticEntry => {
  const text = files.map((f) => `/${f}`).join('\n');
  return { file: `var/lib/dpkg/info/${name}.list`, size: text.length, text };
};

describe('dev-dependencies', () => {
  const dockerfile = (copy: string) =>
    lines(
      'FROM node:20 AS build', // 1
      'WORKDIR /app', // 2
      'RUN npm ci && npm run build', // 3
      'FROM node:20-slim', // 4
      copy, // 5
      'CMD ["node", "/app/dist/index.js"]', // 6
    );
  const modules = [
    manifest('app/package.json', { dependencies: { express: '4' }, devDependencies: { typescript: '5' } }),
    ...filesUnder('app/node_modules/express', 2, 100_000),
    ...filesUnder('app/node_modules/typescript/lib', 4, 10_000_000),
  ];

  test("a runtime stage copying the builder's node_modules: the dev-only bytes, a prune in the builder", () => {
    const text = dockerfile('COPY --from=build /app /app');
    const [finding, ...more] = devDependenciesRule.check(syntheticInput(text, { layers: { 5: modules } }));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ line: 5, bytes: 40_000_000, saves: 40_000_000 });
    expect(finding.message).toContain('typescript');
    expect(applyEdits(text, finding.edits!)).toContain(
      'RUN npm ci && npm run build\nRUN npm prune --omit=dev\nFROM node:20-slim',
    );
  });

  test("pnpm: the figure from pnpm's lock.yaml, the prune in pnpm, the source named", () => {
    const text = dockerfile('COPY --from=build /app /app');
    const lock = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      express:',
      '        specifier: ^4.0.0',
      '        version: 4.19.2',
      '    devDependencies:',
      '      typescript:',
      '        specifier: ^5.0.0',
      '        version: 5.4.5',
      'packages:',
      '  express@4.19.2:',
      '    resolution: {integrity: sha512-x}',
      '  typescript@5.4.5:',
      '    resolution: {integrity: sha512-y}',
      'snapshots:',
      '  express@4.19.2: {}',
      '  typescript@5.4.5: {}',
    ].join('\n');
    const layer = [
      manifest('app/package.json', { dependencies: { express: '4' }, devDependencies: { typescript: '5' } }),
      { file: 'app/node_modules/.pnpm/lock.yaml', size: lock.length, text: lock },
      ...filesUnder('app/node_modules/.pnpm/express@4.19.2/node_modules/express', 2, 100_000),
      ...filesUnder('app/node_modules/.pnpm/typescript@5.4.5/node_modules/typescript/lib', 3, 10_000_000),
      { symlink: 'app/node_modules/typescript' },
    ];
    const [finding] = devDependenciesRule.check(syntheticInput(text, { layers: { 5: layer } }));
    expect(finding).toMatchObject({ line: 5, bytes: 30_000_000, saves: 30_000_000 });
    expect(finding.message).toContain(
      "1 package dev-only in pnpm's /app/node_modules/.pnpm/lock.yaml: typescript",
    );
    expect(applyEdits(text, finding.edits!)).toContain('RUN pnpm prune --prod\nFROM node:20-slim');
  });

  test('quiet when the runtime stage installs its own production dependencies', () => {
    const text = dockerfile('COPY . /app');
    expect(devDependenciesRule.check(syntheticInput(text, { layers: { 5: modules } }))).toEqual([]);
  });
});

describe('apt-recommends', () => {
  const dockerfile = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'CMD ["curl"]');
  const base = [status(stanza('libc6'))];
  const layer = [
    status(
      stanza('libc6'),
      stanza('curl', 'libc6, libcurl4'),
      stanza('libcurl4', 'libc6'),
      stanza('ca-certificates'),
    ),
    {
      file: 'var/lib/apt/extended_states',
      size: 60,
      text: 'Package: libcurl4\nAuto-Installed: 1\n\nPackage: ca-certificates\nAuto-Installed: 1\n',
    },
    listOf('curl', ['usr/bin/curl']),
    listOf('ca-certificates', ['usr/share/ca-certificates/a.crt', 'usr/share/ca-certificates/b.crt']),
    { file: 'usr/bin/curl', size: 300_000 },
    { file: 'usr/share/ca-certificates/a.crt', size: 1_000_000 },
    { file: 'usr/share/ca-certificates/b.crt', size: 500_000 },
  ] as SyntheticEntry[];

  test('the packages only recommended, by their file lists; the edit adds the flag', () => {
    const [finding, ...more] = aptRecommendsRule.check(
      syntheticInput(dockerfile, { base: [base], layers: { 2: layer } }),
    );
    expect(more).toEqual([]);
    const listBytes = (layer[3] as { size: number }).size;
    expect(finding).toMatchObject({ line: 2, bytes: 1_500_000 + listBytes, saves: 1_500_000 + listBytes });
    expect(finding.message).toContain('ca-certificates');
    expect(applyEdits(dockerfile, finding.edits!)).toContain(
      'apt-get install --no-install-recommends -y curl',
    );
  });

  test('quiet with --no-install-recommends', () => {
    const text = dockerfile.replace('install -y', 'install -y --no-install-recommends');
    expect(aptRecommendsRule.check(syntheticInput(text, { base: [base], layers: { 2: layer } }))).toEqual([]);
  });
});

describe('dockerignore', () => {
  test('.git, a virtualenv and __pycache__ brought by COPY . .: their bytes, and a .dockerignore', () => {
    const text = lines('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["python", "app.py"]');
    const input = syntheticInput(text, {
      layers: {
        3: [
          { file: 'app/app.py', size: 1_000 },
          ...filesUnder('app/.git/objects', 3, 1_000_000),
          ...filesUnder('app/venv/lib', 2, 2_000_000),
          ...filesUnder('app/pkg/__pycache__', 1, 500_000),
        ],
      },
    });
    const [finding] = dockerignoreRule.check(input);
    expect(finding).toMatchObject({ line: 3, bytes: 7_500_000, saves: 7_500_000 });
    expect(finding.contextFiles!['.dockerignore'].split('\n')).toEqual(
      expect.arrayContaining(['**/.git', '**/venv', '**/__pycache__']),
    );
  });

  test('quiet on a clean context, and on a node_modules no later install replaces', () => {
    const text = lines('FROM node:20', 'COPY . /app', 'CMD ["node", "/app"]');
    const input = syntheticInput(text, { layers: { 2: filesUnder('app/node_modules/x', 3, 1_000_000) } });
    expect(dockerignoreRule.check(input)).toEqual([]);
  });
});

describe('jdk-runtime', () => {
  const text = (cmd: string) =>
    lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y openjdk-17-jdk-headless',
      'COPY app.jar /app.jar',
      cmd,
    );
  const layer = [
    status(stanza('openjdk-17-jre-headless'), stanza('openjdk-17-jdk-headless', 'openjdk-17-jre-headless')),
    listOf('openjdk-17-jdk-headless', [
      'usr/lib/jvm/java-17/bin/javac',
      'usr/lib/jvm/java-17/jmods/java.base.jmod',
    ]),
    { file: 'usr/lib/jvm/java-17/bin/javac', size: 100_000 },
    { file: 'usr/lib/jvm/java-17/jmods/java.base.jmod', size: 20_000_000 },
    { file: 'usr/lib/jvm/java-17/lib/server/libjvm.so', size: 20_000_000 },
  ] as SyntheticEntry[];

  test("an apt JDK for an image that runs java: the JDK package's bytes, the JRE in the edit", () => {
    const dockerfile = text('CMD ["java", "-jar", "/app.jar"]');
    const [finding] = jdkRuntimeRule.check(syntheticInput(dockerfile, { layers: { 2: layer } }));
    expect(finding.bytes).toBe(20_100_000 + (layer[1] as { size: number }).size);
    expect(applyEdits(dockerfile, finding.edits!)).toContain('apt-get install -y openjdk-17-jre-headless');
  });

  test('quiet when the image runs something else (a JDK build image)', () => {
    expect(
      jdkRuntimeRule.check(syntheticInput(text('CMD ["mvn", "package"]'), { layers: { 2: layer } })),
    ).toEqual([]);
  });

  describe('a JDK base image: a question, with no Saves figure and nothing in the total', () => {
    const onBase = (cmd: string) =>
      lines(
        'FROM eclipse-temurin:21-jdk',
        'RUN apt-get update && apt-get install -y openjdk-17-jdk-headless',
        cmd,
      );
    const base = [
      [
        { file: 'opt/java/openjdk/bin/javac', size: 3_000_000 },
        { file: 'opt/java/openjdk/jmods/java.base.jmod', size: 30_000_000 },
        { file: 'opt/java/openjdk/lib/src.zip', size: 5_000_000 },
        { file: 'opt/java/openjdk/lib/server/libjvm.so', size: 20_000_000 },
        { file: 'opt/java/openjdk/bin/java', size: 1_000_000 },
      ],
    ];
    const check = (cmd: string, layers: Record<number, SyntheticEntry[]> = {}) =>
      syntheticInput(onBase(cmd), { base, layers });

    test("the FROM line, the base's JDK-only bytes in the text, no saves and no edit", () => {
      const findings = jdkRuntimeRule.check(check('CMD ["java", "-jar", "/app.jar"]'));
      expect(findings).toHaveLength(1);
      const [finding] = findings;
      expect([finding.line, finding.bytes]).toEqual([1, 38_000_000]);
      expect(finding.message).toContain('38.0 MB');
      expect(finding.saves).toBeUndefined();
      expect(finding.edits).toBeUndefined();
      expect(finding.fix).toMatch(/\?/);
      expect(savedBy(finding)).toBeUndefined();
    });

    test('beside an apt JDK that claims its bytes, the total is that claim alone', () => {
      const input = check('CMD ["java", "-jar", "/app.jar"]', { 2: layer });
      const advice = advise([input], { rules: [jdkRuntimeRule], minBytes: 0 });
      const apt = advice.findings.find((f) => f.line === 2)!;
      const question = advice.findings.find((f) => f.line === 1)!;
      expect(apt.saves).toBeGreaterThan(0);
      expect(question.bytes).toBe(38_000_000);
      expect(advice.total).toBe(apt.saves);
      expect(savingsTotal(advice.findings)).toBe(apt.saves);
    });

    test('quiet when the image runs something else', () => {
      expect(jdkRuntimeRule.check(check('CMD ["jshell"]'))).toEqual([]);
    });
  });
});

describe('apt-recommends: what the recommends add beside their files', () => {
  const dockerfile = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'CMD ["curl"]');
  const templates = (names: string[]) => {
    const text =
      names.map((n) => `Name: ${n}/question\nType: boolean\nDescription: ${'x'.repeat(98)}`).join('\n\n') +
      '\n\n';
    return { file: 'var/cache/debconf/templates.dat', size: 900_000, text };
  };
  const layer = (templateOwners: string[]) =>
    [
      status(stanza('libc6'), stanza('curl', 'libc6'), stanza('ca-certificates')),
      {
        file: 'var/lib/apt/extended_states',
        size: 40,
        text: 'Package: ca-certificates\nAuto-Installed: 1\n',
      },
      listOf('curl', ['usr/bin/curl']),
      listOf('ca-certificates', ['etc/ssl/certs', 'usr/share/ca-certificates/a.crt']),
      { file: 'usr/bin/curl', size: 300_000 },
      { file: 'usr/share/ca-certificates/a.crt', size: 1_000_000 },
      { file: 'etc/ssl/certs/ca-certificates.crt', size: 200_000 }, // generated by its postinst
      templates(templateOwners),
      { file: 'var/cache/debconf/config.dat', size: 20_000 },
    ] as SyntheticEntry[];
  const base = [[status(stanza('libc6'))]];
  const listBytes = (name: string) => `/${name}`.length;

  test('debconf rewritten for the recommends alone: its copies in the layer count, and the generated file', () => {
    const [finding] = aptRecommendsRule.check(
      syntheticInput(dockerfile, { base, layers: { 2: layer(['ca-certificates']) } }),
    );
    const list = listBytes('etc/ssl/certs\n/usr/share/ca-certificates/a.crt');
    expect(finding.saves).toBe(1_000_000 + list + 200_000 + 900_000 + 20_000);
    expect(finding.message).toContain('debconf templates, generated files and .debs');
  });

  test("debconf also ran for a package installed by hand: only the recommends' templates count", () => {
    const [finding] = aptRecommendsRule.check(
      syntheticInput(dockerfile, { base, layers: { 2: layer(['ca-certificates', 'curl']) } }),
    );
    const list = listBytes('etc/ssl/certs\n/usr/share/ca-certificates/a.crt');
    const template =
      Buffer.byteLength(`Name: ca-certificates/question\nType: boolean\nDescription: ${'x'.repeat(98)}`) + 2;
    expect(finding.saves).toBe(1_000_000 + list + 200_000 + template);
  });
});
