import {
  ACTION_REMINDER_CLAIM_PREFIX,
  ACTION_REMINDER_CLAIM_RETENTION_MS,
} from '../app/schedule/schedule-claims';
import { SYNC_SHARD_CLAIM_PREFIX, SYNC_SHARD_CLAIM_RETENTION_MS } from '../app/sync/sync-shards';
import { OUTBOX_CLAIM_PREFIX, OUTBOX_CLAIM_RETENTION_MS } from '../bot';
import type { Store } from '../ports/store';

/** Once a day; the first run a few minutes after start, out of the way of the first sync and tick. */
export const HOUSEKEEPING_INTERVAL_MS = 24 * 60 * 60_000;
export const HOUSEKEEPING_FIRST_RUN_DELAY_MS = 5 * 60_000;

/** Completed claims of one kind, kept `retentionMs` after they were claimed. */
export interface ClaimRetention {
  /** Names the kind in the log. */
  name: string;
  prefix: string;
  retentionMs: number;
}

/**
 * The claims housekeeping prunes. A pruned key can be claimed again, so a kind belongs here only when the code
 * offers a key solely inside a bounded window fixed by the key itself, and the retention is well past it.
 * The scheduler's other kinds are never pruned:
 * - `agenda-prompt:` names the 1:1 by event id and day, `recap-prompt:` by event id: a 1:1 moved within its
 *   day (or, for the recap, at all) keeps its key and is due again around its new time, however far it moved;
 *   one moved back to a day it was prompted for names that day's key again.
 * - `ack-reminder:` stays due for as long as the recap waits for its acknowledgement.
 * - `cadence-nudge:` keys for someone who never had a career conversation (`…:never:0`) stay due until they
 *   have one, and a change to the nudge interval moves when a later period's key is due.
 * - `repair:` keys mark a one-time repair of the store done (`repairMovedShares`): pruned, it would run again.
 */
export function claimRetentions(syncIntervalMs: number): ClaimRetention[] {
  return [
    {
      name: 'syncShards',
      prefix: SYNC_SHARD_CLAIM_PREFIX,
      // A shard claim must outlive its slot, however long the configured interval.
      retentionMs: Math.max(SYNC_SHARD_CLAIM_RETENTION_MS, 2 * syncIntervalMs),
    },
    { name: 'outbox', prefix: OUTBOX_CLAIM_PREFIX, retentionMs: OUTBOX_CLAIM_RETENTION_MS },
    {
      name: 'actionReminders',
      prefix: ACTION_REMINDER_CLAIM_PREFIX,
      // The key names the due date and the schedule reminds only in the lookback after it, even after downtime;
      // a new due date is a new key. 30 days is over twice the 10 days one key can be due (7 + local-date slack).
      retentionMs: ACTION_REMINDER_CLAIM_RETENTION_MS,
    },
  ];
}

/** Prunes each kind's completed claims older than its retention; returns how many went, by kind. */
export async function pruneOldClaims(
  store: Pick<Store, 'pruneClaims'>,
  now: Date,
  retentions: readonly ClaimRetention[],
): Promise<Record<string, number>> {
  const pruned: Record<string, number> = {};
  for (const { name, prefix, retentionMs } of retentions) {
    pruned[name] = await store.pruneClaims(prefix, new Date(now.getTime() - retentionMs));
  }
  return pruned;
}
