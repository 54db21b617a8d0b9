import type { DeliveryOutcome } from '../../ports/notifier';

/**
 * A send or card update for an event that did not go through after delivery's own retries (`failed`, not
 * `unreachable`: someone who removed the app is not retried). Thrown at the end of a handler, after the rest of
 * its work, so the outbox keeps the entry and runs the handler again later.
 */
export class DeliveryFailedError extends Error {
  constructor(readonly what: string) {
    super(`Could not deliver ${what}; it will be tried again.`);
    this.name = 'DeliveryFailedError';
  }
}

/** Counts failed deliveries of one handler run, to throw once at its end. */
export class DeliveryTally {
  private readonly failed: string[] = [];

  note(outcome: DeliveryOutcome, what: string): void {
    if (outcome === 'failed') this.failed.push(what);
  }

  get failures(): number {
    return this.failed.length;
  }

  /** Throws `DeliveryFailedError` naming what failed, if anything did. */
  settle(): void {
    if (this.failed.length > 0) throw new DeliveryFailedError(this.failed.join(', '));
  }
}
