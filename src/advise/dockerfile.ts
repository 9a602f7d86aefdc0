/**
 * A Dockerfile as the advisor sees it: stages and instructions with the lines they span, the
 * base image each FROM names (global ARGs expanded), the stage that is exported, and the
 * `# shipshape-ignore` comments. dockerfile-ast does the lexing (escape directive, line
 * continuations, heredocs, flags); this turns its tree into plain data (model.ts).
 */
import { DockerfileParser, type Heredoc, type Instruction as AstInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Instruction, Stage } from './model.js';

export interface ParseOptions {
  /** The path annotations name (relative to the workspace). */
  file: string;
  /** The stage to export (`--target`); the last stage when absent. */
  target?: string;
  /** `--build-arg`s: they override the defaults of ARGs declared before the first FROM. */
  buildArgs?: Record<string, string>;
}

const IGNORE_COMMENT = /^shipshape-ignore\s+(.+)$/i;

export function parseDockerfile(text: string, options: ParseOptions): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = text.split(/\r?\n/);
  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = toInstruction(node, keyword, stages.length, lines);
      stages.push(fromStage(node, from, stages, globalArgs));
    } else if (stages.length === 0) {
      // Only ARG may come before the first FROM; its values are what FROM lines expand.
      if (keyword === 'ARG') declareGlobalArg(node, globalArgs, options.buildArgs ?? {});
    } else {
      stages.at(-1)!.instructions.push(toInstruction(node, keyword, stages.length - 1, lines));
    }
  }
  if (stages.length === 0) throw new Error(`${options.file} has no FROM instruction`);

  return {
    file: options.file,
    lines,
    globalArgs,
    stages,
    exported: exportedStage(stages, options.target, options.file),
    ignored: ast.getComments().flatMap((comment) => {
      const match = IGNORE_COMMENT.exec(comment.getContent().trim());
      if (!match) return [];
      const rules = match[1]!.split(/[\s,]+/).filter(Boolean);
      return [{ line: comment.getRange().start.line + 1, rules }];
    }),
  };
}

/**
 * Whether `# shipshape-ignore` silences `rule` on `line`: a comment covers its own line and the
 * lines of the instruction it stands in or above (the first one that ends after it).
 */
export function isIgnored(model: DockerfileModel, rule: string, line: number): boolean {
  const instructions = model.stages.flatMap((stage) => [stage.from, ...stage.instructions]);
  const wanted = rule.toLowerCase();
  return model.ignored.some((comment) => {
    if (!comment.rules.some((id) => id.toLowerCase() === wanted)) return false;
    if (comment.line === line) return true;
    const covered = instructions.find((instruction) => instruction.endLine >= comment.line);
    return covered !== undefined && covered.startLine <= line && line <= covered.endLine;
  });
}

function toInstruction(node: AstInstruction, keyword: string, stage: number, lines: string[]): Instruction {
  const range = node.getRange();
  const flags = 'getFlags' in node && typeof node.getFlags === 'function' ? flagsOf(node) : [];
  const heredocNodes = heredocsOf(node);
  const heredocs = heredocNodes.map((heredoc) => heredocBody(heredoc, lines));
  const content = node.getArgumentsContent() ?? '';
  return {
    keyword,
    args: [...flags, content].filter(Boolean).join(' '),
    flags,
    arguments: argumentsOf(node, keyword, content, heredocNodes, heredocs),
    heredocs,
    startLine: range.start.line + 1,
    endLine: range.end.line + 1,
    stage,
  };
}

function flagsOf(node: AstInstruction): string[] {
  return (node as unknown as { getFlags(): { toString(): string }[] })
    .getFlags()
    .map((flag) => flag.toString());
}

function heredocsOf(node: AstInstruction): Heredoc[] {
  const withHeredocs = node as unknown as { getHeredocs?: () => Heredoc[] };
  return typeof withHeredocs.getHeredocs === 'function' ? withHeredocs.getHeredocs() : [];
}

