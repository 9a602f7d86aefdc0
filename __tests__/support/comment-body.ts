/**
 * The footer's update time is to the minute: two runs either side of a minute differ only
 * there, so tests that compare comment bodies across runs compare them without it.
 */
export function untimed(body: string): string {
  return body.trim().replace(/ · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC/, '');
}
