import type {
  ActionItem,
  DueItem,
  DueKind,
  OneOnOne,
  Person,
  Recap,
  Relationship,
  ScheduleSubject,
  ScheduledOneOnOne,
} from '../../../src/core';
import {
  DEFAULT_PROMPT_SETTINGS,
  DEFAULT_SCHEDULE_OPTIONS,
  DEFAULT_WORKING_HOURS,
  dueNow,
  isWithinWorkingHours,
  startRecap,
} from '../../../src/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);

/** Avery works 09:00–17:00 Monday to Friday in Seattle (PDT, UTC-7, from 8 March 2026). */
const AVERY: Person = {
  id: 'avery-id',
  email: 'avery.chen@contoso.com',
  displayName: 'Avery Chen',
  jobTitle: 'Product Designer',
  managerId: 'morgan-id',
  timeZone: 'America/Los_Angeles',
  workingHours: DEFAULT_WORKING_HOURS,
};

/** Arjun works the same hours in Bengaluru (IST, UTC+5:30). */
const ARJUN: Person = {
  ...AVERY,
  id: 'arjun-id',
  email: 'arjun.mehta@contoso.com',
  timeZone: 'Asia/Kolkata',
};

function oneOnOne(
  startsAt: string,
  relationship: Relationship = 'manager',
  overrides: Partial<OneOnOne> = {},
): OneOnOne {
  return {
    id: `avery-id:event-${startsAt}`,
    ownerId: AVERY.id,
    eventId: `event-${startsAt}`,
    seriesId: null,
    counterpart: { address: 'morgan.lee@contoso.com', name: 'Morgan Lee', personId: 'morgan-id' },
    relationship,
    startsAt,
    endsAt: new Date(at(startsAt) + 30 * MINUTE).toISOString(),
    status: 'scheduled',
    ...overrides,
  };
}

const scheduled = (o: OneOnOne, flags: Partial<ScheduledOneOnOne> = {}): ScheduledOneOnOne => ({
  oneOnOne: o,
  hasAgenda: false,
  hasRecap: false,
  ...flags,
});

function subject(overrides: Partial<ScheduleSubject> = {}): ScheduleSubject {
  return {
    person: AVERY,
    settings: DEFAULT_PROMPT_SETTINGS,
    oneOnOnes: [],
    recapsToAnswer: [],
    actionsOwned: [],
    lastCareerConversationAt: null,
    hasManager: false,
    ...overrides,
  };
}

const ofKind = (items: DueItem[], kind: DueKind): DueItem[] => items.filter((i) => i.kind === kind);
const keysOf = (items: DueItem[], kind: DueKind): string[] => ofKind(items, kind).map((i) => i.key);

/** Tuesday 10 March 2026, 10:00–10:30 in Seattle. */
const MANAGER_1ON1 = oneOnOne('2026-03-10T17:00:00.000Z');
/** Tuesday 10 March 2026, 08:30–09:00 in Seattle: the prompt window opens at 08:30 on Monday, before work. */
const EARLY_1ON1 = oneOnOne('2026-03-10T15:30:00.000Z');

