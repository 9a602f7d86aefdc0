/**
 * The Actions runner protocol: inputs from `INPUT_*`, outputs and state through the
 * `GITHUB_OUTPUT` / `GITHUB_STATE` files, masks, groups and annotations as `::` commands
 * on stdout, and the job summary file.
 *
 * Written here rather than imported from @actions/core because loading @actions/core
 * costs ~70 ms (it pulls undici in through its OIDC client), half of the time budget
 * this action has on top of a cached buildx build (see bench/).
 */
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';

type Env = Record<string, string | undefined>;

/** The input as the runner passes it: `INPUT_<NAME>` (upper-cased, spaces as `_`), trimmed. */
export function getInput(name: string, env: Env = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * Sets a step output with every masked value hidden (`***`, as the runner hides them in the
 * log): outputs are not masked by the runner, and a workflow may save one as an artifact.
 */
export function setOutput(name: string, value: string): void {
  writeKeyValue('GITHUB_OUTPUT', name, redactMasked(value));
}

export function saveState(name: string, value: string): void {
  writeKeyValue('GITHUB_STATE', name, value);
}

// Every value masked so far, longest first: hidden from outputs, the summary and the comment too.
let masked: string[] = [];

/** Registers a secret with the runner so that it is masked in every log line from now on. */
export function addMask(secret: string): void {
  if (!secret) return;
  issue('add-mask', {}, secret);
  const values = [secret];
  // The runner masks a multi-line value only line by line.
  if (/[\r\n]/.test(secret)) {
    for (const line of secret.split(/\r?\n/)) {
      if (!line.trim()) continue;
      issue('add-mask', {}, line);
      values.push(line);
    }
  }
  masked = [...new Set([...masked, ...values])].sort((a, b) => b.length - a.length);
}

/** `text` with every masked value replaced by `***`, as the runner shows the log. */
export function redactMasked(text: string): string {
  let redacted = text;
  for (const value of masked) if (redacted.includes(value)) redacted = redacted.split(value).join('***');
  return redacted;
}

/** A log line; masked values are written as `***` here already (a registry may echo one in an error). */
export function info(message: string): void {
  process.stdout.write(redactMasked(message) + EOL);
}

/**
 * Switches workflow commands off until the returned function is called, so that text we do
 * not control (build output, Dockerfile lines) is shown, not obeyed. The token is random:
 * the text cannot guess it to switch commands back on.
 */
export function stopCommands(): () => void {
  const token = `shipshape-${randomUUID()}`;
  issue('stop-commands', {}, token);
  return () => issue(token, {}, '');
}

export function infoUntrusted(text: string): void {
  const resume = stopCommands();
  info(text);
  resume();
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', properties, message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', properties, message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', properties, message);
}

export function startGroup(name: string): void {
  issue('group', {}, name);
}

export function endGroup(): void {
  issue('endgroup', {}, '');
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary; a no-op outside the runner. */
export function appendSummary(markdown: string, env: Env = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  const text = redactMasked(markdown);
  if (file) appendFileSync(file, text.endsWith('\n') ? text : text + EOL, 'utf8');
}

function writeKeyValue(fileVariable: string, name: string, value: string): void {
  const file = process.env[fileVariable];
  if (!file) return; // not on a runner: nothing reads outputs
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

// Every command but add-mask itself has masked values written as `***`, as the runner shows them.
function issue(command: string, properties: AnnotationProperties, message: string): void {
  const shown = command === 'add-mask' ? (text: string) => text : redactMasked;
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${propertyName(k)}=${escapeProperty(shown(String(v)))}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ' ' + props : ''}::${escapeData(shown(message))}${EOL}`);
}

// The runner's names for annotation properties (`startLine` is `line`, `startColumn` is `col`).
function propertyName(key: string): string {
  return key === 'startLine' ? 'line' : key === 'startColumn' ? 'col' : key;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
