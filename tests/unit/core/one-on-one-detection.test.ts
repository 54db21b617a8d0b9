import type { DetectionReason, GraphEvent, Relationship } from '../../../src/core';
import { detectOneOnOne } from '../../../src/core';
import { CALENDAR_OWNER, eventBySubject, loadCalendarView } from '../../fixtures/graph/calendar-view';

interface Row {
  /** What the row is about: the test name. */
  case: string;
  subject: string;
  isOneOnOne: boolean;
  reason: DetectionReason;
  counterpart: string | null;
  relationship: Relationship | null;
  startsAt: string | null;
}

const one = (
  caseName: string,
  subject: string,
  counterpart: string,
  relationship: Relationship,
  startsAt: string,
): Row => ({
  case: caseName,
  subject,
  isOneOnOne: true,
  reason: 'one_on_one',
  counterpart,
  relationship,
  startsAt,
});

const not = (caseName: string, subject: string, reason: DetectionReason, startsAt: string | null): Row => ({
  case: caseName,
  subject,
  isOneOnOne: false,
  reason,
  counterpart: null,
  relationship: null,
  startsAt,
});

const MORGAN = 'morgan.lee@contoso.com';
const JORDAN = 'jordan.patel@contoso.com';
const SAM = 'sam.rivera@contoso.com';
const PRIYA = 'priya.nair@contoso.com';
const LENA = 'lena.fischer@contoso.com';
const ARJUN = 'arjun.mehta@contoso.com';
const ELENA = 'elena.garcia@fabrikam.com';

