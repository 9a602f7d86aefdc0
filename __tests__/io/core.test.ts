import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreIo } from '../../src/io/core.js';
import type { Io } from '../../src/io/port.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-runner-'));
let fileCount = 0;

// A fresh empty file, as the runner creates for each step.
function tempFile(): string {
  const file = join(dir, `file-${++fileCount}`);
  writeFileSync(file, '');
  return file;
}

// @actions/core's summary keeps the first GITHUB_STEP_SUMMARY it sees (one per step): one file
// for every test here, emptied before each.
const summaryFile = tempFile();

let savedEnv: NodeJS.ProcessEnv;
let written: string[];
// A new adapter for each test: masks are the adapter's own.
let io: Io;

beforeEach(() => {
  savedEnv = { ...process.env };
  written = [];
  io = createCoreIo();
  writeFileSync(summaryFile, '');
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  for (const key of Object.keys(process.env)) {
    if (!(key in savedEnv)) delete process.env[key];
  }
  Object.assign(process.env, savedEnv);
});

describe('input', () => {
  test.each<[string, Record<string, string>, string]>([
    ['push', { INPUT_PUSH: 'true' }, 'true'],
    ['Push', { INPUT_PUSH: 'true' }, 'true'],
    // Hyphens are kept: the runner does not turn them into underscores.
    ['build-args', { 'INPUT_BUILD-ARGS': 'A=1' }, 'A=1'],
    ['build-args', { INPUT_BUILD_ARGS: 'A=1' }, ''],
    ['my input name', { INPUT_MY_INPUT_NAME: 'v' }, 'v'],
    ['tags', { INPUT_TAGS: '  \n latest\n  edge \n' }, 'latest\n  edge'],
    ['tags', { INPUT_TAGS: '   ' }, ''],
    ['tags', {}, ''],
  ])('%j from %j is %j', (name, env, value) => {
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
    Object.assign(process.env, env);
    expect(io.input(name)).toBe(value);
  });

  test('trim: false keeps the white space (a separator may be a space)', () => {
    process.env['INPUT_SEP-TAGS'] = ' ';
    expect(io.input('sep-tags', { trim: false })).toBe(' ');
    expect(io.input('sep-tags')).toBe('');
  });
});

// The file's content split into its `name<<delimiter` records, checking the format on the way.
function readRecords(file: string): [string, string][] {
  const text = readFileSync(file, 'utf8');
  const records: [string, string][] = [];
  const pattern = new RegExp(`^([^<\\n]+)<<(ghadelimiter_[0-9a-f-]{36})${EOL}([\\s\\S]*?)${EOL}\\2${EOL}`);
  let rest = text;
  while (rest !== '') {
    const m = pattern.exec(rest);
    if (!m) throw new Error(`not in the runner's format: ${JSON.stringify(rest)}`);
    records.push([m[1], m[3]]);
    rest = rest.slice(m[0].length);
  }
  return records;
}

describe.each([
  ['setOutput', (name: string, value: string) => io.setOutput(name, value), 'GITHUB_OUTPUT'],
  ['saveState', (name: string, value: string) => io.saveState(name, value), 'GITHUB_STATE'],
  ['exportVariable', (name: string, value: string) => io.exportVariable(name, value), 'GITHUB_ENV'],
] as const)('%s', (_name, write, variable) => {
  test(`appends name<<delimiter records to ${variable}`, () => {
    const file = tempFile();
    process.env[variable] = file;
    write('digest', 'sha256:abc');
    write('metadata', '{\n  "a": 1\n}\n');
    write('empty', '');
    expect(readRecords(file)).toEqual([
      ['digest', 'sha256:abc'],
      ['metadata', '{\n  "a": 1\n}\n'],
      ['empty', ''],
    ]);
    expect(written).toEqual([]);
  });

  test('the exact bytes of one record', () => {
    const file = tempFile();
    process.env[variable] = file;
    write('tags', 'a\nb');
    const text = readFileSync(file, 'utf8');
    const delimiter = /^tags<<(ghadelimiter_[0-9a-f-]{36})/.exec(text)?.[1] ?? 'missing';
    expect(text).toBe(`tags<<${delimiter}${EOL}a\nb${EOL}${delimiter}${EOL}`);
  });

  test('a new random delimiter for every record', () => {
    const file = tempFile();
    process.env[variable] = file;
    write('a', '1');
    write('b', '2');
    const delimiters = [...readFileSync(file, 'utf8').matchAll(/<<(ghadelimiter_\S+)/g)].map((m) => m[1]);
    expect(delimiters).toHaveLength(2);
    expect(delimiters[0]).not.toBe(delimiters[1]);
  });

  test(`a no-op without ${variable}`, () => {
    // Read at each call: a file named earlier is not written once the variable is gone.
    const file = tempFile();
    process.env[variable] = file;
    delete process.env[variable];
    expect(() => write('a', '1')).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(written).toEqual([]);
  });
});

