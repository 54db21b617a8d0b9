import { setTimeout as delay } from 'node:timers/promises';
import type { ShardedSyncDeps, ShardedSyncSummary } from '../../../src/app/sync/sync-shards';
import { shardClaimKey, shardOf, syncInShards } from '../../../src/app/sync/sync-shards';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/person';
import { generateOrganisation } from '../../../src/dev';
import type { Calendar } from '../../../src/ports/calendar';
import type { EmulatedTenant } from './support/emulated-tenant';
import { startEmulatedTenant } from './support/emulated-tenant';

const NOW = new Date('2026-11-25T10:01:00Z');
const INTERVAL_MS = 15 * 60_000;
const SLOT_START = '2026-11-25T10:00:00.000Z';
const SHARDS = 8;

let tenant: EmulatedTenant | null = null;
afterEach(async () => {
  await tenant?.close();
  tenant = null;
});

/** Calendar rounds started, per person, across every instance of a test. */
type Rounds = Map<string, number>;

function countingCalendar(calendar: Calendar, rounds: Rounds): Calendar {
  const count = (userId: string): void => {
    rounds.set(userId, (rounds.get(userId) ?? 0) + 1);
  };
  return {
    calendarWindow: (userId, window) => {
      count(userId);
      return calendar.calendarWindow(userId, window);
    },
    calendarDelta: (userId, deltaLink) => {
      count(userId);
      return calendar.calendarDelta(userId, deltaLink);
    },
  };
}

/**
 * One app instance on the tenant's shared store: its own holder, its Graph rounds counted in `rounds`.
 * `slowClaims` delays its claims of the shards it picks, so two instances racing split the shards between them.
 */
function instance(t: EmulatedTenant, rounds: Rounds, slowClaims?: (key: string) => boolean): ShardedSyncDeps {
  return {
    ...t.deps,
    calendar: countingCalendar(t.graph.calendar, rounds),
    store: {
      ...t.store,
      claim: async (key, holder, now, leaseMs) => {
        if (slowClaims?.(key)) await delay(30);
        return t.store.claim(key, holder, now, leaseMs);
      },
    },
  };
}

function run(deps: ShardedSyncDeps, holder: string, t: EmulatedTenant, shards = SHARDS) {
  return syncInShards(deps, { holder, now: t.clock.now(), intervalMs: INTERVAL_MS, shards });
}

async function startWith(size: number): Promise<EmulatedTenant> {
  tenant = await startEmulatedTenant(NOW, {
    organisation: generateOrganisation({ size, seed: 7, now: NOW }),
  });
  const t = tenant;
  // The store knows everyone (as it does once the bot is installed), so the default run covers them all.
  for (const person of t.emulator.org.people) {
    await t.store.savePerson({
      id: person.id,
      displayName: person.displayName,
      email: person.mail,
      jobTitle: null,
      managerId: null,
      timeZone: 'UTC',
      workingHours: DEFAULT_WORKING_HOURS,
    });
  }
  return t;
}

function ids(t: EmulatedTenant): string[] {
  return t.emulator.org.people.map((p) => p.id);
}

function everyoneOnce(t: EmulatedTenant): Rounds {
  return new Map(ids(t).map((id) => [id, 1]));
}

/** Two instances racing on one store; instance A is slow to claim odd shards, B even ones. */
async function race(t: EmulatedTenant, rounds: Rounds): Promise<[ShardedSyncSummary, ShardedSyncSummary]> {
  const odd = (key: string): boolean => Number(/\/(\d+):/.exec(key)?.[1]) % 2 === 1;
  const a = instance(t, rounds, odd);
  const b = instance(t, rounds, (key) => !odd(key));
  return Promise.all([run(a, 'instance-a', t), run(b, 'instance-b', t)]);
}

