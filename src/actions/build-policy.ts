/**
 * The main action's decisions, each a pure function of its inputs and the event, so that every
 * one is tested with a table (__tests__/actions/build-policy.test.ts) instead of on the Docker lab.
 * actions/build.ts carries them out.
 */
import type { ActionInputs, SecretValue } from '../inputs/build.js';
import type { GitContext } from '../plan/context.js';
import type { ImagePlan } from '../plan/plan.js';
import { gitAuthSecretId } from '../buildx/git-auth.js';
import { repositoriesOf } from '../oci/reference.js';
import { InputError } from '../util/errors.js';
import { parseReference } from '../oci/reference.js';
import { decideHistory } from '../compare/history-policy.js';
import type { HistoryStep } from '../steps/history.js';

/**
 * Asking buildx which builder runs costs 0.1-0.2 s: only a build whose plan depends on the
 * answer (a named builder, a leg, a cache export) asks first; the others name it after the build.
 */
export function asksBuilderFirst(inputs: ActionInputs): boolean {
  return (
    !!inputs.build.builder ||
    inputs.pushByDigest ||
    inputs.build.cacheTo.length > 0 ||
    inputs.cache !== 'none'
  );
}

/**
 * Where the size report reads the image from: the registry after a push; an OCI layout exported
 * beside the user's outputs for a pull request's unpushed image (a fork's); none for a build that
 * neither pushes nor runs for a pull request, and none for a leg (the merge step reports).
 */
export function reportSource(inputs: ActionInputs, context: GitContext): 'registry' | 'oci-layout' | 'none' {
  if (inputs.pushByDigest) return 'none';
  if (inputs.build.push) return 'registry';
  return context.pullRequest !== undefined ? 'oci-layout' : 'none';
}

/**
 * Whether exporting the OCI layout depends on the engine: the docker driver (the default builder
 * without setup-buildx-action) exports OCI only from an engine with the containerd image store;
 * a named builder (input or BUILDX_BUILDER) is another driver, which always can.
 */
export function layoutExportDependsOnEngine(
  inputs: ActionInputs,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !inputs.build.builder && !env.BUILDX_BUILDER;
}

/** buildx would build, then refuse to push without a name ("tag is needed when pushing"). */
export function missingPushTag(
  inputs: ActionInputs,
  plan: ImagePlan,
  context: GitContext,
): InputError | undefined {
  if (!inputs.build.push || inputs.pushByDigest || plan.tags.length > 0) return undefined;
  return new InputError(
    'tags',
    inputs.tagRules.map((rule) => rule.source).join('\n'),
    `give no tag for this event (${context.eventName} of ${context.ref}), and push needs one`,
  );
}

/** A multi-platform image can be loaded only into an engine with the containerd image store. */
export function loadNeedsContainerdStore(inputs: ActionInputs): boolean {
  return inputs.build.load && inputs.build.platforms.length > 1;
}

/**
 * The repositories that must take a push before the build (nothing half-pushed: steps/push-guard.ts):
 * those of a push to several repositories; none for one repository or no push.
 */
export function pushCheckRepositories(inputs: ActionInputs, plan: ImagePlan): string[] {
  if (!inputs.build.push) return [];
  const names = inputs.pushByDigest ? inputs.images : repositoriesOf(plan.tags);
  return names.length < 2 ? [] : names;
}

/** Secrets given by value, written to files for buildx; with the token for a Git context on GitHub. */
export function valueSecrets(inputs: ActionInputs, context: GitContext): SecretValue[] {
  const gitAuth = inputs.githubToken ? gitAuthSecretId(inputs.build.context, context.serverUrl) : undefined;
  const explicit = inputs.secrets.some((s) => s.id === gitAuth);
  return gitAuth && !explicit
    ? [...inputs.secrets, { id: gitAuth, value: inputs.githubToken }]
    : inputs.secrets;
}

/**
 * The credentials a build would hand to the code it builds (buildx/trust.ts refuses a PR's code
 * under pull_request_target or workflow_run when there are any): push access, secrets, SSH.
 */
export function credentialsOfBuild(inputs: ActionInputs, context: GitContext): string[] {
  const pushes = inputs.build.push || inputs.build.outputs.some((o) => /\bpush=true\b|type=registry/.test(o));
  return [
    ...(pushes ? ['push'] : []),
    ...(inputs.secrets.length > 0 ? ['secrets'] : []),
    ...(inputs.secretEnvs.length > 0 ? ['secret-envs'] : []),
    ...(inputs.secretFiles.length > 0 ? ['secret-files'] : []),
    ...(inputs.build.ssh.length > 0 ? ['ssh'] : []),
    ...(valueSecrets(inputs, context).length > inputs.secrets.length ? ['github-token (Git context)'] : []),
  ];
}

/**
 * The size history of this run (steps/history.ts): kept in the repository of the first tag pushed
 * (or of the first image, for an unpushed pull request's build, which only reads it); none
 * without an image name. Read and write as compare/history-policy.ts decides.
 */
export function historyStep(
  inputs: ActionInputs,
  plan: ImagePlan,
  context: GitContext,
): HistoryStep | undefined {
  const name = plan.tags[0] ? parseReference(plan.tags[0]).name : inputs.images[0];
  if (!name) return undefined;
  const pushed = inputs.build.push && !inputs.pushByDigest;
  return {
    target: { repository: name, inputs: inputs.history, insecureRegistries: inputs.insecureRegistries },
    decision: decideHistory({ mode: inputs.history.mode, pushed, context }),
  };
}
