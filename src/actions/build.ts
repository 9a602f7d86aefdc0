/**
 * The main action (action.yml): read the inputs, plan the tags and labels, build with buildx,
 * push, and report on the image's size. The decisions are actions/build-policy.ts's; each step
 * lives in steps/. What only some runs need (a leg's push, the push check of several
 * repositories, the size report) is imported when they need it: a build that reports nothing
 * pays nothing for it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../io/port.js';
import { failureMessage, InputError, StepError } from '../util/errors.js';
import { parseReference } from '../oci/reference.js';
import { readGitContext } from '../github/event.js';
import type { GitContext } from '../plan/context.js';
import { planImage, type ImagePlan } from '../plan/plan.js';
import {
  annotationLevels,
  exportsVariables,
  metadataOutputs,
  metadataVariable,
  type MetadataOutputs,
} from '../plan/outputs.js';
import type { BuildOptions } from '../buildx/buildx.js';
import { builderSelection, type BuilderInfo } from '../buildx/builder.js';
import { builtCommit } from '../buildx/git-head.js';
import { legBuildOptions } from '../buildx/push-by-digest.js';
import { engineHasContainerdStore } from '../buildx/run.js';
import { needsTrustCheck, untrustedBuildRefusal } from '../buildx/trust.js';
import { readInputs, secretValues, type ActionInputs } from '../inputs/build.js';
import { checkLayoutInputs, pathRuleOf } from '../inputs/paths.js';
import { announceBuilder, lookUpBuilder } from '../steps/builder.js';
import { announceBuiltBy, gateOnBuildx, runBuild, type WrittenTags } from '../steps/build.js';
import { checkCacheExports, planBuildCache } from '../steps/cache.js';
import type { LegPlan } from '../steps/legs.js';
import type { PinnedBaseline } from '../steps/baseline-pin.js';
import type { AdviceSettings } from '../steps/advice.js';
import {
  asksBuilderFirst,
  credentialsOfBuild,
  layoutExportDependsOnEngine,
  loadNeedsContainerdStore,
  historyStep,
  missingPushTag,
  pushCheckRepositories,
  reportSource,
  valueSecrets,
} from './build-policy.js';

export async function run(io: Io): Promise<void> {
  // Masks first: nothing below may print a secret, not even in an error.
  for (const secret of secretValues((name) => io.input(name))) io.mask(secret);
  // The runner hands actions its runtime token; buildx reads it (with ACTIONS_CACHE_URL /
  // ACTIONS_RESULTS_URL) from the environment we pass on, for type=gha caches.
  io.mask(io.env.ACTIONS_RUNTIME_TOKEN ?? '');
  let workDir: string | undefined;
  try {
    const now = io.now();
    const context = readGitContext(io.env);
    const inputs = readInputs((name, options) => io.input(name, options), pathRuleOf(io.env, io.cwd));
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
    const noTag = missingPushTag(inputs, plan, context);
    if (noTag) throw noTag;
    // Made before anything runs: a separator that cannot split its list back is an input error.
    const metadata = metadataOf(io, inputs, plan, !!inputs.pushByDigest);
    await refuseUntrustedBuild(io, inputs, context);
    if (inputs.build.call === 'check') {
      workDir = await mkdtemp(join(io.env.RUNNER_TEMP || tmpdir(), 'shipshape-'));
      setMetadataOutputs(io, metadata);
      await runChecks(io, inputs, plan, context, workDir);
      return;
    }
    const builderFirst = asksBuilderFirst(inputs);
    io.debug(`decision: ask buildx for the builder before the build: ${builderFirst ? 'yes' : 'no'}`);
    const builder = builderFirst ? announceBuilder(io, await lookUpBuilder(inputs.build.builder)) : undefined;

    workDir = await mkdtemp(join(io.env.RUNNER_TEMP || tmpdir(), 'shipshape-'));
    let options: BuildOptions = {
      ...buildOptions(io, inputs, plan, context, workDir),
      ...builderSelection(inputs.build.builder, builder),
    };
    const leg = inputs.pushByDigest ? await planLeg(io, inputs, builder, workDir, plan) : undefined;
    if (leg) options = legBuildOptions(options, leg);
    const layout = join(workDir, 'image.tar');
    let source = reportSource(inputs, context);
    io.debug(`decision: the size report reads the image from: ${source}`);
    const gated =
      source === 'oci-layout' &&
      (await canExportOciLayout(io, inputs)) &&
      (await gateOnBuildx(io, { ...options, outputs: [...options.outputs, `type=oci,dest=${layout}`] }).catch(
        () => undefined,
      ));
    if (gated) options = gated;
    else {
      // The user asked for a build, not a report: a builder that cannot add the export skips the report.
      if (source === 'oci-layout') {
        io.warning(
          'Size report skipped: this builder cannot export the unpushed image as an OCI layout beside your ' +
            'outputs (the docker driver needs the containerd image store, and a second output buildx >= 0.13). ' +
            'Use docker/setup-buildx-action, or push the image.',
        );
        source = 'none';
      }
      options = await gateOnBuildx(io, options);
    }
    await checkLoad(inputs);
    const written = await guardPush(io, inputs, plan);
    options = await checkCacheExports(io, options, builder?.driver);
    const pin = source !== 'none' ? await import('../steps/baseline-pin.js') : undefined;
    const pinned = pin && (await pin.pinBaseline(io, inputs, context, now));
    // A baseline already known to be missing or unreadable is told before the build, as before.
    if (pinned && 'outcome' in pinned) {
      (await import('../steps/baseline.js')).noteBaselineFound(io, inputs, pinned.outcome);
    }
    await writeSecretFiles(inputs, context, workDir);

    // buildx takes a second or more, mostly the engine's: meanwhile the rest of the baseline is
    // read and the report's code loaded (the adapter holds their log lines while buildx prints).
    let meanwhile: Promise<PreparedReport> | undefined;
    const prepare = () => {
      meanwhile ??= pinned && prepareReport(io, inputs, pinned);
      meanwhile?.catch(() => undefined); // a failed build does not wait for it
    };
    const result = await runBuild(io, options, written, prepare);
    prepare();
    const prepared = await meanwhile;
    if (!builderFirst) await announceBuiltBy(io, result.metadata);
    const pushed = leg && (await pushLeg(io, leg, inputs, result.digest));
    io.setOutput('imageid', result.imageId);
    io.setOutput('digest', pushed ? pushed.digest : result.digest);
    if (pushed) io.setOutput('platform', pushed.platform);
    io.setOutput('metadata', result.metadata);
    setMetadataOutputs(io, metadata);
    if (pushed) io.info(`Pushed ${pushed.platform} by digest: ${pushed.digest} (no tags)`);
    else logTags(io, inputs, plan, result.digest);
    if (prepared) {
      const image = inputs.build.push
        ? `${parseReference(plan.tags[0]).name}@${result.digest}`
        : `oci-layout://${layout}`;
      await report(io, { inputs, context, plan, image, prepared, digest: result.digest });
    }
  } catch (error) {
    io.fail(failureMessage(error));
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The metadata outputs, as metadata-action's. A leg is tagged by the merge step, not here: its
 * tags are empty.
 */