describe('dueNow agenda prompt', () => {
  const withManager1on1 = subject({ oneOnOnes: [scheduled(MANAGER_1ON1)] });

  it('is not due a moment before the lead time opens the window', () => {
    expect(ofKind(dueNow(withManager1on1, at('2026-03-09T17:00:00.000Z') - 1), 'agendaPrompt')).toEqual([]);
  });

  it('names the 1:1’s day in the person’s own time zone (the key changes only when it moves to another day)', () => {
    // 05:00 UTC on Tuesday is 22:00 on Monday in Seattle: inside the last hour, so due outside working hours.
    const late = oneOnOne('2026-03-10T05:00:00.000Z');
    const [item] = ofKind(
      dueNow(subject({ oneOnOnes: [scheduled(late)] }), at('2026-03-10T04:30:00.000Z')),
      'agendaPrompt',
    );
    expect(item).toMatchObject({ day: '2026-03-09', key: `agenda-prompt:${late.id}:2026-03-09` });
  });

  it('is due exactly when the lead time opens the window', () => {
    expect(ofKind(dueNow(withManager1on1, at('2026-03-09T17:00:00.000Z')), 'agendaPrompt')).toEqual([
      {
        kind: 'agendaPrompt',
        key: `agenda-prompt:${MANAGER_1ON1.id}:2026-03-10`,
        personId: AVERY.id,
        oneOnOneId: MANAGER_1ON1.id,
        light: false,
        day: '2026-03-10',
      },
    ]);
  });

  it('follows the lead time the person chose', () => {
    const afternoon = oneOnOne('2026-03-10T20:00:00.000Z'); // 13:00 Tuesday; 2 hours before is 11:00
    const twoHours = subject({
      oneOnOnes: [scheduled(afternoon)],
      settings: { ...DEFAULT_PROMPT_SETTINGS, leadTimeHours: 2 },
    });

    expect([
      keysOf(dueNow(twoHours, at('2026-03-10T18:00:00.000Z') - 1), 'agendaPrompt').length,
      keysOf(dueNow(twoHours, at('2026-03-10T18:00:00.000Z')), 'agendaPrompt').length,
    ]).toEqual([0, 1]);
  });

  it('is still due a minute before the start', () => {
    expect(keysOf(dueNow(withManager1on1, at('2026-03-10T16:59:00.000Z')), 'agendaPrompt')).toHaveLength(1);
  });

  it('is not due once the meeting has started', () => {
    expect(keysOf(dueNow(withManager1on1, at('2026-03-10T17:00:00.000Z')), 'agendaPrompt')).toEqual([]);
  });

  it('is not due when an agenda already exists', () => {
    const s = subject({ oneOnOnes: [scheduled(MANAGER_1ON1, { hasAgenda: true })] });

    expect(keysOf(dueNow(s, at('2026-03-10T16:00:00.000Z')), 'agendaPrompt')).toEqual([]);
  });

  it('waits for working hours when the window opens before work (08:30 Monday)', () => {
    const s = subject({ oneOnOnes: [scheduled(EARLY_1ON1)] });

    expect([
      keysOf(dueNow(s, at('2026-03-09T15:30:00.000Z')), 'agendaPrompt').length, // 08:30 Mon
      keysOf(dueNow(s, at('2026-03-09T16:00:00.000Z')), 'agendaPrompt').length, // 09:00 Mon
    ]).toEqual([0, 1]);
  });

  it('is deferred outside working hours before the last-call hour', () => {
    const s = subject({ oneOnOnes: [scheduled(EARLY_1ON1)] });

    expect(keysOf(dueNow(s, at('2026-03-10T14:29:00.000Z')), 'agendaPrompt')).toEqual([]); // 07:29 Tue
  });

  it('goes out outside working hours within the last-call hour before the start', () => {
    const s = subject({ oneOnOnes: [scheduled(EARLY_1ON1)] });

    expect(keysOf(dueNow(s, at('2026-03-10T14:30:00.000Z')), 'agendaPrompt')).toHaveLength(1); // 07:30 Tue
  });

  it('ignores working hours when the person turned quiet hours off', () => {
    const s = subject({
      oneOnOnes: [scheduled(EARLY_1ON1)],
      settings: { ...DEFAULT_PROMPT_SETTINGS, respectWorkingHours: false },
    });

    expect(keysOf(dueNow(s, at('2026-03-09T15:30:00.000Z')), 'agendaPrompt')).toHaveLength(1);
  });

  it("reads working hours in the person's own zone (09:30 Tuesday in Kolkata is 21:00 Monday in Seattle)", () => {
    const now = at('2026-03-10T04:00:00.000Z');
    const meeting = oneOnOne('2026-03-10T10:00:00.000Z', 'manager', { ownerId: ARJUN.id });

    expect([
      keysOf(dueNow(subject({ person: ARJUN, oneOnOnes: [scheduled(meeting)] }), now), 'agendaPrompt').length,
      keysOf(
        dueNow(subject({ person: AVERY, oneOnOnes: [scheduled({ ...meeting, ownerId: AVERY.id })] }), now),
        'agendaPrompt',
      ).length,
    ]).toEqual([1, 0]);
  });

  it('is a light prompt for a curiosity conversation with a peer', () => {
    const peer = oneOnOne('2026-03-10T17:00:00.000Z', 'peer');
    const [item] = ofKind(
      dueNow(subject({ oneOnOnes: [scheduled(peer)] }), at('2026-03-10T16:00:00.000Z')),
      'agendaPrompt',
    );

    expect(item).toMatchObject({ kind: 'agendaPrompt', light: true });
  });

  it.each(['directReport', 'external'] as const)(
    'sends no agenda or recap prompt for a %s 1:1',
    (relationship) => {
      const o = oneOnOne('2026-03-10T17:00:00.000Z', relationship);
      const s = subject({ oneOnOnes: [scheduled(o)] });

      expect([
        ...dueNow(s, at('2026-03-10T16:00:00.000Z')),
        ...dueNow(s, at('2026-03-10T18:00:00.000Z')),
      ]).toEqual([]);
    },
  );

  it('sends no prompts for a cancelled 1:1', () => {
    const s = subject({
      oneOnOnes: [scheduled(oneOnOne('2026-03-10T17:00:00.000Z', 'manager', { status: 'cancelled' }))],
    });

    expect([
      ...dueNow(s, at('2026-03-10T16:00:00.000Z')),
      ...dueNow(s, at('2026-03-10T18:00:00.000Z')),
    ]).toEqual([]);
  });

  it("sends no prompts for someone else's 1:1", () => {
    const s = subject({ oneOnOnes: [scheduled({ ...MANAGER_1ON1, ownerId: 'morgan-id' })] });

    expect(dueNow(s, at('2026-03-10T16:00:00.000Z'))).toEqual([]);
  });
});

