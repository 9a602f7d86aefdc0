/**
 * Checks a step's stdout the way the Actions runner reads it: every line that starts (after
 * whitespace) with `::name` or `##[name` is a workflow command, unless it lies between
 * `::stop-commands::TOKEN` and `::TOKEN::`. Outside those regions only the commands shipshape
 * issues itself may appear; anything else came from text we printed and would be obeyed.
 * Returns the problems found (none: `[]`).
 */

/** The commands shipshape issues (src/io/core.ts); the runner compares names case-insensitively. */
export const OUR_COMMANDS = [
  'group',
  'endgroup',
  'warning',
  'error',
  'notice',
  'debug',
  'add-mask',
  'stop-commands',
];

export interface WorkflowCommandOptions {
  /** Text that must not appear in any command outside stop-commands regions (a forged message). */
  forbidden?: string[];
}

const COMMAND = /^\s*(?:::([^\s:]+)[ :]|##\[([^\s\]]+)[ \]])/;

/** A command line the runner would obey: its name (lower case) and the line. */
export interface ObeyedCommand {
  name: string;
  line: string;
  /** Written in the old `##[name ...]` form. */
  legacy: boolean;
}

/**
 * The workflow commands of `stdout` outside stop-commands regions, in order; `stop-commands`
 * itself included. `unresumed` is the token of a region never closed.
 */
export function obeyedCommands(stdout: string): { commands: ObeyedCommand[]; unresumed?: string } {
  const commands: ObeyedCommand[] = [];
  let stoppedBy: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const match = COMMAND.exec(line);
    if (!match) continue;
    if (stoppedBy !== undefined) {
      // Only the exact token resumes, as `::TOKEN::`.
      if (line.trim() === `::${stoppedBy}::`) stoppedBy = undefined;
      continue;
    }
    const name = (match[1] ?? match[2]!).toLowerCase();
    commands.push({ name, line, legacy: match[2] !== undefined });
    if (name === 'stop-commands') stoppedBy = /^\s*::stop-commands::(.+)$/i.exec(line)?.[1] ?? '';
  }
  return { commands, ...(stoppedBy !== undefined && { unresumed: stoppedBy }) };
}

export function checkWorkflowCommands(stdout: string, options: WorkflowCommandOptions = {}): string[] {
  const problems: string[] = [];
  const { commands, unresumed } = obeyedCommands(stdout);
  for (const { name, line, legacy } of commands) {
    const show = JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line);
    if (name === 'stop-commands') {
      if (!/^\s*::stop-commands::shipshape-[0-9a-f-]{36}$/.test(line)) {
        problems.push(`a stop-commands not ours: ${show}`);
      }
      continue;
    }
    if (!OUR_COMMANDS.includes(name)) problems.push(`a workflow command not ours: ${show}`);
    else if (legacy) problems.push(`a ##[ command (we write :: commands only): ${show}`);
    for (const text of options.forbidden ?? []) {
      if (line.includes(text)) problems.push(`${JSON.stringify(text)} in a workflow command: ${show}`);
    }
  }
  if (unresumed !== undefined) problems.push(`commands stopped by ${unresumed} and never resumed`);
  return problems;
}