function metadataOf(io: Io, inputs: ActionInputs, plan: ImagePlan, leg: boolean): MetadataOutputs {
  return metadataOutputs({
    version: plan.version,
    tags: leg ? [] : plan.tags,
    tagNames: leg ? [] : plan.tagNames,
    labels: plan.labels,
    ociLabels: plan.ociLabels,
    annotationLevels: annotationLevels(io.env.DOCKER_METADATA_ANNOTATIONS_LEVELS),
    separators: inputs.separators,
  });
}

/** Each output, and (unless DOCKER_METADATA_SET_OUTPUT_ENV is false) its DOCKER_METADATA_OUTPUT_* variable. */
function setMetadataOutputs(io: Io, outputs: MetadataOutputs): void {
  const variables = exportsVariables(io.env.DOCKER_METADATA_SET_OUTPUT_ENV);
  for (const [name, value] of outputs) {
    io.setOutput(name, value);
    if (variables) io.exportVariable(metadataVariable(name), value);
  }
}

/** `call: check`: buildx's build checks on the Dockerfile, as annotations; nothing is built. */
async function runChecks(
  io: Io,
  inputs: ActionInputs,
  plan: ImagePlan,
  context: GitContext,
  workDir: string,
): Promise<void> {
  const { checkTarget, runCheckStep } = await import('../steps/check.js');
  const target = await checkTarget({
    context: inputs.build.context,
    file: inputs.build.file,
    cwd: io.cwd,
    workspace: io.env.GITHUB_WORKSPACE || io.cwd,
  });
  // A check exports no cache: only what the build would read is kept.
  const options = await gateOnBuildx(io, {
    ...buildOptions(io, inputs, plan, context, workDir),
    cacheTo: [],
  });
  await writeSecretFiles(inputs, context, workDir);
  await runCheckStep(io, options, target);
}