const ROWS: Row[] = [
  one(
    'plain 1:1 organised by the manager',
    'Career check-in: Avery / Morgan',
    MORGAN,
    'manager',
    '2026-03-10T17:00:00.000Z',
  ),
  one(
    '1:1 the owner organised with a direct report',
    'Avery / Jordan 1:1',
    JORDAN,
    'directReport',
    '2026-03-10T18:00:00.000Z',
  ),
  one(
    'curiosity coffee with a peer (tentative) is a peer 1:1',
    'Coffee: learning about the data platform (Priya)',
    PRIYA,
    'peer',
    '2026-03-10T19:00:00.000Z',
  ),
  one(
    'peer on a second organisation domain (GMT Standard Time, before UK DST)',
    'Curiosity chat with Tomasz: UK retail analytics',
    'tomasz.kowalski@contoso.co.uk',
    'peer',
    '2026-03-11T15:00:00.000Z',
  ),
  one(
    'guest from another domain is an external 1:1',
    'Fabrikam partnership: intro with Elena',
    ELENA,
    'external',
    '2026-03-11T20:00:00.000Z',
  ),
  one(
    'external organizer with the owner tentative is still a 1:1',
    'Intro call: Fabrikam (Elena)',
    ELENA,
    'external',
    '2026-03-23T16:00:00.000Z',
  ),
  one(
    'occurrence of a recurring series',
    'Weekly sync: Avery / Morgan',
    MORGAN,
    'manager',
    '2026-03-12T16:00:00.000Z',
  ),
  one(
    'moved exception of a series keeps its new start',
    'Avery <> Sam fortnightly',
    SAM,
    'directReport',
    '2026-03-13T21:30:00.000Z',
  ),
  not(
    'series master is ignored (its occurrences count)',
    'Mentoring: Avery & Kenji',
    'series_master',
    '2026-01-08T17:00:00.000Z',
  ),
  one(
    'organizer repeated inside attendees counts once',
    'Avery / Sam: promotion packet review',
    SAM,
    'directReport',
    '2026-03-09T22:00:00.000Z',
  ),
  one(
    'room booked as a resource attendee is not a person (W. Europe, CET)',
    'Design critique practice with Lena',
    LENA,
    'peer',
    '2026-03-12T13:00:00.000Z',
  ),
  one(
    'room invited as a required attendee, known as a resource',
    'Career check-in (in person): Avery / Morgan',
    MORGAN,
    'manager',
    '2026-03-13T17:00:00.000Z',
  ),
  not(
    'optional third attendee who may come makes it a group',
    'Roadmap chat: Avery and Priya (Kenji optional)',
    'too_many_people',
    '2026-03-13T18:00:00.000Z',
  ),
  one(
    'optional third attendee who declined does not count',
    'Learning plan review: Avery / Morgan (Priya optional)',
    MORGAN,
    'manager',
    '2026-03-16T17:00:00.000Z',
  ),
  not(
    'three required people',
    'Onboarding sync: Avery, Jordan, Sam',
    'too_many_people',
    '2026-03-16T18:00:00.000Z',
  ),
  not(
    'a distribution list is not one person',
    'Design Guild office hours',
    'distribution_list',
    '2026-03-16T20:00:00.000Z',
  ),
  not('cancelled meeting', 'Canceled: Coffee with Kenji', 'cancelled', '2026-03-17T16:00:00.000Z'),
  not(
    'cancelled occurrence of a recurring 1:1',
    'Canceled: Weekly sync: Avery / Morgan',
    'cancelled',
    '2026-03-19T16:00:00.000Z',
  ),
  not('all-day event', 'Avery / Morgan: offsite planning day', 'all_day', '2026-03-18T00:00:00.000Z'),
  not(
    'owner declined (responseStatus)',
    'Skip-level coffee with Priya',
    'declined_by_owner',
    '2026-03-17T18:00:00.000Z',
  ),
  not(
    'counterpart declined (attendee status)',
    'Avery / Morgan: mid-year reflection',
    'declined_by_counterpart',
    '2026-03-17T22:00:00.000Z',
  ),
  not(
    'the only other person was optional and declined',
    'Coffee with Kenji: ML reading group',
    'declined_by_counterpart',
    '2026-03-20T16:00:00.000Z',
  ),
  not(
    'owner is neither organizer nor attendee',
    'Jordan / Priya pairing session',
    'owner_not_participant',
    '2026-03-18T17:00:00.000Z',
  ),
  not(
    'private free/busy-only item without attendees',
    'Private Appointment',
    'private_free_busy',
    '2026-03-18T19:00:00.000Z',
  ),
  one(
    'mixed-case addresses match and come back lower-case',
    'Quick sync: Avery/Morgan',
    MORGAN,
    'manager',
    '2026-03-19T16:00:00.000Z',
  ),
  not(
    'a meeting with only the owner has no counterpart',
    'Focus time: write learning goals',
    'no_counterpart',
    '2026-03-19T17:00:00.000Z',
  ),
  not('end before start', 'Catch-up with Kenji', 'invalid_time', null),
  not(
    'a zone Graph calls tzone://Microsoft/Custom cannot be placed in time',
    'Career story swap with Tomasz',
    'invalid_time',
    null,
  ),
  one(
    'Pacific Standard Time on the day DST starts (2026-03-08) is UTC-7',
    'Sunday hike planning with Priya',
    PRIYA,
    'peer',
    '2026-03-08T16:00:00.000Z',
  ),
  one(
    'Pacific Standard Time the day before DST (2026-03-07) is UTC-8',
    'Saturday coffee with Priya',
    PRIYA,
    'peer',
    '2026-03-07T17:00:00.000Z',
  ),
  one(
    'W. Europe Standard Time on the day DST starts (2026-03-29) is UTC+2',
    'Berlin curiosity chat with Lena',
    LENA,
    'peer',
    '2026-03-29T08:00:00.000Z',
  ),
  one(
    'W. Europe Standard Time before DST (2026-03-27) is UTC+1',
    'Berlin chat before the clocks change',
    LENA,
    'peer',
    '2026-03-27T09:00:00.000Z',
  ),
  one(
    'India Standard Time is UTC+5:30',
    'Learning about payments with Arjun',
    ARJUN,
    'peer',
    '2026-03-10T05:00:00.000Z',
  ),
  one(
    'IANA America/Los_Angeles after DST',
    'Avery / Morgan: goals for Q2',
    MORGAN,
    'manager',
    '2026-03-09T15:30:00.000Z',
  ),
  one('IANA Asia/Kolkata', 'Platform deep-dive with Arjun', ARJUN, 'peer', '2026-03-12T11:30:00.000Z'),
  one(
    '7-digit fractional seconds round to milliseconds',
    'Avery / Jordan: feedback practice',
    JORDAN,
    'directReport',
    '2026-03-11T16:00:00.123Z',
  ),
  one(
    'owner invited as optional by the manager is still a 1:1',
    'Open door: Morgan & Avery',
    MORGAN,
    'manager',
    '2026-03-20T17:00:00.000Z',
  ),
  one(
    'the same person listed twice (different case) is one person',
    'Avery / Priya: mentoring match',
    PRIYA,
    'peer',
    '2026-03-20T18:00:00.000Z',
  ),
  one(
    'an attendee without an address (dial-in) is ignored',
    'Avery / Elena: dial-in',
    ELENA,
    'external',
    '2026-03-20T21:00:00.000Z',
  ),
];

const events = loadCalendarView();

