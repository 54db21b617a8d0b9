import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphNetworkError } from './graph-errors';
import { WireFailure } from './node-http-middleware';
import { traceOf } from './request-trace';
import type { BackoffPolicy } from './retry-delay';
import { backoffDelayMs, isRetryableStatus, retryAfterMs } from './retry-delay';

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** A Retry-After longer than this is not waited out in-line: the request gives up and is retried later. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

export interface RetryTools {
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
}

/**
 * Retries 429, 503 and 504 (500 and 502 too for GETs, and requests that never got an answer) up to `maxAttempts`, waiting what
 * `Retry-After` asks (seconds or an HTTP date) or, without one, a jittered exponential back-off. When the
 * attempts run out the last response is left in the context and the trace says so; the gateway turns that
 * into a clear error.
 */
export class ThrottleRetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly tools: RetryTools,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('ThrottleRetryMiddleware needs a next middleware.');
    const trace = traceOf(context);
    const idempotent = (context.options?.method ?? 'GET').toUpperCase() === 'GET';
    for (let attempt = 1; ; attempt++) {
      trace.attempts = attempt;
      context.response = undefined;
      try {
        await next.execute(context);
      } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        if (attempt >= this.policy.maxAttempts) throw new GraphNetworkError(attempt);
        await this.tools.sleep(backoffDelayMs(attempt, this.policy, () => this.tools.random()));
        continue;
      }
      const response = responseOf(context);
      if (!response || !isRetryableStatus(response.status, idempotent)) return;
      if (response.status === 429) trace.throttled += 1;
      const asked = retryAfterMs(response.headers.get('retry-after'), this.tools.now());
      if (attempt >= this.policy.maxAttempts || (asked !== null && asked > this.policy.maxRetryAfterMs)) {
        trace.gaveUp = true;
        return;
      }
      await response.arrayBuffer().catch(() => undefined);
      await this.tools.sleep(asked ?? backoffDelayMs(attempt, this.policy, () => this.tools.random()));
    }
  }
}

/** Read through a function: the compiler cannot see `next.execute` setting it. */
function responseOf(context: Context): Response | undefined {
  return context.response;
}

/** No HTTP answer arrived: our transport's WireFailure, or fetch's TypeError, TimeoutError or AbortError. */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof WireFailure ||
    error instanceof TypeError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}