describe('dueNow recap prompt', () => {
  const END = at(MANAGER_1ON1.endsAt); // 10:30 Tuesday in Seattle
  const s = subject({ oneOnOnes: [scheduled(MANAGER_1ON1)] });

  it('is not due before the meeting ends', () => {
    expect(keysOf(dueNow(s, END - 1), 'recapPrompt')).toEqual([]);
  });

  it('is due when the meeting ends', () => {
    expect(ofKind(dueNow(s, END), 'recapPrompt')).toEqual([
      {
        kind: 'recapPrompt',
        key: `recap-prompt:${MANAGER_1ON1.id}`,
        personId: AVERY.id,
        oneOnOneId: MANAGER_1ON1.id,
      },
    ]);
  });

  it('is due until the end of the recap window', () => {
    expect(
      keysOf(dueNow(s, END + DEFAULT_SCHEDULE_OPTIONS.recapPromptWindowHours * HOUR - 1), 'recapPrompt'),
    ).toHaveLength(1);
  });

  it('is no longer due once the recap window has passed', () => {
    expect(
      keysOf(dueNow(s, END + DEFAULT_SCHEDULE_OPTIONS.recapPromptWindowHours * HOUR), 'recapPrompt'),
    ).toEqual([]);
  });

  it('is not due when a recap already exists', () => {
    const withRecap = subject({ oneOnOnes: [scheduled(MANAGER_1ON1, { hasRecap: true })] });

    expect(keysOf(dueNow(withRecap, END), 'recapPrompt')).toEqual([]);
  });

  it('waits for working hours (18:00 Tuesday is after work)', () => {
    expect(keysOf(dueNow(s, at('2026-03-11T01:00:00.000Z')), 'recapPrompt')).toEqual([]);
  });

  it('is also due after a curiosity conversation with a peer', () => {
    const peer = oneOnOne('2026-03-10T17:00:00.000Z', 'peer');

    expect(keysOf(dueNow(subject({ oneOnOnes: [scheduled(peer)] }), END), 'recapPrompt')).toHaveLength(1);
  });
});

