import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { builtBy, describeBuiltBy, parseBuildRef, parseInstanceRecord } from '../../src/buildx/built-by.js';

// As `docker buildx create --name probe --driver docker-container --platform linux/amd64,linux/arm64`
// wrote it on the lab.
const PROBE =
  '{"Name":"probe","Driver":"docker-container","Nodes":[{"Name":"probe0","Endpoint":"unix:///var/run/docker.sock",' +
  '"Platforms":[{"architecture":"amd64","os":"linux"},{"architecture":"arm64","os":"linux"}],"DriverOpts":null,' +
  '"Flags":["--allow-insecure-entitlement=network.host"],"Files":null}],"Dynamic":false}';

describe('parseBuildRef', () => {
  test.each([
    ['default/default/ks3ibbu58t2cdsqlhnhl49419', { builder: 'default', node: 'default' }],
    ['probe/probe0/abc', { builder: 'probe', node: 'probe0' }],
    ['only/two', undefined],
    ['a//c', undefined],
    [42, undefined],
    [undefined, undefined],
  ])('%j', (ref, expected) => {
    expect(parseBuildRef(ref)).toEqual(expected);
  });
});

test('a record gives the driver and the node’s creation platforms', () => {
  expect(parseInstanceRecord(PROBE, 'probe0')).toEqual({
    driver: 'docker-container',
    platforms: ['linux/amd64', 'linux/arm64'],
  });
});

describe('builtBy', () => {
  const config = mkdtempSync(join(tmpdir(), 'docker-config-'));
  mkdirSync(join(config, 'buildx', 'instances'), { recursive: true });
  writeFileSync(join(config, 'buildx', 'instances', 'probe'), PROBE);
  const env = { DOCKER_CONFIG: config };

  test('a buildx builder: its record', async () => {
    const by = await builtBy({ 'buildx.build.ref': 'probe/probe0/x' }, env);
    expect(by && describeBuiltBy(by)).toBe(
      'Built by builder probe (driver docker-container, node probe0); created for linux/amd64, linux/arm64',
    );
  });

  test('a docker context (no record): the docker driver', async () => {
    const by = await builtBy({ 'buildx.build.ref': 'default/default/x' }, env);
    expect(by && describeBuiltBy(by)).toBe('Built by builder default (driver docker)');
  });

  test('a name that is not a record name is not read as a path', async () => {
    expect(await builtBy({ 'buildx.build.ref': '../x/y' }, env)).toBeUndefined();
  });

  test('no ref in the metadata: nothing to say', async () => {
    expect(await builtBy({}, env)).toBeUndefined();
  });
});
