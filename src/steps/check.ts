/**
 * `call: check`, as build-push-action's: buildx runs the Dockerfile's build checks instead of the
 * build (`--call check,format=json`). Each warning becomes an annotation on its Dockerfile line, as
 * the size advice's do, and, as buildx does, any warning fails the step. The text quotes the
 * Dockerfile, which a pull request's author writes: it is sanitized before it is shown.
 */
import type { Io } from '../io/port.js';
import { buildxArgs, type BuildOptions } from '../buildx/buildx.js';
import { parseCheckOutput, type CheckResult, type CheckWarning } from '../buildx/check.js';
import { captureDocker } from '../buildx/run.js';
import { readDockerfileSource, type DockerfileLocation } from '../advise/dockerfile-source.js';
import { sanitize } from '../render/escape.js';
import { StepError } from '../util/errors.js';

// GitHub shows at most 10 warning annotations per step: the rest go to the log.
const MAX_ANNOTATIONS = 10;
const MAX_TEXT = 600;

/** Where annotations can point: the Dockerfile named from the workspace, when it is on disk in it. */
export interface CheckTarget {
  /** Workspace-relative, `/`-separated; undefined when annotations cannot point at a file. */
  file?: string;
  /** How the log names the file when annotations cannot. */
  shownAs: string;
}

export async function checkTarget(location: DockerfileLocation): Promise<CheckTarget> {
  const source = await readDockerfileSource(location).catch(() => undefined);
  if (source?.found && source.inWorkspace) return { file: source.file, shownAs: source.file };
  if (source?.found) return { shownAs: source.file };
  return { shownAs: location.file || 'Dockerfile' };
}

/** Runs the checks; fails (StepError) on a warning or when the Dockerfile does not parse. */
export async function runCheckStep(io: Io, options: BuildOptions, target: CheckTarget): Promise<CheckResult> {
  const run = await io.group('Build checks', async () => {
    const resume = io.stopCommands();
    try {
      return await captureDocker(buildxArgs({ ...options, call: 'check' }), (text) => io.redact(text));
    } finally {
      resume();
    }
  });
  const result = parseCheckOutput(run.stdout);
  if (!result) {
    const detail =
      run.errors.length > 0 ? run.errors.join('\n') : `docker buildx build exited with code ${run.exitCode}`;
    throw new StepError(`The build checks did not run: ${detail}`);
  }
  reportCheckResult(io, result, target);
  return result;
}

/** Annotations and log lines for the result; throws (StepError) on a warning or a parse error. */
export function reportCheckResult(io: Io, result: CheckResult, target: CheckTarget): void {
  result.warnings.forEach((warning, i) => report(io, warning, target, i < MAX_ANNOTATIONS));
  if (result.error) {
    const where = result.error.line > 0 ? { file: target.file, startLine: result.error.line } : {};
    const message = sanitize(result.error.message, { limit: MAX_TEXT });
    io.error(message, { title: 'Build check: the Dockerfile does not parse', ...(target.file && where) });
    throw new StepError(
      sanitize(`Build checks: ${target.shownAs} does not parse: ${message}`, { limit: MAX_TEXT }),
    );
  }
  const count = result.warnings.length;
  if (count === 0) {
    // The path is the repository's: shown, never obeyed.
    io.infoUntrusted(`Build checks: no warnings in ${sanitize(target.shownAs)}.`);
    return;
  }
  const rules = [...new Set(result.warnings.map((w) => w.rule))].join(', ');
  throw new StepError(
    sanitize(
      `Build checks: ${count} warning(s) in ${target.shownAs} (${rules}); buildx fails a check on warnings.`,
      {
        limit: MAX_TEXT,
      },
    ),
  );
}

function report(io: Io, warning: CheckWarning, target: CheckTarget, annotate: boolean): void {
  const limit = { limit: MAX_TEXT };
  const line = warning.line > 0 ? `:${warning.line}` : '';
  const at = `${target.shownAs}${line}`;
  const text = sanitize(`${warning.detail || warning.description}`, limit);
  const more = sanitize(`${warning.description}${warning.url ? ` ${warning.url}` : ''}`, limit);
  if (!annotate) {
    io.infoUntrusted(sanitize(`Build check ${warning.rule} at ${at}: ${text}`, limit));
    return;
  }
  // buildx names the file as the context sees it (`Dockerfile`); another source has no line of ours.
  const base = (path: string) => path.split('/').pop();
  const ours = !warning.file || base(warning.file) === base(target.file ?? '');
  const onFile = target.file && warning.line > 0 && ours;
  io.warning(`${onFile ? '' : `${sanitize(at)}: `}${text}\n${more}`, {
    title: sanitize(`Build check: ${warning.rule}`, { limit: 200 }),
    ...(onFile && { file: target.file, startLine: warning.line, endLine: warning.endLine }),
  });
}
