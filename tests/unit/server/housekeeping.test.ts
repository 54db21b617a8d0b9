import { SYNC_SHARD_CLAIM_RETENTION_MS, shardClaimKey } from '../../../src/app/sync/sync-shards';
import { OUTBOX_CLAIM_RETENTION_MS } from '../../../src/bot';
import { createLogger } from '../../../src/server/logger';
import { claimRetentions, pruneOldClaims } from '../../../src/server/housekeeping';
import { PeriodicTask } from '../../../src/server/periodic-task';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';
import { MemoryData } from '../../../src/store/memory/memory-document-store';

const DAY = 86_400_000;
const NOW = new Date('2025-03-20T03:00:00.000Z');
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);
const FIFTEEN_MINUTES = 15 * 60_000;

describe('housekeeping: pruning old claims', () => {
  it('keeps sync-shard and outbox claims a week', () => {
    expect(SYNC_SHARD_CLAIM_RETENTION_MS).toBe(7 * DAY);
    expect(OUTBOX_CLAIM_RETENTION_MS).toBe(7 * DAY);
    expect(claimRetentions(FIFTEEN_MINUTES)).toEqual([
      { name: 'syncShards', prefix: 'sync-shard:', retentionMs: 7 * DAY },
      { name: 'outbox', prefix: 'outbox:', retentionMs: 7 * DAY },
    ]);
  });

  it('keeps shard claims at least two sync intervals, so a slot is never forgotten while it lasts', () => {
    expect(claimRetentions(10 * DAY)[0]?.retentionMs).toBe(20 * DAY);
  });

  it('prunes completed shard and outbox claims older than a week, and nothing else', async () => {
    const data = new MemoryData();
    const store = createMemoryCareerStore(data);
    const claim = async (key: string, at: Date, complete = true): Promise<void> => {
      expect(await store.claim(key, 'instance-a', at)).toBe(true);
      if (complete) await store.completeClaim(key, 'instance-a');
    };
    const oldSlot = ago(8 * DAY);
    await claim(shardClaimKey(3, 32, oldSlot.toISOString()), oldSlot);
    await claim(shardClaimKey(4, 32, oldSlot.toISOString()), oldSlot);
    await claim(shardClaimKey(3, 32, ago(6 * DAY).toISOString()), ago(6 * DAY));
    await claim('outbox:evt-1:0', ago(8 * DAY));
    await claim('outbox:evt-2:0', ago(8 * DAY), false); // a run that never finished
    // The scheduler's claims must hold however old they are.
    await claim('ack-reminder:recap-1', ago(300 * DAY));
    await claim('agenda-prompt:ava:evt-9', ago(300 * DAY));

    expect(await pruneOldClaims(store, NOW, claimRetentions(FIFTEEN_MINUTES))).toEqual({
      syncShards: 2,
      outbox: 1,
    });

    const later = new Date(NOW.getTime() + DAY);
    // Pruned: claimable again.
    expect(await store.claim(shardClaimKey(3, 32, oldSlot.toISOString()), 'probe', later)).toBe(true);
    expect(await store.claim('outbox:evt-1:0', 'probe', later)).toBe(true);
    // Kept.
    expect(await store.claim(shardClaimKey(3, 32, ago(6 * DAY).toISOString()), 'probe', later)).toBe(false);
    expect(await store.claim('ack-reminder:recap-1', 'probe', later)).toBe(false);
    expect(await store.claim('agenda-prompt:ava:evt-9', 'probe', later)).toBe(false);
    // The unfinished outbox run is still its holder's claim: a lapsed lease is taken over, never pruned.
    expect(data.claims.get('outbox:evt-2:0')).toMatchObject({ holder: 'instance-a', completed: false });
  });
});

describe('PeriodicTask.startAfter', () => {
  const logger = createLogger({ level: 'silent' });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs first after the delay, then every interval', async () => {
    jest.useFakeTimers();
    const runs: number[] = [];
    const task = new PeriodicTask('test', 1000, () => Promise.resolve(runs.push(Date.now())), logger);
    const start = Date.now();
    task.startAfter(300);
    await jest.advanceTimersByTimeAsync(299);
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs.map((at) => at - start)).toEqual([300, 1300, 2300]);
    await task.stop();
  });

  it('never runs when stopped before the delay is over', async () => {
    jest.useFakeTimers();
    let runs = 0;
    const task = new PeriodicTask('test', 1000, () => Promise.resolve(++runs), logger);
    task.startAfter(300);
    await task.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(0);
  });
});
