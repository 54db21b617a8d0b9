import type { SyncDeps } from '../../../src/app/sync/sync-calendars';
import { syncCalendars } from '../../../src/app/sync/sync-calendars';
import { toIanaTimeZone } from '../../../src/core/time-zone';
import type { Organisation } from '../../../src/dev';
import { createDemoOrganisation } from '../../../src/dev';
import { createGraphAdapters } from '../../../src/graph/graph-adapters';
import { DemoTokenProvider } from '../../../src/identity/token-provider';
import type { CareerStore } from '../../../src/store/career-store';
import { createCareerStore } from '../../../src/store/career-store';
import { COLLECTIONS } from '../../../src/store/career/collections';
import { openMemoryStore } from '../../../src/store/memory/memory-document-store';
import type { CountingDocumentStore } from '../../support/counting-document-store';
import { countingDocumentStore } from '../../support/counting-document-store';
import type { EmulatedTenant } from './support/emulated-tenant';
import { startEmulatedTenant } from './support/emulated-tenant';
import { startFailingMailboxProxy } from './support/failing-mailbox-proxy';

/**
 * The person records one sync run writes: everyone synced in the run is written once, by their own sync
 * (not also as someone else's manager or report), and those whose own sync never saved them are written as
 * acquaintances at the end of the run.
 */
const NOW = new Date('2026-11-25T10:00:00Z');

let tenant: EmulatedTenant | null = null;
afterEach(async () => {
  await tenant?.close();
  tenant = null;
});

interface Counted {
  t: EmulatedTenant;
  documents: CountingDocumentStore;
  store: CareerStore;
  deps: SyncDeps;
}

/** The demo organisation on the emulator, synced into a career store whose document writes are counted. */
async function startCounted(): Promise<Counted> {
  const t = (tenant = await startEmulatedTenant(NOW, { organisation: createDemoOrganisation({ now: NOW }) }));
  const documents = countingDocumentStore(openMemoryStore());
  const store = createCareerStore(documents);
  return { t, documents, store, deps: { ...t.deps, store } };
}

function idsOf(org: Organisation): string[] {
  return org.people.map((p) => p.id);
}

function byName(org: Organisation, displayName: string) {
  const found = org.people.find((p) => p.displayName === displayName);
  if (!found) throw new Error(`${displayName} is not in the demo organisation`);
  return found;
}

function managerIdOf(org: Organisation, index: number): string | null {
  const managerIndex = org.people[index]?.managerIndex ?? null;
  return managerIndex === null ? null : (org.people[managerIndex]?.id ?? null);
}

/** How many times each person's `people` document was written. */
function personWrites(documents: CountingDocumentStore): Map<string, number> {
  const counts = new Map<string, number>();
  for (const write of documents.writesTo(COLLECTIONS.people, 'put'))
    counts.set(write.key, (counts.get(write.key) ?? 0) + 1);
  return counts;
}

/**
 * Every stored 1:1 with a manager or a report names that person's id (the counterpart's record may be
 * written only at the end of the run, but their id is known as soon as someone's directory read named them).
 */
async function expectCounterpartsResolved(store: CareerStore, org: Organisation): Promise<number> {
  const idByAddress = new Map(org.people.map((p) => [p.mail.toLowerCase(), p.id]));
  let checked = 0;
  for (const owner of org.people) {
    for (const one of await store.listOneOnOnes(owner.id)) {
      if (one.relationship !== 'manager' && one.relationship !== 'directReport') continue;
      const expected = idByAddress.get(one.counterpart.address.toLowerCase());
      expect({ oneOnOne: one.id, personId: one.counterpart.personId }).toEqual({
        oneOnOne: one.id,
        personId: expected,
      });
      checked += 1;
    }
  }
  return checked;
}

