import { ACTION_REMINDER_CLAIM_RETENTION_MS } from '../../../src/app/schedule/schedule-claims';
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
  it('keeps sync-shard and outbox claims a week, action reminders 30 days', () => {
    expect(SYNC_SHARD_CLAIM_RETENTION_MS).toBe(7 * DAY);
    expect(OUTBOX_CLAIM_RETENTION_MS).toBe(7 * DAY);
    expect(ACTION_REMINDER_CLAIM_RETENTION_MS).toBe(30 * DAY);
    expect(claimRetentions(FIFTEEN_MINUTES)).toEqual([
      { name: 'syncShards', prefix: 'sync-shard:', retentionMs: 7 * DAY },
      { name: 'outbox', prefix: 'outbox:', retentionMs: 7 * DAY },
      { name: 'actionReminders', prefix: 'action-due:', retentionMs: 30 * DAY },
    ]);
  });

  it('prunes none of the scheduler kinds whose keys may be due again however old', () => {
    const prefixes = claimRetentions(FIFTEEN_MINUTES).map((r) => r.prefix);
    for (const unsafe of ['agenda-prompt:', 'recap-prompt:', 'ack-reminder:', 'cadence-nudge:']) {
      expect(prefixes.filter((p) => unsafe.startsWith(p) || p.startsWith(unsafe))).toEqual([]);
    }
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
      actionReminders: 0,
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

  it('prunes action-reminder claims older than 30 days and keeps every other scheduler claim', async () => {
    const data = new MemoryData();
    const store = createMemoryCareerStore(data);
    const claim = async (key: string, at: Date, complete = true): Promise<void> => {
      expect(await store.claim(key, 'instance-a', at)).toBe(true);
      if (complete) await store.completeClaim(key, 'instance-a');
    };
    await claim('action-due:action-1:2025-02-10', ago(31 * DAY));
    await claim('action-due:action-2:2025-02-10', ago(31 * DAY), false); // a delivery that never finished
    await claim('action-due:action-3:2025-02-25', ago(29 * DAY));
    const scheduler = [
      'agenda-prompt:ava:evt-9',
      'recap-prompt:ava:evt-9',
      'ack-reminder:recap-1:v1',
      'cadence-nudge:ava:never:0',
      'cadence-nudge:ava:2024-05-01:2',
    ];
    for (const key of scheduler) await claim(key, ago(300 * DAY));

    expect(await pruneOldClaims(store, NOW, claimRetentions(FIFTEEN_MINUTES))).toEqual({
      syncShards: 0,
      outbox: 0,
      actionReminders: 1,
    });

    expect([...data.claims.keys()].sort()).toEqual(
      ['action-due:action-2:2025-02-10', 'action-due:action-3:2025-02-25', ...scheduler].sort(),
    );
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