describe('detectOneOnOne on a Graph calendarView page', () => {
  it.each(ROWS.map((row) => [row.case, row] as const))('%s', (_name, row) => {
    const detection = detectOneOnOne(eventBySubject(events, row.subject), CALENDAR_OWNER);

    expect({
      isOneOnOne: detection.isOneOnOne,
      reason: detection.reason,
      counterpart: detection.counterpart?.address ?? null,
      relationship: detection.relationship,
      startsAt: detection.startsAt,
    }).toEqual({
      isOneOnOne: row.isOneOnOne,
      reason: row.reason,
      counterpart: row.counterpart,
      relationship: row.relationship,
      startsAt: row.startsAt,
    });
  });

  it('has a table row for every fixture event, so no fixture goes unchecked', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ROWS.map((r) => r.subject))).toEqual(new Set(events.map((e) => e.subject)));
  });

  it('reports the Graph event id it looked at', () => {
    const event = eventBySubject(events, 'Avery / Jordan 1:1');

    expect(detectOneOnOne(event, CALENDAR_OWNER).eventId).toBe(event.id);
  });

  it("reports the counterpart's display name from the event", () => {
    const detection = detectOneOnOne(
      eventBySubject(events, 'Career check-in: Avery / Morgan'),
      CALENDAR_OWNER,
    );

    expect(detection.counterpart).toEqual({ address: MORGAN, name: 'Morgan Lee' });
  });

  it('rounds an end of .9999999 s up to the next whole second', () => {
    const detection = detectOneOnOne(
      eventBySubject(events, 'Avery / Jordan: feedback practice'),
      CALENDAR_OWNER,
    );

    expect(detection.endsAt).toBe('2026-03-11T16:30:01.000Z');
  });

  it('gives no times at all when the end is before the start', () => {
    const detection = detectOneOnOne(eventBySubject(events, 'Catch-up with Kenji'), CALENDAR_OWNER);

    expect([detection.startsAt, detection.endsAt]).toEqual([null, null]);
  });
});

describe('detectOneOnOne owner context', () => {
  it("treats only the owner's own domain as internal when no organisation domains are given", () => {
    const detection = detectOneOnOne(
      eventBySubject(events, 'Curiosity chat with Tomasz: UK retail analytics'),
      {
        address: 'Avery.Chen@Contoso.com',
      },
    );

    expect(detection.relationship).toBe('external');
  });

  it('matches the owner, manager and reports case-insensitively', () => {
    const detection = detectOneOnOne(eventBySubject(events, 'Avery <> Sam fortnightly'), {
      address: 'AVERY.CHEN@CONTOSO.COM',
      reportAddresses: ['Sam.Rivera@Contoso.com'],
    });

    expect([detection.isOneOnOne, detection.relationship]).toEqual([true, 'directReport']);
  });

  it('prefers manager over direct report when an address is (wrongly) both', () => {
    const detection = detectOneOnOne(eventBySubject(events, 'Career check-in: Avery / Morgan'), {
      address: CALENDAR_OWNER.address,
      managerAddress: MORGAN,
      reportAddresses: [MORGAN],
    });

    expect(detection.relationship).toBe('manager');
  });

  it('counts a room invited as required as a person when it is not listed as a resource', () => {
    const detection = detectOneOnOne(eventBySubject(events, 'Career check-in (in person): Avery / Morgan'), {
      ...CALENDAR_OWNER,
      resourceAddresses: [],
    });

    expect(detection.reason).toBe('too_many_people');
  });

  it('drops a room that is the organizer when it is listed as a resource', () => {
    const event: GraphEvent = {
      id: 'room-organised',
      organizer: { emailAddress: { name: 'SEA-4B Huddle (4)', address: 'sea-4b-huddle@contoso.com' } },
      attendees: [
        { type: 'required', emailAddress: { address: CALENDAR_OWNER.address } },
        { type: 'required', emailAddress: { address: PRIYA } },
      ],
      start: { dateTime: '2026-03-10T17:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T17:30:00.0000000', timeZone: 'UTC' },
    };

    expect(detectOneOnOne(event, CALENDAR_OWNER).counterpart?.address).toBe(PRIYA);
  });

  it('reads an event with only id, start and end without throwing (no counterpart)', () => {
    const event: GraphEvent = {
      id: 'bare',
      start: { dateTime: '2026-03-10T17:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T17:30:00', timeZone: 'UTC' },
    };

    expect(detectOneOnOne(event, CALENDAR_OWNER).reason).toBe('no_counterpart');
  });

  it('refuses an impossible calendar date (February 30) as invalid_time', () => {
    const event: GraphEvent = {
      id: 'feb-30',
      start: { dateTime: '2026-02-30T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-02-30T09:30:00.0000000', timeZone: 'UTC' },
    };

    expect(detectOneOnOne(event, CALENDAR_OWNER).reason).toBe('invalid_time');
  });
});
