/**
 * Orchestration only: read inputs, plan, build, set outputs. Each step lives in its own module.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from './io/port.js';
import { readGitContext, type GitContext } from './context.js';
import { readInputs, secretValues, type ActionInputs, type SecretValue } from './inputs/build.js';
import { failureMessage, InputError, StepError } from './util/errors.js';
import { pathRuleOf } from './inputs/paths.js';
import { planImage, type ImagePlan } from './plan/plan.js';
import { parseReference } from './oci/reference.js';
import { buildxArgs, type BuildOptions } from './buildx/buildx.js';
import { checkFeatures, needsVersionCheck, parseBuildxVersion } from './buildx/features.js';
import { buildxVersionOutput, engineHasContainerdStore, runDocker } from './buildx/run.js';
import { readBuildResult } from './buildx/metadata.js';
import { gitAuthSecretId } from './buildx/git-auth.js';
import { checkCacheExports, planBuildCache, watchCacheExports } from './cache-step.js';
import { needsTrustCheck, untrustedBuildRefusal } from './buildx/trust.js';
import { builtCommit } from './buildx/git-head.js';
import { announceBuilder, lookUpBuilder } from './builder-step.js';
import { builtBy, describeBuiltBy } from './buildx/built-by.js';
import { builderSelection } from './buildx/builder.js';
import { planLeg, pushLeg } from './legs/leg-step.js';
import { legBuildOptions } from './buildx/push-by-digest.js';
import {
  describeWritten,
  openPushTargets,
  repositoriesOf,
  tagStates,
  writtenTags,
  type PushTarget,
  type TagState,
} from './push-guard.js';
import { checkLayoutInputs } from './inputs/paths.js';

export async function run(io: Io): Promise<void> {
  const now = io.now();
  // Masks first: nothing below may print a secret, not even in an error.
  for (const secret of secretValues((name) => io.input(name))) io.mask(secret);
  // The runner hands actions its runtime token; buildx reads it (with ACTIONS_CACHE_URL /
  // ACTIONS_RESULTS_URL) from the environment we pass on, for type=gha caches.
  io.mask(io.env.ACTIONS_RUNTIME_TOKEN ?? '');
  let workDir: string | undefined;
  try {
    const context = readGitContext(io.env);
    const inputs = readInputs((name) => io.input(name), pathRuleOf(io.env, io.cwd));
    await checkLayoutInputs([{ input: 'compare-to', value: inputs.compareTo }]);
    const plan = planImage({
      images: inputs.images,
      tagRules: inputs.tagRules,
      tagReferences: inputs.tagReferences,
      flavor: inputs.flavor,
      userLabels: inputs.labels,
      context,
      now,
    });
    // buildx would build, then refuse to push without a name ("tag is needed when pushing").
    if (inputs.build.push && !inputs.pushByDigest && plan.tags.length === 0) {
      throw new InputError(
        'tags',
        inputs.tagRules.map((rule) => rule.source).join('\n'),
        `give no tag for this event (${context.eventName} of ${context.ref}), and push needs one`,
      );
    }
    await refuseUntrustedBuild(io, inputs, context);
    // Asking buildx which builder runs costs 0.1-0.2 s: only a build whose plan depends on the
    // answer (a named builder, a leg, a cache export) asks; the others name it after the build.
    const builderFirst =
      !!inputs.build.builder ||
      inputs.pushByDigest ||
      inputs.build.cacheTo.length > 0 ||
      inputs.cache !== 'none';
    const builder = builderFirst ? announceBuilder(io, await lookUpBuilder(inputs.build.builder)) : undefined;

    workDir = await mkdtemp(join(io.env.RUNNER_TEMP || tmpdir(), 'shipshape-'));
    let options: BuildOptions = {
      ...buildOptions(io, inputs, plan, context, workDir),
      ...builderSelection(inputs.build.builder, builder),
    };
    // A leg (push-by-digest) is one platform of an image: the merge step reports on the whole.
    const leg = inputs.pushByDigest
      ? await planLeg(io, inputs, builder, join(workDir, 'leg.tar'))
      : undefined;
    if (leg) {
      options = legBuildOptions(options, leg);
      io.info(
        'Size report skipped: push-by-digest pushes one leg; the merge step reports on the merged image.',
      );
      // Not silently ignored: the rules still name the version (label and output), not a tag.
      if (plan.tags.length > 0) {
        io.info(
          `push-by-digest: no tag is pushed (the merge step tags); the tag rules give the version ` +
            `${plan.version || '(none)'} for the label org.opencontainers.image.version.`,
        );
      }
    }
    // Pushed images are measured in the registry; a pull request's unpushed image (a fork's)
    // from an OCI layout exported beside the user's own outputs.
    let measure = !leg && (inputs.build.push || context.pullRequest !== undefined);
    const layout = join(workDir, 'image.tar');
    const withLayout = measure && !inputs.build.push && (await canExportOciLayout(io, inputs));
    const gated =
      withLayout &&
      (await gateOnBuildx(io, { ...options, outputs: [...options.outputs, `type=oci,dest=${layout}`] }).catch(
        () => undefined,
      ));
    if (gated) options = gated;
    else {
      // The user asked for a build, not a report: a builder that cannot add the export skips the report.
      if (measure && !inputs.build.push) {
        io.warning(
          'Size report skipped: this builder cannot export the unpushed image as an OCI layout beside your ' +
            'outputs (the docker driver needs the containerd image store, and a second output buildx >= 0.13). ' +
            'Use docker/setup-buildx-action, or push the image.',
        );
        measure = false;
      }
      options = await gateOnBuildx(io, options);
    }
    await checkLoad(inputs);
    const guard = await guardPush(io, inputs, plan);
    options = await checkCacheExports(io, options, builder?.driver);
    const sizeStep = measure ? await import('./size-step.js') : undefined;
    const baseline = sizeStep && (await sizeStep.lookUpBaseline(io, inputs, context, now));
    await writeSecretFiles(valueSecrets(inputs, context), workDir);

    const result = await build(io, options, guard);
    if (!builderFirst) await announceBuiltBy(io, result.metadata);
    const pushed =
      leg &&
      (await pushLeg(io, leg, inputs, result.digest).catch((error: Error) => {
        throw new StepError(`Built the image, but pushing it by digest failed: ${error.message}`);
      }));
    io.setOutput('imageid', result.imageId);
    io.setOutput('digest', pushed ? pushed.digest : result.digest);
    if (pushed) io.setOutput('platform', pushed.platform);
    io.setOutput('metadata', result.metadata);
    // A leg is tagged by the merge step, not here.
    io.setOutput('tags', pushed ? '' : plan.tags.join('\n'));
    io.setOutput(
      'labels',
      Object.entries(plan.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    io.setOutput('version', plan.version);
    if (pushed) io.info(`Pushed ${pushed.platform} by digest: ${pushed.digest} (no tags)`);
    else report(io, inputs, plan, result.digest);
    if (sizeStep) {
      const shownAs = plan.tags[0] ?? 'the image';
      const image = inputs.build.push
        ? `${parseReference(plan.tags[0]).name}@${result.digest}`
        : `oci-layout://${layout}`;
      try {
        const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
        const advice = sizeStep.adviceSettings(inputs, io.cwd, workspace);
        const budget = await sizeStep.runSizeStep(io, { inputs, context, image, shownAs, baseline, advice });
        if (budget === 'fail') io.fail(undefined);
      } catch (error) {
        const what = inputs.build.push
          ? `Pushed ${shownAs} (${result.digest}), but measuring it`
          : 'Measuring the image';
        throw new StepError(`${what} failed: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    io.fail(failureMessage(error));
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

async function announceBuiltBy(io: Io, metadata: string): Promise<void> {
  const by = metadata ? await builtBy(JSON.parse(metadata) as Record<string, unknown>, io.env) : undefined;
  if (by) io.info(describeBuiltBy(by));
}

// A PR's code, built where the event holds a write token and secrets (see buildx/trust.ts).
async function refuseUntrustedBuild(io: Io, inputs: ActionInputs, context: GitContext): Promise<void> {
  if (inputs.allowUntrustedBuild || !needsTrustCheck(context.eventName, context.workflowRunEvent)) return;
  const pushes = inputs.build.push || inputs.build.outputs.some((o) => /\bpush=true\b|type=registry/.test(o));
  const credentials = [
    ...(pushes ? ['push'] : []),
    ...(inputs.secrets.length > 0 ? ['secrets'] : []),
    ...(inputs.secretEnvs.length > 0 ? ['secret-envs'] : []),
    ...(inputs.secretFiles.length > 0 ? ['secret-files'] : []),
    ...(inputs.build.ssh.length > 0 ? ['ssh'] : []),
    ...(valueSecrets(inputs, context).length > inputs.secrets.length ? ['github-token (Git context)'] : []),
  ];
  if (credentials.length === 0) return;
  const refusal = untrustedBuildRefusal({
    eventName: context.eventName,
    triggeringEvent: context.workflowRunEvent,
    trustedSha: context.sha,
    builtSha: await builtCommit(inputs.build.context, io.cwd),
    credentials,
    allowUntrusted: inputs.allowUntrustedBuild,
  });
  if (refusal) throw new StepError(refusal);
}

function buildOptions(
  io: Io,
  inputs: ActionInputs,
  plan: ImagePlan,
  context: GitContext,
  workDir: string,
): BuildOptions {
  return {
    ...inputs.build,
    ...planBuildCache(io, inputs, context),
    labels: plan.labels,
    tags: plan.tags,
    secrets: [
      ...valueSecrets(inputs, context).map((s, i) => ({ id: s.id, src: secretFile(workDir, i) })),
      ...inputs.secretEnvs.map((s) => ({ id: s.id, env: s.env })),
      ...inputs.secretFiles.map((s) => ({ id: s.id, src: s.src })),
    ],
    metadataFile: join(workDir, 'metadata.json'),
    iidFile: join(workDir, 'iid'),
    builderId: context.runId
      ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
      : undefined,
  };
}

const secretFile = (workDir: string, index: number) => join(workDir, `secret-${index}`);

/** Secrets given by value, written to files for buildx; with the token for a Git context on GitHub. */
function valueSecrets(inputs: ActionInputs, context: GitContext) {
  const gitAuth = inputs.githubToken ? gitAuthSecretId(inputs.build.context, context.serverUrl) : undefined;
  const explicit = inputs.secrets.some((s) => s.id === gitAuth);
  return gitAuth && !explicit
    ? [...inputs.secrets, { id: gitAuth, value: inputs.githubToken }]
    : inputs.secrets;
}

