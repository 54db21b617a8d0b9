import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import { syncCalendars } from '../../../src/app/sync/sync-calendars';
import type { SyncDeps } from '../../../src/app/sync/sync-calendars';
import { silentLog } from '../../../src/app/sync/sync-log';
import { DEFAULT_WINDOW_POLICY, windowFor } from '../../../src/app/sync/sync-window';
import type { GraphEvent } from '../../../src/core/graph-event';
import type { Person } from '../../../src/core/person';
import type { CalendarChanges } from '../../../src/ports/calendar';
import type { CareerEvents } from '../../../src/ports/career-events';
import type { TestWorld } from '../../support/app-fixture';
import { agendaInput, createWorld } from '../../support/app-fixture';

/** Ava's 1:1, the same calendar event each round, with whoever `withPerson` says. */
function oneOnOneEvent(ava: Person, withPerson: Person, start = '2026-11-26T09:00:00'): GraphEvent {
  const attendee = (p: Person) => ({
    type: 'required' as const,
    status: { response: 'accepted' as const },
    emailAddress: { name: p.displayName, address: p.email },
  });
  return {
    id: 'evt-ava-1',
    subject: 'Catch-up',
    type: 'singleInstance',
    isCancelled: false,
    isAllDay: false,
    isOrganizer: true,
    showAs: 'busy',
    sensitivity: 'normal',
    responseStatus: { response: 'organizer' },
    organizer: { emailAddress: { name: ava.displayName, address: ava.email } },
    attendees: [attendee(ava), attendee(withPerson)],
    start: { dateTime: start, timeZone: 'UTC' },
    end: { dateTime: start.replace('09:00', '09:30'), timeZone: 'UTC' },
  };
}

interface Moving {
  w: TestWorld;
  deps: SyncDeps;
  /** The next delta rounds, in order (a round is read again when the previous one failed). */
  rounds: GraphEvent[][];
  sync(): Promise<void>;
  oneOnOneId: string;
}

/** Ava, synced before (directory facts fresh): the first round finds her 1:1 with Max, her manager. */
async function avaWithAOneOnOne(events?: CareerEvents): Promise<Moving> {
  const w = await createWorld();
  const { employee: ava, manager: max } = w.people;
  const window = windowFor(w.clock.now(), DEFAULT_WINDOW_POLICY);
  await w.store.saveSyncState(ava.id, {
    deltaLink: 'https://graph.example/delta?token=0',
    windowStart: window.start,
    windowEnd: window.end,
    lastSyncedAt: w.clock.now().toISOString(),
    failures: 0,
    lastError: null,
    nextAttemptAt: null,
    directoryRefreshedAt: w.clock.now().toISOString(),
  });
  const rounds: GraphEvent[][] = [[oneOnOneEvent(ava, max)]];
  let token = 0;
  const delta = (): Promise<CalendarChanges> => {
    const events = rounds[0];
    if (!events) return Promise.reject(new Error('no round scripted'));
    return Promise.resolve({
      events,
      removed: [],
      deltaLink: `https://graph.example/delta?token=${++token}`,
      skipped: 0,
      requests: 1,
    });
  };
  const deps: SyncDeps = {
    store: w.store,
    calendar: { calendarDelta: delta, calendarWindow: () => Promise.reject(new Error('not read')) },
    directory: new Proxy({} as SyncDeps['directory'], {
      get: () => () => Promise.reject(new Error('the directory is fresh: it must not be read')),
    }),
    clock: w.clock,
    logger: silentLog,
    events: events ?? w.deps.events,
  };
  const moving: Moving = {
    w,
    deps,
    rounds,
    oneOnOneId: `${ava.id}:evt-ava-1`,
    async sync() {
      const summary = await syncCalendars(deps, { personIds: [ava.id], retryTransientOnce: false });
      // A round that went through is not read again.
      if (summary.failedUsers === 0) rounds.shift();
      w.clock.advance(60_000);
    },
  };
  await moving.sync();
  expect(await w.store.getOneOnOne(moving.oneOnOneId)).toMatchObject({
    counterpart: { personId: max.id },
  });
  return moving;
}

async function writeAgenda(m: Moving): Promise<void> {
  await saveAgenda(m.w.deps, {
    actorId: m.w.people.employee.id,
    oneOnOneId: m.oneOnOneId,
    baseRevision: null,
    input: agendaInput({
      learningFocus: 'Pricing experiments',
      asks: [{ wanted: 'Lead the pricing pilot', support: 'Time with the pricing team' }],
      privateNotes: 'Ask about the promotion cycle',
    }),
  });
}