// A PR's code, built where the event holds a write token and secrets (see buildx/trust.ts).
async function refuseUntrustedBuild(io: Io, inputs: ActionInputs, context: GitContext): Promise<void> {
  if (inputs.allowUntrustedBuild || !needsTrustCheck(context.eventName, context.workflowRunEvent)) return;
  const credentials = credentialsOfBuild(inputs, context);
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

/** A leg (push-by-digest) is one platform of an image: the merge step tags it and reports on the whole. */
async function planLeg(
  io: Io,
  inputs: ActionInputs,
  builder: BuilderInfo | undefined,
  workDir: string,
  plan: ImagePlan,
): Promise<LegPlan> {
  const legs = await import('../steps/legs.js');
  const leg = await legs.planLeg(io, inputs, builder, join(workDir, 'leg.tar'));
  io.info('Size report skipped: push-by-digest pushes one leg; the merge step reports on the merged image.');
  // Not silently ignored: the rules still name the version (label and output), not a tag.
  if (plan.tags.length > 0) {
    io.info(
      `push-by-digest: no tag is pushed (the merge step tags); the tag rules give the version ` +
        `${plan.version || '(none)'} for the label org.opencontainers.image.version.`,
    );
  }
  return leg;
}

async function pushLeg(io: Io, leg: LegPlan, inputs: ActionInputs, digest: string) {
  const legs = await import('../steps/legs.js');
  return legs.pushLeg(io, leg, inputs, digest).catch((error: Error) => {
    throw new StepError(`Built the image, but pushing it by digest failed: ${error.message}`);
  });
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

async function writeSecretFiles(inputs: ActionInputs, context: GitContext, workDir: string): Promise<void> {
  const secrets = valueSecrets(inputs, context);
  await Promise.all(secrets.map((s, i) => writeFile(secretFile(workDir, i), s.value, { mode: 0o600 })));
}

async function canExportOciLayout(io: Io, inputs: ActionInputs): Promise<boolean> {
  if (!layoutExportDependsOnEngine(inputs, io.env)) return true;
  return (await engineHasContainerdStore()) !== false;
}

async function checkLoad(inputs: ActionInputs): Promise<void> {
  if (!loadNeedsContainerdStore(inputs)) return;
  if ((await engineHasContainerdStore()) === false) {
    throw new InputError(
      'load',
      'true',
      `cannot load a multi-platform image (platforms: ${inputs.build.platforms.join(',')}) into this Docker engine: ` +
        'it does not use the containerd image store. Build one platform, push instead, or enable the containerd image store.',
    );
  }
}

/**
 * A push to several repositories (steps/push-guard.ts): each must take a push before the build,
 * and the tags' state is kept to tell what a failed push wrote. A leg is pushed untagged: only
 * the access is checked.
 */
async function guardPush(io: Io, inputs: ActionInputs, plan: ImagePlan): Promise<WrittenTags | undefined> {
  const names = pushCheckRepositories(inputs, plan);
  io.debug(`decision: repositories checked for push access before the build: ${names.join(', ') || 'none'}`);
  if (names.length === 0) return undefined;
  const [guard, { registryClientsOf }] = await Promise.all([
    import('../steps/push-guard.js'),
    import('../steps/registry-clients.js'),
  ]);
  const targets = await guard.openPushTargets(names, {
    clients: registryClientsOf(io),
    insecureRegistries: inputs.insecureRegistries,
    env: io.env,
    onSecret: (secret) => io.mask(secret),
    debug: (line) => io.debug(line),
    input: 'images',
  });
  if (inputs.pushByDigest) return undefined;
  const before = await guard.tagStates(plan.tags, targets);
  return { describe: async () => guard.describeWritten(await guard.writtenTags(before, targets)) };
}

function logTags(io: Io, inputs: ActionInputs, plan: ImagePlan, digest: string): void {
  const verb = inputs.build.push ? 'Pushed' : 'Built';
  // Tags are made from branch and tag names: shown, never obeyed.
  if (plan.tags.length > 0)
    io.infoUntrusted(`${verb} ${plan.tags.length} tag(s):\n${plan.tags.map((t) => `  ${t}`).join('\n')}`);
  if (digest) io.info(`Digest: ${digest}`);
}

type PreparedReport = Awaited<ReturnType<typeof prepareReport>>;

/** The baseline's reads after its pin, and the report's modules loaded: what can run beside buildx. */
async function prepareReport(io: Io, inputs: ActionInputs, pinned: PinnedBaseline) {
  const [baselines, size, base] = await Promise.all([
    import('../steps/baseline.js'),
    import('../steps/size.js'),
    import('../steps/base.js'),
    // Compiled while buildx runs, and only what this run will use: the advisor, or the tar reader.
    inputs.advise && inputs.analyzeLayers && import('../steps/advice.js'),
    inputs.analyzeLayers && import('../image/merged.js'),
  ]);
  const advice = adviceSettings(inputs, io.cwd, io.env.GITHUB_WORKSPACE || io.cwd);
  // The Dockerfile's FROM chain, parsed beside the baseline's reads rather than after the build.
  const [baseline, baseHint] = await Promise.all([
    baselines.readPinnedBaseline(io, inputs, pinned),
    base.readBaseHint(io, advice),
  ]);
  // Told as soon as it is known: the adapter holds the line until buildx has printed its own.
  if (!('outcome' in pinned)) baselines.noteBaselineFound(io, inputs, baseline);
  return { baseline, size, advice, baseHint };
}

/** Measures the built image, compares, advises and publishes; a failing budget fails the step. */
async function report(
  io: Io,
  built: {
    inputs: ActionInputs;
    context: GitContext;
    plan: ImagePlan;
    image: string;
    prepared: PreparedReport;
    digest: string;
  },
): Promise<void> {
  const { inputs, plan } = built;
  const shownAs = plan.tags[0] ?? 'the image';
  const { baseline, size, advice, baseHint } = built.prepared;
  const history = historyStep(inputs, plan, built.context);
  try {
    const budget = await size.runSizeStep(io, {
      inputs,
      context: built.context,
      image: built.image,
      shownAs,
      baseline,
      advice,
      baseHint,
      history,
    });
    if (budget === 'fail') io.fail(undefined);
  } catch (error) {
    const what = inputs.build.push
      ? `Pushed ${shownAs} (${built.digest}), but measuring it`
      : 'Measuring the image';
    throw new StepError(`${what} failed: ${failureMessage(error)}`);
  }
}

/** The advisor's settings: the Dockerfile of this build, named from the workspace. */
function adviceSettings(inputs: ActionInputs, cwd: string, workspace: string): AdviceSettings {
  return {
    enabled: inputs.advise,
    minBytes: inputs.adviceMinBytes,
    location: { context: inputs.build.context, file: inputs.build.file, cwd, workspace },
    target: inputs.build.target,
    buildArgs: inputs.build.buildArgs,
  };
}