/** The body between the heredoc's first line and its delimiter, each line ending in `\n` as the shell sees it. */
function heredocBody(heredoc: Heredoc, lines: string[]): string {
  const content = heredoc.getContentRange();
  if (!content) return '';
  const end = heredoc.getDelimiterRange()?.start.line ?? content.end.line + 1;
  return lines
    .slice(content.start.line, end)
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * RUN: the command (its first line when it has heredocs), then each heredoc body. Exec form
 * (`["sh", "-c", "..."]`): the JSON strings. COPY/ADD and the rest: the words, heredoc bodies left out.
 */
function argumentsOf(
  node: AstInstruction,
  keyword: string,
  content: string,
  heredocNodes: Heredoc[],
  heredocs: string[],
): string[] {
  const json = jsonStrings(node, content);
  if (json) return json;
  const firstBodyLine = heredocNodes[0]?.getContentRange()?.start.line;
  if (keyword === 'RUN') {
    const command = firstBodyLine === undefined ? content : content.split('\n')[0]!;
    return [command.trim(), ...heredocs];
  }
  return node
    .getArguments()
    .filter((argument) => firstBodyLine === undefined || argument.getRange().start.line < firstBodyLine)
    .map((argument) => argument.getValue());
}

/** Exec form (`["a b", "/c/"]`): the strings, parsed as JSON (dockerfile-ast's values drop spaces). */
function jsonStrings(node: AstInstruction, content: string): string[] | undefined {
  const json = node as unknown as { getJSONStrings?: () => unknown[] };
  if (typeof json.getJSONStrings !== 'function' || json.getJSONStrings().length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(content);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // Not valid JSON: BuildKit then reads the line in shell form, and so do we.
  }
  return undefined;
}

function declareGlobalArg(
  node: AstInstruction,
  globalArgs: Record<string, string | undefined>,
  buildArgs: Record<string, string>,
): void {
  // `ARG NAME`, `ARG NAME=default`, `ARG A=1 B=2` (several in one line).
  for (const word of node.getArguments().map((argument) => argument.getValue())) {
    const equals = word.indexOf('=');
    const name = equals === -1 ? word : word.slice(0, equals);
    const fallback = equals === -1 ? undefined : unquote(expand(word.slice(equals + 1), globalArgs));
    globalArgs[name] = Object.hasOwn(buildArgs, name) ? buildArgs[name] : fallback;
  }
}

function fromStage(
  node: AstInstruction,
  from: Instruction,
  earlier: Stage[],
  globalArgs: Record<string, string | undefined>,
): Stage {
  // `FROM [--platform=...] image [AS name]`: the words after the flags.
  const words = node.getArguments().map((argument) => argument.getValue());
  const baseImage = expand(words[0] ?? '', globalArgs);
  const name = words.length >= 3 && words[1]!.toLowerCase() === 'as' ? words[2]!.toLowerCase() : undefined;
  const parent = earlier.findLast(
    (stage) => stage.name !== undefined && stage.name === baseImage.toLowerCase(),
  );
  return {
    index: earlier.length,
    ...(name !== undefined && { name }),
    from,
    baseImage,
    ...(parent !== undefined && { parentStage: parent.index }),
    instructions: [],
  };
}

function exportedStage(stages: Stage[], target: string | undefined, file: string): number {
  if (target === undefined || target === '') return stages.length - 1;
  const wanted = target.toLowerCase();
  const stage = stages.find((candidate) => candidate.name === wanted);
  if (!stage) {
    const names = stages.map((s) => s.name).filter(Boolean);
    throw new Error(
      `target stage ${JSON.stringify(target)} is not in ${file}` +
        (names.length ? `; its stages are ${names.join(', ')}` : '; its stages have no names'),
    );
  }
  return stage.index;
}

/**
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}` with the
 * given values (unset: empty), as BuildKit expands FROM lines. `\$` stays a literal `$`.
 */
export function expand(text: string, values: Record<string, string | undefined>): string {
  const pattern = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  return text.replace(pattern, (whole, braced?: string, operator?: string, word?: string, bare?: string) => {
    if (whole === '\\$') return '$';
    const name = (braced ?? bare)!;
    const value = values[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (operator) {
      case ':-':
        return nonEmpty ? value : expand(word!, values);
      case '-':
        return set ? value : expand(word!, values);
      case ':+':
        return nonEmpty ? expand(word!, values) : '';
      case '+':
        return set ? expand(word!, values) : '';
      default:
        return value ?? '';
    }
  });
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2]!) : value;
}
