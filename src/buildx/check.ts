/**
 * What `docker buildx build --call check,format=json` prints on stdout: the Dockerfile's build
 * check warnings (rule, description, detail, where) and, when the Dockerfile does not even parse,
 * the build error. Parsed into plain data; the text in it quotes the Dockerfile, which a pull
 * request's author writes, so whoever shows it escapes it.
 */

export interface CheckWarning {
  /** `UndefinedVar`, `FromAsCasing`, ... */
  rule: string;
  description: string;
  /** What this occurrence is: `Usage of undefined variable '$NOPE'`. */
  detail: string;
  url: string;
  /** The source file as buildx names it (`Dockerfile`, relative to the context); '' when unknown. */
  file: string;
  /** 1-based; 0 when buildx gave no location. */
  line: number;
  endLine: number;
}

export interface CheckResult {
  warnings: CheckWarning[];
  /** The Dockerfile does not parse (or the check could not run): buildx's message. */
  error?: { message: string; file: string; line: number };
}

interface RawRange {
  start?: { line?: number };
  end?: { line?: number };
}
interface RawLocation {
  sourceIndex?: number;
  ranges?: RawRange[];
}
interface RawCheck {
  warnings?: {
    ruleName?: string;
    description?: string;
    url?: string;
    detail?: string;
    location?: RawLocation;
  }[];
  sources?: { filename?: string }[];
  buildError?: { message?: string; location?: RawLocation };
}

/** The result, or undefined when `stdout` is not buildx's check JSON. */
export function parseCheckOutput(stdout: string): CheckResult | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const check = raw as RawCheck;
  if (!('warnings' in check) && !('buildError' in check)) return undefined;
  const sources = Array.isArray(check.sources) ? check.sources : [];
  const where = (location: RawLocation | undefined) => {
    const range = location?.ranges?.[0];
    const line = positive(range?.start?.line);
    return {
      file: text(sources[location?.sourceIndex ?? 0]?.filename),
      line,
      endLine: Math.max(line, positive(range?.end?.line)),
    };
  };
  const warnings = (Array.isArray(check.warnings) ? check.warnings : []).map((w) => ({
    rule: text(w.ruleName) || 'BuildCheck',
    description: text(w.description),
    detail: text(w.detail),
    url: text(w.url),
    ...where(w.location),
  }));
  const result: CheckResult = { warnings };
  if (check.buildError) {
    const { file, line } = where(check.buildError.location);
    result.error = { message: text(check.buildError.message) || 'the build check failed', file, line };
  }
  return result;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function positive(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
