import { syncCalendars } from '../../../src/app/sync/sync-calendars';
import { silentLog } from '../../../src/app/sync/sync-log';
import type { Directory, DirectoryUser } from '../../../src/ports/directory';
import { noCareerEvents } from '../../../src/ports/career-events';
import { ManualClock } from '../../../src/ports/clock';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';
import { FixtureCalendar, loadRecording } from '../../contract/calendar/fixture-calendar';

const user = (id: string, email: string): DirectoryUser => ({ id, email, displayName: id, jobTitle: null });

/** A directory whose reporting lines the test can change between runs. */
class ChangingDirectory implements Directory {
  reports = new Map<string, DirectoryUser[]>();
  managers = new Map<string, DirectoryUser>();
  calls = 0;
  constructor(private readonly people: DirectoryUser[]) {}
  getUser(id: string) {
    this.calls += 1;
    return Promise.resolve(this.people.find((p) => p.id === id) ?? null);
  }
  getManager(id: string) {
    this.calls += 1;
    return Promise.resolve(this.managers.get(id) ?? null);
  }
  getUserAndManager(id: string) {
    this.calls += 1;
    const user = this.people.find((p) => p.id === id);
    return Promise.resolve(user ? { user, manager: this.managers.get(id) ?? null } : null);
  }
  getDirectReports(id: string) {
    this.calls += 1;
    return Promise.resolve(this.reports.get(id) ?? []);
  }
  getMailboxSettings() {
    this.calls += 1;
    return Promise.resolve({
      timeZone: 'Europe/Berlin',
      workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' },
    });
  }
  searchPeople() {
    return Promise.resolve([]);
  }
}

/** A memory store and the recorded calendar, synced with `directory` from 8 March 2026. */
function syncingWith(recording: ReturnType<typeof loadRecording>, directory: Directory) {
  const store = createMemoryCareerStore();
  const clock = new ManualClock('2026-03-08T09:00:00Z');
  const calendar = new FixtureCalendar(recording);
  return {
    store,
    clock,
    deps: { store, calendar, directory, clock, logger: silentLog, events: noCareerEvents },
  };
}

test('a daily directory refresh follows reporting lines that changed, without touching the calendar link', async () => {
  const recording = loadRecording();
  const avery = user(recording.userId, recording.owner.address);
  const jordan = user('jordan', 'jordan.patel@contoso.com');
  const sam = user('sam', 'sam.rivera@contoso.com');
  const morgan = user('morgan', 'morgan.lee@contoso.com');
  const directory = new ChangingDirectory([avery, jordan, sam, morgan]);
  directory.managers.set(avery.id, morgan);
  directory.reports.set(avery.id, [jordan, sam]);
  const { store, clock, deps } = syncingWith(recording, directory);

  await syncCalendars(deps, { personIds: [avery.id], window: { slackDays: 60 } });
  expect((await store.listReports(avery.id)).map((p) => p.id).sort()).toEqual(['jordan', 'sam']);
  expect(await store.getPerson(avery.id)).toMatchObject({ managerId: 'morgan', timeZone: 'Europe/Berlin' });
  const averysOneOnOnes = await store.listOneOnOnes(avery.id);
  expect(averysOneOnOnes.find((o) => o.counterpart.address === jordan.email)?.relationship).toBe(
    'directReport',
  );

  directory.reports.set(avery.id, [jordan]);
  clock.advance(60 * 60_000);
  const callsBefore = directory.calls;
  await syncCalendars(deps, { personIds: [avery.id], window: { slackDays: 60 } });
  expect(directory.calls).toBe(callsBefore);

  clock.advance(24 * 60 * 60_000);
  await syncCalendars(deps, { personIds: [avery.id], window: { slackDays: 60 } });
  expect(directory.calls).toBe(callsBefore + 3);
  expect((await store.listReports(avery.id)).map((p) => p.id)).toEqual(['jordan']);
  expect(await store.getPerson('sam')).toMatchObject({ managerId: null });
  expect((await store.getSyncState(avery.id))?.directoryRefreshedAt).toBe(clock.now().toISOString());
});

test('when the daily directory refresh fails, the calendar still syncs on the stored facts and the refresh is retried', async () => {
  const recording = loadRecording();
  const avery = user(recording.userId, recording.owner.address);
  const morgan = user('morgan', 'morgan.lee@contoso.com');
  const directory = new ChangingDirectory([avery, morgan]);
  directory.managers.set(avery.id, morgan);
  const { store, clock, deps } = syncingWith(recording, directory);
  await syncCalendars(deps, { personIds: [avery.id], window: { slackDays: 60 } });
  const firstRefresh = (await store.getSyncState(avery.id))?.directoryRefreshedAt;

  clock.advance(25 * 60 * 60_000);
  directory.getDirectReports = () =>
    Promise.reject(Object.assign(new Error('unavailable'), { code: 'graph.503' }));
  const summary = await syncCalendars(deps, { personIds: [avery.id], window: { slackDays: 60 } });
  expect(summary).toMatchObject({ failedUsers: 0 });
  const state = await store.getSyncState(avery.id);
  expect(state).toMatchObject({
    failures: 0,
    lastSyncedAt: clock.now().toISOString(),
    directoryRefreshedAt: firstRefresh,
  });
  expect(
    (await store.listOneOnOnes(avery.id)).find((o) => o.counterpart.address === morgan.email)?.relationship,
  ).toBe('manager');
});
