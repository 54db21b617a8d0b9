import { errorName } from './background-queue';
import type { OutboxRunner, OutboxRunOutcome } from './outbox';
import { runOutboxEntry } from './outbox';

export interface OutboxDrainOptions {
  /**
   * Entries are left alone until this long after they are due (a new entry is due `OUTBOX_INTENT_HOLD_MS`
   * after it was recorded; a failed one at its next attempt's time), so work an instance queued in memory a
   * moment ago is not run a second time beside it. Default 60 s.
   */
  graceMs?: number;
  /** At most this many entries per drain (the rest wait for the next tick). Default 50. */
  limit?: number;
}

export type OutboxDrain = Record<OutboxRunOutcome, number> & { due: number };

export const OUTBOX_GRACE_MS = 60_000;
const DRAIN_LIMIT = 50;

/**
 * One pass over the outbox (each scheduler tick): every entry due more than `graceMs` ago is run once, earliest
 * first, each attempt under its own store claim, so any number of instances may drain at the same time and
 * an attempt is never run twice at once. A run that fails is rescheduled by `runOutboxEntry`; one that throws
 * (the store failing) is counted failed and retried when its claim's lease is over.
 */
export async function drainOutbox(
  runner: OutboxRunner,
  now: Date,
  options: OutboxDrainOptions = {},
): Promise<OutboxDrain> {
  const graceMs = options.graceMs ?? OUTBOX_GRACE_MS;
  const drain: OutboxDrain = { due: 0, delivered: 0, failed: 0, abandoned: 0, alreadyHandled: 0 };
  const entries = await runner.services.deps.store.listDueOutbox(
    new Date(now.getTime() - graceMs),
    options.limit ?? DRAIN_LIMIT,
  );
  for (const entry of entries) {
    drain.due += 1;
    try {
      drain[await runOutboxEntry(runner, entry, now)] += 1;
    } catch (error) {
      drain.failed += 1;
      runner.services.logger.error({ entry: entry.id, error: errorName(error) }, 'bot.outbox.drain_failed');
    }
  }
  return drain;
}
