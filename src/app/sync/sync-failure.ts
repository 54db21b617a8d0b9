/** How a person's failed sync is recorded: a code safe to store and log, and when to try again. */

const MINUTE_MS = 60_000;

export interface FailurePolicy {
  /** Wait after the first failure; doubles with each further one. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_FAILURE_POLICY: FailurePolicy = {
  firstBackoffMs: 5 * MINUTE_MS,
  maxBackoffMs: 6 * 60 * MINUTE_MS,
};

/** When the n-th consecutive failure (1-based) may be retried. */
export function nextAttemptAfter(now: Date, failures: number, policy: FailurePolicy): string {
  const wait = Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + wait).toISOString();
}

/** A stable code such as `graph.503` or `directory.user_not_found`; anything else is `internal`. Never a message. */
export function failureCode(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string' && /^[A-Za-z0-9_.:-]{1,80}$/.test(code)) return code;
  }
  return 'internal';
}

/** Failures worth a second try in the same run (transient: throttling, unavailability, the network). */
export function isTransient(code: string): boolean {
  return /^graph\.(429|5\d\d|network)/.test(code);
}

/** The directory has no such user (left the company, or a bad id). */
export class UnknownPersonError extends Error {
  readonly code = 'directory.user_not_found';

  constructor() {
    super('The directory does not know this person.');
    this.name = 'UnknownPersonError';
  }
}
