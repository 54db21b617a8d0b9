/**
 * Microsoft's documented Outlook limits, per mailbox (the user in the URL): at most 4 concurrent requests
 * and 10,000 requests per 10 minutes. Over either answers 429 `ApplicationThrottled` with `Retry-After`.
 */

export interface MailboxLimits {
  concurrentRequests: number;
  requestsPerWindow: number;
  windowMs: number;
}

export const OUTLOOK_LIMITS: MailboxLimits = {
  concurrentRequests: 4,
  requestsPerWindow: 10_000,
  windowMs: 600_000,
};

interface MailboxUsage {
  inFlight: number;
  windowStartMs: number;
  count: number;
}

export type ThrottleVerdict =
  { admitted: true } | { admitted: false; message: string; retryAfterSeconds: number };

export class MailboxThrottle {
  private readonly usage = new Map<number, MailboxUsage>();

  constructor(private readonly limits: MailboxLimits) {}

  /** Admits a request (call `release` when it is answered) or says why not. */
  admit(mailbox: number, nowMs: number): ThrottleVerdict {
    let usage = this.usage.get(mailbox);
    if (!usage) {
      usage = { inFlight: 0, windowStartMs: nowMs, count: 0 };
      this.usage.set(mailbox, usage);
    }
    if (nowMs - usage.windowStartMs >= this.limits.windowMs || nowMs < usage.windowStartMs) {
      usage.windowStartMs = nowMs;
      usage.count = 0;
    }
    if (usage.inFlight >= this.limits.concurrentRequests) {
      return {
        admitted: false,
        message: 'Application is over its MailboxConcurrency limit.',
        retryAfterSeconds: 1,
      };
    }
    if (usage.count >= this.limits.requestsPerWindow) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((usage.windowStartMs + this.limits.windowMs - nowMs) / 1000),
      );
      return {
        admitted: false,
        message: 'Application is over its request rate limit for this mailbox.',
        retryAfterSeconds,
      };
    }
    usage.inFlight += 1;
    usage.count += 1;
    return { admitted: true };
  }

  release(mailbox: number): void {
    const usage = this.usage.get(mailbox);
    if (usage && usage.inFlight > 0) usage.inFlight -= 1;
  }
}
