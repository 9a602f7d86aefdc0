/**
 * Fixes as edits of the Dockerfile's text: what a rule proposes, written so that a tool (and the
 * fix suite, which rebuilds every rule's fixture with its fix applied) can make it. Pure.
 */
import type { DockerfileModel, Instruction, LineEdit } from './model.js';

/** The text with the edits made (line numbers are the original's; edits must not overlap). */
export function applyEdits(text: string, edits: readonly LineEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const sorted = [...edits].sort((a, b) => b.line - a.line);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].endLine >= sorted[i - 1].line) throw new Error('overlapping edits');
  }
  for (const edit of sorted) {
    if (edit.line < 1 || edit.endLine < edit.line || edit.endLine > lines.length)
      throw new Error(`edit of lines ${edit.line}-${edit.endLine} outside the file`);
    const replacement = edit.text === '' ? [] : edit.text.split('\n');
    lines.splice(edit.line - 1, edit.endLine - edit.line + 1, ...replacement);
  }
  return lines.join(eol);
}

/** The instruction's lines as written. */
export function linesOf(model: DockerfileModel, instruction: Instruction): string[] {
  return model.lines.slice(instruction.startLine - 1, instruction.endLine);
}

/** Whether a RUN is in shell form without heredocs: a command can be appended to its last line. */
export function isPlainShellRun(model: DockerfileModel, instruction: Instruction): boolean {
  if (instruction.keyword !== 'RUN' || instruction.heredocs.length > 0) return false;
  const first = model.lines[instruction.startLine - 1] ?? '';
  if (/^\s*RUN\s+(?:--\S+\s+)*\[/i.test(first)) return false; // exec form
  const last = model.lines[instruction.endLine - 1] ?? '';
  // An escape at the end would join what is appended to a line that is not there.
  return !/[\\`]\s*$/.test(last);
}

/** Appends `&& command` to a plain shell RUN: the edit of its last line. */
export function appendToRun(model: DockerfileModel, instruction: Instruction, command: string): LineEdit {
  const last = model.lines[instruction.endLine - 1].replace(/\s+$/, '');
  return { line: instruction.endLine, endLine: instruction.endLine, text: `${last} && ${command}` };
}

/** Puts `command &&` before a plain shell RUN's command (after `RUN` and its flags). */
export function prependToRun(model: DockerfileModel, instruction: Instruction, command: string): LineEdit {
  const first = model.lines[instruction.startLine - 1];
  const match = /^(\s*RUN\s+(?:--\S+\s+)*)/i.exec(first);
  const head = match ? match[1] : 'RUN ';
  return {
    line: instruction.startLine,
    endLine: instruction.startLine,
    text: `${head}${command} && ${first.slice(head.length)}`,
  };
}

/** Replaces a regular expression's first match inside an instruction's lines: one edit. */
export function replaceInInstruction(
  model: DockerfileModel,
  instruction: Instruction,
  pattern: RegExp,
  replacement: string | ((match: string) => string),
): LineEdit | undefined {
  for (let line = instruction.startLine; line <= instruction.endLine; line++) {
    const text = model.lines[line - 1];
    if (pattern.test(text))
      return { line, endLine: line, text: text.replace(pattern, replacement as (match: string) => string) };
  }
  return undefined;
}
