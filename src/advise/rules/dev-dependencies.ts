/**
 * dev-dependencies: a runtime stage that copies a builder's whole node_modules (`COPY --from=build
 * /app/node_modules ...`, or the app dir with it) ships the dev dependencies the build needed.
 * Measured like single-stage-toolchain's (node-deps.ts: what npm's hidden lockfile or pnpm's
 * lock.yaml call dev-only, else what no production dependency reaches by the installed
 * manifests), counting only the bytes that COPY --from layers brought. The fix prunes in
 * the builder before the copy, in the project's package manager: an edit that adds one RUN at
 * the end of the stage copied from.
 */
import { formatBytes } from '../../render/format.js';
import { finalFilesystem } from '../filesystem.js';
import type { AdviceInput, Finding, Rule } from '../model.js';
import { nodeProjects, productionInstall, productionPrune, sourceText } from '../node-deps.js';
import { flagValue } from './stage-chain.js';

export const DEV_DEPENDENCIES = 'dev-dependencies';

export const devDependenciesRule: Rule = {
  id: DEV_DEPENDENCIES,
  title: 'Dev dependencies copied into the runtime stage',
  check(input: AdviceInput): Finding[] {
    const fs = finalFilesystem(input.layers);
    const findings: Finding[] = [];
    for (const project of nodeProjects(fs)) {
      for (const [at, bytes] of project.byLayer) {
        const layer = input.layers[at];
        const instruction = layer.instruction;
        if (layer.fromBase || !instruction || instruction.keyword !== 'COPY') continue;
        const from = flagValue(instruction, 'from');
        if (from === undefined || bytes <= 0) continue;
        const stage = input.dockerfile.stages.find(
          (s) => s.name === from.toLowerCase() || String(s.index) === from,
        );
        const prune = productionPrune(project.manager);
        const last = stage?.instructions.at(-1) ?? stage?.from;
        const top = project.devOnly
          .slice(0, 3)
          .map((p) => `${p.name} ${formatBytes(p.bytes)}`)
          .join(', ');
        findings.push({
          rule: DEV_DEPENDENCIES,
          file: input.dockerfile.file,
          line: instruction.startLine,
          endLine: instruction.endLine,
          bytes,
          saves: bytes,
          message:
            `This COPY brings the builder's node_modules with ${formatBytes(bytes)} of dev dependencies ` +
            `(${project.devOnly.length} package${project.devOnly.length === 1 ? '' : 's'} ${sourceText(project)}: ${top}${project.devOnly.length > 3 ? ', …' : ''})`,
          fix:
            (stage && last
              ? `End the \`${stage.name ?? stage.index}\` stage with \`RUN ${prune}\` (after the build) so the copy leaves them behind`
              : `Run \`${prune}\` in the stage copied from, after the build`) +
            `, or install in the runtime stage with \`${productionInstall(project.manager)}\``,
          ...(stage &&
            last && {
              edits: [
                {
                  line: last.endLine,
                  endLine: last.endLine,
                  text: `${input.dockerfile.lines[last.endLine - 1]}\nRUN ${prune}`,
                },
              ],
            }),
        });
      }
    }
    return findings;
  },
};
