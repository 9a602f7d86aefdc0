/**
 * The merge sub-action (`uses: <owner>/shipshape/merge@v1`): the legs of a multi-platform build
 * (one platform each, pushed by digest on their own runners) become one OCI index, tagged by
 * the main action's rules in every image, and the merged image gets the main action's size
 * report. Orchestration only: the index is planned in merge/index-plan.ts, the registry work
 * is merge/registry-legs.ts's, the report steps/size.ts's.
 */
import type { Io } from '../io/port.js';
import { failureMessage, InputError } from '../util/errors.js';
import { pathRuleOf } from '../inputs/paths.js';
import { planImage } from '../plan/plan.js';
import { parseReference } from '../oci/reference.js';
import { MergeError, planIndex, type IndexPlan } from '../merge/index-plan.js';
import {
  bringLegsInto,
  openRepositories,
  readLegs,
  tagIndex,
  type LocatedLeg,
  type Repository,
} from '../merge/registry-legs.js';
import { checkPushAccess } from '../steps/push-guard.js';
import { runSizeStep } from '../steps/size.js';
import { ruleLine, rulesForAbsentPlatforms } from '../compare/budget.js';
import { checkLayoutInputs } from '../inputs/paths.js';
import { readMergeInputs, type MergeInputs } from '../inputs/merge.js';
import { readGitContext } from '../github/event.js';
import { lookUpBaseline, measureOptions } from '../steps/baseline.js';

export async function run(io: Io): Promise<void> {
  const now = io.now();
  io.mask(io.input('github-token'));
  try {
    const context = readGitContext(io.env);
    const inputs = readMergeInputs((name) => io.input(name), pathRuleOf(io.env, io.cwd));
    await checkLayoutInputs([{ input: 'compare-to', value: inputs.compareTo }]);
    const { tags } = planImage({
      images: inputs.images,
      tagRules: inputs.tagRules,
      tagReferences: inputs.tagReferences,
      flavor: inputs.flavor,
      userLabels: [],
      context,
      now,
    });
    if (tags.length === 0) {
      throw new InputError(
        'tags',
        inputs.tagRules.map((rule) => rule.source).join('\n'),
        `give no tag for this event (${context.eventName} of ${context.ref}): the merged index needs one`,
      );
    }
    const tagsByRepository = groupByRepository(tags, inputs);
    const repositories = await openRepositories([...tagsByRepository.keys()], {
      ...measureOptions(io, pushing(inputs)),
      onSecret: maskOnce(io),
      input: 'images',
    });

    // Everything is read and checked before the first write: a bad leg pushes nothing.
    const legs = await readLegs(inputs.digests, repositories);
    const index = planIndex(legs);
    const absent = rulesForAbsentPlatforms(inputs.budgetRules, index.platforms);
    if (absent.length > 0) {
      throw new InputError(
        'size-budget',
        ruleLine(absent[0]!),
        `is for ${absent[0]!.platform}, which none of the legs is (${index.platforms.join(', ')}); nothing was pushed`,
      );
    }
    io.info(
      `Merging ${legs.length} leg(s) into one index of ${index.platforms.join(', ')} ` +
        `(${index.entries.length - index.platforms.length} attestation manifest(s)): ${index.digest}`,
    );
    // Before the push: the push may move the baseline's tag.
    const baseline = await lookUpBaseline(io, pushing(inputs), context, now);

    await writeIndex(io, repositories, index, legs, tagsByRepository);
    // Tags are made from branch and tag names: shown, never obeyed.
    io.infoUntrusted(
      `Pushed ${tags.length} tag(s):\n${tags.map((t) => `  ${t}`).join('\n')}\nDigest: ${index.digest}`,
    );
    io.setOutput('digest', index.digest);
    io.setOutput('tags', tags.join('\n'));

    const first = repositories[0]!;
    try {
      const budget = await runSizeStep(io, {
        inputs: pushing(inputs),
        context,
        image: `${first.name}@${index.digest}`,
        shownAs: tags[0]!,
        baseline,
      });
      if (budget === 'fail') io.fail(undefined);
    } catch (error) {
      throw new MergeError(
        `Pushed ${tags[0]} (${index.digest}), but measuring it failed: ${failureMessage(error)}`,
      );
    }
  } catch (error) {
    io.fail(failureMessage(error));
  }
}

/**
 * Nothing half-pushed: every repository must take a push before the first write; then each gets
 * the legs and the index by digest (untagged, so a failure there tags nothing), and only then the
 * tags. A tag that fails after others were written names both, and the outputs hold what was.
 */
async function writeIndex(
  io: Io,
  repositories: Repository[],
  index: IndexPlan,
  legs: LocatedLeg[],
  tagsByRepository: Map<string, string[]>,
): Promise<void> {
  if (repositories.length > 1) {
    await checkPushAccess(repositories.map((r) => ({ name: r.name, client: r.client, repository: r.path })));
  }
  for (const repository of repositories) {
    try {
      const copied = await bringLegsInto(repository, index, legs, (line) => io.info(line));
      if (copied > 0) io.info(`${repository.name}: ${copied} blob(s) copied from another registry`);
      await tagIndex(repository, index, [index.digest]);
    } catch (error) {
      throw new MergeError(
        `Pushing the index ${index.digest} to ${repository.name} failed, before any tag was written: ${failureMessage(error)}`,
      );
    }
  }
  const all = repositories.flatMap((r) =>
    tagsByRepository.get(r.name)!.map((tag) => ({ repository: r, tag })),
  );
  const tagged: string[] = [];
  for (const { repository, tag } of all) {
    try {
      await tagIndex(repository, index, [tag]);
    } catch (error) {
      if (tagged.length > 0) {
        io.setOutput('digest', index.digest);
        io.setOutput('tags', tagged.join('\n'));
      }
      const left = all.slice(tagged.length).map((t) => `${t.repository.name}:${t.tag}`);
      throw new MergeError(
        `Tagging the index ${index.digest} as ${repository.name}:${tag} failed: ${failureMessage(error)}\n` +
          `Tagged before the failure: ${tagged.join(', ') || 'nothing'}; not tagged: ${left.join(', ')}`,
      );
    }
    tagged.push(`${repository.name}:${tag}`);
  }
}

// The merge always pushes: a baseline tag it moves is pinned by digest first.
const pushing = (inputs: MergeInputs) => ({ ...inputs, build: { push: true } });

/** Tags by repository name, the images' repositories first (where the legs pushed, in order). */
function groupByRepository(tags: readonly string[], inputs: MergeInputs): Map<string, string[]> {
  const byRepository = new Map<string, string[]>(inputs.images.map((image) => [image, []]));
  for (const tag of tags) {
    const { name, tag: value } = parseReference(tag);
    byRepository.set(name, [...(byRepository.get(name) ?? []), value ?? 'latest']);
  }
  for (const [name, values] of byRepository) if (values.length === 0) byRepository.delete(name);
  return byRepository;
}

// Every request tells of the same credentials again: one mask each is enough.
function maskOnce(io: Io): (secret: string) => void {
  const masked = new Set<string>();
  return (secret) => {
    if (masked.has(secret)) return;
    masked.add(secret);
    io.mask(secret);
  };
}
