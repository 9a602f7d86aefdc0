/**
 * How big a change is, graded for the icon a reader sees first. Relative change matters for a
 * small image, absolute bytes for a big one: either can raise the grade. The growth and shrink
 * icons are never those of the size budget (✅ holds, ⚠️ warns, ❌ fails), so a glance tells
 * "this grew" from "this breaks a rule".
 */

export type ChangeGrade =
  | 'no-baseline'
  | 'none'
  | 'tiny-growth'
  | 'small-growth'
  | 'large-growth'
  | 'tiny-shrink'
  | 'small-shrink'
  | 'large-shrink';

export interface ChangeLevel {
  percent: number;
  bytes: number;
}

/** From `small` (percent of the baseline, or bytes) a change is small; from `large`, large. */
export interface ChangeThresholds {
  small: ChangeLevel;
  large: ChangeLevel;
}

/** The defaults of the `change-thresholds` input: `small=1%,5MB large=10%,50MB`. */
export const GRADE_THRESHOLDS: ChangeThresholds = {
  small: { percent: 1, bytes: 5_000_000 },
  large: { percent: 10, bytes: 50_000_000 },
};

export const GRADE_ICONS: Record<ChangeGrade, string> = {
  'no-baseline': '🆕',
  none: '⚪',
  'tiny-growth': '🔸',
  'small-growth': '🔶',
  'large-growth': '🔺',
  'tiny-shrink': '🔹',
  'small-shrink': '🔷',
  'large-shrink': '🔻',
};

/** The size budget's icons: distinct from every change grade's. */
export const BUDGET_ICONS = { pass: '✅', warn: '⚠️', fail: '❌' } as const;

/** `delta` null: nothing to compare with. `base` is the baseline's size (0 gives bytes only). */
export function gradeChange(
  delta: number | null,
  base: number,
  thresholds: ChangeThresholds = GRADE_THRESHOLDS,
): ChangeGrade {
  if (delta === null) return 'no-baseline';
  if (delta === 0) return 'none';
  const bytes = Math.abs(delta);
  const percent = base > 0 ? (bytes / base) * 100 : 0;
  const reaches = (level: ChangeLevel) => bytes >= level.bytes || (base > 0 && percent >= level.percent);
  const size = reaches(thresholds.large) ? 'large' : reaches(thresholds.small) ? 'small' : 'tiny';
  return `${size}-${delta > 0 ? 'growth' : 'shrink'}`;
}

/**
 * `small=1%,5MB large=10%,50MB` (space, newline or `;` between levels; either part of a level
 * may be left out, then that part keeps its default). `parseSize` reads `5MB`. Throws an Error
 * naming the part that is wrong; the caller names the input.
 */
export function parseChangeThresholds(
  text: string,
  parseSize: (text: string) => number | undefined,
): ChangeThresholds {
  const result: ChangeThresholds = {
    small: { ...GRADE_THRESHOLDS.small },
    large: { ...GRADE_THRESHOLDS.large },
  };
  for (const part of text.split(/[\s;]+/).filter(Boolean)) {
    const match = /^(small|large)=(.+)$/.exec(part);
    if (!match) throw new Error(`"${part}" is not small=PERCENT%,SIZE or large=PERCENT%,SIZE`);
    const level = result[match[1] as 'small' | 'large'];
    for (const value of match[2].split(',')) {
      const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
      const bytes = /^\d+$/.test(value) ? Number(value) : parseSize(value);
      if (percent) level.percent = Number(percent[1]);
      else if (bytes !== undefined) level.bytes = bytes;
      else throw new Error(`"${value}" in "${part}" is neither a percentage (1%) nor a size (5MB)`);
    }
  }
  if (result.large.percent < result.small.percent || result.large.bytes < result.small.bytes)
    throw new Error('large must be at least small, in percent and in bytes');
  return result;
}
