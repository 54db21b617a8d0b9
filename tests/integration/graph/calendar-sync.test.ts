import { syncCalendars } from '../../../src/app/sync/sync-calendars';
import { DEFAULT_WINDOW_POLICY, windowFor } from '../../../src/app/sync/sync-window';
import { createDemoOrganisation, generateOrganisation } from '../../../src/dev';
import { createGraphAdapters } from '../../../src/graph/graph-adapters';
import { DemoTokenProvider } from '../../../src/identity/token-provider';
import type { EmulatedTenant } from './support/emulated-tenant';
import {
  allOneOnOnes,
  expectedOneOnOnes,
  startEmulatedTenant,
  storedOneOnOnes,
} from './support/emulated-tenant';
import { startFailingMailboxProxy } from './support/failing-mailbox-proxy';

const NOW = new Date('2026-11-25T10:00:00Z');
const DAY_MS = 86_400_000;

let tenant: EmulatedTenant | null = null;
afterEach(async () => {
  await tenant?.close();
  tenant = null;
});

async function startWith(size: number, options: Parameters<typeof startEmulatedTenant>[1] = {}) {
  tenant = await startEmulatedTenant(NOW, {
    organisation: generateOrganisation({ size, seed: 7, now: NOW }),
    ...options,
  });
  return tenant;
}

function peopleIds(t: EmulatedTenant): string[] {
  return t.emulator.org.people.map((p) => p.id);
}

/** Inside each person's synced window the store holds exactly the calendar's 1:1s (older ones stay as history). */
async function expectStoreMatchesCalendars(t: EmulatedTenant): Promise<void> {
  for (const person of t.emulator.org.people) {
    const state = await t.store.getSyncState(person.id);
    const window =
      state?.windowStart && state.windowEnd
        ? { start: state.windowStart, end: state.windowEnd }
        : windowFor(t.clock.now(), DEFAULT_WINDOW_POLICY);
    expect({ person: person.index, oneOnOnes: await storedOneOnOnes(t.store, person.id, window) }).toEqual({
      person: person.index,
      oneOnOnes: expectedOneOnOnes(t.emulator.org, person.index, window),
    });
  }
}

