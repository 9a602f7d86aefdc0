/**
 * The port through which an action and its steps meet the runner: inputs, the log, outputs and
 * state, the job summary, masks, and the process's environment, working directory and clock.
 * One adapter implements it over @actions/core (core.ts); tests use a fake (fake.ts). Nothing
 * below the actions reads process.env or sets an exit code: it is handed an Io.
 */

/** Where an annotation points (the runner's `file`, `line`, `endLine`, `col`, `endColumn`) and its title. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface InputOptions {
  /** false: keep leading and trailing white space. */
  trim?: boolean;
}

export interface Io {
  /**
   * The input as the runner passes it (`INPUT_<NAME>`), trimmed unless `trim: false` (a separator
   * may be a space); '' when unset.
   */
  input(name: string, options?: InputOptions): string;

  /**
   * Registers a secret: the runner hides it in every log line from now on, and so do we, in
   * what we print, in outputs, the job summary and the PR comment (redact).
   */
  mask(secret: string): void;
  /** `text` with every masked value as `***`, as the runner shows the log. */
  redact(text: string): string;

  /** A log line (masked values as `***`). */
  info(message: string): void;
  /** Text we do not control (build output, refs, Dockerfile lines): shown, never obeyed as a command. */
  infoUntrusted(text: string): void;
  /** A line shown only when the workflow runs with debug logging (ACTIONS_STEP_DEBUG). */
  debug(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  /** Runs `fn` inside a collapsed group of the log. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Switches workflow commands off until the returned function is called, so that text we do
   * not control is shown, not obeyed.
   */
  stopCommands(): () => void;

  /** A step output; masked values as `***` (the runner does not mask outputs). */
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** An environment variable for the job's later steps (GITHUB_ENV); masked values as `***`. */
  exportVariable(name: string, value: string): void;
  /** Appends markdown to the job summary; masked values as `***`. */
  appendSummary(markdown: string): Promise<void>;
  /**
   * Fails the step (exit code 1) with this message as an error annotation; without one, after the
   * errors already logged said why (a size budget's).
   */
  fail(message: string | undefined): void;

  /** The process environment (the runner's variables, DOCKER_CONFIG, HOME, PATH for helpers). */
  readonly env: Env;
  /** The step's working directory: where relative paths start. */
  readonly cwd: string;
  now(): Date;
}
