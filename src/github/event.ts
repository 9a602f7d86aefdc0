/**
 * The event that started the run: the payload file GITHUB_EVENT_PATH names, read and turned into
 * the git context (plan/context.ts).
 */
import { readFileSync } from 'node:fs';
import { ActionError } from '../util/errors.js';
import { parseJsonText } from '../util/json.js';
import { gitContextFrom, type Env, type EventPayload, type GitContext } from '../plan/context.js';

/** Reads the runner's environment and the event payload file. */
export function readGitContext(env: Env): GitContext {
  let payload: EventPayload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ActionError(`Cannot read the event payload ${path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const parsed = parseJsonText(text, `The event payload ${path}`);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ActionError(`The event payload ${path} is not a JSON object`);
    }
    payload = parsed as EventPayload;
  }
  return gitContextFrom(env, payload);
}
