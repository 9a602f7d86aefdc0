/**
 * Advice for a measured image: its Dockerfile parsed, each platform's scanned layers paired
 * with the lines that made them, the rules run over all of it. Pure: text and scans in,
 * advice out (the measuring already scanned every layer; nothing is read twice).
 */
import type { ScannedPlatform } from '../measure/measure.js';
import { advise, type Advice } from './advise.js';
import { attributeLayers } from './attribute.js';
import { parseDockerfile } from './dockerfile.js';
import type { Rule } from './model.js';
import type { RebuiltLayer } from '../report/size-report.js';

export interface AdviseImageOptions {
  /** The Dockerfile's text, and its path as annotations name it. */
  dockerfile: { text: string; file: string };
  /** `--target`: the stage the image is. */
  target?: string;
  /** `--build-arg`s, `KEY=VALUE` (a bare `KEY` takes its value from the environment: unknown here). */
  buildArgs: string[];
  rules: readonly Rule[];
  minBytes: number;
  /** Per platform, the layers the baseline comparison found rebuilt with the same files; absent: no baseline. */
  rebuilt?: ReadonlyMap<string, readonly RebuiltLayer[]>;
}

export function adviseImage(scanned: readonly ScannedPlatform[], options: AdviseImageOptions): Advice {
  const dockerfile = parseDockerfile(options.dockerfile.text, {
    file: options.dockerfile.file,
    target: options.target,
    buildArgs: buildArgValues(options.buildArgs),
  });
  const inputs = scanned.map((p) => ({
    dockerfile,
    platform: p.platform,
    layers: attributeLayers(dockerfile, p.layers),
    waste: p.waste,
    ...(options.rebuilt?.has(p.platform) && { rebuilt: options.rebuilt.get(p.platform) }),
  }));
  return advise(inputs, { rules: options.rules, minBytes: options.minBytes });
}

function buildArgValues(args: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) values[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  return values;
}
