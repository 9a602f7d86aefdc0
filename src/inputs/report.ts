/**
 * The report action's inputs (report/action.yml), read and checked before anything is asked of a
 * registry or GitHub: either a report saved by an earlier run to post (`size-report`,
 * `size-report-file`), or an image to measure (`image`, `baseline` and the advice inputs).
 */
import type { ChangeThresholds } from '../render/icons.js';
import { readFile } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { readHistoryInputs, type HistoryInputs } from './history.js';
import { parseList } from '../util/list.js';
import { OCI_LAYOUT, parseReference } from '../oci/reference.js';
import { parseSizeReport, type SizeReport } from '../report/size-report.js';
import { COMMENT_MODES, type CommentMode } from '../github/comment.js';
import { checkImageOrLayout, checkLayoutInputs, checkPath, type PathRule } from './paths.js';
import {
  checkPlatform,
  readBoolean,
  readChoice,
  readCommentKey,
  readRegistryHosts,
  readSize,
  readChangeThresholds,
  type GetInput,
} from './read.js';

export interface ReportInputs {
  githubToken: string;
  /** `username` and `password`: for the registry of `image`, the input they come with, only. */
  username: string;
  password: string;
  insecureRegistries: string[];
  /** `pr-number`; undefined when empty (the event's pull request, if any, is the action's to add). */
  prNumber?: number;
  comment: CommentMode;
  minChange: number;
  /** `change-thresholds`: when a change is small, when large (the icons). */
  changeThresholds: ChangeThresholds;
  /** `comment-key` as given; '' for the default, which depends on the image (defaultCommentKey). */
  commentKey: string;
  /** A report saved by an earlier run, to post; undefined when the step measures `image`. */
  saved?: SizeReport;
  /** What to measure and advise on; undefined with a saved report. */
  measure?: MeasureInputs;
  /** The size history: read (never written) for the trend and the `history` output. */
  history: HistoryInputs;
}

export interface MeasureInputs {
  image: string;
  baseline?: string;
  platforms: string[];
  analyzeLayers: boolean;
  advise: boolean;
  adviceMinBytes: number;
  /** The Dockerfile the image was built from: the image was built elsewhere, only this says. */
  file?: string;
  target?: string;
  buildArgs: string[];
}

/** Inputs whose values are secrets: masked before anything else reads them. */
export function reportSecrets(getInput: GetInput): string[] {
  return [getInput('password'), getInput('github-token')];
}

export async function readReportInputs(getInput: GetInput, rule: PathRule): Promise<ReportInputs> {
  checkReportPaths(getInput, rule);
  const commentKey = readCommentKey(getInput, '');
  const insecureRegistries = readRegistryHosts(getInput);
  await checkLayoutInputs(['image', 'baseline'].map((input) => ({ input, value: getInput(input) })));
  const prNumber = readPrNumber(getInput('pr-number'));
  const saved = await savedReport(getInput);
  return {
    githubToken: getInput('github-token'),
    username: getInput('username'),
    password: getInput('password'),
    insecureRegistries,
    prNumber,
    comment: readChoice(getInput, 'comment', COMMENT_MODES, 'auto'),
    minChange: readSize(getInput, 'min-change', 1000),
    changeThresholds: readChangeThresholds(getInput),
    commentKey,
    history: readHistoryInputs(getInput),
    ...(saved ? { saved } : { measure: readMeasureInputs(getInput) }),
  };
}

/**
 * The report action's local paths (report/action.yml), held to the rule before anything runs:
 * `image` and `baseline` as oci-layout://PATH, the Dockerfile in `file`, the saved report in
 * `size-report-file`.
 */
export function checkReportPaths(getInput: GetInput, rule: PathRule): void {
  for (const input of ['image', 'baseline']) checkImageOrLayout(input, getInput(input), rule);
  for (const input of ['file', 'size-report-file']) {
    const value = getInput(input);
    if (value) checkPath(rule, input, value, value, 'existing');
  }
}

// The main action's default key is the image name; a report of the same image shares its comment.
export function defaultCommentKey(ref: string): string {
  if (ref.startsWith(OCI_LAYOUT)) return 'default';
  try {
    return parseReference(ref, 'image').name;
  } catch {
    return 'default';
  }
}

function readMeasureInputs(getInput: GetInput): MeasureInputs {
  const image = getInput('image');
  if (!image) throw new InputError('image', '', 'is required: the reference of the image to measure');
  const baseline = getInput('baseline') || undefined;
  // Checked here, before any request, so a typo names its input instead of a registry error.
  checkImageReference(image, 'image');
  if (baseline) checkImageReference(baseline, 'baseline');
  const platforms = parseList(getInput('platforms'));
  platforms.forEach(checkPlatform);
  return {
    image,
    baseline,
    platforms,
    analyzeLayers: readBoolean(getInput, 'analyze-layers', true),
    advise: readBoolean(getInput, 'advise', true),
    adviceMinBytes: readSize(getInput, 'advice-min-bytes', 1_000_000),
    file: getInput('file') || undefined,
    target: getInput('target') || undefined,
    buildArgs: parseList(getInput('build-args'), { ignoreComma: true }),
  };
}

async function savedReport(getInput: GetInput): Promise<SizeReport | undefined> {
  const json = getInput('size-report');
  const file = getInput('size-report-file');
  if (json && file)
    throw new InputError('size-report-file', file, 'and "size-report" are both set: give one');
  if (!json && !file) return undefined;
  let text = json;
  if (file) {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError('size-report-file', file, `cannot be read: ${(error as Error).message}`);
    }
  }
  try {
    return parseSizeReport(text);
  } catch (error) {
    throw new InputError(
      file ? 'size-report-file' : 'size-report',
      file || '(JSON)',
      `is not a size report: ${(error as Error).message}`,
    );
  }
}

function checkImageReference(ref: string, input: string): void {
  if (!ref.startsWith(OCI_LAYOUT)) parseReference(ref, input);
}

function readPrNumber(value: string): number | undefined {
  if (value === '') return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(value))
    throw new InputError('pr-number', value, 'is not a pull request number');
  return Number(value);
}