describe('a 1:1 that moves to someone else takes its shared agenda away from the person it was with', () => {
  test('the sync withdraws it: not shared any more, the card is replaced, the content stays the author’s', async () => {
    const m = await avaWithAOneOnOne();
    const { employee: ava, manager: max, peer: pia } = m.w.people;
    await writeAgenda(m);
    await shareAgenda(m.w.deps, ava.id, m.oneOnOneId);
    const shared = (await m.w.store.getAgenda(ava.id, m.oneOnOneId))!;
    expect(await m.w.store.listSharedAgendasFor(max.id)).toHaveLength(1);
    m.w.events.events.length = 0;

    m.rounds.push([oneOnOneEvent(ava, pia)]);
    await m.sync();

    expect(await m.w.store.getOneOnOne(m.oneOnOneId)).toMatchObject({ counterpart: { personId: pia.id } });
    expect(await m.w.store.getAgenda(ava.id, m.oneOnOneId)).toEqual({
      ...shared,
      counterpartId: pia.id,
      sharedAt: null,
      revision: shared.revision + 1,
    });
    expect(await m.w.store.listSharedAgendasFor(max.id)).toEqual([]);
    expect(await m.w.store.listSharedAgendasFor(pia.id)).toEqual([]);
    expect(m.w.events.events.map((e) => [e.type, 'recipientId' in e ? e.recipientId : null])).toEqual([
      ['agendaWithdrawn', max.id],
    ]);
    expect(await m.w.store.getPrivateNote(ava.id, m.oneOnOneId)).toMatchObject({
      text: 'Ask about the promotion cycle',
    });
  });

  test('an agenda that was never shared, or a 1:1 that only moved in time, is left as it is', async () => {
    const m = await avaWithAOneOnOne();
    const { employee: ava, manager: max, peer: pia } = m.w.people;
    await writeAgenda(m);
    const written = await m.w.store.getAgenda(ava.id, m.oneOnOneId);
    m.w.events.events.length = 0;

    m.rounds.push([oneOnOneEvent(ava, pia)]);
    await m.sync();
    expect(await m.w.store.getAgenda(ava.id, m.oneOnOneId)).toEqual(written);

    await shareAgenda(m.w.deps, ava.id, m.oneOnOneId);
    const shared = await m.w.store.getAgenda(ava.id, m.oneOnOneId);
    m.w.events.events.length = 0;
    m.rounds.push([oneOnOneEvent(ava, pia, '2026-11-27T09:00:00')]);
    await m.sync();
    expect(await m.w.store.getOneOnOne(m.oneOnOneId)).toMatchObject({
      startsAt: '2026-11-27T09:00:00.000Z',
    });
    expect(await m.w.store.getAgenda(ava.id, m.oneOnOneId)).toEqual(shared);
    expect(m.w.events.events).toEqual([]);
    expect(await m.w.store.listSharedAgendasFor(max.id)).toEqual([]);
  });

  test('when the withdrawal cannot be recorded, the round fails and the next one withdraws it', async () => {
    let down = false;
    const events: CareerEvents = {
      expect: (intent) => (down ? Promise.reject(new Error('store down')) : recorded.expect(intent)),
    };
    let recorded: CareerEvents = events;
    const m = await avaWithAOneOnOne(events);
    recorded = m.w.events;
    const { employee: ava, manager: max, peer: pia } = m.w.people;
    await writeAgenda(m);
    await shareAgenda(m.w.deps, ava.id, m.oneOnOneId);

    down = true;
    m.rounds.push([oneOnOneEvent(ava, pia)]);
    await m.sync();
    // Nothing half done: the 1:1 still shows Max, so the next round sees the move again.
    expect(await m.w.store.getOneOnOne(m.oneOnOneId)).toMatchObject({ counterpart: { personId: max.id } });
    expect(await m.w.store.getAgenda(ava.id, m.oneOnOneId)).toMatchObject({ counterpartId: max.id });
    expect(await m.w.store.getSyncState(ava.id)).toMatchObject({ failures: 1 });

    down = false;
    m.w.clock.advance(60 * 60_000);
    await m.sync();
    expect(await m.w.store.getOneOnOne(m.oneOnOneId)).toMatchObject({ counterpart: { personId: pia.id } });
    expect(await m.w.store.getAgenda(ava.id, m.oneOnOneId)).toMatchObject({
      counterpartId: pia.id,
      sharedAt: null,
    });
    expect(await m.w.store.listSharedAgendasFor(max.id)).toEqual([]);
  });
});
