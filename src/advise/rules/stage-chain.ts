/**
 * Reading the stages whose layers end up in the exported image (attribute.ts stageChain: the
 * exported stage and the stages it is built `FROM`, root first): what the rules of this folder
 * judge as "the final image" rather than the whole file.
 */
import type { Instruction, Stage } from '../model.js';
export { stageChain as exportedChain } from '../attribute.js';

/** The chain's instructions after its FROMs, in file order. */
export function chainInstructions(chain: readonly Stage[]): Instruction[] {
  return chain.flatMap((stage) => stage.instructions);
}

/** The value of a `--name=value` flag, as written (`--from=build` -> `build`). */
export function flagValue(instruction: Instruction, name: string): string | undefined {
  const prefix = `--${name}=`;
  const flag = instruction.flags.find((f) => f.toLowerCase().startsWith(prefix));
  return flag?.slice(prefix.length);
}

/**
 * Whether the chain already copies from elsewhere (`COPY --from=build`, `COPY --from=image`,
 * `RUN --mount=from=...`): the author separates build from runtime, a multi-stage build.
 */
export function copiesFromElsewhere(chain: readonly Stage[]): boolean {
  return chainInstructions(chain).some(
    (instruction) =>
      ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
        flagValue(instruction, 'from') !== undefined) ||
      (instruction.keyword === 'RUN' &&
        instruction.flags.some((flag) => /^--mount=(?:.*,)?from=/i.test(flag))),
  );
}

/** The cache mount targets of a RUN (`--mount=type=cache,target=/root/.cache/pip`). */
export function cacheMountTargets(instruction: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of instruction.flags) {
    const match = /^--mount=(.*)$/i.exec(flag);
    if (!match) continue;
    const options = match[1].split(',').map((option) => option.split('='));
    const type = options.find(([key]) => key === 'type')?.[1];
    const target = options.find(([key]) => key === 'target' || key === 'dst' || key === 'destination')?.[1];
    if (type === 'cache' && target) targets.push(target.replace(/\/+$/, ''));
  }
  return targets;
}
