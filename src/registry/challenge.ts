/**
 * `WWW-Authenticate` parsing (RFC 7235): one header may hold several challenges, each a scheme
 * and either auth-params (`name=token` or `name="quoted, with commas"`) or one token68.
 *
 *   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"
 *   Basic realm="registry", Bearer realm="https://x/token"
 */
export interface Challenge {
  /** Lower-cased: `bearer`, `basic`. */
  scheme: string;
  /** Parameter names lower-cased, values unquoted. */
  params: Record<string, string>;
  token68?: string;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const scanner = new Scanner(header);
  for (;;) {
    scanner.skip(/[\s,]/);
    if (scanner.done()) return challenges;
    const scheme = scanner.token();
    if (scheme === '') {
      scanner.advance(); // not a token character: skip it rather than loop forever
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    parseParams(scanner, challenge);
  }
}

/** The first challenge of `scheme` (`bearer`, `basic`), if the header has one. */
export function findChallenge(challenges: Challenge[], scheme: string): Challenge | undefined {
  return challenges.find((c) => c.scheme === scheme.toLowerCase());
}

// Reads the params after a scheme, up to the start of the next challenge.
function parseParams(scanner: Scanner, challenge: Challenge): void {
  let first = true;
  for (;;) {
    const mark = scanner.position;
    scanner.skip(/[\s,]/);
    const afterScheme = first && !scanner.skipped(mark).includes(',');
    first = false;
    // `Basic dXNlcjpwYXNz`, `Negotiate abc+/def==`: a token68 right after the scheme.
    const token68 = afterScheme ? /^([A-Za-z0-9\-._~+/]+=*)[ \t]*(?=,|$)/.exec(scanner.rest()) : null;
    if (token68) {
      challenge.token68 = token68[1];
      scanner.position += token68[0].length;
      return;
    }
    const name = scanner.token();
    if (name === '') {
      scanner.position = mark;
      return;
    }
    scanner.skip(/[ \t]/);
    const equals = scanner.count('=');
    scanner.skip(/[ \t]/);
    const valueFollows = equals === 1 && !scanner.done() && scanner.peek() !== ',';
    if (equals === 0) {
      // A bare token: the next challenge's scheme. Rewind so the caller reads it.
      scanner.position = mark;
      return;
    }
    challenge.params[name.toLowerCase()] = !valueFollows
      ? ''
      : scanner.peek() === '"'
        ? scanner.quoted()
        : scanner.bareValue();
  }
}

class Scanner {
  position = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text[this.position] ?? '';
  }

  advance(): void {
    this.position++;
  }

  skip(chars: RegExp): void {
    while (!this.done() && chars.test(this.peek())) this.position++;
  }

  rest(): string {
    return this.text.slice(this.position);
  }

  /** The text between `from` and the current position. */
  skipped(from: number): string {
    return this.text.slice(from, this.position);
  }

  count(char: string): number {
    let n = 0;
    while (this.peek() === char) {
      this.position++;
      n++;
    }
    return n;
  }

  token(): string {
    const start = this.position;
    while (!this.done() && TOKEN_CHAR.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  /** A quoted-string: `\"` and `\\` escapes, commas and spaces kept. */
  quoted(): string {
    this.position++; // opening quote
    let value = '';
    while (!this.done() && this.peek() !== '"') {
      if (this.peek() === '\\') this.position++;
      value += this.peek();
      this.position++;
    }
    this.position++; // closing quote
    return value;
  }

  /** An unquoted value: lenient, since some registries send `realm=https://host/token` bare. */
  bareValue(): string {
    const start = this.position;
    while (!this.done() && !/[\s,]/.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }
}