describe('syncInShards: instances sharing a store split the calendar sync', () => {
  test('two instances running at once sync every person exactly once and together cover everyone', async () => {
    const t = await startWith(60);
    const rounds: Rounds = new Map();

    const [a, b] = await race(t, rounds);

    expect(rounds).toEqual(everyoneOnce(t));
    const shards = new Set(ids(t).map((id) => shardOf(id, SHARDS))).size;
    for (const summary of [a, b]) {
      expect(summary).toMatchObject({ slotStart: SLOT_START, shards, failedUsers: 0 });
      expect(summary.claimedShards).toBeGreaterThan(0);
      expect(summary.claimedShards + summary.skippedShards).toBe(shards);
    }
    expect(a.claimedShards + b.claimedShards).toBe(shards);
    expect(a.users + b.users).toBe(60);
    const states = await Promise.all(ids(t).map((id) => t.store.getSyncState(id)));
    expect(states.every((state) => state?.deltaLink && state.lastSyncedAt === NOW.toISOString())).toBe(true);
  });

  test('a second run in the same slot syncs nobody; the next slot syncs everyone again, once', async () => {
    const t = await startWith(40);
    await race(t, new Map());

    t.clock.advance(10 * 60_000);
    const again: Rounds = new Map();
    const [a, b] = await race(t, again);
    expect(again.size).toBe(0);
    for (const summary of [a, b]) {
      expect(summary).toMatchObject({ users: 0, claimedShards: 0, graphRequests: 0 });
      expect(summary.skippedShards).toBe(summary.shards);
    }

    t.clock.advance(5 * 60_000);
    const next: Rounds = new Map();
    const [c, d] = await race(t, next);
    expect(next).toEqual(everyoneOnce(t));
    expect(c.slotStart).toBe('2026-11-25T10:15:00.000Z');
    expect(c.users + d.users).toBe(40);
    expect(c.claimedShards + d.claimedShards).toBe(c.shards);
  });

  test("a crashed instance's shards are taken over once their lease lapses, in the same slot", async () => {
    const t = await startWith(30);
    const crashedShard = shardOf(ids(t)[0]!, SHARDS);
    const crashedPeople = ids(t).filter((id) => shardOf(id, SHARDS) === crashedShard);
    // Claimed, never completed: the instance died mid-run.
    expect(
      await t.store.claim(
        shardClaimKey(crashedShard, SHARDS, SLOT_START),
        'crashed',
        t.clock.now(),
        10 * 60_000,
      ),
    ).toBe(true);

    const first: Rounds = new Map();
    const early = await run(instance(t, first), 'survivor', t);
    expect(early.skippedShards).toBe(1);
    expect(new Set(first.keys())).toEqual(new Set(ids(t).filter((id) => !crashedPeople.includes(id))));

    t.clock.advance(10 * 60_000);
    const takeover: Rounds = new Map();
    const late = await run(instance(t, takeover), 'survivor', t);
    expect(late).toMatchObject({ slotStart: SLOT_START, claimedShards: 1, users: crashedPeople.length });
    expect(takeover).toEqual(new Map(crashedPeople.map((id) => [id, 1])));
  });

  test('syncs only the people asked for, and instances disagreeing on the shard count both sync them', async () => {
    const t = await startWith(20);
    const some = ids(t).slice(0, 12);
    const rounds: Rounds = new Map();
    const deps = instance(t, rounds);
    const summary = await syncInShards(deps, {
      holder: 'a',
      now: t.clock.now(),
      intervalMs: INTERVAL_MS,
      personIds: some,
    });
    expect(summary.users).toBe(12);
    expect(new Set(rounds.keys())).toEqual(new Set(some));

    // Another shard count means other buckets: nobody is skipped for want of a matching claim.
    const other = await run(deps, 'b', t, 5);
    expect(other).toMatchObject({ users: 20, skippedShards: 0 });
  });

  test('a run that fails gives its shards back for another instance in the same slot', async () => {
    const t = await startWith(10);
    const broken: ShardedSyncDeps = {
      ...instance(t, new Map()),
      logger: {
        ...t.deps.logger,
        info: () => {
          throw new Error('log sink gone');
        },
      },
    };
    await expect(run(broken, 'a', t)).rejects.toThrow('log sink gone');
    const rounds: Rounds = new Map();
    const summary = await run(instance(t, rounds), 'b', t);
    expect(summary.skippedShards).toBe(0);
    expect(rounds).toEqual(everyoneOnce(t));
  });
});
