/**
 * Every value masked so far, so that our own output hides them as the runner hides them in the
 * log: in outputs, the summary and the PR comment too, which the runner does not mask.
 */
export class Masks {
  // Longest first: a secret that contains another is replaced whole.
  private values: string[] = [];

  /** The values to register with the runner for `secret`: itself, and each line of a multi-line one. */
  add(secret: string): string[] {
    if (!secret) return [];
    const values = [secret];
    // The runner masks a multi-line value only line by line.
    if (/[\r\n]/.test(secret)) {
      for (const line of secret.split(/\r?\n/)) if (line.trim()) values.push(line);
    }
    this.values = [...new Set([...this.values, ...values])].sort((a, b) => b.length - a.length);
    return values;
  }

  /** `text` with every masked value replaced by `***`. */
  redact(text: string): string {
    let redacted = text;
    for (const value of this.values)
      if (redacted.includes(value)) redacted = redacted.split(value).join('***');
    return redacted;
  }
}
