/**
 * The hidden marker that identifies our comment for `key`: `<!-- shipshape:KEY -->`. Characters
 * outside a plain set are percent-encoded (`%` included, so two keys never share a marker), and so
 * is a `-` followed by another, so that no key can end the HTML comment early (`-->`, `--!>`).
 */
export function commentMarker(key: string): string {
  const safe = Array.from(key, (char) => (/^[A-Za-z0-9._~/:@+,=-]$/.test(char) ? char : percentEncode(char)))
    .join('')
    .replace(/-(?=-)/g, '%2D');
  return `<!-- shipshape:${safe} -->`;
}

function percentEncode(char: string): string {
  try {
    return encodeURIComponent(char).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as a UTF-8 encoder would write it
  }
}
