import {
  ACTION_REMINDER_CLAIM_PREFIX,
  ACTION_REMINDER_CLAIM_RETENTION_MS,
  ACTION_REMINDER_DUE_SPAN_MS,
} from '../../../src/app/schedule/schedule-claims';
import type { ActionItem, OneOnOne, Person, ScheduleSubject } from '../../../src/core';
import { DEFAULT_PROMPT_SETTINGS, DEFAULT_WORKING_HOURS, dueNow } from '../../../src/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DUE_ON = '2026-03-10';
const DUE_ON_MS = Date.parse(`${DUE_ON}T00:00:00.000Z`);

function person(timeZone: string): Person {
  return {
    id: 'avery-id',
    email: 'avery.chen@contoso.com',
    displayName: 'Avery Chen',
    jobTitle: 'Product Designer',
    managerId: null,
    timeZone,
    workingHours: DEFAULT_WORKING_HOURS,
  };
}

const ACTION: ActionItem = {
  id: 'action-1',
  recapId: 'recap-1',
  oneOnOneId: 'avery-id:event-1',
  employeeId: 'avery-id',
  counterpartId: 'morgan-id',
  ownerId: 'avery-id',
  text: 'Share the portfolio draft',
  dueOn: DUE_ON,
  status: 'open',
  createdAt: '2026-03-01T10:00:00.000Z',
  completedAt: null,
};

/** Working hours off, so the schedule offers the reminder at every hour it can. */
function subject(timeZone: string, overrides: Partial<ScheduleSubject> = {}): ScheduleSubject {
  return {
    person: person(timeZone),
    settings: { ...DEFAULT_PROMPT_SETTINGS, respectWorkingHours: false },
    oneOnOnes: [],
    recapsToAnswer: [],
    actionsOwned: [ACTION],
    lastCareerConversationAt: null,
    hasManager: false,
    ...overrides,
  };
}

const actionKeysAt = (timeZone: string, now: number): string[] =>
  dueNow(subject(timeZone), now)
    .filter((i) => i.kind === 'actionReminder')
    .map((i) => i.key);

/** The first and last hour at which the schedule offers the reminder's key, scanning far past its retention. */
function dueSpan(timeZone: string): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (
    let now = DUE_ON_MS - 3 * DAY;
    now <= DUE_ON_MS + 3 * ACTION_REMINDER_CLAIM_RETENTION_MS;
    now += HOUR
  ) {
    if (actionKeysAt(timeZone, now).length === 0) continue;
    first = Math.min(first, now);
    last = Math.max(last, now);
  }
  return { first, last };
}

// The extremes of local time (UTC+14, UTC-12, UTC-11) and the zones the people live in.
const ZONES = [
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'UTC',
];

describe('action-reminder claims: safe to prune after their retention', () => {
  it('name their key with the action reminder prefix and the due date', () => {
    expect(actionKeysAt('UTC', DUE_ON_MS + HOUR)).toEqual([
      `${ACTION_REMINDER_CLAIM_PREFIX}action-1:${DUE_ON}`,
    ]);
  });

  it('are kept at least 30 days and twice the span over which one key is due', () => {
    expect(ACTION_REMINDER_CLAIM_RETENTION_MS).toBeGreaterThanOrEqual(30 * DAY);
    expect(ACTION_REMINDER_CLAIM_RETENTION_MS).toBeGreaterThanOrEqual(2 * ACTION_REMINDER_DUE_SPAN_MS);
  });

  it.each(ZONES)('offer one key only within its due span, in %s', (timeZone) => {
    const { first, last } = dueSpan(timeZone);
    expect(first).toBeLessThan(last);
    expect(last - first).toBeLessThan(ACTION_REMINDER_DUE_SPAN_MS);
    expect(first).toBeGreaterThanOrEqual(DUE_ON_MS - 14 * HOUR);
  });

  it.each(ZONES)('never offer the key again a retention after its earliest claim, in %s', (timeZone) => {
    const { first } = dueSpan(timeZone);
    // A claim is taken no earlier than the key is first due; a scheduler up to ten days behind is still safe.
    const earliestRetry = first + ACTION_REMINDER_CLAIM_RETENTION_MS - 10 * DAY;
    for (let now = earliestRetry; now <= earliestRetry + 60 * DAY; now += HOUR) {
      expect(actionKeysAt(timeZone, now)).toEqual([]);
    }
  });

  it('are not offered again after a server catches up from a long downtime', () => {
    expect(actionKeysAt('UTC', DUE_ON_MS + ACTION_REMINDER_CLAIM_RETENTION_MS)).toEqual([]);
    expect(actionKeysAt('UTC', DUE_ON_MS + 365 * DAY)).toEqual([]);
  });

  it('get a new key when the due date moves, so an old key is not offered for the new date', () => {
    const moved = { ...ACTION, dueOn: '2026-06-10' };
    const now = Date.parse('2026-06-10T12:00:00.000Z');
    const keys = dueNow(subject('UTC', { actionsOwned: [moved] }), now).map((i) => i.key);
    expect(keys).toEqual([`${ACTION_REMINDER_CLAIM_PREFIX}action-1:2026-06-10`]);
  });
});

describe('agenda-prompt claims: never pruned', () => {
  const original: OneOnOne = {
    id: 'avery-id:event-1',
    ownerId: 'avery-id',
    eventId: 'event-1',
    seriesId: null,
    counterpart: { address: 'morgan.lee@contoso.com', name: 'Morgan Lee', personId: 'morgan-id' },
    relationship: 'manager',
    startsAt: '2026-03-10T17:00:00.000Z',
    endsAt: '2026-03-10T17:30:00.000Z',
    status: 'scheduled',
  };
  const promptsAt = (o: OneOnOne, now: string): string[] =>
    dueNow(
      subject('UTC', { actionsOwned: [], oneOnOnes: [{ oneOnOne: o, hasAgenda: false, hasRecap: false }] }),
      Date.parse(now),
    )
      .filter((i) => i.kind === 'agendaPrompt')
      .map((i) => i.key);

  it('keep their key when a 1:1 moves within its day, so a pruned key would prompt again that day', () => {
    const later = { ...original, startsAt: '2026-03-10T19:00:00.000Z', endsAt: '2026-03-10T19:30:00.000Z' };
    const before = promptsAt(original, '2026-03-10T12:00:00.000Z');
    expect(before).toEqual(['agenda-prompt:avery-id:event-1:2026-03-10']);
    expect(promptsAt(later, '2026-03-10T12:00:00.000Z')).toEqual(before);
  });

  it('name the new day when a 1:1 moves to another day, so it is prompted for again there', () => {
    const moved = { ...original, startsAt: '2026-06-10T17:00:00.000Z', endsAt: '2026-06-10T17:30:00.000Z' };
    expect(promptsAt(moved, '2026-06-10T12:00:00.000Z')).toEqual([
      'agenda-prompt:avery-id:event-1:2026-06-10',
    ]);
  });
});
