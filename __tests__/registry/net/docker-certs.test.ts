import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  certsDirOf,
  DockerCertsError,
  planCertFiles,
  readHostCerts,
} from '../../../src/registry/net/docker-certs.js';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('planCertFiles: docker’s rules for a certs.d directory', () => {
  test.each<[string[], { ca: string[]; pairs: { cert: string; key: string }[]; problems: number }]>([
    [[], { ca: [], pairs: [], problems: 0 }],
    [['ca.crt'], { ca: ['ca.crt'], pairs: [], problems: 0 }],
    // every *.crt is a CA, in name order
    [['z.crt', 'ca.crt', 'README', 'ca.pem'], { ca: ['ca.crt', 'z.crt'], pairs: [], problems: 0 }],
    [
      ['client.key', 'ca.crt', 'client.cert'],
      { ca: ['ca.crt'], pairs: [{ cert: 'client.cert', key: 'client.key' }], problems: 0 },
    ],
    [
      ['b.cert', 'b.key', 'a.cert', 'a.key'],
      {
        ca: [],
        pairs: [
          { cert: 'a.cert', key: 'a.key' },
          { cert: 'b.cert', key: 'b.key' },
        ],
        problems: 0,
      },
    ],
    // half a pair is an error either way
    [['client.cert'], { ca: [], pairs: [], problems: 1 }],
    [['client.key', 'ca.crt'], { ca: ['ca.crt'], pairs: [], problems: 1 }],
    // a .crt is no client certificate: its key has no partner
    [['client.crt', 'client.key'], { ca: ['client.crt'], pairs: [], problems: 1 }],
  ])('%j', (names, expected) => {
    const plan = planCertFiles(names);
    expect({ ca: plan.ca, pairs: plan.pairs, problems: plan.problems.length }).toEqual(expected);
  });

  test('the problems say which file is missing, as docker does', () => {
    expect(planCertFiles(['client.cert']).problems).toEqual([
      'missing key client.key for client certificate client.cert (a CA certificate must end in .crt)',
    ]);
    expect(planCertFiles(['mine.key']).problems).toEqual([
      'missing client certificate mine.cert for key mine.key',
    ]);
  });
});

describe('certsDirOf', () => {
  test('the host as given, port included', () => {
    expect(certsDirOf('registry.example:5443')).toBe('/etc/docker/certs.d/registry.example:5443');
    expect(certsDirOf('ghcr.io', '/tmp/certs.d')).toBe('/tmp/certs.d/ghcr.io');
  });

  test.each(['', '.', '..', '../etc', 'a/b', 'a\\b'])('%j is refused: it could leave the root', (host) => {
    expect(thrown(() => certsDirOf(host))).toBeInstanceOf(DockerCertsError);
  });
});

describe('readHostCerts', () => {
  let root: string;
  const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const write = (host: string, files: Record<string, string>) => {
    mkdirSync(join(root, host), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, host, name), text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-certs-d-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('no directory for the host: nothing added, the directory still named', () => {
    expect(readHostCerts('absent.example:5000', root)).toEqual({
      dir: join(root, 'absent.example:5000'),
      ca: [],
      clients: [],
    });
  });

  test('CAs and every client pair by name, read from the host:port directory only', () => {
    write('reg.example:5443', {
      'ca.crt': CA,
      'extra.crt': CA.replace('MIIB', 'MIIC'),
      'client.cert': 'CLIENT CERT',
      'client.key': 'CLIENT KEY',
      'another.cert': 'ANOTHER CERT',
      'another.key': 'ANOTHER KEY',
      'notes.txt': 'ignored',
    });
    write('reg.example', { 'other.crt': CA.replace('MIIB', 'OTHER') });
    const certs = readHostCerts('reg.example:5443', root);
    expect(certs.ca).toEqual([CA, CA.replace('MIIB', 'MIIC')]);
    expect(certs.clients).toEqual([
      { cert: 'ANOTHER CERT', key: 'ANOTHER KEY', name: 'another.cert' },
      { cert: 'CLIENT CERT', key: 'CLIENT KEY', name: 'client.cert' },
    ]);
  });

  test('half a client pair: an error naming the directory and the missing file, no file content', () => {
    write('half.example', { 'client.cert': 'SECRET-LOOKING CONTENT' });
    const error = thrown(() => readHostCerts('half.example', root));
    expect(error).toBeInstanceOf(DockerCertsError);
    expect(error.message).toBe(
      `${join(root, 'half.example')}: missing key client.key for client certificate client.cert (a CA certificate must end in .crt)`,
    );
    expect(error.message).not.toContain('SECRET');
  });

  test('a .crt with no PEM certificate in it: an error naming the file, not quoting it', () => {
    write('der.example', { 'ca.crt': 'not a pem file: key=hunter2' });
    const error = thrown(() => readHostCerts('der.example', root));
    expect(error.message).toBe(`${join(root, 'der.example', 'ca.crt')} holds no PEM certificate`);
  });

  test('a file where the directory should be counts as no directory', () => {
    writeFileSync(join(root, 'file.example'), 'x');
    expect(readHostCerts('file.example', root).ca).toEqual([]);
  });
});
