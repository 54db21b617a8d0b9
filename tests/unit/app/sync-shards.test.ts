import { DEFAULT_SYNC_SHARDS, shardClaimKey, shardOf, syncInShards } from '../../../src/app/sync/sync-shards';
import type { ShardedSyncDeps } from '../../../src/app/sync/sync-shards';
import { silentLog } from '../../../src/app/sync/sync-log';
import { ManualClock } from '../../../src/ports/clock';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';

function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `6e1a2f3c-7b8d-4e9f-a0b1-${hex}`;
}

describe('shard assignment', () => {
  test('the same id always lands in the same shard (FNV-1a, pinned so every version agrees)', () => {
    expect(shardOf('', 32)).toBe(5);
    expect(shardOf('a', 32)).toBe(12);
    expect(shardOf('00000000-0000-0000-0000-000000000001', 32)).toBe(30);
    expect(shardOf('6e1a2f3c-7b8d-4e9f-a0b1-c2d3e4f5a6b7', 32)).toBe(3);
    const id = guid(42);
    expect(new Set(Array.from({ length: 5 }, () => shardOf(id, DEFAULT_SYNC_SHARDS))).size).toBe(1);
  });

  test('ids spread over every shard, each within range', () => {
    const counts = new Array<number>(32).fill(0);
    for (let n = 0; n < 3200; n += 1) {
      const shard = shardOf(guid(n * 7919), 32);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(32);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
    expect(shardOf(guid(1), 1)).toBe(0);
  });

  test('claim keys name the shard count, the shard and the slot', () => {
    const slot = '2026-11-25T10:00:00.000Z';
    expect(shardClaimKey(3, 32, slot)).toBe('sync-shard:32/3:2026-11-25T10:00:00.000Z');
    expect(shardClaimKey(3, 16, slot)).not.toBe(shardClaimKey(3, 32, slot));
  });
});

describe('syncInShards without anyone to sync', () => {
  const deps = (): ShardedSyncDeps => ({
    store: createMemoryCareerStore(),
    calendar: {
      calendarWindow: () => Promise.reject(new Error('no calendar')),
      calendarDelta: () => Promise.reject(new Error('no calendar')),
    },
    directory: {} as ShardedSyncDeps['directory'],
    clock: new ManualClock(new Date('2026-11-25T10:07:00Z')),
    logger: silentLog,
  });

  test('an empty store claims nothing and reports the slot', async () => {
    const summary = await syncInShards(deps(), {
      holder: 'a',
      now: new Date('2026-11-25T10:07:00Z'),
      intervalMs: 15 * 60_000,
    });
    expect(summary).toMatchObject({
      slotStart: '2026-11-25T10:00:00.000Z',
      shards: 0,
      claimedShards: 0,
      skippedShards: 0,
      users: 0,
    });
  });

  test('refuses a shard count or interval that is not positive', async () => {
    const now = new Date('2026-11-25T10:07:00Z');
    await expect(syncInShards(deps(), { holder: 'a', now, intervalMs: 60_000, shards: 0 })).rejects.toThrow(
      RangeError,
    );
    await expect(syncInShards(deps(), { holder: 'a', now, intervalMs: 60_000, shards: 2.5 })).rejects.toThrow(
      RangeError,
    );
    await expect(syncInShards(deps(), { holder: 'a', now, intervalMs: 0 })).rejects.toThrow(RangeError);
  });
});
