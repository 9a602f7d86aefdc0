import { describe, expect, test } from '@jest/globals';
import { dockerfileBase } from '../../src/advise/base-image.js';

const base = (text: string, options: { target?: string; buildArgs?: string[] } = {}) =>
  dockerfileBase(text, { file: 'Dockerfile', buildArgs: options.buildArgs ?? [], target: options.target });

// History as BuildKit writes it; a base image whose layers have no history entry (the lab's busybox).
const run = (command: string) => ({ createdBy: `RUN /bin/sh -c ${command} # buildkit` });
const copy = (args: string) => ({ createdBy: `COPY ${args} # buildkit` });

describe('dockerfileBase', () => {
  test('the final stage followed through stage names to the image it starts from', () => {
    const text = [
      'ARG NODE=20',
      'FROM node:${NODE}-slim AS deps',
      'RUN npm ci',
      'FROM golang:1.22 AS tools',
      'FROM deps AS final',
      'COPY app /app',
      'RUN make',
    ].join('\n');
    const found = base(text);
    expect(found.name).toBe('node:20-slim');
    // 3 base layers, then npm ci, COPY and make (the chain's instructions).
    const layers = [{}, {}, {}, run('npm ci'), copy('app /app'), run('make')];
    expect(found.countLayers(layers)).toBe(3);
    // A target picks another chain.
    expect(base(text, { target: 'tools' }).name).toBe('golang:1.22');
    expect(base(text, { target: 'tools' }).countLayers([{}, {}])).toBe(2);
  });

  test('ARG defaults are expanded; a value a build arg sets stays ${NAME} (build-arg values never leave)', () => {
    const text = 'ARG REGISTRY=docker.io\nARG TAG=22\nFROM ${REGISTRY}/library/node:${TAG:-20}\nRUN true';
    expect(base(text).name).toBe('docker.io/library/node:22');
    expect(base(text, { buildArgs: ['TAG=secret-tag'] }).name).toBe('docker.io/library/node:${TAG}');
    // A bare KEY takes its value from the environment: not known, not shown.
    expect(base(text, { buildArgs: ['REGISTRY'] }).name).toBe('${REGISTRY}/library/node:22');
    // A build arg that no ARG before the first FROM declares changes nothing.
    expect(base(text, { buildArgs: ['OTHER=x'] }).name).toBe('docker.io/library/node:22');
  });

  test('an ARG without a value: the FROM word as written', () => {
    expect(base('ARG BASE\nFROM ${BASE}\nRUN true').name).toBe('${BASE}');
  });

  test('FROM scratch has no base layers', () => {
    const found = base('FROM scratch\nCOPY app /app');
    expect(found.name).toBe('scratch');
    expect(found.countLayers([copy('app /app')])).toBe(0);
  });

  test('the base layers are those below what the Dockerfile made, however the base wrote its history', () => {
    const found = base('FROM debian:bookworm-slim\nRUN apt-get update\nCOPY . /srv');
    const debian = { createdBy: '# debian.sh --arch amd64 out/ bookworm @1700000000' };
    expect(found.countLayers([debian, run('apt-get update'), copy('. /srv')])).toBe(1);
    // Without any history, by count: the two instructions made the top two.
    expect(found.countLayers([{}, {}, {}, {}])).toBe(2);
  });
});
