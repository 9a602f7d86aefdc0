/**
 * The baseline: planned from the inputs and the event and pinned before anything is pushed
 * (steps/baseline-pin.ts), read in its registry (while the build runs, in the main action), or
 * the outcome the baseline policy gives when there is none or it cannot be read. Never fails the step.
 */
import type { Io } from '../io/port.js';
import type { GitContext } from '../plan/context.js';
import type { BaselinePlan } from '../compare/baseline.js';
import { previousRelease } from '../compare/baseline.js';
import {
  measurePorts,
  noteBaseline,
  readBaseline,
  type BaselineInput,
  type RegistryMeasureOptions,
} from './measure.js';
import { judgeBaseline } from '../compare/baseline-policy.js';
import { InputError } from '../util/errors.js';
import { connect } from '../registry/connect.js';
import { isNotFound } from '../registry/errors.js';
import { OCI_LAYOUT } from '../oci/reference.js';
import { pinBaseline, type PinnedBaseline } from './baseline-pin.js';
import type { BaselineOutcome } from '../report/baseline.js';
import type { ReportingInputs } from '../inputs/tag-and-report.js';

export function measureOptions(io: Io, inputs: ReportingInputs): RegistryMeasureOptions {
  return {
    platforms: [],
    analyzeLayers: inputs.analyzeLayers,
    insecureRegistries: inputs.insecureRegistries,
    ...measurePorts(io),
  };
}

/**
 * The baseline, planned and read before anything is built or pushed (the merge action's order:
 * it builds nothing): a reference to measure, or, when there is none or it cannot be read, the
 * outcome the baseline policy gives (compare/baseline-policy.ts), logged here, once. It never
 * fails the step. The main action splits it around the build (actions/build.ts).
 */
export async function lookUpBaseline(
  io: Io,
  inputs: ReportingInputs,
  context: GitContext,
  now: Date,
): Promise<BaselineInput> {
  const found = await readPinnedBaseline(io, inputs, await pinBaseline(io, inputs, context, now));
  noteBaselineFound(io, inputs, found);
  return found;
}

/**
 * The rest of the baseline after `pinBaseline`, read while the build runs: its manifests and
 * configs (a tag that is an artifact or holds only attestations is found here), or the previous
 * release among the repository's tags. The reference to measure after the build, or the outcome.
 */
export async function readPinnedBaseline(
  io: Io,
  inputs: ReportingInputs,
  pinned: PinnedBaseline,
): Promise<string | BaselineOutcome> {
  if ('outcome' in pinned) return pinned.outcome;
  const options = measureOptions(io, inputs);
  let ref: string;
  let input: string = 'images';
  if ('ref' in pinned) {
    // An OCI layout is on disk: nothing to look up.
    if (pinned.ref.startsWith(OCI_LAYOUT)) return pinned.ref;
    ({ ref, input } = pinned);
  } else {
    const previous = await previousReleaseOf(pinned.plan, options);
    if (typeof previous === 'object') return previous;
    ref = previous;
  }
  const read = await readBaseline(ref, { ...options, analyzeLayers: false, input });
  return 'outcome' in read ? read.outcome : ref;
}

/** What the baseline came to, in the debug log, and as a note when there is none. */
export function noteBaselineFound(io: Io, inputs: ReportingInputs, found: string | BaselineOutcome): void {
  io.debug(
    `decision: baseline: ${typeof found === 'string' ? 'a reference to measure after the build' : found.status}`,
  );
  if (typeof found === 'object') noteBaseline(found, measureOptions(io, inputs));
}

// `repository:<the highest release below this one>`, or why there is none.
async function previousReleaseOf(
  plan: Extract<BaselinePlan, { kind: 'previous-release' }>,
  options: RegistryMeasureOptions,
): Promise<string | BaselineOutcome> {
  try {
    const connection = await connect(plan.repository, { ...options, input: 'images' });
    const tags = await connection.client.tags(connection.reference.repository);
    const previous = previousRelease(tags, plan.version);
    if (previous) return `${plan.repository}:${previous}`;
    return { status: 'absent', reason: `no release before ${plan.version} in ${plan.repository} yet` };
  } catch (error) {
    if (error instanceof InputError) throw error;
    return judgeBaseline(plan.repository, { error, tagMissing: isNotFound(error) });
  }
}
