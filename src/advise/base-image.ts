/**
 * The base image as the Dockerfile says it: the FROM of the exported stage's chain (its
 * `FROM <stage>` parents followed down to a stage built on an image), ARGs expanded, and how
 * many of an image's bottom layers came with it (attribute.ts tells them from the layers the
 * Dockerfile made). Pure: the Dockerfile's text in, a name and a counter out.
 */
import { baseLayerCount, stageChain } from './attribute.js';
import { expand, parseDockerfile } from './dockerfile.js';
import type { DockerfileModel } from './model.js';

export interface DockerfileBase {
  /**
   * `debian:bookworm-slim`, `scratch`. An ARG that a build arg sets stays `${NAME}`: build-arg
   * values never leave the run (report/redact.ts).
   */
  name: string;
  /** How many of these layers (bottom first) are the base image's: 0 for scratch. */
  countLayers(layers: readonly { createdBy?: string }[]): number;
}

export interface DockerfileBaseOptions {
  file: string;
  /** `--target`: the stage the image is; the last when absent. */
  target?: string;
  /** `--build-arg`s, `KEY=VALUE` or a bare `KEY` (its value taken from the environment). */
  buildArgs: readonly string[];
}

/** The base of the image `text` builds; throws what parseDockerfile throws (no FROM, unknown target). */
export function dockerfileBase(text: string, options: DockerfileBaseOptions): DockerfileBase {
  const values: Record<string, string> = {};
  const names = new Set<string>();
  for (const arg of options.buildArgs) {
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.trim() : arg.slice(0, eq);
    if (name === '') continue;
    names.add(name);
    if (eq > 0) values[name] = arg.slice(eq + 1);
  }
  const model = parseDockerfile(text, { file: options.file, target: options.target, buildArgs: values });
  return { name: baseName(model, names), countLayers: (layers) => baseLayerCount(model, layers) };
}

/**
 * The root stage's image: its FROM word expanded with the global ARGs, except those a build arg
 * sets (shown as `${NAME}`). The word as written when it expands to nothing.
 */
export function baseName(model: DockerfileModel, buildArgNames: ReadonlySet<string>): string {
  const root = stageChain(model)[0]!;
  const word = root.from.arguments[0] ?? root.baseImage;
  const shown: Record<string, string | undefined> = { ...model.globalArgs };
  for (const name of buildArgNames) if (Object.hasOwn(shown, name)) shown[name] = `\${${name}}`;
  const name = expand(word, shown).trim();
  return name === '' ? word.trim() : name;
}
