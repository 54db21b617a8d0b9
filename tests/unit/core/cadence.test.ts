import type { ActionItem, CadenceInput, OneOnOne, Recap, RecapState, Relationship } from '../../../src/core';
import { cadenceOf, heldCareerConversations, startRecap } from '../../../src/core';

const DAY = 86_400_000;
const MINUTE = 60_000;
const NOW = Date.parse('2026-03-15T06:30:00.000Z'); // 12:00 in Kolkata, Sunday 15 March

let counter = 0;
function meeting(startsAt: string, relationship: Relationship, overrides: Partial<OneOnOne> = {}): OneOnOne {
  counter += 1;
  const eventId = `event-${counter}`;
  return {
    id: `avery-id:${eventId}`,
    ownerId: 'avery-id',
    eventId,
    seriesId: null,
    counterpart: { address: 'someone@contoso.com', name: 'Someone', personId: null },
    relationship,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * MINUTE).toISOString(),
    status: 'scheduled',
    ...overrides,
  };
}

function recap(state: RecapState, requiresAcknowledgement = true): Recap {
  counter += 1;
  const base = startRecap({
    id: `recap-${counter}`,
    oneOnOneId: 'avery-id:event-1',
    authorId: 'avery-id',
    recipientId: 'morgan-id',
    requiresAcknowledgement,
    content: { topics: ['Pricing'], actions: [] },
    now: '2026-03-01T10:00:00.000Z',
  });
  return { ...base, state, sentAt: state === 'draft' ? null : '2026-03-01T10:05:00.000Z' };
}

function openAction(dueOn: string, status: ActionItem['status'] = 'open'): ActionItem {
  counter += 1;
  return {
    id: `action-${counter}`,
    recapId: 'recap-1',
    oneOnOneId: 'avery-id:event-1',
    employeeId: 'avery-id',
    counterpartId: 'morgan-id',
    ownerId: 'avery-id',
    text: 'Read the playbook',
    dueOn,
    status,
    createdAt: '2026-03-01T10:00:00.000Z',
    completedAt: null,
  };
}

function cadence(overrides: Partial<CadenceInput>) {
  return cadenceOf({
    oneOnOnes: [],
    recaps: [],
    actions: [],
    timeZone: 'Asia/Kolkata',
    now: NOW,
    nudgeAfterWeeks: 4,
    ...overrides,
  });
}

