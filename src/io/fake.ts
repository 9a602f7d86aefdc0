/**
 * An Io for tests: inputs from a record, everything the action says recorded as data, the
 * environment, working directory and clock as given. Masks work as the real adapter's.
 */
import { Masks } from './masks.js';
import type { AnnotationProperties, Env, InputOptions, Io } from './port.js';

export type LogKind = 'info' | 'untrusted' | 'debug' | 'warning' | 'error' | 'group';

export interface LogLine {
  kind: LogKind;
  text: string;
  properties?: AnnotationProperties;
}

export interface FakeIoOptions {
  /** By input name, as in action.yml (`build-args`). */
  inputs?: Record<string, string>;
  env?: Env;
  cwd?: string;
  now?: Date;
}

export class FakeIo implements Io {
  readonly log: LogLine[] = [];
  readonly outputs = new Map<string, string>();
  readonly state = new Map<string, string>();
  /** What exportVariable gave the later steps. */
  readonly variables = new Map<string, string>();
  summary = '';
  /** The message the step failed with ('' when the errors before said why); undefined while it has not failed. */
  failure?: string;
  /** Every value registered with mask(), in order. */
  readonly masked: string[] = [];
  readonly env: Env;
  readonly cwd: string;
  private readonly masks = new Masks();
  private readonly inputs: Record<string, string>;
  private readonly clock: Date;

  constructor(options: FakeIoOptions = {}) {
    this.inputs = options.inputs ?? {};
    this.env = options.env ?? {};
    this.cwd = options.cwd ?? '/work';
    this.clock = options.now ?? new Date('2026-01-02T03:04:05Z');
  }

  input(name: string, options?: InputOptions): string {
    const value = this.inputs[name] ?? '';
    return options?.trim === false ? value : value.trim();
  }

  mask(secret: string): void {
    this.masked.push(...this.masks.add(secret));
  }

  redact(text: string): string {
    return this.masks.redact(text);
  }

  info(message: string): void {
    this.log.push({ kind: 'info', text: this.redact(message) });
  }

  infoUntrusted(text: string): void {
    this.log.push({ kind: 'untrusted', text: this.redact(text) });
  }

  debug(message: string): void {
    this.log.push({ kind: 'debug', text: this.redact(message) });
  }

  warning(message: string, properties?: AnnotationProperties): void {
    this.log.push({ kind: 'warning', text: this.redact(message), ...(properties && { properties }) });
  }

  error(message: string, properties?: AnnotationProperties): void {
    this.log.push({ kind: 'error', text: this.redact(message), ...(properties && { properties }) });
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.log.push({ kind: 'group', text: name });
    return fn();
  }

  stopCommands(): () => void {
    return () => {};
  }

  setOutput(name: string, value: string): void {
    this.outputs.set(name, this.redact(value));
  }

  exportVariable(name: string, value: string): void {
    this.variables.set(name, this.redact(value));
  }

  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }

  async appendSummary(markdown: string): Promise<void> {
    this.summary += this.redact(markdown);
  }

  fail(message: string | undefined): void {
    this.failure = message === undefined ? '' : this.redact(message);
    if (message !== undefined) this.error(message);
  }

  now(): Date {
    return this.clock;
  }

  /** The texts of the lines of one kind, in order. */
  lines(kind: LogKind): string[] {
    return this.log.filter((line) => line.kind === kind).map((line) => line.text);
  }
}
