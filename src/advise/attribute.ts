/**
 * Which Dockerfile instruction made each image layer.
 *
 * The exported stage's chain (its `FROM <stage>` parents down to a stage built on an image) is
 * what the image holds: the root's base-image layers first, then one layer per RUN/COPY/ADD/
 * WORKDIR of the chain, minus the steps that changed nothing (both builders drop those, or mark
 * them `empty_layer`). So layers are matched from the top, newest first, by comparing each
 * layer's history `created_by` with the instructions; the text decides. Where it cannot (no
 * history, a form we do not read), layers between two text matches are paired by order when the
 * counts agree, and otherwise left without an instruction: no attribution beats a wrong one.
 */
import { cleanCreatedBy } from '../oci/history.js';
import type { LayerScan } from '../image/layers.js';
import type { AttributedLayer, DockerfileModel, Instruction, Stage } from './model.js';

export interface LayerToAttribute {
  digest: string;
  compressed: number;
  createdBy?: string;
  scan: LayerScan;
}

/** Instructions that can make a layer (all others only change the config). */
const LAYER_MAKING = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** Those that make one whenever they change a file: a no-op WORKDIR (the dir exists) makes none. */
const ALWAYS_CHANGING = new Set(['RUN', 'COPY', 'ADD']);
const KEYWORDS = new Set([
  ...LAYER_MAKING,
  ...['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD'],
  ...['SHELL', 'STOPSIGNAL', 'USER', 'VOLUME'],
]);

const BUILDKIT_SUFFIX = '# buildkit';

type Verdict = 'match' | 'mismatch' | 'unknown';

export function attributeLayers(
  model: DockerfileModel,
  layers: readonly LayerToAttribute[],
): AttributedLayer[] {
  const { made, fromBase, root } = attribution(model, layers);
  return layers.map((layer, index) => ({
    index,
    digest: layer.digest,
    compressed: layer.compressed,
    scan: layer.scan,
    ...(layer.createdBy !== undefined && { createdBy: layer.createdBy }),
    instruction: fromBase[index] ? root.from : made[index],
    fromBase: fromBase[index]!,
  }));
}

/**
 * How many of the image's bottom layers came with the base image of the exported stage's chain,
 * as attributeLayers tells them (0 for `FROM scratch`, or when no layer can be told apart).
 */
export function baseLayerCount(model: DockerfileModel, layers: readonly { createdBy?: string }[]): number {
  const { fromBase } = attribution(model, layers);
  const count = fromBase.findIndex((isBase) => !isBase);
  return count === -1 ? fromBase.length : count;
}