describe('addMask', () => {
  test('a single-line secret: one command, escaped', () => {
    io.mask('p%ss');
    expect(written).toEqual([`::add-mask::p%25ss${EOL}`]);
  });

  test('a multi-line secret: the whole value, then each non-blank line', () => {
    io.mask('-----BEGIN KEY-----\r\nabc\n\n   \nxyz');
    expect(written).toEqual([
      `::add-mask::-----BEGIN KEY-----%0D%0Aabc%0A%0A   %0Axyz${EOL}`,
      `::add-mask::-----BEGIN KEY-----${EOL}`,
      `::add-mask::abc${EOL}`,
      `::add-mask::xyz${EOL}`,
    ]);
  });

  test('an empty secret issues nothing', () => {
    io.mask('');
    expect(written).toEqual([]);
  });
});

describe('masked values stay out of outputs, the summary and what is published', () => {
  test('setOutput writes every masked value as ***, the longest first', () => {
    const file = tempFile();
    process.env.GITHUB_OUTPUT = file;
    io.mask('out-s3cr3t');
    io.mask('out-s3cr3t-and-more');
    io.setOutput('size-report', '{"createdBy":"RUN use out-s3cr3t-and-more; use out-s3cr3t"}');
    expect(readRecords(file)).toEqual([['size-report', '{"createdBy":"RUN use ***; use ***"}']]);
  });

  test('each line of a multi-line secret, as the runner masks the log', () => {
    io.mask('-----BEGIN OUT KEY-----\nline-two-of-key');
    expect(io.redact('a line-two-of-key b')).toBe('a *** b');
    expect(io.redact('x -----BEGIN OUT KEY-----\nline-two-of-key y')).toBe('x *** y');
  });

  test('exported variables too', () => {
    const file = tempFile();
    process.env.GITHUB_ENV = file;
    io.mask('env-s3cr3t');
    io.exportVariable('DOCKER_METADATA_OUTPUT_JSON', '{"labels":{"x":"env-s3cr3t"}}');
    expect(readRecords(file)).toEqual([['DOCKER_METADATA_OUTPUT_JSON', '{"labels":{"x":"***"}}']]);
  });

  test('the summary too', async () => {
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    io.mask('summary-s3cr3t');
    await io.appendSummary('| RUN echo summary-s3cr3t |');
    expect(readFileSync(summaryFile, 'utf8')).toBe(`| RUN echo *** |${EOL}`);
  });

  test('log lines and annotations too; the add-mask command itself is left whole', () => {
    io.mask('log-s3cr3t');
    written.length = 0;
    io.info('registry said: bad token log-s3cr3t');
    io.fail('denied: log-s3cr3t');
    io.warning('w log-s3cr3t', { title: 'log-s3cr3t' });
    io.mask('log-s3cr3t-2');
    expect(written).toEqual([
      `registry said: bad token ***${EOL}`,
      `::error::denied: ***${EOL}`,
      `::warning title=***::w ***${EOL}`,
      `::add-mask::log-s3cr3t-2${EOL}`,
    ]);
    process.exitCode = undefined;
  });

  test('text without a masked value is left as it is', () => {
    expect(io.redact('sha256:0123 nothing secret')).toBe('sha256:0123 nothing secret');
  });
});

describe('annotations', () => {
  test.each(['warning', 'error'] as const)('%s without properties', (command) => {
    io[command]('plain message');
    expect(written).toEqual([`::${command}::plain message${EOL}`]);
  });

  test('the message escapes %, \\r and \\n, but not : or ,', () => {
    io.warning('100% of 2: a,b\r\nnext line\n');
    expect(written).toEqual([`::warning::100%25 of 2: a,b%0D%0Anext line%0A${EOL}`]);
  });

  test("properties: the runner's names, escaped values, in @actions/core's order", () => {
    io.error('too big', {
      endColumn: 20,
      title: 'Size: 12%, up\n',
      file: 'docker/Dockerfile',
      startLine: 3,
      endLine: 5,
      startColumn: 1,
    });
    expect(written).toEqual([
      `::error title=Size%3A 12%25%2C up%0A,file=docker/Dockerfile,line=3,endLine=5,col=1,endColumn=20::too big${EOL}`,
    ]);
  });

  test('undefined and empty properties are left out', () => {
    io.warning('n', { title: '', file: undefined, startLine: 7 });
    expect(written).toEqual([`::warning line=7::n${EOL}`]);
  });

  test('debug lines: the runner shows them with ACTIONS_STEP_DEBUG; masked values as ***', () => {
    io.mask('debug-s3cr3t');
    written.length = 0;
    io.debug('registry: GET https://r.example/v2/ -> 401 debug-s3cr3t\nnext');
    expect(written).toEqual([`::debug::registry: GET https://r.example/v2/ -> 401 ***%0Anext${EOL}`]);
  });
});