describe('dueNow acknowledgement reminder', () => {
  const MORGAN: Person = { ...AVERY, id: 'morgan-id', email: 'morgan.lee@contoso.com', managerId: null };
  const SENT_AT = '2026-03-09T17:00:00.000Z'; // 10:00 Monday in Seattle

  function sentRecap(overrides: Partial<Recap> = {}): Recap {
    const draft = startRecap({
      id: 'recap-1',
      oneOnOneId: MANAGER_1ON1.id,
      authorId: AVERY.id,
      recipientId: MORGAN.id,
      requiresAcknowledgement: true,
      content: { topics: ['Pricing'], actions: [] },
      now: SENT_AT,
    });
    return { ...draft, state: 'sent', sentAt: SENT_AT, ...overrides };
  }

  const forMorgan = (recap: Recap) => subject({ person: MORGAN, recapsToAnswer: [recap] });
  const DUE = at(SENT_AT) + DEFAULT_SCHEDULE_OPTIONS.acknowledgementReminderHours * HOUR; // 10:00 Wednesday

  it('is not due a moment before 48 hours have passed', () => {
    expect(keysOf(dueNow(forMorgan(sentRecap()), DUE - 1), 'acknowledgementReminder')).toEqual([]);
  });

  it('is due to the recipient at 48 hours, keyed by recap and version', () => {
    expect(ofKind(dueNow(forMorgan(sentRecap()), DUE), 'acknowledgementReminder')).toEqual([
      {
        kind: 'acknowledgementReminder',
        key: 'ack-reminder:recap-1:v1',
        personId: MORGAN.id,
        recapId: 'recap-1',
        version: 1,
      },
    ]);
  });

  it('uses a new key for a revised version so it is reminded again', () => {
    expect(keysOf(dueNow(forMorgan(sentRecap({ version: 2 })), DUE), 'acknowledgementReminder')).toEqual([
      'ack-reminder:recap-1:v2',
    ]);
  });

  it('is not due once acknowledged', () => {
    expect(
      keysOf(dueNow(forMorgan(sentRecap({ state: 'acknowledged' })), DUE), 'acknowledgementReminder'),
    ).toEqual([]);
  });

  it('is not due for a recap that needs no acknowledgement', () => {
    const recap = sentRecap({ requiresAcknowledgement: false });

    expect(keysOf(dueNow(forMorgan(recap), DUE), 'acknowledgementReminder')).toEqual([]);
  });

  it('is not due to anyone but the recipient', () => {
    const s = subject({ person: AVERY, recapsToAnswer: [sentRecap()] });

    expect(keysOf(dueNow(s, DUE), 'acknowledgementReminder')).toEqual([]);
  });

  it('waits for working hours', () => {
    const evening = at('2026-03-12T02:00:00.000Z'); // 19:00 Wednesday in Seattle, after the 48 hours

    expect(keysOf(dueNow(forMorgan(sentRecap()), evening), 'acknowledgementReminder')).toEqual([]);
  });
});

