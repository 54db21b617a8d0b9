import { syncCalendars } from '../../../src/app/sync/sync-calendars';
import type { SyncDeps } from '../../../src/app/sync/sync-calendars';
import { silentLog } from '../../../src/app/sync/sync-log';
import { DEFAULT_WINDOW_POLICY, windowFor } from '../../../src/app/sync/sync-window';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/person';
import type { CalendarChanges } from '../../../src/ports/calendar';
import { SyncStateExpired } from '../../../src/ports/calendar';
import { noCareerEvents } from '../../../src/ports/career-events';
import { ManualClock } from '../../../src/ports/clock';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';

const NOW = new Date('2026-11-25T10:00:00Z');
const AVA = '6e1a2f3c-7b8d-4e9f-a0b1-000000000001';

/** Ava, synced an hour ago (directory facts fresh, delta link stored), and a calendar scripted per call. */
async function syncedAnHourAgo(calendar: SyncDeps['calendar']): Promise<SyncDeps> {
  const store = createMemoryCareerStore();
  await store.savePerson({
    id: AVA,
    email: 'ava@contoso.example',
    displayName: 'Ava Chen',
    jobTitle: null,
    managerId: null,
    timeZone: 'Europe/London',
    workingHours: DEFAULT_WORKING_HOURS,
  });
  const window = windowFor(NOW, DEFAULT_WINDOW_POLICY);
  await store.saveSyncState(AVA, {
    deltaLink: 'https://graph.example/delta?token=1',
    windowStart: window.start,
    windowEnd: window.end,
    lastSyncedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
    failures: 0,
    lastError: null,
    nextAttemptAt: null,
    directoryRefreshedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
  });
  const directory = new Proxy({} as SyncDeps['directory'], {
    get: () => () => Promise.reject(new Error('the directory is fresh: it must not be read')),
  });
  return {
    store,
    calendar,
    directory,
    clock: new ManualClock(NOW),
    logger: silentLog,
    events: noCareerEvents,
  };
}

const emptyRound = (requests: number): CalendarChanges => ({
  events: [],
  removed: [],
  deltaLink: 'https://graph.example/delta?token=2',
  skipped: 0,
  requests,
});

describe('one person’s sync counts the Graph requests it made', () => {
  test('an expired delta link and the full read after it', async () => {
    const deps = await syncedAnHourAgo({
      calendarDelta: () => Promise.reject(new SyncStateExpired(AVA)),
      calendarWindow: () => Promise.resolve(emptyRound(2)),
    });
    const summary = await syncCalendars(deps, { personIds: [AVA] });
    expect(summary).toMatchObject({ failedUsers: 0, restartedUsers: 1, graphRequests: 3 });
  });

  test('a failed round still counts the expired delta link it read before failing', async () => {
    const deps = await syncedAnHourAgo({
      calendarDelta: () => Promise.reject(new SyncStateExpired(AVA)),
      calendarWindow: () => Promise.reject(Object.assign(new Error('reset'), { code: 'graph.network' })),
    });
    const summary = await syncCalendars(deps, { personIds: [AVA], retryTransientOnce: false });
    expect(summary).toMatchObject({ failedUsers: 1, graphRequests: 1 });
    expect(summary.failures).toEqual([{ personId: AVA, code: 'graph.network' }]);
    expect(await deps.store.getSyncState(AVA)).toMatchObject({ failures: 1, lastError: 'graph.network' });
  });
});