describe('person records written by a sync run', () => {
  test("a full sync of the demo organisation writes each person's record exactly once, with their own facts", async () => {
    const { t, documents, store, deps } = await startCounted();
    const org = t.emulator.org;

    const summary = await syncCalendars(deps, { personIds: idsOf(org) });

    expect(summary).toMatchObject({ users: org.people.length, failedUsers: 0 });
    expect(personWrites(documents)).toEqual(new Map(org.people.map((p) => [p.id, 1])));
    for (const someone of org.people) {
      expect(await store.getPerson(someone.id)).toMatchObject({
        id: someone.id,
        email: someone.mail,
        displayName: someone.displayName,
        managerId: managerIdOf(org, someone.index),
        timeZone: toIanaTimeZone(someone.mailboxTimeZone),
      });
      expect((await store.listReports(someone.id)).map((p) => p.id).sort()).toEqual(
        someone.reportIndexes.map((index) => org.people[index]?.id).sort(),
      );
      expect((await store.findPersonByEmail(someone.mail))?.id).toBe(someone.id);
    }
    expect(await expectCounterpartsResolved(store, org)).toBeGreaterThan(0);
  });

  test('a second run over unchanged facts writes no person record', async () => {
    const { t, documents, deps } = await startCounted();
    const org = t.emulator.org;
    await syncCalendars(deps, { personIds: idsOf(org) });
    const before = documents.writesTo(COLLECTIONS.people).length;
    // Forced, a day later: every directory is read again, and nothing in it changed.
    t.clock.advance(86_400_000);
    const summary = await syncCalendars(deps, {
      personIds: idsOf(org),
      force: true,
      window: { slackDays: 2 },
    });
    expect(summary.failedUsers).toBe(0);
    expect(documents.writesTo(COLLECTIONS.people).length).toBe(before);
  });

  test('someone synced in the run whose own directory read fails is still stored, as an acquaintance, with the manager known from the other side', async () => {
    const { t, documents, store, deps } = await startCounted();
    const org = t.emulator.org;
    // A manager with a manager: their manager's sync names them as a report, their reports' syncs as a manager.
    const jordan = byName(org, 'Jordan Rivera');
    const morganId = managerIdOf(org, jordan.index);
    expect(morganId).not.toBeNull();
    expect(jordan.reportIndexes.length).toBeGreaterThan(0);
    const proxy = await startFailingMailboxProxy(t.emulator.baseUrl, jordan.id);
    try {
      const graph = createGraphAdapters({
        baseUrl: proxy.baseUrl,
        tokens: new DemoTokenProvider(),
        retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
      });
      const summary = await syncCalendars(
        { ...deps, calendar: graph.calendar, directory: graph.directory },
        { personIds: idsOf(org) },
      );

      expect(summary).toMatchObject({
        users: org.people.length,
        failedUsers: 1,
        failures: [{ personId: jordan.id, code: 'graph.503.serviceNotAvailable' }],
      });
    } finally {
      await proxy.close();
    }

    // Written once, at the end of the run: directory facts from the others' reads, the default time zone.
    expect(personWrites(documents)).toEqual(new Map(org.people.map((p) => [p.id, 1])));
    expect(await store.getPerson(jordan.id)).toMatchObject({
      id: jordan.id,
      email: jordan.mail,
      displayName: jordan.displayName,
      managerId: morganId,
      timeZone: 'UTC',
    });
    expect((await store.findPersonByEmail(jordan.mail))?.id).toBe(jordan.id);
    expect((await store.listReports(morganId ?? '')).map((p) => p.id)).toContain(jordan.id);
    // Jordan's reports synced in full, and their 1:1s with Jordan already carry Jordan's id.
    expect((await store.listReports(jordan.id)).map((p) => p.id).sort()).toEqual(
      jordan.reportIndexes.map((index) => org.people[index]?.id).sort(),
    );
    const withJordan = (
      await Promise.all(jordan.reportIndexes.map((index) => store.listOneOnOnes(org.people[index]?.id ?? '')))
    )
      .flat()
      .filter((one) => one.relationship === 'manager');
    expect(withJordan.length).toBeGreaterThan(0);
    for (const one of withJordan) {
      expect(one.counterpart).toMatchObject({ address: jordan.mail, personId: jordan.id });
    }
    expect(await expectCounterpartsResolved(store, org)).toBeGreaterThan(0);
    for (const someone of org.people.filter((p) => p.id !== jordan.id)) {
      expect(await store.getPerson(someone.id)).toMatchObject({
        managerId: managerIdOf(org, someone.index),
        timeZone: toIanaTimeZone(someone.mailboxTimeZone),
      });
    }
  });

  test.each(['before', 'after'])(
    "the acquaintance record keeps the manager id from the manager's sync when that runs %s the reports' syncs",
    async (managerGoes) => {
      const { t, documents, store, deps } = await startCounted();
      const org = t.emulator.org;
      const jordan = byName(org, 'Jordan Rivera');
      const morganId = managerIdOf(org, jordan.index) ?? '';
      const reportIds = jordan.reportIndexes.map((index) => org.people[index]?.id ?? '');
      const others = idsOf(org).filter((id) => id !== morganId && !reportIds.includes(id));
      // One person at a time: the reports' syncs (no manager for Jordan from their side) come before or
      // after the manager's (Jordan as their report), so both orders of the two kinds of sighting are seen.
      const personIds =
        managerGoes === 'before' ? [morganId, ...others, ...reportIds] : [...reportIds, ...others, morganId];
      const proxy = await startFailingMailboxProxy(t.emulator.baseUrl, jordan.id);
      try {
        const graph = createGraphAdapters({
          baseUrl: proxy.baseUrl,
          tokens: new DemoTokenProvider(),
          retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 20 },
        });
        const summary = await syncCalendars(
          { ...deps, calendar: graph.calendar, directory: graph.directory },
          { personIds, concurrency: 1, retryTransientOnce: false },
        );
        expect(summary).toMatchObject({ failedUsers: 1, failures: [{ personId: jordan.id }] });
      } finally {
        await proxy.close();
      }
      expect(personWrites(documents)).toEqual(new Map(org.people.map((p) => [p.id, 1])));
      expect(await store.getPerson(jordan.id)).toMatchObject({ managerId: morganId, timeZone: 'UTC' });
      expect(await expectCounterpartsResolved(store, org)).toBeGreaterThan(0);
    },
  );

  test("a later run in which the person's own sync succeeds replaces the acquaintance record with their own", async () => {
    const { t, store, deps } = await startCounted();
    const org = t.emulator.org;
    const jordan = byName(org, 'Jordan Rivera');
    const proxy = await startFailingMailboxProxy(t.emulator.baseUrl, jordan.id);
    try {
      const graph = createGraphAdapters({
        baseUrl: proxy.baseUrl,
        tokens: new DemoTokenProvider(),
        retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 20 },
      });
      await syncCalendars(
        { ...deps, calendar: graph.calendar, directory: graph.directory },
        { personIds: idsOf(org) },
      );
    } finally {
      await proxy.close();
    }
    expect((await store.getPerson(jordan.id))?.timeZone).toBe('UTC');

    const summary = await syncCalendars(deps, { personIds: [jordan.id], force: true });
    expect(summary.failedUsers).toBe(0);
    expect(await store.getPerson(jordan.id)).toMatchObject({
      managerId: managerIdOf(org, jordan.index),
      timeZone: toIanaTimeZone(jordan.mailboxTimeZone),
    });
  });
});