function attribution(
  model: DockerfileModel,
  layers: readonly { createdBy?: string }[],
): { made: (Instruction | undefined)[]; fromBase: boolean[]; root: Stage } {
  const chain = stageChain(model);
  const root = chain[0]!;
  const candidates = chain.flatMap((stage) => stage.instructions.filter((i) => LAYER_MAKING.has(i.keyword)));
  const hasHistory = layers.some((layer) => Boolean(layer.createdBy?.trim()));
  const steps = layers.map((layer) => readStep(layer.createdBy, hasHistory));
  const verdict = (layer: number, candidate: number): Verdict =>
    compare(steps[layer]!, candidates[candidate]!);

  const made: (Instruction | undefined)[] = layers.map(() => undefined);
  const fromBase: boolean[] = layers.map(() => false);

  // 1. Anchors: each layer, newest first, against the nearest instruction below the last anchor whose text matches.
  const anchors: [layer: number, candidate: number][] = [];
  let next = candidates.length - 1;
  for (let layer = layers.length - 1; layer >= 0 && next >= 0; layer--) {
    for (let candidate = next; candidate >= 0; candidate--) {
      if (verdict(layer, candidate) === 'match') {
        anchors.push([layer, candidate]);
        next = candidate - 1;
        break;
      }
    }
  }

  // 2. Between anchors (and above the top one): by order, only when the counts agree and no text says otherwise.
  let upperLayer = layers.length;
  let upperCandidate = candidates.length;
  for (const [layer, candidate] of anchors) {
    pairInOrder(range(layer + 1, upperLayer), range(candidate + 1, upperCandidate));
    made[layer] = candidates[candidate];
    upperLayer = layer;
    upperCandidate = candidate;
  }

  // 3. Below the lowest anchor: the rest of the chain's instructions, then the base image.
  let candidate = upperCandidate - 1;
  for (let layer = upperLayer - 1; layer >= 0; layer--) {
    if (candidate < 0) {
      // Every instruction is placed: what is left came with the base image (scratch has none).
      fromBase[layer] = root.baseImage !== 'scratch';
      continue;
    }
    const said = verdict(layer, candidate);
    if (said === 'unknown' && ALWAYS_CHANGING.has(candidates[candidate]!.keyword)) {
      made[layer] = candidates[candidate--];
    } else if (said === 'mismatch') {
      // A layer whose history names none of the instructions left is not ours, nor is anything below it.
      for (let below = layer; below >= 0; below--) fromBase[below] = root.baseImage !== 'scratch';
      break;
    } else {
      break; // a WORKDIR may or may not have made this layer: leave the rest unattributed
    }
  }

  return { made, fromBase, root };

  function pairInOrder(layerRange: number[], candidateRange: number[]): void {
    if (layerRange.length !== candidateRange.length) return;
    if (layerRange.some((layer, i) => verdict(layer, candidateRange[i]!) !== 'unknown')) return;
    layerRange.forEach((layer, i) => (made[layer] = candidates[candidateRange[i]!]));
  }
}

/** The exported stage and the stages it is built on (`FROM <stage>`), root first. */
export function stageChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  let stage: Stage | undefined = model.stages[model.exported];
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.unshift(stage);
    stage = stage.parentStage === undefined ? undefined : model.stages[stage.parentStage];
  }
  return chain;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** A layer's history entry as comparable text. */
interface Step {
  /** The Dockerfile keyword the entry names; undefined when the text is in no form we read. */
  keyword?: string;
  /** After the keyword (and, for RUN, the build args and shell), whitespace collapsed. */
  text: string;
  /** The whole entry, BuildKit's suffix removed, whitespace collapsed. */
  raw: string;
  /** No history entry in an image that has history: not a step of a Dockerfile. */
  foreign: boolean;
}

function readStep(createdBy: string | undefined, hasHistory: boolean): Step {
  // endsWith, not a /\s*# buildkit$/ regex: that is quadratic on long runs of spaces (history.ts).
  let text = (createdBy ?? '').trim();
  if (text.endsWith(BUILDKIT_SUFFIX)) text = text.slice(0, -BUILDKIT_SUFFIX.length);
  const raw = collapse(text);
  if (raw === '') return { text: '', raw, foreign: hasHistory };
  const clean = cleanCreatedBy(createdBy!);
  const space = clean.search(/\s/);
  const word = (space === -1 ? clean : clean.slice(0, space)).toUpperCase();
  if (!KEYWORDS.has(word)) return { text: '', raw, foreign: false };
  return { keyword: word, text: collapse(space === -1 ? '' : clean.slice(space)), raw, foreign: false };
}

function compare(step: Step, instruction: Instruction): Verdict {
  if (step.foreign) return 'mismatch';
  if (step.keyword === undefined) {
    // Another tool's wording: a RUN's command at the end of it is still the command.
    if (step.raw === '' || instruction.keyword !== 'RUN') return 'unknown';
    const command = withoutBuildArgs(step.raw);
    return runForms(instruction).some((form) => endsWithCommand(command, form)) ? 'match' : 'unknown';
  }
  if (step.keyword !== instruction.keyword) return 'mismatch';
  switch (instruction.keyword) {
    case 'RUN':
      return runMatches(step, instruction) ? 'match' : 'mismatch';
    case 'COPY':
    case 'ADD':
      return copyMatches(step.text, instruction) ? 'match' : 'mismatch';
    default:
      // WORKDIR: both builders write the path with variables expanded.
      return matchesWithVariables(collapse(instruction.arguments.join(' ')), step.text)
        ? 'match'
        : 'mismatch';
  }
}