describe('syncCalendars against the Graph emulator', () => {
  test('an initial sync stores exactly the 1:1s on the demo calendars, with stable ids', async () => {
    const t = (tenant = await startEmulatedTenant(NOW, {
      organisation: createDemoOrganisation({ now: NOW }),
    }));
    const avery = t.emulator.org.people[0]!;
    const jordan = t.emulator.org.people[avery.managerIndex!]!;
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary).toMatchObject({ users: 12, failedUsers: 0 });
    expect(summary.oneOnOnes).toBeGreaterThan(0);
    await expectStoreMatchesCalendars(t);
    const averys = await t.store.listOneOnOnes(avery.id);
    expect(averys.some((o) => o.relationship === 'manager' && o.counterpart.personId === jordan.id)).toBe(
      true,
    );
    expect(averys.some((o) => o.relationship === 'peer')).toBe(true);
    for (const one of (await allOneOnOnes(t)).values()) expect(one.id).toBe(`${one.ownerId}:${one.eventId}`);
    expect(await t.store.getPerson(avery.id)).toMatchObject({
      managerId: jordan.id,
      timeZone: 'America/Los_Angeles',
    });
    expect((await t.store.listReports(jordan.id)).map((p) => p.id)).toContain(avery.id);
  });

  test('a delta round after the calendars change reflects moved, cancelled, removed and new 1:1s', async () => {
    const t = await startWith(60);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    const before = await allOneOnOnes(t);
    t.clock.advance(60 * 60_000);
    const mutations = t.emulator.mutate({ fraction: 0.5, seed: 3 });
    expect(new Set(mutations.map((m) => m.kind))).toEqual(
      new Set(['moved', 'cancelled', 'removed', 'added']),
    );
    const requestsBefore = t.emulator.stats().graphRequests;

    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });

    expect(summary).toMatchObject({ users: 60, failedUsers: 0, restartedUsers: 0 });
    expect(t.emulator.stats().graphRequests - requestsBefore).toBe(60);
    await expectStoreMatchesCalendars(t);
    const after = await allOneOnOnes(t);
    expect(
      [...after.values()].some((o) => o.status === 'cancelled' && before.get(o.id)?.status === 'scheduled'),
    ).toBe(true);
    expect([...before.keys()].some((id) => !after.has(id))).toBe(true);
    expect([...after.keys()].some((id) => !before.has(id))).toBe(true);
    expect(
      [...after.values()].some((o) => before.has(o.id) && before.get(o.id)!.startsAt !== o.startsAt),
    ).toBe(true);
  });

  test('a 1:1 someone prepared for is kept as cancelled when it disappears; unprepared ones are deleted', async () => {
    const t = await startWith(40);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    for (const one of (await allOneOnOnes(t)).values()) {
      await t.store.saveAgenda({
        oneOnOneId: one.id,
        authorId: one.ownerId,
        counterpartId: null,
        learningFocus: 'x',
        knowledgeHolders: [],
        asks: [],
        carriedActionIds: [],
        sharedAt: null,
        updatedAt: NOW.toISOString(),
        revision: 1,
      });
    }
    expect(t.emulator.mutate({ fraction: 1, seed: 11 }).some((m) => m.kind === 'removed')).toBe(true);
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary.deleted).toBe(0);
    expect(summary.cancelled).toBeGreaterThan(0);
  });

  test('an expired delta link (410) restarts the person from a full read, with the same 1:1 ids', async () => {
    const t = await startWith(30);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    const ids = [...(await allOneOnOnes(t)).keys()].sort();
    t.emulator.expireDeltaTokens();
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary).toMatchObject({ users: 30, failedUsers: 0, restartedUsers: 30, created: 0, deleted: 0 });
    expect([...(await allOneOnOnes(t)).keys()].sort()).toEqual(ids);
    await expectStoreMatchesCalendars(t);
    expect((await syncCalendars(t.deps, { personIds: peopleIds(t) })).restartedUsers).toBe(0);
  });

  test('a stored delta link on another host (Graph reached elsewhere before) is never followed: the person restarts from a full read', async () => {
    const t = await startWith(20);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    const ids = [...(await allOneOnOnes(t)).keys()].sort();
    const origin = new URL((await t.store.getSyncState(peopleIds(t)[0]!))?.deltaLink ?? '').origin;
    for (const id of peopleIds(t)) {
      const state = await t.store.getSyncState(id);
      if (!state?.deltaLink) throw new Error('the initial sync stored no delta link');
      const elsewhere = new URL(state.deltaLink);
      elsewhere.host = 'graph.elsewhere.example';
      await t.store.saveSyncState(id, { ...state, deltaLink: elsewhere.toString() });
    }
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary).toMatchObject({ users: 20, failedUsers: 0, restartedUsers: 20, created: 0, deleted: 0 });
    // One request each, the full read of a window that fits a page: none went to the refused links.
    expect(summary.graphRequests).toBe(20);
    expect([...(await allOneOnOnes(t)).keys()].sort()).toEqual(ids);
    for (const id of peopleIds(t))
      expect(new URL((await t.store.getSyncState(id))?.deltaLink ?? '').origin).toBe(origin);
    await expectStoreMatchesCalendars(t);
  });

  test('a window that has moved on restarts the person over the new window', async () => {
    const t = await startWith(20);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    t.clock.advance(3 * DAY_MS);
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary.restartedUsers).toBe(20);
    const wanted = windowFor(t.clock.now(), DEFAULT_WINDOW_POLICY);
    expect(await t.store.getSyncState(peopleIds(t)[0]!)).toMatchObject({
      windowStart: wanted.start,
      windowEnd: wanted.end,
    });
    await expectStoreMatchesCalendars(t);
  });

  test('a person the directory does not know is recorded as failed with a code and back-off; the others sync', async () => {
    const t = await startWith(15);
    const ghost = '00000000-0000-0000-0000-00000000dead';
    const summary = await syncCalendars(t.deps, { personIds: [...peopleIds(t), ghost] });
    expect(summary).toMatchObject({
      users: 16,
      failedUsers: 1,
      failures: [{ personId: ghost, code: 'directory.user_not_found' }],
    });
    expect(await t.store.getSyncState(ghost)).toMatchObject({
      failures: 1,
      lastError: 'directory.user_not_found',
      nextAttemptAt: new Date(NOW.getTime() + 5 * 60_000).toISOString(),
      deltaLink: null,
    });
    await expectStoreMatchesCalendars(t);
    expect(await syncCalendars(t.deps, { personIds: [ghost] })).toMatchObject({
      deferredUsers: 1,
      failedUsers: 0,
    });
  });

  test('a mailbox that keeps failing (503) is reported with its code and back-off; everyone else syncs', async () => {
    const t = await startWith(15);
    const victim = peopleIds(t)[4]!;
    const proxy = await startFailingMailboxProxy(t.emulator.baseUrl, victim);
    try {
      const graph = createGraphAdapters({
        baseUrl: proxy.baseUrl,
        tokens: new DemoTokenProvider(),
        retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      });
      const summary = await syncCalendars(
        { ...t.deps, calendar: graph.calendar, directory: graph.directory },
        { personIds: peopleIds(t) },
      );
      expect(summary).toMatchObject({
        users: 15,
        failedUsers: 1,
        failures: [{ personId: victim, code: 'graph.503.serviceNotAvailable' }],
      });
      const state = (await t.store.getSyncState(victim))!;
      expect(state).toMatchObject({ lastError: 'graph.503.serviceNotAvailable', deltaLink: null });
      expect(state.failures).toBeGreaterThanOrEqual(1);
      expect(Date.parse(state.nextAttemptAt!)).toBeGreaterThan(NOW.getTime());
      const synced = await Promise.all(peopleIds(t).map((id) => t.store.getSyncState(id)));
      expect(synced.filter((s) => s?.deltaLink)).toHaveLength(14);
    } finally {
      await proxy.close();
    }
  });

  test('with 20% of Graph requests failing (429, 500, 503, 504, hung sockets) every person still syncs', async () => {
    const t = await startWith(40, { faultRate: 0.2, faultHangMs: 50, seed: 5 });
    const summary = await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(summary).toMatchObject({ users: 40, failedUsers: 0 });
    expect(t.emulator.stats().faultsInjected).toBeGreaterThan(0);
    await expectStoreMatchesCalendars(t);
  }, 60_000);

  test('a crash mid-person loses nothing and repeats nothing: the next run converges on the same 1:1s', async () => {
    const t = await startWith(25);
    const victim = peopleIds(t)[3]!;
    t.store.crashOn = (write, partition) => write === 'saveSyncState' && partition === victim;
    const first = await syncCalendars(t.deps, { personIds: peopleIds(t), retryTransientOnce: false });
    expect(first.failedUsers).toBe(1);
    t.store.crashOn = null;
    expect((await t.store.getSyncState(victim))?.deltaLink ?? null).toBeNull();
    const halfWritten = (await t.store.listOneOnOnes(victim)).map((o) => o.id).sort();
    expect(halfWritten.length).toBeGreaterThan(0);
    const second = await syncCalendars(t.deps, { personIds: [victim], force: true });
    expect(second).toMatchObject({ failedUsers: 0, created: 0, deleted: 0 });
    expect((await t.store.listOneOnOnes(victim)).map((o) => o.id).sort()).toEqual(halfWritten);
    await expectStoreMatchesCalendars(t);
  });

  test('the directory (manager, reports, mailbox settings) is read once a day, not every round', async () => {
    const t = await startWith(10);
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    t.clock.advance(60 * 60_000);
    const before = t.emulator.stats().graphRequests;
    await syncCalendars(t.deps, { personIds: peopleIds(t) });
    expect(t.emulator.stats().graphRequests - before).toBe(10);
    t.clock.advance(DAY_MS);
    const dayLater = t.emulator.stats().graphRequests;
    await syncCalendars(t.deps, { personIds: peopleIds(t), window: { slackDays: 2 } });
    // A day later: the person with their manager ($expand), reports, mailbox settings, and the delta round.
    expect(t.emulator.stats().graphRequests - dayLater).toBe(40);
  });
});