// Asking buildx its version costs ~0.1-0.25 s, so only builds that use a flag newer than
// the oldest buildx we support pay for it.
async function gateOnBuildx(io: Io, options: BuildOptions): Promise<BuildOptions> {
  if (!needsVersionCheck(options)) return options;
  const version = parseBuildxVersion((await buildxVersionOutput()) ?? '');
  const gate = checkFeatures(options, version);
  for (const warning of gate.warnings) io.warning(warning);
  if (gate.errors.length > 0) throw new StepError(gate.errors.join('\n'));
  return gate.options;
}

// The docker driver (the default builder without setup-buildx-action) exports OCI only from
// an engine with the containerd image store; other drivers always can.
async function canExportOciLayout(io: Io, inputs: ActionInputs): Promise<boolean> {
  if (inputs.build.builder || io.env.BUILDX_BUILDER) return true;
  return (await engineHasContainerdStore()) !== false;
}

async function checkLoad(inputs: ActionInputs): Promise<void> {
  if (!inputs.build.load || inputs.build.platforms.length < 2) return;
  if ((await engineHasContainerdStore()) === false) {
    throw new InputError(
      'load',
      'true',
      `cannot load a multi-platform image (platforms: ${inputs.build.platforms.join(',')}) into this Docker engine: ` +
        'it does not use the containerd image store. Build one platform, push instead, or enable the containerd image store.',
    );
  }
}

