/**
 * A mistake in the workflow file: names the input and the offending value so the
 * user can fix it without reading our source. Thrown before anything is built or pushed.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Input "${input}": ${JSON.stringify(truncate(value))} ${reason}`);
    this.name = 'InputError';
  }
}

// Keeps error lines readable when a value is huge (a 100 kB build-arg, say).
function truncate(value: string, max = 200): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} chars)`;
}