describe('dueNow action reminder', () => {
  function action(dueOn: string, overrides: Partial<ActionItem> = {}): ActionItem {
    return {
      id: `action-${dueOn}`,
      recapId: 'recap-1',
      oneOnOneId: MANAGER_1ON1.id,
      employeeId: AVERY.id,
      counterpartId: 'morgan-id',
      ownerId: AVERY.id,
      text: 'Read the playbook',
      dueOn,
      status: 'open',
      createdAt: '2026-03-01T10:00:00.000Z',
      completedAt: null,
      ...overrides,
    };
  }

  const NOW = at('2026-03-12T16:30:00.000Z'); // 09:30 Thursday 12 March in Seattle
  const anyHours = { ...DEFAULT_PROMPT_SETTINGS, respectWorkingHours: false };

  it('is due on the due date, keyed by action and date', () => {
    const s = subject({ actionsOwned: [action('2026-03-12')] });

    expect(ofKind(dueNow(s, NOW), 'actionReminder')).toEqual([
      {
        kind: 'actionReminder',
        key: 'action-due:action-2026-03-12:2026-03-12',
        personId: AVERY.id,
        actionId: 'action-2026-03-12',
      },
    ]);
  });

  it('is not due before the due date', () => {
    expect(keysOf(dueNow(subject({ actionsOwned: [action('2026-03-13')] }), NOW), 'actionReminder')).toEqual(
      [],
    );
  });

  it("decides the date in the owner's own zone (already 12 March in Kolkata, still 11 March in Seattle)", () => {
    const now = at('2026-03-12T06:00:00.000Z');
    const due = action('2026-03-12');

    expect([
      keysOf(
        dueNow(
          subject({ person: ARJUN, settings: anyHours, actionsOwned: [{ ...due, ownerId: ARJUN.id }] }),
          now,
        ),
        'actionReminder',
      ).length,
      keysOf(
        dueNow(subject({ person: AVERY, settings: anyHours, actionsOwned: [due] }), now),
        'actionReminder',
      ).length,
    ]).toEqual([1, 0]);
  });

  it(`still reminds ${DEFAULT_SCHEDULE_OPTIONS.actionReminderLookbackDays} days after the due date, not one day more`, () => {
    const s = subject({ actionsOwned: [action('2026-03-05'), action('2026-03-04')] });

    expect(keysOf(dueNow(s, NOW), 'actionReminder')).toEqual(['action-due:action-2026-03-05:2026-03-05']);
  });

  it('is not due for a done action', () => {
    const s = subject({ actionsOwned: [action('2026-03-12', { status: 'done' })] });

    expect(keysOf(dueNow(s, NOW), 'actionReminder')).toEqual([]);
  });

  it('is not due for an action someone else owns', () => {
    const s = subject({ actionsOwned: [action('2026-03-12', { ownerId: 'morgan-id' })] });

    expect(keysOf(dueNow(s, NOW), 'actionReminder')).toEqual([]);
  });

  it('waits for working hours', () => {
    const s = subject({ actionsOwned: [action('2026-03-12')] });

    expect(keysOf(dueNow(s, at('2026-03-12T14:00:00.000Z')), 'actionReminder')).toEqual([]); // 07:00 in Seattle
  });
});

describe('dueNow cadence nudge', () => {
  const NOW = at('2026-03-11T17:00:00.000Z'); // 10:00 Wednesday in Seattle
  const PERIOD = DEFAULT_PROMPT_SETTINGS.nudgeAfterWeeks * 7 * DAY;
  const lastAt = (ms: number) => new Date(ms).toISOString();

  it('nudges at exactly the configured number of weeks, keyed by last conversation and period', () => {
    const last = lastAt(NOW - PERIOD);
    const s = subject({ hasManager: true, lastCareerConversationAt: last });

    expect(ofKind(dueNow(s, NOW), 'cadenceNudge')).toEqual([
      { kind: 'cadenceNudge', key: `cadence-nudge:${AVERY.id}:2026-02-11:1`, personId: AVERY.id },
    ]);
  });

  it('does not nudge a moment before the configured number of weeks', () => {
    const s = subject({ hasManager: true, lastCareerConversationAt: lastAt(NOW - PERIOD + 1) });

    expect(keysOf(dueNow(s, NOW), 'cadenceNudge')).toEqual([]);
  });

  it('uses a new key for each further period without a conversation', () => {
    const s = subject({ hasManager: true, lastCareerConversationAt: lastAt(NOW - PERIOD) });

    expect([
      keysOf(dueNow(s, NOW + PERIOD - HOUR), 'cadenceNudge'),
      keysOf(dueNow(s, NOW + PERIOD), 'cadenceNudge'),
    ]).toEqual([[`cadence-nudge:${AVERY.id}:2026-02-11:1`], [`cadence-nudge:${AVERY.id}:2026-02-11:2`]]);
  });

  it('nudges someone who never had a career conversation, once', () => {
    const s = subject({ hasManager: true });

    expect([
      keysOf(dueNow(s, NOW), 'cadenceNudge'),
      keysOf(dueNow(s, NOW + 30 * DAY), 'cadenceNudge'),
    ]).toEqual([[`cadence-nudge:${AVERY.id}:never:0`], [`cadence-nudge:${AVERY.id}:never:0`]]);
  });

  it('does not nudge someone without a manager', () => {
    expect(keysOf(dueNow(subject({ hasManager: false }), NOW), 'cadenceNudge')).toEqual([]);
  });

  it('does not nudge when a 1:1 with the manager is coming up', () => {
    const upcoming = oneOnOne('2026-03-20T17:00:00.000Z', 'manager');
    const s = subject({ hasManager: true, oneOnOnes: [scheduled(upcoming)] });

    expect(keysOf(dueNow(s, NOW), 'cadenceNudge')).toEqual([]);
  });

  it('still nudges when only a peer conversation or a cancelled manager 1:1 is coming up', () => {
    const peer = oneOnOne('2026-03-20T17:00:00.000Z', 'peer');
    const cancelled = oneOnOne('2026-03-21T17:00:00.000Z', 'manager', { status: 'cancelled' });
    const s = subject({ hasManager: true, oneOnOnes: [scheduled(peer), scheduled(cancelled)] });

    expect(keysOf(dueNow(s, NOW), 'cadenceNudge')).toHaveLength(1);
  });

  it('waits for working hours', () => {
    const s = subject({ hasManager: true });

    expect(keysOf(dueNow(s, at('2026-03-14T18:00:00.000Z')), 'cadenceNudge')).toEqual([]); // Saturday
  });
});

