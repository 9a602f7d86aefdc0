/**
 * The baseline, before anything is built or pushed: planned from the inputs and the event,
 * looked up in its registry (the tag a push is about to move is pinned by digest now), or the
 * outcome the baseline policy gives when there is none or it cannot be read. Never fails the step.
 */
import type { Io } from '../io/port.js';
import type { GitContext } from '../plan/context.js';
import type { BaselinePlan } from '../compare/baseline.js';
import { planBaseline, previousRelease } from '../compare/baseline.js';
import {
  measurePorts,
  noteBaseline,
  readBaseline,
  type BaselineInput,
  type RegistryMeasureOptions,
} from './measure.js';
import { judgeBaseline } from '../compare/baseline-policy.js';
import { InputError } from '../util/errors.js';
export { adviceSettings } from './advice.js';
import { connect } from '../registry/connect.js';
import { isNotFound } from '../registry/errors.js';
import { parseReference } from '../oci/reference.js';
import { OCI_LAYOUT } from '../oci/reference.js';
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
 * The baseline, planned and read before anything is built or pushed: a reference to measure
 * after the build, or, when there is none or it cannot be read, the outcome the baseline policy
 * gives (compare/baseline-policy.ts), logged here, once. It never fails the step.
 */
export async function lookUpBaseline(
  io: Io,
  inputs: ReportingInputs,
  context: GitContext,
  now: Date,
): Promise<BaselineInput> {
  const plan = planBaseline({
    compareTo: inputs.compareTo,
    images: inputs.images,
    tagRules: inputs.tagRules,
    flavor: inputs.flavor,
    context,
    now,
  });
  // Kinds only: refs and reasons come from branch names, and a debug line is a workflow command
  // (the notes below show them, inside stop-commands).
  io.debug(`decision: baseline plan: ${plan.kind}`);
  const found = await resolveBaselineBeforeBuild(io, plan, inputs);
  io.debug(
    `decision: baseline: ${typeof found === 'string' ? 'a reference to measure after the build' : found.status}`,
  );
  if (typeof found === 'object') noteBaseline(found, measureOptions(io, inputs));
  return found;
}

/**
 * The baseline reference, read before anything is pushed (its manifests and configs: a tag that
 * is an artifact or holds only attestations is found here, not after the push): a push compares
 * with what its tag pointed to before (pinned by digest now, since the push moves the tag), a
 * release with the previous release in the registry.
 */
export async function resolveBaselineBeforeBuild(
  io: Io,
  plan: BaselinePlan,
  inputs: ReportingInputs,
): Promise<string | BaselineOutcome> {
  if (plan.kind === 'none') return { status: 'absent', reason: plan.reason };
  const options = measureOptions(io, inputs);
  // An OCI layout is on disk: nothing to look up, and nothing a push moves.
  if (plan.kind === 'reference' && plan.ref.startsWith(OCI_LAYOUT)) return plan.ref;
  let ref: string;
  if (plan.kind === 'previous-release') {
    const previous = await previousReleaseOf(plan, options);
    if (typeof previous === 'object') return previous;
    ref = previous;
  } else ref = plan.ref;
  const input = inputs.compareTo && plan.kind === 'reference' ? 'compare-to' : 'images';
  const read = await readBaseline(ref, { ...options, analyzeLayers: false, input });
  if ('outcome' in read) return read.outcome;
  // A compare-to that this push may move (`:main` on a push to main) is pinned by digest now.
  const mayMove = inputs.build.push && plan.kind === 'reference' && plan.ref === inputs.compareTo;
  return plan.kind === 'before-push' || mayMove
    ? `${parseReference(ref).name}@${read.measurement.digest}`
    : ref;
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
