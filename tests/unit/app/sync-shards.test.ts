import { DEFAULT_SYNC_SHARDS, shardClaimKey, shardOf, syncInShards } from '../../../src/app/sync/sync-shards';
import type { ShardedSyncDeps } from '../../../src/app/sync/sync-shards';
import { silentLog } from '../../../src/app/sync/sync-log';
import { noCareerEvents } from '../../../src/ports/career-events';
import { ManualClock, systemClock } from '../../../src/ports/clock';
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
    events: noCareerEvents,
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

describe('syncInShards renews its shard claims while a long run lasts', () => {
  const NOW = new Date('2026-11-25T10:01:00Z');
  const SLOT_START = '2026-11-25T10:00:00.000Z';
  const INTERVAL_MS = 15 * 60_000;
  const LEASE_MS = 60_000;
  const TICK_MS = LEASE_MS / 3;
  const SHARDS = 4;
  const PEOPLE = Array.from({ length: 8 }, (_, n) => guid(n + 1));
  const SHARDS_HELD = [...new Set(PEOPLE.map((id) => shardOf(id, SHARDS)))].sort((a, b) => a - b);
  const KEYS = SHARDS_HELD.map((shard) => shardClaimKey(shard, SHARDS, SLOT_START));

  interface Renewal {
    key: string;
    holder: string;
    at: string;
    leaseMs: number | undefined;
  }

  interface LogEntry {
    event: string;
    fields: Record<string, unknown>;
  }

  /** Holds every caller of `wait` until `open`; `reached` settles once the first one arrives. */
  function gate(): { reached: Promise<void>; wait(): Promise<void>; open(): void } {
    let reach = (): void => undefined;
    let open = (): void => undefined;
    const reached = new Promise<void>((resolve) => {
      reach = resolve;
    });
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return {
      reached,
      wait: () => {
        reach();
        return opened;
      },
      open: () => {
        open();
      },
    };
  }

  /** The store every instance of a test shares, fresh for each test. */
  let shared = createMemoryCareerStore();

  /**
   * One instance on the shared store. `slow` holds its sync of each person (so the run lasts as long as the test
   * wants), `renewals` records its renewals, and `storeDown` makes renewals of the keys it names fail. Nobody's calendar
   * is read here (there is no directory, so each person's sync fails): what counts is who syncs which shard.
   */
  function instance(
    options: {
      slow?: ReturnType<typeof gate>;
      renewals?: Renewal[];
      storeDown?: (key: string) => boolean;
      logs?: LogEntry[];
    } = {},
  ): ShardedSyncDeps {
    const { slow, renewals = [], storeDown = () => false, logs = [] } = options;
    const record = (fields: Record<string, unknown>, event: string): void => {
      logs.push({ event, fields });
    };
    return {
      store: {
        ...shared,
        getSyncState: async (personId) => {
          await slow?.wait();
          return shared.getSyncState(personId);
        },
        renewClaim: (key, holder, now, leaseMs) => {
          renewals.push({ key, holder, at: now.toISOString(), leaseMs });
          if (storeDown(key)) {
            return Promise.reject(
              Object.assign(new Error('connection refused'), { code: 'store.unavailable' }),
            );
          }
          return shared.renewClaim(key, holder, now, leaseMs);
        },
      },
      calendar: {
        calendarWindow: () => Promise.reject(new Error('no calendar')),
        calendarDelta: () => Promise.reject(new Error('no calendar')),
      },
      directory: {} as ShardedSyncDeps['directory'],
      // Jest's fake timers move Date too: the system clock is the fake one.
      clock: systemClock,
      logger: { debug: record, info: record, warn: record },
      events: noCareerEvents,
    };
  }

  function run(deps: ShardedSyncDeps, holder: string) {
    return syncInShards(deps, {
      holder,
      now: systemClock.now(),
      intervalMs: INTERVAL_MS,
      shards: SHARDS,
      leaseMs: LEASE_MS,
      personIds: PEOPLE,
    });
  }

  const at = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
  const events = (logs: LogEntry[], event: string): LogEntry[] => logs.filter((log) => log.event === event);

  beforeEach(() => {
    shared = createMemoryCareerStore();
    jest.useFakeTimers({ now: NOW });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('the people fall into more than one shard (so the cases below hold several claims)', () => {
    expect(KEYS.length).toBeGreaterThan(1);
  });

  test('a run longer than its lease keeps its shards: another instance running meanwhile skips them', async () => {
    const slow = gate();
    const renewals: Renewal[] = [];
    const running = run(instance({ slow, renewals }), 'instance-a');
    await slow.reached;

    await jest.advanceTimersByTimeAsync(2.5 * LEASE_MS);
    const other = await run(instance(), 'instance-b');
    expect(other).toMatchObject({
      claimedShards: 0,
      skippedShards: KEYS.length,
      takenOverShards: 0,
      users: 0,
    });

    // Every third of the lease, each shard is renewed by its holder from the clock's time then.
    const ticks = [1, 2, 3, 4, 5, 6, 7].map((n) => at(n * TICK_MS));
    expect(renewals).toEqual(
      ticks.flatMap((time) =>
        KEYS.map((key) => ({ key, holder: 'instance-a', at: time, leaseMs: LEASE_MS })),
      ),
    );

    slow.open();
    expect(await running).toMatchObject({
      claimedShards: KEYS.length,
      takenOverShards: 0,
      users: PEOPLE.length,
    });
  });

  test('renewals stop when the run ends, and its shards stay done for the rest of the slot', async () => {
    const slow = gate();
    const renewals: Renewal[] = [];
    const running = run(instance({ slow, renewals }), 'instance-a');
    await slow.reached;
    await jest.advanceTimersByTimeAsync(LEASE_MS);
    slow.open();
    await running;

    const renewed = renewals.length;
    expect(renewed).toBe(3 * KEYS.length);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5 * LEASE_MS);
    expect(renewals).toHaveLength(renewed);
    expect(await run(instance(), 'instance-b')).toMatchObject({
      claimedShards: 0,
      skippedShards: KEYS.length,
    });
  });

  test('a run that fails stops renewing too, and gives its shards back at once', async () => {
    const slow = gate();
    const renewals: Renewal[] = [];
    const failing: ShardedSyncDeps = {
      ...instance({ slow, renewals }),
      logger: {
        ...silentLog,
        info: () => {
          throw new Error('log sink gone');
        },
      },
    };
    const running = run(failing, 'instance-a');
    const failed = expect(running).rejects.toThrow('log sink gone');
    await slow.reached;
    await jest.advanceTimersByTimeAsync(TICK_MS);
    slow.open();
    await failed;

    expect(renewals).toHaveLength(KEYS.length);
    expect(jest.getTimerCount()).toBe(0);
    // Well within the lease just renewed: another instance gets the shards only because they were given back.
    expect(await run(instance(), 'instance-b')).toMatchObject({ claimedShards: KEYS.length });
    await jest.advanceTimersByTimeAsync(5 * LEASE_MS);
    expect(renewals).toHaveLength(KEYS.length);
  });

  test('a renewal the store fails is logged and tried again at the next tick; the run keeps its shards', async () => {
    const slow = gate();
    const renewals: Renewal[] = [];
    const logs: LogEntry[] = [];
    let down = true;
    const running = run(instance({ slow, renewals, logs, storeDown: () => down }), 'instance-a');
    await slow.reached;

    await jest.advanceTimersByTimeAsync(TICK_MS);
    expect(events(logs, 'sync.shard_renewal_failed').map((log) => log.fields)).toEqual(
      SHARDS_HELD.map((shard) => ({ shard, slotStart: SLOT_START, code: 'store.unavailable' })),
    );
    down = false;
    await jest.advanceTimersByTimeAsync(2 * LEASE_MS);

    expect(await run(instance(), 'instance-b')).toMatchObject({
      claimedShards: 0,
      skippedShards: KEYS.length,
    });
    expect(renewals.filter((renewal) => renewal.at === at(2 * TICK_MS))).toHaveLength(KEYS.length);
    expect(events(logs, 'sync.shard_renewal_failed')).toHaveLength(KEYS.length);
    expect(events(logs, 'sync.shard_taken_over')).toHaveLength(0);
    slow.open();
    expect(await running).toMatchObject({ claimedShards: KEYS.length, takenOverShards: 0 });
  });

  test('a shard taken over mid-run is reported once and no longer renewed; the run keeps the others', async () => {
    const lostShard = SHARDS_HELD[0];
    const [lostKey, ...keptKeys] = KEYS;
    const slow = gate();
    const renewals: Renewal[] = [];
    const logs: LogEntry[] = [];
    let lostDown = true;
    const running = run(
      instance({ slow, renewals, logs, storeDown: (key) => lostDown && key === lostKey }),
      'instance-a',
    );
    await slow.reached;

    // Its renewals fail for a whole lease: another instance then takes that shard over, and only that one.
    await jest.advanceTimersByTimeAsync(LEASE_MS);
    const other = await run(instance(), 'instance-b');
    expect(other).toMatchObject({ claimedShards: 1, skippedShards: keptKeys.length });
    lostDown = false;

    await jest.advanceTimersByTimeAsync(TICK_MS);
    expect(events(logs, 'sync.shard_taken_over').map((log) => log.fields)).toEqual([
      { shard: lostShard, slotStart: SLOT_START },
    ]);
    const refusedAt = at(LEASE_MS + TICK_MS);
    await jest.advanceTimersByTimeAsync(3 * LEASE_MS);

    const lostRenewals = renewals.filter((renewal) => renewal.key === lostKey);
    expect(lostRenewals.map((renewal) => renewal.at)).toEqual([
      at(TICK_MS),
      at(2 * TICK_MS),
      at(LEASE_MS),
      refusedAt,
    ]);
    // The others were renewed at every tick of the four leases and a third that went by.
    for (const key of keptKeys) expect(renewals.filter((renewal) => renewal.key === key)).toHaveLength(13);
    expect(events(logs, 'sync.shard_taken_over')).toHaveLength(1);

    slow.open();
    expect(await running).toMatchObject({
      claimedShards: KEYS.length,
      takenOverShards: 1,
      users: PEOPLE.length,
    });
  });
});