async function writeSecretFiles(secrets: SecretValue[], workDir: string): Promise<void> {
  await Promise.all(secrets.map((s, i) => writeFile(secretFile(workDir, i), s.value, { mode: 0o600 })));
}

/**
 * A push to several repositories (push-guard.ts): each must take a push before the build, and
 * the tags' state is kept to tell what a failed push wrote. A leg is pushed untagged: only the
 * access is checked.
 */
async function guardPush(io: Io, inputs: ActionInputs, plan: ImagePlan): Promise<PushGuard | undefined> {
  if (!inputs.build.push) return undefined;
  const names = inputs.pushByDigest ? inputs.images : repositoriesOf(plan.tags);
  if (names.length < 2) return undefined;
  const targets = await openPushTargets(names, {
    insecureRegistries: inputs.insecureRegistries,
    env: io.env,
    onSecret: (secret) => io.mask(secret),
    input: 'images',
  });
  return inputs.pushByDigest ? undefined : { targets, before: await tagStates(plan.tags, targets) };
}

interface PushGuard {
  targets: PushTarget[];
  before: TagState;
}

async function build(io: Io, options: BuildOptions, guard: PushGuard | undefined) {
  const cacheExports = watchCacheExports(io, options.cacheTo);
  const run = await io.group('Build', async () => {
    // Build output is the Dockerfile's to write: switch workflow commands off around it.
    const resumeCommands = io.stopCommands();
    try {
      return await runDocker(buildxArgs(options), cacheExports.onLine, (text) => io.redact(text));
    } finally {
      resumeCommands();
    }
  });
  cacheExports.report();
  if (run.exitCode !== 0) {
    const detail =
      run.errors.length > 0 ? run.errors.join('\n') : `docker buildx build exited with code ${run.exitCode}`;
    // Several repositories: buildx may have pushed to some before another failed.
    const pushed = guard
      ? describeWritten(await writtenTags(guard.before, guard.targets))
      : 'nothing was pushed';
    throw new StepError(`The build failed; ${pushed}.\n${detail}`);
  }
  return readBuildResult(options.metadataFile, options.iidFile);
}

function report(io: Io, inputs: ActionInputs, plan: ImagePlan, digest: string): void {
  const verb = inputs.build.push ? 'Pushed' : 'Built';
  // Tags are made from branch and tag names: shown, never obeyed.
  if (plan.tags.length > 0)
    io.infoUntrusted(`${verb} ${plan.tags.length} tag(s):\n${plan.tags.map((t) => `  ${t}`).join('\n')}`);
  if (digest) io.info(`Digest: ${digest}`);
}
