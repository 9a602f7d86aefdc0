/**
 * The one adapter over @actions/core: the Io port as the runner speaks it. What core lacks is
 * added here on top of it: every masked value written as `***` in what we print, in outputs
 * and in the summary (the runner masks only its log); multi-line secrets masked line by line, as
 * the runner matches them; stop-commands around text we do not control, and our own lines held
 * while it shows (work that runs beside the build would print into buildx's output).
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { Masks } from './masks.js';
import type { AnnotationProperties, Io } from './port.js';

export function createCoreIo(): Io {
  const masks = new Masks();
  const redact = (text: string) => masks.redact(text);
  const redactProperties = (properties: AnnotationProperties): AnnotationProperties =>
    Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [
        key,
        typeof value === 'string' ? redact(value) : value,
      ]),
    );
  // The token is random: text between the two cannot guess it to switch commands back on.
  const switchCommandsOff = () => {
    const token = `shipshape-${randomUUID()}`;
    core.info(`::stop-commands::${token}`);
    return () => core.info(`::${token}::`);
  };
  // While commands are off around text we do not control (buildx's output, for seconds), what
  // we print waits: a command would show as text (a mask, its secret) and a line of ours would
  // land inside buildx's. It is printed, in order and redacted then, when commands are back on.
  let held: (() => void)[] | undefined;
  const print = (line: () => void) => (held ? held.push(line) : line());
  return {
    input: (name, options) => core.getInput(name, { trimWhitespace: options?.trim ?? true }),
    mask(secret) {
      for (const value of masks.add(secret)) print(() => core.setSecret(value));
    },
    redact,
    info: (message) => print(() => core.info(redact(message))),
    infoUntrusted: (text) =>
      print(() => {
        const resume = switchCommandsOff();
        core.info(redact(text));
        resume();
      }),
    debug: (message) => print(() => core.debug(redact(message))),
    warning: (message, properties = {}) =>
      print(() => core.warning(redact(message), redactProperties(properties))),
    error: (message, properties = {}) =>
      print(() => core.error(redact(message), redactProperties(properties))),
    // A group opened while lines are held would close before they are printed: none is opened.
    group: (name, fn) => (held ? fn() : core.group(redact(name), fn)),
    stopCommands() {
      const resume = switchCommandsOff();
      const lines: (() => void)[] = [];
      held = lines;
      return () => {
        resume();
        if (held === lines) held = undefined;
        for (const line of lines) line();
      };
    },
    // Off a runner (no file to write to) outputs, state and the summary go nowhere: core would
    // print the deprecated set-output command instead.
    setOutput(name, value) {
      if (process.env.GITHUB_OUTPUT) core.setOutput(name, redact(value));
    },
    // Off a runner (no GITHUB_ENV file) nowhere: core would print the disabled set-env command.
    exportVariable(name, value) {
      if (process.env.GITHUB_ENV) core.exportVariable(name, redact(value));
    },
    saveState(name, value) {
      if (process.env.GITHUB_STATE) core.saveState(name, value);
    },
    async appendSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      const text = redact(markdown);
      await core.summary.addRaw(text.endsWith('\n') ? text : text + EOL).write();
    },
    fail(message) {
      process.exitCode = core.ExitCode.Failure;
      if (message !== undefined) print(() => core.setFailed(redact(message)));
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * Ends the process once what it printed is out (a pipe on macOS is written asynchronously).
 * Left to itself Node tears down its heap and threads first, about 30 ms on the push path
 * (bench/push-overhead.mjs), and a run's work is all awaited by then.
 */
export function exitWhenFlushed(): void {
  let streams = 2;
  const flushed = () => {
    if (--streams === 0) process.exit();
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
