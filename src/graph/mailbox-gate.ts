/**
 * At most `limit` requests in flight per mailbox (Outlook's MailboxConcurrency limit is 4 per app per
 * mailbox). Waiters are served first come, first served; idle mailboxes cost nothing.
 */
export class MailboxGate {
  private readonly mailboxes = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('The mailbox concurrency limit must be a positive integer.');
  }

  /** Resolves when a slot is free; call the returned function exactly once to give it back. */
  async acquire(mailbox: string): Promise<() => void> {
    let entry = this.mailboxes.get(mailbox);
    if (!entry) {
      entry = { active: 0, waiting: [] };
      this.mailboxes.set(mailbox, entry);
    }
    if (entry.active >= this.limit) {
      const queued = entry;
      await new Promise<void>((resolve) => queued.waiting.push(resolve));
    } else {
      entry.active += 1;
    }
    const held = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = held.waiting.shift();
      if (next) {
        next();
        return;
      }
      held.active -= 1;
      if (held.active === 0) this.mailboxes.delete(mailbox);
    };
  }

  /** Requests in flight for a mailbox (for tests and diagnostics). */
  inFlight(mailbox: string): number {
    return this.mailboxes.get(mailbox)?.active ?? 0;
  }
}
