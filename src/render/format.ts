/**
 * Numbers as people read them: decimal units (kB, MB, GB, as registries and `docker images`
 * show sizes), signed deltas, percentages. The exact bytes stay in the JSON.
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** `0 B`, `999 B`, `1.00 kB`, `12.3 MB`, `123 MB`: three significant digits from 1 kB up. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1000) return `${bytes} B`;
  let unit = 0;
  let value = abs;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** `+1.20 kB`, `-3.4 MB`, `0 B`. */
export function formatDelta(bytes: number): string {
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}

/** `+4.1%`, `-0.3%`, `0%`, or '' when there is nothing to compare with. */
export function formatPercent(delta: number, base: number): string {
  if (base === 0) return '';
  const percent = (delta / base) * 100;
  if (percent === 0) return '0%';
  const text = Math.abs(percent) < 0.1 ? (percent > 0 ? '<0.1' : '>-0.1') : percent.toFixed(1);
  return `${percent > 0 && !text.startsWith('<') ? '+' : ''}${text}%`;
}
