import { InputError } from '../../src/util/errors.js';

/** The InputError that fn throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
