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
 * The claims housekeeping prunes. Only kinds whose keys are bounded in time belong here: a pruned key can be
 * claimed again, so a kind whose claim must hold however long its work waits (the scheduler's acknowledgement
 * reminders, agenda prompts) is never pruned.
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
