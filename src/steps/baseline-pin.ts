/**
 * The baseline's one read that cannot wait for the build: a tag this push is about to move,
 * pinned now to the digest it names. The rest of the baseline (its manifests and configs, the
 * previous release, a base branch's tag that this build does not move) is read while buildx
 * runs (steps/baseline.ts): a fully cached build takes about a second, and the report's reads
 * would otherwise come before it, one after the other.
 */
import type { Io } from '../io/port.js';
import type { GitContext } from '../plan/context.js';
import { planBaseline, type BaselinePlan } from '../compare/baseline.js';
import { judgeBaseline } from '../compare/baseline-policy.js';
import type { BaselineOutcome } from '../report/baseline.js';
import type { ReportingInputs } from '../inputs/tag-and-report.js';
import { connect } from '../registry/connect.js';
import { isNotFound } from '../registry/errors.js';
import { OCI_LAYOUT, parseReference } from '../oci/reference.js';
import { InputError } from '../util/errors.js';
import { registryClientsOf } from './registry-clients.js';

/** What is left to read of the baseline once the build runs, or what is already known. */
export type PinnedBaseline =
  /** `ref` to read (by digest where the push moves its tag); `input` names it when it does not parse. */
  | { plan: BaselinePlan; ref: string; input: 'compare-to' | 'images' }
  /** The previous release is looked up among the repository's tags: no push moves a release tag. */
  | { plan: Extract<BaselinePlan, { kind: 'previous-release' }> }
  /** Nothing to compare with, or the tag the push moves could not be read. */
  | { plan: BaselinePlan; outcome: BaselineOutcome };

export async function pinBaseline(
  io: Io,
  inputs: ReportingInputs,
  context: GitContext,
  now: Date,
): Promise<PinnedBaseline> {
  const plan = planBaseline({
    compareTo: inputs.compareTo,
    images: inputs.images,
    tagRules: inputs.tagRules,
    flavor: inputs.flavor,
    context,
    now,
  });
  // Kinds only: refs and reasons come from branch names, and a debug line is a workflow command
  // (the notes after the build show them, inside stop-commands).
  io.debug(`decision: baseline plan: ${plan.kind}`);
  if (plan.kind === 'none') return { plan, outcome: { status: 'absent', reason: plan.reason } };
  if (plan.kind === 'previous-release') return { plan };
  const input = inputs.compareTo && plan.kind === 'reference' ? 'compare-to' : 'images';
  // An OCI layout is on disk: no push moves it.
  if (plan.ref.startsWith(OCI_LAYOUT) || !movesWithPush(plan, inputs)) return { plan, ref: plan.ref, input };
  try {
    const connection = await connect(plan.ref, {
      clients: registryClientsOf(io),
      env: io.env,
      insecureRegistries: inputs.insecureRegistries,
      onSecret: (secret) => io.mask(secret),
      debug: (line) => io.debug(line),
      input,
    });
    const { digest } = await connection.client.manifest(
      connection.reference.repository,
      connection.manifestReference,
    );
    return { plan, ref: `${parseReference(plan.ref).name}@${digest}`, input };
  } catch (error) {
    if (error instanceof InputError) throw error;
    return { plan, outcome: judgeBaseline(plan.ref, { error, tagMissing: isNotFound(error) }) };
  }
}

/** A push compares with what its own tag held before; so does a `compare-to` this push moves (`:main` on main). */
function movesWithPush(plan: Extract<BaselinePlan, { ref: string }>, inputs: ReportingInputs): boolean {
  return plan.kind === 'before-push' || (inputs.build.push && plan.ref === inputs.compareTo);
}
