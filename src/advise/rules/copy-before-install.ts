/**
 * copy-before-install: a COPY of the whole build context (`COPY . .`, `ADD . /app`, `COPY * ./`)
 * before a RUN that installs dependencies from a manifest (`npm ci`, `pip install -r`,
 * `go mod download`...). Any source change then invalidates the install, so every build
 * reinstalls the dependencies. The cost is the bytes of those install layers: what copying the
 * manifests first would keep cached (not bytes the image would lose).
 *
 * Decisions: only the exported stage chain is judged (its layers are the ones measured); one
 * finding per broad COPY, spanning the COPY to the last install after it; an install that
 * made no bytes makes no finding.
 */
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, Finding, Instruction, Rule } from '../model.js';
import { chainInstructions, exportedChain, flagValue } from './stage-chain.js';

/** A dependency install that reads manifests, and the manifests to copy before it. */
interface Installer {
  /** Matched against the RUN's command text. */
  pattern: RegExp;
  /** `COPY <manifests> ./` */
  manifests: string;
}

// `\b` would match inside `npm-ci`; commands start a line or follow a shell operator or `sudo`.
// An `A=1 B=2` environment prefix may come first (`CI=true npm ci`).
const START = String.raw`(?:^|[;&|(\n]\s*|\bsudo\s+|\bexec\s+)(?:\w+=\S*\s+)*`;
const at = (command: string) => new RegExp(`${START}${command}`, 'm');

export const INSTALLERS: readonly Installer[] = [
  { pattern: at(String.raw`npm\s+ci\b`), manifests: 'package.json package-lock.json' },
  // `npm install` with no package names (flags only): installs what package.json lists.
  {
    pattern: at(String.raw`npm\s+(?:install|i)(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)])`),
    manifests: 'package.json package-lock.json',
  },
  // `yarn install` never takes package names; bare `yarn` (flags only) installs too.
  {
    pattern: at(String.raw`yarn(?:\s+install\b|(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)]))`),
    manifests: 'package.json yarn.lock',
  },
  { pattern: at(String.raw`pnpm\s+(?:install|i)\b(?!\s+[\w@])`), manifests: 'package.json pnpm-lock.yaml' },
  {
    pattern: at(String.raw`(?:python3?\s+-m\s+)?pip3?\s+install\b[^;&|\n]*\s(?:-r|--requirement)[\s=](\S+)`),
    manifests: 'requirements.txt',
  },
  { pattern: at(String.raw`poetry\s+install\b`), manifests: 'pyproject.toml poetry.lock' },
  { pattern: at(String.raw`pipenv\s+(?:install|sync)\b`), manifests: 'Pipfile Pipfile.lock' },
  { pattern: at(String.raw`uv\s+sync\b`), manifests: 'pyproject.toml uv.lock' },
  { pattern: at(String.raw`go\s+mod\s+download\b`), manifests: 'go.mod go.sum' },
  {
    pattern: at(String.raw`bundle(?:\s+install\b|(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|[;&|)]))`),
    manifests: 'Gemfile Gemfile.lock',
  },
  { pattern: at(String.raw`composer\s+install\b`), manifests: 'composer.json composer.lock' },
  { pattern: at(String.raw`cargo\s+fetch\b`), manifests: 'Cargo.toml Cargo.lock' },
  { pattern: at(String.raw`mvn\b[^;&|\n]*\sdependency:(?:go-offline|resolve)\b`), manifests: 'pom.xml' },
  { pattern: at(String.raw`dotnet\s+restore\b`), manifests: '*.csproj' },
];

/** Sources that name the whole context: `.`, `./`, `*`, `./*`. */
const WHOLE_CONTEXT = /^(?:\.\/?|\.?\/?\*)$/;

/** Whether a COPY/ADD copies the whole build context (not `--from` another stage or image). */
export function copiesWholeContext(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (flagValue(instruction, 'from') !== undefined) return false;
  const sources = instruction.arguments.slice(0, -1);
  return sources.some((source) => WHOLE_CONTEXT.test(source));
}

/** The installer a RUN runs, with the manifests it reads; undefined for any other command. */
export function installerOf(instruction: Instruction): { command: string; manifests: string } | undefined {
  if (instruction.keyword !== 'RUN') return undefined;
  const command = instruction.arguments.join(' ');
  for (const installer of INSTALLERS) {
    const match = installer.pattern.exec(command);
    if (!match) continue;
    // pip: the requirements file it names is the manifest.
    const manifests = installer.manifests === 'requirements.txt' && match[1] ? match[1] : installer.manifests;
    const text = match[0]
      .replace(/^[\s;&|(]*(?:sudo\s+|exec\s+)?(?:\w+=\S*\s+)*/, '')
      .replace(/[\s;&|)]+$/, '');
    return { command: text, manifests };
  }
  return undefined;
}

export const copyBeforeInstall: Rule = {
  id: 'copy-before-install',
  title: 'Dependencies installed after copying all sources',
  check(input: AdviceInput): Finding[] {
    const instructions = chainInstructions(exportedChain(input.dockerfile));
    const bytesOf = (instruction: Instruction) =>
      input.layers
        .filter((layer) => !layer.fromBase && layer.instruction?.startLine === instruction.startLine)
        .reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
    const findings: Finding[] = [];
    instructions.forEach((copy, at) => {
      if (!copiesWholeContext(copy)) return;
      // The installs after this COPY, up to the next whole-context COPY (which reports its own).
      const next = instructions.findIndex((other, k) => k > at && copiesWholeContext(other));
      const after = instructions.slice(at + 1, next < 0 ? undefined : next);
      const installs = after
        .map((run) => ({ run, installer: installerOf(run), bytes: bytesOf(run) }))
        .filter((install) => install.installer !== undefined && install.bytes > 0);
      if (installs.length === 0) return;
      const bytes = installs.reduce((sum, install) => sum + install.bytes, 0);
      const first = installs[0];
      const last = installs[installs.length - 1];
      const copyText = `${copy.keyword} ${copy.arguments.join(' ')}`;
      findings.push({
        rule: 'copy-before-install',
        file: input.dockerfile.file,
        line: copy.startLine,
        endLine: last.run.endLine,
        bytes,
        message:
          `\`${copyText}\` (line ${copy.startLine}) comes before \`${first.installer!.command}\` ` +
          `(line ${first.run.startLine}): every source change reinstalls ${formatBytes(bytes)} of dependencies.`,
        fix:
          `Copy the manifests first: \`COPY ${first.installer!.manifests} ./\`, then ` +
          `\`RUN ${first.installer!.command}\`, then \`${copyText}\`.`,
      });
    });
    return findings;
  },
};
