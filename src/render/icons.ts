/**
 * How big a change is, graded for the icon a reader sees first. Relative change matters for a
 * small image, absolute bytes for a big one: either can raise the grade.
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

/** From this share of the baseline (percent) or this many bytes, a change is small, then large. */
export const GRADE_THRESHOLDS = {
  small: { percent: 1, bytes: 5_000_000 },
  large: { percent: 10, bytes: 50_000_000 },
} as const;

export const GRADE_ICONS: Record<ChangeGrade, string> = {
  'no-baseline': '🆕',
  none: '⚪',
  'tiny-growth': '🔸',
  'small-growth': '⚠️',
  'large-growth': '🚨',
  'tiny-shrink': '🔹',
  'small-shrink': '✅',
  'large-shrink': '🎉',
};

/** `delta` null: nothing to compare with. `base` is the baseline's size (0 gives bytes only). */
export function gradeChange(delta: number | null, base: number): ChangeGrade {
  if (delta === null) return 'no-baseline';
  if (delta === 0) return 'none';
  const bytes = Math.abs(delta);
  const percent = base > 0 ? (bytes / base) * 100 : 0;
  const reaches = (level: { percent: number; bytes: number }) =>
    bytes >= level.bytes || (base > 0 && percent >= level.percent);
  const size = reaches(GRADE_THRESHOLDS.large) ? 'large' : reaches(GRADE_THRESHOLDS.small) ? 'small' : 'tiny';
  return `${size}-${delta > 0 ? 'growth' : 'shrink'}`;
}