describe('groups and plain output', () => {
  test('group, text as is, endgroup', async () => {
    await io.group('Build: linux/amd64', async () => io.info('::not-a-command:: 100%'));
    expect(written).toEqual([
      `::group::Build: linux/amd64${EOL}`,
      `::not-a-command:: 100%${EOL}`,
      `::endgroup::${EOL}`,
    ]);
  });
});

describe('stopCommands', () => {
  test('stops with a random token and resumes with the same one', () => {
    const resume = io.stopCommands();
    const token = /^::stop-commands::(shipshape-[0-9a-f-]{36})\n$/.exec(written[0])?.[1];
    expect(token).toBeDefined();
    expect(written).toHaveLength(1);
    resume();
    expect(written).toEqual([`::stop-commands::${token}${EOL}`, `::${token}::${EOL}`]);
  });

  test('each call has its own token', () => {
    io.stopCommands();
    io.stopCommands();
    expect(written[0]).not.toBe(written[1]);
  });

  test('infoUntrusted wraps the text in a stop and a resume', () => {
    io.infoUntrusted('::error::injected\n::add-mask::x');
    expect(written).toHaveLength(3);
    const token = written[0].slice('::stop-commands::'.length, -EOL.length);
    expect(written).toEqual([
      `::stop-commands::${token}${EOL}`,
      `::error::injected\n::add-mask::x${EOL}`,
      `::${token}::${EOL}`,
    ]);
    expect(token).toMatch(/^shipshape-[0-9a-f-]{36}$/);
  });
});

describe('while commands are off, our own lines wait', () => {
  const tokenOf = (line: string) => /^::stop-commands::(.+)\n$/.exec(line)?.[1];

  test('debug, info, warnings, masks and untrusted text come after the resume, in order', () => {
    const resume = io.stopCommands();
    io.debug('registry: GET http://r/v2/ -> 200');
    io.mask('s3cret-token');
    io.info('read s3cret-token');
    io.warning('baseline unreadable');
    io.infoUntrusted('::error::from a branch name');
    // Nothing of ours inside the text whose commands are off: a mask there would print its secret.
    expect(written).toHaveLength(1);
    const token = tokenOf(written[0]);
    resume();
    const inner = tokenOf(written[6]);
    expect(inner).not.toBe(token);
    expect(written).toEqual([
      `::stop-commands::${token}${EOL}`,
      `::${token}::${EOL}`,
      `::debug::registry: GET http://r/v2/ -> 200${EOL}`,
      `::add-mask::s3cret-token${EOL}`,
      `read ***${EOL}`,
      `::warning::baseline unreadable${EOL}`,
      `::stop-commands::${inner}${EOL}`,
      `::error::from a branch name${EOL}`,
      `::${inner}::${EOL}`,
    ]);
  });

  test('a line printed after the resume is not held, and a mask redacts at once', () => {
    const resume = io.stopCommands();
    io.mask('pw-123');
    expect(io.redact('login pw-123')).toBe('login ***');
    resume();
    io.info('after');
    expect(written.at(-1)).toBe(`after${EOL}`);
  });

  test('a failure while held sets the exit code at once and prints its annotation on resume', () => {
    const saved = process.exitCode;
    try {
      process.exitCode = 0;
      const resume = io.stopCommands();
      io.fail('budget exceeded');
      expect(process.exitCode).toBe(1);
      expect(written).toHaveLength(1);
      resume();
      expect(written.at(-1)).toBe(`::error::budget exceeded${EOL}`);
    } finally {
      process.exitCode = saved;
    }
  });
});

describe('fail', () => {
  test('sets exit code 1 and writes an error annotation', () => {
    const saved = process.exitCode;
    try {
      process.exitCode = 0;
      io.fail('Input "tags": "x y" is bad\nsee docs');
      expect(process.exitCode).toBe(1);
      expect(written).toEqual([`::error::Input "tags": "x y" is bad%0Asee docs${EOL}`]);
    } finally {
      process.exitCode = saved;
    }
  });

  test('without a message: exit code 1, no annotation (the errors before said why)', () => {
    const saved = process.exitCode;
    try {
      process.exitCode = 0;
      io.fail(undefined);
      expect(process.exitCode).toBe(1);
      expect(written).toEqual([]);
    } finally {
      process.exitCode = saved;
    }
  });
});

describe('appendSummary', () => {
  test('appends to GITHUB_STEP_SUMMARY, adding a line end only when missing', async () => {
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    await io.appendSummary('## Size');
    await io.appendSummary('| a | b |\n');
    expect(readFileSync(summaryFile, 'utf8')).toBe(`## Size${EOL}| a | b |\n`);
  });

  test('a no-op outside the runner', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(io.appendSummary('hello')).resolves.toBeUndefined();
    expect(written).toEqual([]);
    expect(readFileSync(summaryFile, 'utf8')).toBe('');
  });
});
