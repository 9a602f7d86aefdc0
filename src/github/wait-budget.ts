/**
 * How long one step may wait, in all, before retrying requests to the GitHub API: 60 s, a
 * documented constant. The client's retry policy waits out rate limits and server errors
 * (client.ts); without a cap a persistent secondary rate limit without `retry-after` held the
 * step for three one-minute waits. A wait that would take the step past the cap is not taken: the
 * request fails with a WaitBudgetError that says so, and the caller says what it skipped.
 * Requests themselves are bounded apart from this: a timeout per try and a number of retries.
 *
 * No Octokit here: the actions create the budget before they know whether a comment is posted.
 */

/** The most a step waits before retries to the GitHub API, in all. */
export const GITHUB_WAIT_BUDGET_SECONDS = 60;

export class WaitBudget {
  private waitedMs = 0;

  constructor(readonly limitMs: number = GITHUB_WAIT_BUDGET_SECONDS * 1000) {}

  /** The default budget, or SHIPSHAPE_GITHUB_WAIT_BUDGET_MS from `env` (for tests). */
  static fromEnv(env: Record<string, string | undefined>): WaitBudget {
    const value = env.SHIPSHAPE_GITHUB_WAIT_BUDGET_MS?.trim();
    return new WaitBudget(value && /^\d{1,7}$/.test(value) ? Number(value) : undefined);
  }

  get waitedSeconds(): number {
    return this.waitedMs / 1000;
  }

  /** Takes `ms` out of the budget; false (nothing taken) when they do not fit in what is left. */
  take(ms: number): boolean {
    if (this.waitedMs + ms > this.limitMs) return false;
    this.waitedMs += ms;
    return true;
  }
}

/** A retry not made because its wait did not fit in the budget; `cause` is the request's error. */
export class WaitBudgetError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'WaitBudgetError';
  }
}