/**
 * BuildKit: `RUN [|N A=1 ...] /bin/sh -c <command>`; exec form `RUN [|N ...] sh -c echo` (the
 * JSON strings joined); the classic builder: the same without `RUN`. cleanCreatedBy took the
 * build args and a shell it knows off `step.text`; a SHELL it does not know stays in front.
 */
function runMatches(step: Step, instruction: Instruction): boolean {
  const command = withoutBuildArgs(step.raw.replace(/^RUN /, ''));
  return runForms(instruction).some(
    (form) => step.text === form || command === form || endsWithCommand(command, form),
  );
}

/**
 * `|2 A=1 B=2 rest` -> `rest`: both builders list the build args in effect before the command.
 * Only when the N words are N `KEY=value` words: a value with spaces leaves the text as it is.
 */
function withoutBuildArgs(text: string): string {
  const count = /^\|(\d+) /.exec(text);
  if (!count) return text;
  const words = text.slice(count[0].length).split(' ');
  const args = words.slice(0, Number(count[1]));
  return args.every((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))
    ? words.slice(args.length).join(' ')
    : text;
}

/** `<shell and its flags> <form>`: what precedes the command ends in a flag (`-c`, `-Command`, `/C`). */
function endsWithCommand(text: string, form: string): boolean {
  if (!text.endsWith(` ${form}`)) return false;
  const before = text.slice(0, -form.length - 1);
  const last = before.slice(before.lastIndexOf(' ') + 1);
  return /^[-/]\w+$/.test(last) && !/&&|\|\||;/.test(before);
}

/**
 * The ways a RUN's command appears in history: as written (continuations joined; exec form: the
 * strings joined), or, for a heredoc RUN, its first line with the bodies, or the body alone
 * when the first line is only `<<EOF` (BuildKit then runs the body as the script).
 */
function runForms(instruction: Instruction): string[] {
  const withoutFlags = collapse(instruction.args.slice(instruction.flags.join(' ').length));
  if (withoutFlags.startsWith('[')) return [collapse(instruction.arguments.join(' '))];
  const forms = [withoutFlags];
  const [command = '', ...bodies] = instruction.arguments;
  if (bodies.length > 0 && /^<<-?(["']?)[\w.-]+\1$/.test(command.trim()))
    forms.push(collapse(bodies.join('\n')));
  return forms.filter((form) => form !== '');
}

// The classic builder names what it copied by content hash: `file:<hex> in /dst`.
const CLASSIC_COPY = /^(?:--\S+\s+)*(?:file|dir|multi):[0-9a-f]+ in (.*)$/;

/**
 * BuildKit writes `COPY [--chown=..] src... dst` (without --from/--link), the classic builder
 * `COPY file:<hash> in dst`; both expand variables (`COPY $SRC $DIR/`).
 */
function copyMatches(text: string, instruction: Instruction): boolean {
  const destination = collapse(instruction.arguments.at(-1) ?? '');
  const classic = CLASSIC_COPY.exec(text);
  if (classic) return matchesWithVariables(destination, collapse(classic[1]!));
  const words = text.split(' ');
  while (words.length > 0 && words[0]!.startsWith('--')) words.shift();
  return matchesWithVariables(collapse(instruction.arguments.join(' ')), words.join(' '));
}

/**
 * Whether `text` is `pattern` with each `$VAR` / `${VAR...}` of the pattern standing for any
 * value. Literal pieces are found in order, leftmost first (right for `*`-style wildcards), so
 * the cost stays linear whatever the author wrote; a regex of `.*`s would not.
 */
function matchesWithVariables(pattern: string, text: string): boolean {
  const pieces = pattern.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  if (pieces.length === 1) return pattern === text;
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  if (!text.startsWith(first) || text.length < first.length + last.length) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return text.endsWith(last);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
