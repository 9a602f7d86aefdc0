/**
 * JSON we did not write (a file we read, a helper's answer): a syntax error says where, never
 * what. V8's messages quote the text around the error (`Unexpected token 'b', ..."auth":bGFi"...
 * is not valid JSON`), and that text may be a credential, so they are never passed on.
 */

/** The parsed value; a syntax error is `<what> is not valid JSON (<where>)`, without the text. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // No `cause`: it would carry V8's quote of the text to whatever prints the error in full.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${what} is not valid JSON${jsonSyntaxWhere(error, text)}`);
  }
}

/**
 * ` (line 3, column 12)` or ` (it ends too early)` for a JSON.parse error, '' when its message
 * tells neither: only the numbers are taken from the message, never its quote of the text.
 */
export function jsonSyntaxWhere(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/Unexpected end of JSON input/.test(message)) return ' (it ends too early)';
  const position = /\bat position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
