/**
 * The errors an action fails with, and the one line it fails with (failureMessage). Every error
 * whose message is written for the workflow's author extends ActionError: the message is shown
 * as it is. Anything else is a bug or a surprise, shown with its type's name.
 */

/** A failure told in words meant for the workflow's author. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ActionError';
  }
}

/**
 * A mistake in the workflow file: names the input and the offending value so the
 * user can fix it without reading our source. Thrown before anything is built or pushed.
 */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Input "${input}": ${JSON.stringify(truncate(value))} ${reason}`);
    this.name = 'InputError';
  }
}

/** A step that failed after the inputs were read (the build, a push, the measuring, the merge). */
export class StepError extends ActionError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StepError';
  }
}

/**
 * The line the step fails with, the same in every action: an ActionError's or a plain Error's
 * message as it is; another error type (a TypeError: a bug) with its name, so it can be told apart.
 */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof ActionError || error.constructor === Error) return error.message;
  return `${error.name}: ${error.message}`;
}

// Keeps error lines readable when a value is huge (a 100 kB build-arg, say).
function truncate(value: string, max = 200): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} chars)`;
}