describe('cadenceOf months', () => {
  it('lists the last six months, the current one last, by default', () => {
    expect(cadence({}).months.map((m) => m.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('crosses a year boundary correctly', () => {
    const months = cadence({ now: Date.parse('2026-01-10T12:00:00.000Z'), months: 3 }).months.map(
      (m) => m.month,
    );

    expect(months).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it("names the current month in the person's zone (already April in Kolkata, still March in UTC)", () => {
    const now = Date.parse('2026-03-31T20:00:00.000Z'); // 01:30 on 1 April in Kolkata

    expect(cadence({ now, months: 1 }).months.map((m) => m.month)).toEqual(['2026-04']);
  });

  it("puts a meeting in the month of its start in the person's zone, not in UTC", () => {
    const lateFebUtc = meeting('2026-02-28T19:00:00.000Z', 'manager'); // 00:30 on 1 March in Kolkata

    const kolkata = cadence({ oneOnOnes: [lateFebUtc] }).months.slice(-2);
    const losAngeles = cadence({ oneOnOnes: [lateFebUtc], timeZone: 'America/Los_Angeles' }).months.slice(-2);

    expect(kolkata).toEqual([
      { month: '2026-02', withManager: 0, curiosity: 0 },
      { month: '2026-03', withManager: 1, curiosity: 0 },
    ]);
    expect(losAngeles).toEqual([
      { month: '2026-02', withManager: 1, curiosity: 0 },
      { month: '2026-03', withManager: 0, curiosity: 0 },
    ]);
  });

  it('counts manager 1:1s and curiosity (peer) conversations separately', () => {
    const result = cadence({
      oneOnOnes: [
        meeting('2026-03-02T05:00:00.000Z', 'manager'),
        meeting('2026-03-03T05:00:00.000Z', 'peer'),
        meeting('2026-03-04T05:00:00.000Z', 'peer'),
      ],
    });

    expect(result.months.at(-1)).toEqual({ month: '2026-03', withManager: 1, curiosity: 2 });
  });

  it('does not count 1:1s with direct reports or external people', () => {
    const result = cadence({
      oneOnOnes: [
        meeting('2026-03-02T05:00:00.000Z', 'directReport'),
        meeting('2026-03-03T05:00:00.000Z', 'external'),
      ],
    });

    expect(result.months.at(-1)).toEqual({ month: '2026-03', withManager: 0, curiosity: 0 });
  });

  it('does not count cancelled meetings', () => {
    const result = cadence({
      oneOnOnes: [meeting('2026-03-02T05:00:00.000Z', 'manager', { status: 'cancelled' })],
    });

    expect([result.months.at(-1)?.withManager, result.lastConversationAt]).toEqual([0, null]);
  });

  it('does not count a meeting that has not ended yet (future or in progress)', () => {
    const result = cadence({
      oneOnOnes: [
        meeting('2026-03-20T05:00:00.000Z', 'manager'),
        meeting(new Date(NOW - 10 * MINUTE).toISOString(), 'peer'),
      ],
    });

    expect([result.months.at(-1), result.lastConversationAt]).toEqual([
      { month: '2026-03', withManager: 0, curiosity: 0 },
      null,
    ]);
  });

  it('counts a meeting that ended exactly now', () => {
    const result = cadence({ oneOnOnes: [meeting(new Date(NOW - 30 * MINUTE).toISOString(), 'peer')] });

    expect(result.months.at(-1)?.curiosity).toBe(1);
  });

  it('ignores meetings older than the months shown', () => {
    const result = cadence({ oneOnOnes: [meeting('2025-09-15T05:00:00.000Z', 'manager')], months: 6 });

    expect(result.months.reduce((sum, m) => sum + m.withManager, 0)).toBe(0);
  });
});

describe('cadenceOf averages', () => {
  it('averages the last three months, current included, to one decimal', () => {
    const result = cadence({
      oneOnOnes: [
        meeting('2025-12-10T05:00:00.000Z', 'manager'), // outside the last three months
        meeting('2026-01-12T05:00:00.000Z', 'manager'),
        meeting('2026-02-09T05:00:00.000Z', 'manager'),
        meeting('2026-02-23T05:00:00.000Z', 'manager'),
        meeting('2026-03-09T05:00:00.000Z', 'manager'),
        meeting('2026-02-11T05:00:00.000Z', 'peer'),
      ],
    });

    expect([result.withManagerPerMonth, result.curiosityPerMonth]).toEqual([1.3, 0.3]);
  });

  it('averages over the months there are when fewer than three are asked for', () => {
    const result = cadence({ oneOnOnes: [meeting('2026-03-09T05:00:00.000Z', 'peer')], months: 1 });

    expect(result.curiosityPerMonth).toBe(1);
  });

  it('is zero with no months at all', () => {
    expect(cadence({ months: 0 }).withManagerPerMonth).toBe(0);
  });
});

describe('cadenceOf recency and nudge', () => {
  it('takes the latest end among held conversations as the last one', () => {
    const result = cadence({
      oneOnOnes: [
        meeting('2026-03-01T05:00:00.000Z', 'manager'),
        meeting('2026-03-10T05:00:00.000Z', 'peer'),
      ],
    });

    expect(result.lastConversationAt).toBe('2026-03-10T05:30:00.000Z');
  });

  it('counts whole days since the last conversation ended', () => {
    const result = cadence({ oneOnOnes: [meeting('2026-03-10T05:00:00.000Z', 'peer')] });

    expect(result.daysSinceLast).toBe(5); // 5 days and 1 hour
  });

  it('has no last conversation and nudges when there was none', () => {
    const result = cadence({});

    expect([result.lastConversationAt, result.daysSinceLast, result.nudge]).toEqual([null, null, true]);
  });

  it('nudges at exactly the configured number of weeks', () => {
    const endedFourWeeksAgo = new Date(NOW - 28 * DAY - 30 * MINUTE).toISOString();

    expect(cadence({ oneOnOnes: [meeting(endedFourWeeksAgo, 'manager')] }).nudge).toBe(true);
  });

  it('does not nudge a moment before the configured number of weeks', () => {
    const almostFourWeeks = new Date(NOW - 28 * DAY - 30 * MINUTE + 1).toISOString();

    expect(cadence({ oneOnOnes: [meeting(almostFourWeeks, 'manager')] }).nudge).toBe(false);
  });

  it('follows the configured nudge interval', () => {
    const threeWeeksAgo = new Date(NOW - 21 * DAY - 30 * MINUTE).toISOString();

    expect([
      cadence({ oneOnOnes: [meeting(threeWeeksAgo, 'peer')], nudgeAfterWeeks: 3 }).nudge,
      cadence({ oneOnOnes: [meeting(threeWeeksAgo, 'peer')], nudgeAfterWeeks: 4 }).nudge,
    ]).toEqual([true, false]);
  });
});

describe('cadenceOf open loops', () => {
  it('counts sent recaps waiting for acknowledgement only', () => {
    const result = cadence({
      recaps: [
        recap('sent'),
        recap('sent'),
        recap('sent', false),
        recap('acknowledged'),
        recap('draft'),
        recap('changeRequested'),
      ],
    });

    expect(result.recapsPendingAcknowledgement).toBe(2);
  });

  it('counts open actions past their due date, not done ones or those due today', () => {
    const result = cadence({
      actions: [
        openAction('2026-03-14'),
        openAction('2026-03-01'),
        openAction('2026-03-15'),
        openAction('2026-03-01', 'done'),
      ],
    });

    expect(result.overdueActions).toBe(2);
  });

  it("decides overdue by today's date in the person's zone", () => {
    const now = Date.parse('2026-03-14T20:00:00.000Z'); // 15 March in Kolkata, 14 March in Los Angeles
    const due14 = [openAction('2026-03-14')];

    expect([
      cadence({ now, actions: due14 }).overdueActions,
      cadence({ now, actions: due14, timeZone: 'America/Los_Angeles' }).overdueActions,
    ]).toEqual([1, 0]);
  });
});

describe('heldCareerConversations', () => {
  it('keeps scheduled, ended manager and peer conversations only', () => {
    const held = meeting('2026-03-10T05:00:00.000Z', 'manager');
    const all = [
      held,
      meeting('2026-03-10T06:00:00.000Z', 'directReport'),
      meeting('2026-03-10T07:00:00.000Z', 'peer', { status: 'cancelled' }),
      meeting('2026-03-20T05:00:00.000Z', 'peer'),
    ];

    expect(heldCareerConversations(all, NOW)).toEqual([held]);
  });
});
