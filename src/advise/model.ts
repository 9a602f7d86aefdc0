/**
 * The size advisor's data: a Dockerfile as stages and instructions with their lines, each
 * image layer paired with the instruction that made it, and the findings rules return.
 * Pure data: dockerfile.ts parses, attribute.ts pairs, rules/*.ts judge, advise.ts runs them.
 */
import type { AdviceEntry, RebuiltLayer } from '../report/size-report.js';
import type { LayerScan } from '../image/layers.js';
import type { Waste } from '../image/wasted.js';

/** One instruction as written, with the lines it spans (1-based, inclusive; heredocs included). */
export interface Instruction {
  /** Upper-cased keyword: RUN, COPY, ADD, FROM, WORKDIR, ENV, ... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined, flags included (`--mount=...`). */
  args: string;
  /** Flags (`--from=build`, `--mount=type=cache,target=/root/.cache`, `--chown=1:1`), as written. */
  flags: string[];
  /** For RUN: the command (flags removed, heredoc bodies appended). For COPY/ADD: sources then destination. */
  arguments: string[];
  /** Heredoc bodies (`RUN <<EOF ... EOF`), in order. */
  heredocs: string[];
  startLine: number;
  endLine: number;
  /** Index of the stage the instruction belongs to. */
  stage: number;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  /** The FROM instruction. */
  from: Instruction;
  /** The image FROM names, ARGs expanded where their defaults say (`python:3.12-slim`, `scratch`). */
  baseImage: string;
  /** The stage FROM names, when it builds on another stage of this file (`FROM build AS final`). */
  parentStage?: number;
  /** The stage's instructions after its FROM, in order. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  /** The path as the user gave it, relative to the workspace: what annotations name. */
  file: string;
  /** The text, line by line (line N is `lines[N - 1]`): what a fix's edit starts from. */
  lines: string[];
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  stages: Stage[];
  /** The exported stage: the target, or the last. */
  exported: number;
  /** Lines silenced per rule: `# shipshape-ignore RULE-ID` covers its own line and the instruction below it. */
  ignored: { line: number; rules: string[] }[];
}

/** One image layer, bottom = 0, with what made it. */
export interface AttributedLayer {
  index: number;
  digest: string;
  compressed: number;
  scan: LayerScan;
  /** The history's raw `created_by` (history.ts cleanCreatedBy makes it readable), when the config says. */
  createdBy?: string;
  /**
   * The instruction that made the layer. Base-image layers point at the FROM of the stage chain's
   * root (`fromBase: true`). undefined when the layer cannot be matched.
   */
  instruction?: Instruction;
  fromBase: boolean;
}

/** What a rule looks at: one platform of the image, attributed. */
export interface AdviceInput {
  dockerfile: DockerfileModel;
  platform: string;
  layers: AttributedLayer[];
  /** The cross-layer waste of these layers (wasted.ts), with the hidden copies. */
  waste: Waste;
  /**
   * Layers the comparison with the baseline (compare/delta.ts) found rebuilt with the baseline's
   * files, only their times differing; absent without a baseline.
   */
  rebuilt?: readonly RebuiltLayer[];
}

/**
 * A fix as an edit of the Dockerfile: lines `line`..`endLine` (1-based, inclusive) become `text`
 * (several lines joined by `\n`; '' removes them). Edits of one fix never overlap.
 */
export interface LineEdit {
  line: number;
  endLine: number;
  text: string;
}

/** What a rule finds: an advice entry of the report, before it is merged over the platforms. */
export type Finding = Omit<AdviceEntry, 'platforms'> & {
  /**
   * The fix, machine-applicable (edit.ts applyEdits): the lines of the Dockerfile it changes, and
   * any file of the build context it writes (`.dockerignore`). Absent when the fix is no edit a
   * tool can make (a question, or a rewrite into stages): then `saves` is absent too or measured
   * from what the message names.
   */
  edits?: LineEdit[];
  contextFiles?: Record<string, string>;
};

export interface Rule {
  id: string;
  /** A short title for annotations: `Package cache left in the image`. */
  title: string;
  check(input: AdviceInput): Finding[];
}
