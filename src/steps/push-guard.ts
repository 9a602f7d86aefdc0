/**
 * Nothing half-pushed. A push to several repositories (images on two registries, or full
 * references in `tags`) writes them one after another: one that refuses the write after another
 * took it leaves the image tagged in one place and not the other. So before the first write,
 * every target repository must take a push (an upload opened with a pull,push authorization and
 * cancelled, registry/upload.ts: nothing is written); and when a push fails anyway, what each tag
 * points to afterwards, compared with before, says which tags it wrote.
 */
import { ActionError } from '../util/errors.js';
import type { RegistryClient } from '../registry/client.js';
import { connect, type ConnectOptions } from '../registry/connect.js';
import { isNotFound } from '../registry/errors.js';
import { parseReference } from '../oci/reference.js';

/** A repository to push to, connected. */
export interface PushTarget {
  /** `localhost:5000/acme/app`, as the user named it: what messages show. */
  name: string;
  client: RegistryClient;
  /** The path on the registry: `acme/app`. */
  repository: string;
}

/** A push the registry would refuse, found before anything was written. */
export class PushRefusedError extends ActionError {
  constructor(message: string) {
    super(message);
    this.name = 'PushRefusedError';
  }
}

/**
 * Connects to each repository (credentials from Docker's config, as buildx finds them) and checks
 * that it takes a push; the error names every one that would not, and why.
 */
export async function openPushTargets(
  names: readonly string[],
  options: ConnectOptions,
): Promise<PushTarget[]> {
  const opened = await Promise.all(
    names.map(async (name) => {
      try {
        const { client, reference } = await connect(name, options);
        return { name, client, repository: reference.repository };
      } catch (error) {
        return `${name}: ${(error as Error).message}`;
      }
    }),
  );
  const targets = opened.filter((target): target is PushTarget => typeof target !== 'string');
  const refused = opened.filter((target): target is string => typeof target === 'string');
  await checkPushAccess(targets, refused, names.length);
  return targets;
}

/** Every target must take a push; the error names each one that would not, and why. */
export async function checkPushAccess(
  targets: readonly PushTarget[],
  refusedAlready: readonly string[] = [],
  total = targets.length,
): Promise<void> {
  const refusals = await Promise.all(
    targets.map((target) =>
      target.client.checkPushAccess(target.repository, { image: target.name }).then(
        () => undefined,
        (error: unknown) => `${target.name}: ${(error as Error).message}`,
      ),
    ),
  );
  const refused = [...refusedAlready, ...refusals.filter((refusal): refusal is string => !!refusal)];
  if (refused.length === 0) return;
  throw new PushRefusedError(
    `Cannot push to ${refused.length} of the ${total} repositories, so nothing was pushed:\n` +
      refused.map((line) => `  ${line}`).join('\n'),
  );
}

/** What each tag points to now: a digest, `absent`, or `unknown` (the registry did not say). */
export type TagState = Map<string, string>;

/** The state of every tag (full references), each asked of its repository's target. */
export async function tagStates(tags: readonly string[], targets: readonly PushTarget[]): Promise<TagState> {
  const byName = new Map(targets.map((target) => [target.name, target]));
  const states = await Promise.all(
    tags.map(async (tag): Promise<[string, string]> => {
      const { name, tag: value } = parseReference(tag);
      const target = byName.get(name);
      if (!target) return [tag, 'unknown'];
      try {
        return [tag, (await target.client.headManifest(target.repository, value ?? 'latest')).digest];
      } catch (error) {
        return [tag, isNotFound(error) ? 'absent' : 'unknown'];
      }
    }),
  );
  return new Map(states);
}

/** After a failed push: the tags that point elsewhere than before (written), and those it cannot tell. */
export async function writtenTags(
  before: TagState,
  targets: readonly PushTarget[],
): Promise<{ written: string[]; unknown: string[] }> {
  const after = await tagStates([...before.keys()], targets);
  const written: string[] = [];
  const unknown: string[] = [];
  for (const [tag, was] of before) {
    const now = after.get(tag)!;
    if (was === 'unknown' || now === 'unknown') unknown.push(tag);
    else if (now !== was && now !== 'absent') written.push(tag);
  }
  return { written, unknown };
}

/** `; tagged before the failure: a, b` (or that nothing was), for the error of a failed push. */
export function describeWritten({ written, unknown }: { written: string[]; unknown: string[] }): string {
  const tagged =
    written.length > 0 ? `tagged before the failure: ${written.join(', ')}` : 'no tag was written';
  return unknown.length > 0 ? `${tagged} (cannot tell for ${unknown.join(', ')})` : tagged;
}
