import { DEFAULT_CLAIM_LEASE_MS } from '../../ports/document-store';
import type { Store } from '../../ports/store';
import type { SyncCalendarsOptions, SyncDeps, SyncSummary } from './sync-calendars';
import { emptySyncSummary, syncCalendars } from './sync-calendars';
import { failureCode } from './sync-failure';
import type { SyncStore } from './sync-person';

export type ShardedSyncDeps = Omit<SyncDeps, 'store'> & {
  store: SyncStore & Pick<Store, 'claim' | 'renewClaim' | 'completeClaim' | 'releaseClaim'>;
};

export interface SyncInShardsOptions extends SyncCalendarsOptions {
  /** Who this instance is; each instance (process) has its own. */
  holder: string;
  /** When the run happens; decides its slot. */
  now: Date;
  /** How often each instance runs a sync: the length of a slot, in which every shard is synced once. */
  intervalMs: number;
  /** Buckets the people are split into (default 32). Instances sharing a store must agree on it to share work. */
  shards?: number;
  /**
   * How long a shard's claim holds before another instance may take it over (default: 10 minutes or `intervalMs`,
   * whichever is shorter). A run renews its claims every third of it, so only a dead or stalled run loses them.
   */
  leaseMs?: number;
}

export interface ShardedSyncSummary extends SyncSummary {
  /** Start of the slot this run belongs to (ISO instant). */
  slotStart: string;
  /** Shards that held anyone. */
  shards: number;
  /** Shards this instance claimed and synced. */
  claimedShards: number;
  /** Shards another instance holds or already synced in this slot. */
  skippedShards: number;
  /** Claimed shards another instance took over during this run (their renewals were refused). */
  takenOverShards: number;
}

export const DEFAULT_SYNC_SHARDS = 32;

/** Every shard claim's key starts with this (see `shardClaimKey`). */
export const SYNC_SHARD_CLAIM_PREFIX = 'sync-shard:';
/**
 * How long completed shard claims are kept before housekeeping prunes them. A key names its slot, and nobody
 * claims a slot once it is over, so forgetting an old one never syncs a shard twice. It must outlast a slot
 * (the sync interval): housekeeping keeps claims for the longer of this and two intervals.
 */
export const SYNC_SHARD_CLAIM_RETENTION_MS = 7 * 24 * 60 * 60_000;

/**
 * One calendar sync that any number of instances sharing a store may run at the same time: the people are
 * split into shards by a stable hash of their id, and each shard is synced by exactly one instance per slot
 * (`intervalMs`). A shard is claimed in the store under a key naming the slot and completed once synced, so
 * instances that run later in the same slot skip it. An instance that dies mid-run leaves its claims
 * uncompleted; once their lease lapses, an instance running later in the same slot takes them over. A live
 * run longer than the lease renews its claims while it syncs (see `renewingClaims`), so it keeps them.
 *
 * The people of every claimed shard are synced in one `syncCalendars` call, so its pool (and the Graph
 * gateway's batching of concurrent requests) works over all of them at once rather than a shard at a time.
 */
