/**
 * dockerignore: a `COPY .` (or `ADD .`) that brings in what an image never needs: a VCS directory
 * (`.git`), virtualenvs, `__pycache__`, test and tool caches, and a `node_modules` that a later
 * install in the same image replaces. The bytes are those paths' files in that layer, as the scan
 * saw them; their presence shows no `.dockerignore` keeps them out. The fix is a `.dockerignore`
 * (the edit writes one with the patterns found).
 */
import { EntryKind } from '../../image/layers.js';
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, Finding, Rule } from '../model.js';

export const DOCKERIGNORE = 'dockerignore';

/** Directories no image needs, by their name anywhere in the context. */
const NEVER_NEEDED =
  /(?:^|\/)(\.git|\.hg|\.svn|\.venv|venv|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox)\//;
const NODE_MODULES = /(?:^|\/)node_modules\//;
const INSTALLS =
  /\b(?:npm\s+(?:ci|install|i)\b|yarn(?:\s+install)?\s*(?:$|&|;|\s--)|pnpm\s+(?:install|i)\b)/m;

export const dockerignoreRule: Rule = {
  id: DOCKERIGNORE,
  title: 'Build context files an image never needs',
  check(input: AdviceInput): Finding[] {
    const findings: Finding[] = [];
    input.layers.forEach((layer, at) => {
      const instruction = layer.instruction;
      if (layer.fromBase || !instruction || (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD'))
        return;
      if (instruction.flags.some((f) => /^--from=/i.test(f))) return;
      const sources = instruction.arguments.slice(0, -1);
      if (!sources.some((s) => s === '.' || s === './')) return;
      const laterInstall = input.layers
        .slice(at + 1)
        .some(
          (l) =>
            !l.fromBase &&
            l.instruction?.keyword === 'RUN' &&
            INSTALLS.test(l.instruction.arguments.join('\n')),
        );
      const found = new Map<string, number>();
      const { count, paths, kinds, sizes } = layer.scan.entries;
      for (let k = 0; k < count; k++) {
        if (kinds[k] !== EntryKind.File) continue;
        const path = paths[k];
        let ignore = NEVER_NEEDED.exec(path)?.[1];
        if (ignore === undefined && laterInstall && NODE_MODULES.test(path)) ignore = 'node_modules';
        if (ignore !== undefined) found.set(ignore, (found.get(ignore) ?? 0) + sizes[k]);
      }
      const bytes = [...found.values()].reduce((sum, b) => sum + b, 0);
      if (bytes <= 0) return;
      const parts = [...found].sort(([, a], [, b]) => b - a).map(([name, b]) => `${name} ${formatBytes(b)}`);
      const patterns = [...found.keys()].map((name) => `**/${name}`);
      findings.push({
        rule: DOCKERIGNORE,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        saves: bytes,
        message: `This COPY brings ${formatBytes(bytes)} the image never needs (${parts.join(', ')})`,
        fix: `Add to the build context's \`.dockerignore\` ${patterns.map((p) => `\`${p}\``).join(', ')}`,
        contextFiles: { '.dockerignore': `${patterns.join('\n')}\n` },
      });
    });
    return findings;
  },
};
