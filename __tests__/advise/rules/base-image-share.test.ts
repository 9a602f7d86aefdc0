import { describe, expect, test } from '@jest/globals';
import { baseImageShare, slimmerVariants } from '../../../src/advise/rules/base-image-share.js';
import { parseImageName } from '../../../src/advise/rules/image-name.js';
import { filesUnder, syntheticInput } from '../../support/synthetic-advice.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('parseImageName', () => {
  test.each([
    ['python:3.12', { prefix: '', name: 'python', tag: '3.12' }],
    ['debian', { prefix: '', name: 'debian', tag: 'latest' }],
    ['docker.io/library/node:20@sha256:abcd', { prefix: 'docker.io/library/', name: 'node', tag: '20' }],
    ['localhost:5000/lab/Debian', { prefix: 'localhost:5000/lab/', name: 'debian', tag: 'latest' }],
    ['localhost:5000/lab/debian:12', { prefix: 'localhost:5000/lab/', name: 'debian', tag: '12' }],
  ])('%s', (reference, expected) => {
    expect(parseImageName(reference)).toEqual(expected);
  });
});

describe('slimmerVariants', () => {
  test.each([
    ['debian:12', ['debian:12-slim']],
    ['debian', ['debian:stable-slim']],
    ['mirror.local/library/debian:bookworm', ['mirror.local/library/debian:bookworm-slim']],
    ['ubuntu:22.04', ['debian:stable-slim', 'alpine']],
    ['python:3.12', ['python:3.12-slim', 'python:3.12-alpine']],
    ['python:3.12-bookworm', ['python:3.12-slim-bookworm', 'python:3.12-alpine']],
    ['node:20', ['node:20-slim', 'node:20-alpine']],
    ['node:20-bookworm', ['node:20-bookworm-slim', 'node:20-alpine']],
    ['node', ['node:slim', 'node:alpine']],
    ['ruby:3.3', ['ruby:3.3-slim', 'ruby:3.3-alpine']],
    ['buildpack-deps:bookworm', ['debian:bookworm-slim']],
    ['eclipse-temurin:21-jdk', ['eclipse-temurin:21-jre']],
    ['openjdk:17', ['eclipse-temurin:17-jre']],
    ['rockylinux:9', ['rockylinux:9-minimal']],
    ['php:8.3-apache', ['php:8.3-apache-alpine']],
  ])('%s -> %j', (reference, variants) => {
    expect(slimmerVariants(reference)).toEqual(variants);
  });

  test('golang and rust: a build stage and a distroless runtime', () => {
    expect(slimmerVariants('golang:1.22')).toEqual([
      'a `FROM golang:1.22 AS build` stage with a `gcr.io/distroless/static-debian12` runtime stage',
    ]);
    expect(slimmerVariants('rust:1.77')[0]).toContain('gcr.io/distroless/cc-debian12');
  });

  test.each([
    'debian:12-slim',
    'debian:bookworm-slim',
    'python:3.12-slim-bookworm',
    'python:3.12-alpine',
    'node:20-alpine3.19',
    'alpine:3.19',
    'busybox',
    'scratch',
    'gcr.io/distroless/static-debian12',
    'rockylinux:9-minimal',
    'eclipse-temurin:21-jre',
    'nginx:1.25',
    'my-company/base:1',
  ])('%s: nothing slimmer to suggest', (reference) => {
    expect(slimmerVariants(reference)).toEqual([]);
  });
});

describe('base-image-share', () => {
  const base = [
    filesUnder('usr/lib/x86_64-linux-gnu', 10, 8_000_000),
    filesUnder('usr/share', 10, 4_000_000),
  ]; // 120 MB

  test('the base is most of the image: its bytes at the FROM, with the variants', () => {
    const dockerfile = lines(
      '# a tool image',
      'FROM debian:12',
      'RUN apt-get install -y --no-install-recommends curl',
    );
    const input = syntheticInput(dockerfile, {
      base,
      layers: { 3: [{ file: 'usr/bin/curl', size: 30_000_000 }] },
    });
    expect(baseImageShare.check(input)).toEqual([
      {
        rule: 'base-image-share',
        file: 'Dockerfile',
        line: 2,
        endLine: 2,
        bytes: 120_000_000,
        message:
          'The base image `debian:12` is 120 MB of 150 MB (80%); a slimmer variant saves part of it (how much is not known without pulling it).',
        fix: 'Would `debian:12-slim` serve?',
      },
    ]);
  });

  test('the FROM of the exported chain root, ARGs expanded', () => {
    const dockerfile = lines(
      'ARG PY=3.12', // 1
      'FROM python:${PY} AS base', // 2
      'RUN true', // 3
      'FROM base', // 4
      'COPY app.py /app/', // 5
    );
    const input = syntheticInput(dockerfile, { base, layers: { 5: [{ file: 'app/app.py', size: 1_000 }] } });
    expect(baseImageShare.check(input)).toEqual([
      expect.objectContaining({
        line: 2,
        bytes: 120_000_000,
        fix: 'Would `python:3.12-slim` or `python:3.12-alpine` serve?',
      }),
    ]);
  });

  test('exactly half is a majority; less is not', () => {
    const dockerfile = lines('FROM node:20', 'COPY . /app');
    const at = (added: number) =>
      syntheticInput(dockerfile, { base, layers: { 2: [{ file: 'app/x', size: added }] } });
    expect(baseImageShare.check(at(120_000_000))).toHaveLength(1);
    expect(baseImageShare.check(at(120_000_001))).toEqual([]);
  });

  test('quiet on a small base, a slim base, or a base from another stage', () => {
    const small = [[{ file: 'bin/busybox', size: 9_999_999 }]];
    expect(
      baseImageShare.check(syntheticInput(lines('FROM debian:12', 'RUN true'), { base: small })),
    ).toEqual([]);
    expect(baseImageShare.check(syntheticInput(lines('FROM debian:12-slim', 'RUN true'), { base }))).toEqual(
      [],
    );
    const multi = lines(
      'FROM golang:1.22 AS build',
      'RUN go build',
      'FROM scratch',
      'COPY --from=build /app /app',
    );
    expect(
      baseImageShare.check(syntheticInput(multi, { layers: { 4: [{ file: 'app', size: 5_000_000 }] } })),
    ).toEqual([]);
  });
});