describe('dueNow as a whole', () => {
  const busy = subject({
    hasManager: true,
    oneOnOnes: [scheduled(MANAGER_1ON1), scheduled(oneOnOne('2026-03-09T17:00:00.000Z', 'peer'))],
    actionsOwned: [],
  });
  const NOW = at('2026-03-10T16:00:00.000Z'); // 09:00 Tuesday: agenda for today's 1:1, recap for yesterday's coffee

  it('sends nothing at all while prompts are paused', () => {
    const paused = subject({ ...busy, settings: { ...DEFAULT_PROMPT_SETTINGS, promptsPaused: true } });

    expect(dueNow(paused, NOW)).toEqual([]);
  });

  it('returns the same keys on every call while the items stay due', () => {
    const first = dueNow(busy, NOW).map((i) => i.key);
    const later = dueNow(busy, NOW + 30 * MINUTE).map((i) => i.key);

    expect([first, later]).toEqual([
      [`agenda-prompt:${MANAGER_1ON1.id}:2026-03-10`, 'recap-prompt:avery-id:event-2026-03-09T17:00:00.000Z'],
      [`agenda-prompt:${MANAGER_1ON1.id}:2026-03-10`, 'recap-prompt:avery-id:event-2026-03-09T17:00:00.000Z'],
    ]);
  });
});

describe('isWithinWorkingHours', () => {
  it.each([
    ['08:59 Monday', '2026-03-09T15:59:00.000Z', false],
    ['09:00 Monday (start is inside)', '2026-03-09T16:00:00.000Z', true],
    ['16:59 Friday', '2026-03-13T23:59:00.000Z', true],
    ['17:00 Friday (end is outside)', '2026-03-14T00:00:00.000Z', false],
    ['10:00 Saturday', '2026-03-14T17:00:00.000Z', false],
    ['17:00 Sunday (Monday in UTC)', '2026-03-16T00:00:00.000Z', false],
  ])('%s in Seattle → %s', (_label, iso, expected) => {
    expect(isWithinWorkingHours(AVERY, at(iso))).toBe(expected);
  });

  it('follows custom days and hours', () => {
    const weekendShift: Person = { ...AVERY, workingHours: { days: [6, 0], start: '07:30', end: '12:00' } };

    expect([
      isWithinWorkingHours(weekendShift, at('2026-03-14T14:30:00.000Z')), // 07:30 Saturday
      isWithinWorkingHours(weekendShift, at('2026-03-16T14:30:00.000Z')), // 07:30 Monday
    ]).toEqual([true, false]);
  });
});
