/**
 * base-image-share: the base image is most of the image, and a slimmer variant of it exists
 * (`debian:12` -> `debian:12-slim`, `python:3.12` -> `python:3.12-slim`, `golang` -> a build
 * stage and a distroless runtime).
 *
 * Decisions:
 * - "Dominates" is a majority: the base's uncompressed bytes are at least half of the image's,
 *   and at least 10 MB (below that there is little to win whatever the share).
 * - `bytes` is the base layers' uncompressed bytes: what the slimmer variant saves is not known
 *   without pulling it, so the finding states the base's cost and the message says so.
 * - Only full variants that have a known slimmer one are reported: an image already on
 *   `-slim`, `alpine`, `distroless`, `busybox` or `scratch` has nothing to act on.
 */
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, Finding, Rule } from '../model.js';
import { type ImageName, parseImageName } from './image-name.js';
import { exportedChain } from './stage-chain.js';

export const MIN_SHARE = 0.5;
export const MIN_BASE_BYTES = 10_000_000;

const DEBIAN_CODENAMES = /^(?:trixie|bookworm|bullseye|buster|stretch)$/;
/** Tags that already name a slim flavour. */
const ALREADY_SLIM = /(?:^|-)(?:slim|alpine|minimal|micro|distroless|busybox)(?:\d[\d.]*)?(?:-|$)/;

/** `3.12-bookworm` -> { version: '3.12', codename: 'bookworm' }; `3.12` -> { version: '3.12' }. */
function splitCodename(tag: string): { version: string; codename?: string } {
  const dash = tag.lastIndexOf('-');
  const last = tag.slice(dash + 1);
  if (DEBIAN_CODENAMES.test(last)) return { version: dash < 0 ? '' : tag.slice(0, dash), codename: last };
  return { version: tag };
}

const joinTag = (...parts: (string | undefined)[]) => parts.filter((part) => part).join('-');

/** python/ruby put slim before the codename (`3.12-slim-bookworm`), node after (`20-bookworm-slim`). */
function languageVariants(image: ImageName, slimBeforeCodename: boolean): string[] {
  const { version, codename } = splitCodename(image.tag === 'latest' ? '' : image.tag);
  const slim = slimBeforeCodename ? joinTag(version, 'slim', codename) : joinTag(version, codename, 'slim');
  const alpine = joinTag(version, 'alpine');
  return [`${image.prefix}${image.name}:${slim}`, `${image.prefix}${image.name}:${alpine}`];
}

const BUILD_STAGE = (image: ImageName, runtime: string) =>
  `a \`FROM ${image.prefix}${image.name}:${image.tag} AS build\` stage with a \`${runtime}\` runtime stage`;

/** The slimmer variants to consider for a base image, as the user would write them; [] when none. */
export function slimmerVariants(reference: string): string[] {
  const image = parseImageName(reference);
  const tag = image.tag.toLowerCase();
  if (ALREADY_SLIM.test(tag)) return [];
  const { prefix, name } = image;
  switch (name) {
    case 'debian': {
      const base = tag === 'latest' ? 'stable' : tag;
      return [`${prefix}debian:${base}-slim`];
    }
    case 'buildpack-deps': {
      const { version, codename } = splitCodename(tag);
      const release = codename ?? (DEBIAN_CODENAMES.test(version) ? version : 'stable');
      return [`${prefix}debian:${release}-slim`];
    }
    case 'ubuntu':
      return [`${prefix}debian:stable-slim`, `${prefix}alpine`];
    case 'python':
    case 'ruby':
      return languageVariants(image, true);
    case 'node':
      return languageVariants(image, false);
    case 'php':
      return [`${prefix}php:${tag === 'latest' ? 'alpine' : `${tag}-alpine`}`];
    case 'golang':
    case 'rust':
      return [
        BUILD_STAGE(
          image,
          name === 'rust' ? 'gcr.io/distroless/cc-debian12' : 'gcr.io/distroless/static-debian12',
        ),
      ];
    case 'openjdk':
    case 'eclipse-temurin':
    case 'amazoncorretto':
      if (/jdk/.test(tag)) return [`${prefix}${name}:${tag.replace('jdk', 'jre')}`];
      return name === 'openjdk'
        ? [`${prefix}eclipse-temurin:${tag === 'latest' ? '' : `${tag.split('-')[0]}-`}jre`]
        : [];
    case 'maven':
    case 'gradle':
      return [BUILD_STAGE(image, 'eclipse-temurin:21-jre')];
    case 'rockylinux':
    case 'almalinux':
      return [`${prefix}${name}:${tag === 'latest' ? '9' : tag}-minimal`];
    case 'fedora':
      return [`${prefix}fedora-minimal:${tag}`];
    case 'ubi8':
    case 'ubi9':
      return [`${prefix}${name}-minimal:${tag}`];
    default:
      return [];
  }
}

export const baseImageShare: Rule = {
  id: 'base-image-share',
  title: 'Base image is most of the image',
  check(input: AdviceInput): Finding[] {
    const chain = exportedChain(input.dockerfile);
    if (chain.length === 0) return [];
    const root = chain[0];
    const variants = slimmerVariants(root.baseImage);
    if (variants.length === 0) return [];
    const total = input.layers.reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
    const base = input.layers
      .filter((layer) => layer.fromBase)
      .reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
    if (base < MIN_BASE_BYTES || base < total * MIN_SHARE) return [];
    const percent = Math.round((base / total) * 100);
    return [
      {
        rule: 'base-image-share',
        file: input.dockerfile.file,
        line: root.from.startLine,
        endLine: root.from.endLine,
        bytes: base,
        message:
          `The base image \`${root.baseImage}\` is ${formatBytes(base)} of ${formatBytes(total)} (${percent}%); ` +
          `a slimmer variant saves part of it (how much is not known without pulling it).`,
        fix: `Would ${variants.map((variant) => (variant.startsWith('a `') ? variant : `\`${variant}\``)).join(' or ')} serve?`,
      },
    ];
  },
};
