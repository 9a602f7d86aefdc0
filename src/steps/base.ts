/**
 * What the Dockerfile says of the base image, for the report's base rows (compare/base-image.ts):
 * the Dockerfile found as the advisor finds it, its FROM chain read. Like advice, a bonus: a
 * Dockerfile that cannot be read or parsed leaves the base to the image's annotation, or unknown.
 */
import type { Io } from '../io/port.js';
import { readDockerfileSource, type DockerfileLocation } from '../advise/dockerfile-source.js';
import { dockerfileBase } from '../advise/base-image.js';
import type { BaseHint } from '../compare/base-image.js';
import { sanitize } from '../render/escape.js';

export interface BaseHintInput {
  location: DockerfileLocation | { unknown: string };
  target?: string;
  buildArgs: readonly string[];
}

export async function readBaseHint(io: Io, input: BaseHintInput): Promise<BaseHint | undefined> {
  if ('unknown' in input.location) return undefined;
  try {
    const source = await readDockerfileSource(input.location);
    if (!source.found) return undefined;
    return dockerfileBase(source.text, {
      file: source.file,
      target: input.target,
      buildArgs: input.buildArgs,
    });
  } catch (error) {
    io.debug(sanitize(`Base image: the Dockerfile does not say (${(error as Error).message})`));
    return undefined;
  }
}
