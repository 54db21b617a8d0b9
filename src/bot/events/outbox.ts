import { recapContextOf } from '../../app/recap/recap-context';
import { isAgendaIntent } from '../../ports/career-events';
import type { OutboxEntry, OutboxEvent } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { errorName } from './background-queue';
import { DeliveryFailedError } from './delivery-failed';
import { onAgendaShared } from './on-agenda-shared';
import { onAgendaWithdrawn } from './on-agenda-withdrawn';
import { onRecapAcknowledged } from './on-recap-acknowledged';
import { onRecapChangeRequested } from './on-recap-change-requested';
import { onRecapSent } from './on-recap-sent';

/**
 * The durable outbox of the bot's event listener. Every event is saved as an entry (a reference to what
 * changes, never its content) before the change that causes it is saved, and its work is queued once the
 * change is saved; the entry goes when the work is done (or is withdrawn when the change was not saved), so an
 * event a crash or restart interrupted is picked up by `drainOutbox` on a later scheduler tick, by any
 * instance. Handlers read the current state, so an entry whose change never got saved delivers nothing.
 *
 * Delivery is at least once: each run of an entry takes a store claim (`outbox:<id>:<attempt>`), so two
 * instances never run the same attempt at once, and handlers read the current state again and skip what is
 * already recorded as sent (cards are recorded per version and purpose; updates redraw the same card). What is
 * left is the gap between a send and its record (or the entry's delete): a crash there repeats that one send.
 */

/**
 * How long a new entry waits before it is due: longer than any use case takes to save its change (store
 * retries on a conflict included), so the drain never runs an entry whose change is still in flight (it
 * would find nothing to do, delete the entry, and the change saved a moment later would go untold). Store
 * calls are bounded to keep it so: SQLite waits at most its busy timeout (5 s) for the write lock, and every
 * Azure Tables request attempt times out (`TABLES_REQUEST_TIMEOUT_MS`; 4 attempts with back-off settle a call
 * within about 2.5 minutes). The drain's own grace comes on top. An entry whose run is queued in memory does not
 * wait: the hold only delays recovery after a crash.
 */
export const OUTBOX_INTENT_HOLD_MS = 5 * 60_000;

/** After the 1st, 2nd, 3rd failure: wait 1, 5, 30 minutes; after that, an hour each time. */
export const OUTBOX_BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000];
const HOURLY_MS = 60 * 60_000;
/** An entry still failing this long after its event is given up (logged as an error, and deleted). */
export const OUTBOX_GIVE_UP_MS = 24 * 60 * 60_000;
/** Longer than any one handler run (delivery retries included), so a claim is never taken from a live run. */
export const OUTBOX_LEASE_MS = 10 * 60_000;
/** Every outbox claim's key starts with this: `outbox:<entry id>:<attempt>`. */
export const OUTBOX_CLAIM_PREFIX = 'outbox:';
/**
 * How long completed outbox claims are kept before housekeeping prunes them. An attempt's claim is completed
 * only once that version of its entry is gone, and entries are given up after `OUTBOX_GIVE_UP_MS`, so nothing
 * claims the key again this long after: forgetting it never runs an attempt twice.
 */
export const OUTBOX_CLAIM_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** Events about one record are run in order in this process (the background queue's key). */
export function subjectOf(event: OutboxEvent): string {
  // Sharing and withdrawing one 1:1's agenda share a key: they are run in the order they happened.
  return isAgendaIntent(event) ? `agenda:${event.oneOnOneId}` : `recap:${event.recapId}`;
}

export type OutboxRunOutcome = 'delivered' | 'failed' | 'abandoned' | 'alreadyHandled';

export interface OutboxRunner {
  services: BotServices;
  /** Who takes the claims: one per bot instance. */
  holder: string;
}

/**
 * Runs one attempt of an entry: claims it, runs its handler on the current state, then deletes the entry, or
 * on failure saves it again with the next attempt's time (or gives it up after `OUTBOX_GIVE_UP_MS`).
 * `alreadyHandled` when another run holds or finished this attempt. Store errors after the handler are thrown:
 * the claim then lapses after its lease and the attempt runs again (at least once).
 */
export async function runOutboxEntry(
  runner: OutboxRunner,
  entry: OutboxEntry,
  now: Date,
): Promise<OutboxRunOutcome> {
  const { services, holder } = runner;
  const { store } = services.deps;
  const claimKey = `${OUTBOX_CLAIM_PREFIX}${entry.id}:${entry.attempts}`;
  if (!(await store.claim(claimKey, holder, now, OUTBOX_LEASE_MS))) return 'alreadyHandled';
  let failure: unknown = null;
  try {
    await handleOutboxEvent(services, entry.event);
  } catch (error) {
    failure = error ?? new Error('unknown failure');
  }
  let outcome: OutboxRunOutcome = 'delivered';
  if (failure !== null) {
    const next = nextAttempt(entry, failure, now);
    const log = { entry: entry.id, event: entry.event.type, attempts: entry.attempts + 1 };
    if (next) {
      services.logger.warn(
        { ...log, error: next.lastError, nextAttemptAt: next.nextAttemptAt },
        'bot.outbox.retry',
      );
      // The new version first: a crash before the old one is deleted repeats work, it never loses it.
      await store.saveOutboxEntry(next);
      outcome = 'failed';
    } else {
      services.logger.error(
        { ...log, error: errorName(failure), since: entry.createdAt },
        'bot.outbox.abandoned',
      );
      outcome = 'abandoned';
    }
  }
  await store.deleteOutboxEntry(entry);
  await store.completeClaim(claimKey, holder);
  return outcome;
}

/** The entry's next version after a failed attempt, or null when it has failed for too long. */
export function nextAttempt(entry: OutboxEntry, error: unknown, now: Date): OutboxEntry | null {
  const attempts = entry.attempts + 1;
  const wait = OUTBOX_BACKOFF_MS[attempts - 1] ?? HOURLY_MS;
  const at = now.getTime() + wait;
  if (at - Date.parse(entry.createdAt) > OUTBOX_GIVE_UP_MS) return null;
  const lastError = error instanceof DeliveryFailedError ? `${error.name}: ${error.what}` : errorName(error);
  return { ...entry, attempts, nextAttemptAt: new Date(at).toISOString(), lastError };
}

/** Reads what the event is about again and delivers what it means now. */
export async function handleOutboxEvent(services: BotServices, event: OutboxEvent): Promise<void> {
  if (event.type === 'agendaShared') return onAgendaShared(services, event);
  if (event.type === 'agendaWithdrawn') return onAgendaWithdrawn(services, event);
  const stored = await services.deps.store.getRecap(event.recapId);
  // Gone (the author's data was deleted) or not the recap the event was about: nothing to deliver any more.
  if (!stored || stored.recap.authorId !== event.authorId) return;
  const context = await recapContextOf(services.deps, stored.recap);
  switch (event.type) {
    case 'recapSent':
      return onRecapSent(services, context);
    case 'recapAcknowledged':
      return onRecapAcknowledged(services, context);
    case 'recapChangeRequested':
      return onRecapChangeRequested(services, context);
  }
}
