/**
 * The advisor as a step of the action: finds the Dockerfile, runs the rules on the layers the
 * measuring scanned, annotates the Dockerfile lines, and returns the findings for the report.
 * Advice is a bonus: whatever goes wrong here is logged, never fails the build or the report.
 */
import type { Io } from '../io/port.js';
import { formatBytes } from '../render/format.js';
import { savedBy } from '../report/savings.js';
import { silenceHint } from '../report/silence.js';
import { sanitize } from '../render/escape.js';
import type { AdviceEntry, RebuiltLayer, SizeReport } from '../report/size-report.js';
import type { ScannedPlatform } from '../measure/measure.js';
import type { AdviceFinding } from '../advise/advise.js';
import { adviseImage } from '../advise/advise-image.js';
import { readDockerfileSource, type DockerfileLocation } from '../advise/dockerfile-source.js';
import type { Rule } from '../advise/model.js';
import { RULES } from '../advise/rules/index.js';

export interface AdviceStepInput {
  /** The `advise` input. */
  enabled: boolean;
  analyzeLayers: boolean;
  minBytes: number;
  /** Where the Dockerfile is; undefined when the step cannot know (says why). */
  location: DockerfileLocation | { unknown: string };
  target?: string;
  buildArgs: string[];
  scanned: readonly ScannedPlatform[];
  /** The image compared with its baseline: its rebuilt layers are advice too (reproducible-build). */
  compared?: SizeReport;
  rules?: readonly Rule[];
}

// GitHub shows at most 10 warning annotations per step; leave room for the budget's.
const MAX_ANNOTATIONS = 8;
// An annotation is read in a narrow box: messages are cut, the report has them whole.
const MAX_ANNOTATION_TEXT = 600;

/** What the step needs besides the scans: the action's inputs, read by adviceSettings. */
export type AdviceSettings = Omit<AdviceStepInput, 'analyzeLayers' | 'scanned' | 'compared' | 'rules'>;

/** The findings for the report; undefined when the advisor did not run. */
export async function runAdviceStep(io: Io, step: AdviceStepInput): Promise<AdviceEntry[] | undefined> {
  if (!step.enabled) return undefined;
  if (!step.analyzeLayers) {
    io.info('Size advice: none, since analyze-layers is false (advice reads the files in the layers).');
    return undefined;
  }
  if ('unknown' in step.location) {
    io.infoUntrusted(`Size advice: none, ${step.location.unknown}.`);
    return undefined;
  }
  const rules = step.rules ?? RULES;
  try {
    const source = await readDockerfileSource(step.location);
    if (!source.found) {
      io.infoUntrusted(`Size advice: none, ${source.reason}.`);
      return undefined;
    }
    const advice = adviseImage(step.scanned, {
      dockerfile: source,
      target: step.target,
      buildArgs: step.buildArgs,
      rules,
      minBytes: step.minBytes,
      ...(step.compared && { rebuilt: rebuiltLayers(step.compared) }),
    });
    const failed = new Set<string>();
    for (const f of advice.failures) {
      if (failed.has(f.rule)) continue;
      failed.add(f.rule);
      io.warning(sanitize(`Size advice: the rule ${f.rule} failed on ${f.platform}: ${f.message}`));
    }
    const platformCount = step.scanned.length;
    const titles = new Map(rules.map((r) => [r.id, r.title]));
    for (const finding of advice.findings.slice(0, MAX_ANNOTATIONS)) {
      annotate(io, finding, titles.get(finding.rule) ?? finding.rule, source.inWorkspace, platformCount);
    }
    const shown = Math.min(advice.findings.length, MAX_ANNOTATIONS);
    io.info(
      advice.findings.length === 0
        ? `Size advice: no way to save ${formatBytes(step.minBytes)} or more found in ${source.file}.`
        : `Size advice: ${advice.findings.length} way(s) to shrink the image, up to ${formatBytes(advice.total)}` +
            (shown < advice.findings.length ? ` (the ${shown} largest annotated; all in the report).` : '.'),
    );
    return advice.findings.map(toEntry);
  } catch (error) {
    io.warning(sanitize(`Size advice failed, the report has none: ${(error as Error).message}`));
    return undefined;
  }
}

function annotate(
  io: Io,
  finding: AdviceFinding,
  title: string,
  inWorkspace: boolean,
  platformCount: number,
): void {
  // Rule text quotes the Dockerfile, which a PR's author writes: sanitize shows control
  // characters as escapes, and the runner escapes %, CR and LF, so no text can start a command.
  const limit = { limit: MAX_ANNOTATION_TEXT };
  const where = inWorkspace ? '' : `${finding.file}:${finding.line}: `;
  const only = finding.platforms.length < platformCount ? ` (on ${finding.platforms.join(', ')})` : '';
  // The hint after the fix, never cut with it.
  const message =
    `${sanitize(where + finding.message, limit)}\nFix: ${sanitize(finding.fix, limit)}\n` +
    sanitize(silenceHint(finding.rule), { limit: 200 });
  const saved = savedBy(finding);
  io.warning(message, {
    ...(inWorkspace && { file: finding.file, startLine: finding.line, endLine: finding.endLine }),
    // The title's figure is the Saves column's: what the fix alone saves, none when unknown.
    title: sanitize(`${title}${saved === undefined ? '' : `: saves ${formatBytes(saved)}`}${only}`, {
      limit: 200,
    }),
  });
}

/** Per compared platform, its layers rebuilt with the baseline's files. */
function rebuiltLayers(report: SizeReport): Map<string, RebuiltLayer[]> {
  return new Map(report.platforms.flatMap((p) => (p.changes ? [[p.platform, p.changes.rebuilt ?? []]] : [])));
}

function toEntry(f: AdviceFinding): AdviceEntry {
  return {
    rule: f.rule,
    file: f.file,
    line: f.line,
    endLine: f.endLine,
    bytes: f.bytes,
    message: f.message,
    fix: f.fix,
    ...(f.saves !== undefined && { saves: f.saves }),
    ...(f.withLines !== undefined && f.withLines.length > 0 && { withLines: f.withLines }),
    platforms: f.platforms,
  };
}