export async function syncInShards(
  deps: ShardedSyncDeps,
  options: SyncInShardsOptions,
): Promise<ShardedSyncSummary> {
  const { holder, now, intervalMs, shards: shardCount = DEFAULT_SYNC_SHARDS, leaseMs, ...rest } = options;
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new RangeError(`The number of sync shards must be a positive integer (got ${shardCount}).`);
  }
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`The sync interval must be a positive number of milliseconds (got ${intervalMs}).`);
  }
  const lease = leaseMs ?? Math.min(DEFAULT_CLAIM_LEASE_MS, intervalMs);
  const slotStart = new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();

  const personIds = rest.personIds ?? (await deps.store.listPeople()).map((person) => person.id);
  const buckets = new Map<number, string[]>();
  for (const id of personIds) {
    const shard = shardOf(id, shardCount);
    const bucket = buckets.get(shard);
    if (bucket) bucket.push(id);
    else buckets.set(shard, [id]);
  }

  const entries = [...buckets.entries()].sort(([a], [b]) => a - b);
  const outcomes = await Promise.all(
    entries.map(async ([shard, people]) => {
      const key = shardClaimKey(shard, shardCount, slotStart);
      return { shard, key, people, claimed: await deps.store.claim(key, holder, now, lease) };
    }),
  );
  const claimed = outcomes.filter((outcome) => outcome.claimed);
  const shardFigures = {
    slotStart,
    shards: entries.length,
    claimedShards: claimed.length,
    skippedShards: entries.length - claimed.length,
    takenOverShards: 0,
  };
  if (claimed.length === 0) return { ...emptySyncSummary(), ...shardFigures };

  let synced: { value: SyncSummary; takenOver: number };
  try {
    synced = await renewingClaims(deps, claimed, { holder, lease, slotStart }, () =>
      syncCalendars(deps, { ...rest, personIds: claimed.flatMap((outcome) => outcome.people) }),
    );
  } catch (error) {
    // Give the shards back so an instance running later in this slot may sync them; a failing release
    // only means they wait for their lease to lapse.
    await Promise.allSettled(claimed.map((outcome) => deps.store.releaseClaim(outcome.key, holder)));
    throw error;
  }
  // A claim taken over during the run (its renewals failed until the lease lapsed) is not ours to complete:
  // completing it then changes nothing, and the other instance's run is a harmless repeat (writes are idempotent).
  await Promise.all(claimed.map((outcome) => deps.store.completeClaim(outcome.key, holder)));
  return { ...synced.value, ...shardFigures, takenOverShards: synced.takenOver };
}

/** The longest delay Node's timers take; a longer one fires at once (renewing early is harmless, too often is not). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `work` while renewing the run's shard claims every third of their lease (from the clock's now), so a run
 * that takes longer than the lease keeps its shards: another instance could otherwise take them over and sync
 * the same people again. A claim whose renewal is refused was taken over (its lease lapsed while the renewals
 * failed, or the process stalled): it is logged and no longer renewed, and the run goes on, since finishing its
 * people is harmless. A renewal that fails (the store unreachable) is logged and tried again at the next tick:
 * a lease outlasts two failed ones. Renewing ends before `work` settles, so no renewal ever lands after the
 * claims are completed or released. Answers what `work` did, and how many claims were taken over meanwhile.
 */
async function renewingClaims<T>(
  deps: ShardedSyncDeps,
  claims: readonly { shard: number; key: string }[],
  run: { holder: string; lease: number; slotStart: string },
  work: () => Promise<T>,
): Promise<{ value: T; takenOver: number }> {
  const { holder, lease, slotStart } = run;
  const held = new Map(claims.map(({ shard, key }) => [key, shard]));
  const renew = async (key: string, shard: number, now: Date): Promise<void> => {
    let renewed: boolean;
    try {
      renewed = await deps.store.renewClaim(key, holder, now, lease);
    } catch (error) {
      deps.logger.warn({ shard, slotStart, code: failureCode(error) }, 'sync.shard_renewal_failed');
      return;
    }
    if (renewed) return;
    held.delete(key);
    deps.logger.warn({ shard, slotStart }, 'sync.shard_taken_over');
  };
  const ticks: { inFlight: Promise<unknown> | null } = { inFlight: null };
  const timer = setInterval(
    () => {
      // A tick still waiting for the store is not doubled up: the next one renews from a fresher now anyway.
      if (ticks.inFlight) return;
      const now = deps.clock.now();
      ticks.inFlight = Promise.allSettled([...held].map(([key, shard]) => renew(key, shard, now))).finally(
        () => {
          ticks.inFlight = null;
        },
      );
    },
    Math.min(lease / 3, MAX_TIMER_MS),
  );
  // The renewals serve the run: they must never keep the process alive on their own.
  timer.unref();
  let value: T;
  try {
    value = await work();
  } finally {
    clearInterval(timer);
    await ticks.inFlight;
  }
  return { value, takenOver: claims.length - held.size };
}

/** The shard (0 ≤ shard < shards) a person's calendar belongs to: FNV-1a of the id, stable across processes and versions. */
export function shardOf(personId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < personId.length; i += 1) {
    hash ^= personId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * The claim for one shard in one slot. It names the shard count too, so instances configured differently
 * (during a rolling change) never mistake each other's shards for their own: at worst both sync a person.
 */
export function shardClaimKey(shard: number, shards: number, slotStart: string): string {
  return `${SYNC_SHARD_CLAIM_PREFIX}${shards}/${shard}:${slotStart}`;
}
