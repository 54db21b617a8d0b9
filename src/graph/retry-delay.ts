/** When to try a throttled or unavailable Graph request again. */

export interface BackoffPolicy {
  /** First back-off step when Graph gives no Retry-After. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
}

/**
 * The wait Graph asked for in a `Retry-After` header: delta-seconds (`10`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). Null when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its weekday and month; anything else (`-5`, `2026`) is not a wait we understand.
  if (!/^[A-Za-z]{3},/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Exponential back-off with jitter for the n-th retry (1-based): half fixed, half random, capped. */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/**
 * 429 Too Many Requests, 503 Service Unavailable and 504 Gateway Timeout are always worth retrying; 500 and
 * 502 only for a request that is safe to repeat (a GET, or a batch of GETs).
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return (
    status === 429 || status === 503 || status === 504 || (idempotent && (status === 500 || status === 502))
  );
}
