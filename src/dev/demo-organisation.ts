/**
 * The small, readable organisation behind `npm start`. Avery Chen (first in the list) is the employee:
 * her weekly 1:1 with her manager Jordan Rivera starts within the next 20 hours, an ad-hoc 1:1 with
 * Jordan ended about an hour ago, and a curiosity conversation with Lena Fischer (Design) is later in the
 * week. Jordan has three reports for a manager view. Everything else is the usual calendar noise: team
 * syncs, rooms, cancellations, declines, all-day events, external guests, several time zones.
 */
import { guest, meeting, onOrAfterWeekday, optional, person, required } from './meeting-series-builders';
import {
  BERLIN,
  DEMO_DOMAIN,
  DEMO_PEOPLE,
  DEMO_SEED,
  KOLKATA,
  LA,
  LONDON,
  NY,
  demoIndexOf,
  demoPeople,
} from './demo-people';
import type { DemoKey } from './demo-people';
import { addSeries, newOrganisation } from './organisation';
import type { NewMeetingSeries, OccurrenceVariation, Organisation, Room } from './organisation';
import { DAY_MS, localDayNumber, localMinuteOfDay, localToUtc, weekdayOf } from './time-zones';

export { DEMO_DOMAIN, DEMO_SEED, listDemoPeople } from './demo-people';
export type { DemoPerson } from './demo-people';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;

function room(name: string, address: string): Room {
  return { name, address: `${address}@${DEMO_DOMAIN}` };
}

/** First half-hour slot in [fromMs, toMs] inside working hours in `zone` (weekday if possible). */
function workingSlot(fromMs: number, toMs: number, zone: string): number {
  const first = Math.ceil(fromMs / (30 * MINUTE_MS)) * 30 * MINUTE_MS;
  for (const weekdaysOnly of [true, false]) {
    for (let t = first; t <= toMs; t += 30 * MINUTE_MS) {
      const minute = localMinuteOfDay(t, zone);
      const weekday = weekdayOf(localDayNumber(t, zone));
      if (minute >= 9 * 60 && minute <= 16 * 60 + 30 && (!weekdaysOnly || (weekday >= 1 && weekday <= 5)))
        return t;
    }
  }
  return Math.floor(toMs / (30 * MINUTE_MS)) * 30 * MINUTE_MS;
}

/** Occurrence number of the first weekly occurrence starting after `afterMs`. */
function nextOccurrence(
  series: Pick<NewMeetingSeries, 'firstDay' | 'minuteOfDay' | 'zone' | 'intervalWeeks'>,
  afterMs: number,
): number {
  let k = 0;
  while (
    localToUtc(series.firstDay + 7 * series.intervalWeeks * k, series.minuteOfDay, series.zone) <= afterMs
  )
    k++;
  return k;
}

function at(startMs: number, zone: string): { firstDay: number; minuteOfDay: number; zone: string } {
  return { firstDay: localDayNumber(startMs, zone), minuteOfDay: localMinuteOfDay(startMs, zone), zone };
}

function weekly(zone: string, today: number, weeksBack: number, weekday: number, hour: number, minute = 0) {
  return {
    zone,
    firstDay: onOrAfterWeekday(today - 7 * weeksBack, weekday),
    minuteOfDay: hour * 60 + minute,
  };
}

/** The fixed demo organisation, its calendars placed around `now`. */
export function createDemoOrganisation(options: { now: Date }): Organisation {
  const now = options.now.getTime();
  if (Number.isNaN(now)) throw new RangeError('Demo organisation `now` must be a valid date.');
  const org = newOrganisation({
    name: 'Contoso',
    seed: DEMO_SEED,
    domain: DEMO_DOMAIN,
    createdMs: now,
    people: demoPeople(),
  });
  const p = (key: DemoKey) => person(demoIndexOf(key));
  const today = localDayNumber(now, LA);
  const created = now - 30 * WEEK_MS;
  const add = (series: NewMeetingSeries) => addSeries(org, series);

  // Avery's weekly 1:1 with Jordan: next occurrence within 20 hours; two weeks ago moved, three weeks ago cancelled.
  const upcoming = workingSlot(now + 4 * HOUR_MS, now + 20 * HOUR_MS, LA);
  const upcomingAt = at(upcoming, LA);
  add(
    meeting({
      kind: 'one-on-one',
      subject: 'Avery / Jordan 1:1',
      organizer: p('jordan'),
      attendees: [required(p('avery'))],
      ...upcomingAt,
      firstDay: upcomingAt.firstDay - 12 * 7,
      durationMinutes: 30,
      intervalWeeks: 1,
      room: room('Seattle 3.14 Lighthouse', 'room-seattle-314'),
      createdMs: created,
      fixedVariations: new Map<number, OccurrenceVariation>([
        [9, { cancelled: true }],
        [10, { shiftMinutes: 1440 }],
      ]),
    }),
  );

  // An ad-hoc 1:1 with Jordan that ended about an hour ago (recap time).
  const endedAt = Math.floor((now - HOUR_MS) / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
  add(
    meeting({
      kind: 'one-on-one',
      subject: 'Avery & Jordan: growth plan check-in',
      organizer: p('avery'),
      attendees: [required(p('jordan'))],
      ...at(endedAt - 30 * MINUTE_MS, LA),
      durationMinutes: 30,
      createdMs: now - 5 * DAY_MS,
    }),
  );

  // A curiosity conversation with Lena (Design, Berlin) later in the week.
  let curiosityDay = today + 2;
  while (weekdayOf(curiosityDay) === 0 || weekdayOf(curiosityDay) === 6) curiosityDay++;
  add(
    meeting({
      kind: 'curiosity-coffee',
      subject: 'Curiosity conversation: Avery & Lena (user research)',
      organizer: p('avery'),
      attendees: [required(p('lena'))],
      zone: LA,
      firstDay: curiosityDay,
      minuteOfDay: 8 * 60,
      durationMinutes: 30,
      createdMs: now - 2 * DAY_MS,
    }),
  );

  add(
    meeting({
      kind: 'team-meeting',
      subject: 'Platform team sync',
      organizer: p('jordan'),
      attendees: [required(p('avery')), required(p('sam')), required(p('riley'))],
      ...weekly(LA, today, 20, 2, 9, 30),
      durationMinutes: 45,
      intervalWeeks: 1,
      room: room('Seattle 3.02 Harbour', 'room-seattle-302'),
      organizerListedAsAttendee: true,
      localTimesByDefault: true,
      declineRate: 0.15,
      cancelRate: 0.05,
      createdMs: created,
    }),
  );

  const samOneOnOne = { ...weekly(NY, localDayNumber(now, NY), 16, 4, 13), intervalWeeks: 1 };
  const samNext = nextOccurrence(samOneOnOne, now);
  add(
    meeting({
      kind: 'one-on-one',
      subject: '1:1 Sam <> Jordan',
      organizer: p('sam'),
      attendees: [required(p('jordan'))],
      ...samOneOnOne,
      durationMinutes: 30,
      localTimesByDefault: true,
      createdMs: created,
      fixedVariations: new Map<number, OccurrenceVariation>([
        [samNext, { cancelled: true }],
        [samNext - 2, { declinedBy: demoIndexOf('jordan') }],
      ]),
    }),
  );

  add(
    meeting({
      kind: 'one-on-one',
      subject: 'Riley / Jordan fortnightly',
      organizer: p('jordan'),
      attendees: [required(p('riley')), optional(p('elliot'))],
      ...weekly(LA, today, 18, 3, 8),
      durationMinutes: 45,
      intervalWeeks: 2,
      declineRate: 0.2,
      moveRate: 0.1,
      createdMs: created,
    }),
  );

  const oneOnOne = (
    organizer: DemoKey,
    attendee: DemoKey,
    slot: { zone: string; firstDay: number; minuteOfDay: number },
    intervalWeeks: number,
    extra: Partial<NewMeetingSeries> = {},
  ) =>
    add(
      meeting({
        kind: 'one-on-one',
        subject: `${DEMO_PEOPLE[demoIndexOf(organizer)]?.givenName ?? ''} / ${DEMO_PEOPLE[demoIndexOf(attendee)]?.givenName ?? ''} 1:1`,
        organizer: p(organizer),
        attendees: [required(p(attendee))],
        ...slot,
        durationMinutes: 30,
        intervalWeeks,
        moveRate: 0.08,
        cancelRate: 0.04,
        declineRate: 0.04,
        createdMs: created,
        ...extra,
      }),
    );
  oneOnOne('morgan', 'jordan', weekly(LA, today, 20, 1, 11), 2);
  oneOnOne('morgan', 'priya', weekly(LA, today, 20, 3, 14), 1);
  oneOnOne('morgan', 'hana', weekly(LA, today, 20, 4, 15), 2, { localTimesByDefault: true });
  oneOnOne('morgan', 'grace', weekly(LA, today, 24, 5, 9), 4);
  oneOnOne('morgan', 'elliot', weekly(LA, today, 20, 2, 13), 2, { organizerListedAsAttendee: true });
  oneOnOne('lena', 'priya', weekly(BERLIN, localDayNumber(now, BERLIN), 20, 1, 17), 1, {
    localTimesByDefault: true,
  });
  oneOnOne('priya', 'mateo', weekly(LA, today, 20, 2, 11), 1, {
    room: room('Seattle 2.07 Cedar', 'room-seattle-207'),
  });
  oneOnOne('kofi', 'hana', weekly(KOLKATA, localDayNumber(now, KOLKATA), 20, 4, 9, 30), 1, {
    localTimesByDefault: true,
  });

  add(
    meeting({
      kind: 'team-meeting',
      subject: 'Design crit',
      organizer: p('priya'),
      attendees: [required(p('lena')), required(p('mateo'))],
      ...weekly(LA, today, 20, 3, 8, 30),
      durationMinutes: 60,
      intervalWeeks: 1,
      room: room('Seattle 2.11 Atlas', 'room-seattle-211'),
      declineRate: 0.1,
      createdMs: created,
    }),
  );
  add(
    meeting({
      kind: 'team-meeting',
      subject: 'Leadership staff meeting',
      organizer: p('morgan'),
      attendees: (['jordan', 'priya', 'hana', 'grace', 'elliot'] as const).map((key) => required(p(key))),
      ...weekly(LA, today, 30, 1, 9),
      durationMinutes: 60,
      intervalWeeks: 1,
      room: room('Seattle 5.01 Summit', 'room-seattle-501'),
      organizerListedAsAttendee: true,
      cancelRate: 0.05,
      createdMs: created,
    }),
  );

  const coffee = (
    organizer: DemoKey,
    attendee: DemoKey,
    slot: { zone: string; firstDay: number; minuteOfDay: number },
    intervalWeeks: number,
  ) =>
    add(
      meeting({
        kind: 'curiosity-coffee',
        subject: `Curiosity coffee: ${DEMO_PEOPLE[demoIndexOf(organizer)]?.givenName ?? ''} & ${DEMO_PEOPLE[demoIndexOf(attendee)]?.givenName ?? ''}`,
        organizer: p(organizer),
        attendees: [required(p(attendee))],
        ...slot,
        durationMinutes: 30,
        intervalWeeks,
        asSingleInvites: true,
        createdMs: created,
      }),
    );
  coffee('sam', 'mateo', weekly(NY, localDayNumber(now, NY), 10, 5, 10), 4);
  coffee('riley', 'kofi', weekly(LONDON, localDayNumber(now, LONDON), 9, 2, 10), 3);

  let samDayOut = localDayNumber(now, NY) + 1;
  while (weekdayOf(samDayOut) === 0 || weekdayOf(samDayOut) === 6) samDayOut++;
  add(
    meeting({
      kind: 'all-day',
      subject: 'Out of office',
      organizer: p('sam'),
      attendees: [],
      zone: NY,
      firstDay: samDayOut,
      minuteOfDay: 0,
      durationMinutes: 1440,
      isAllDay: true,
      showAs: 'oof',
      createdMs: now - 10 * DAY_MS,
    }),
  );
  add(
    meeting({
      kind: 'all-day',
      subject: 'Learning day',
      organizer: p('avery'),
      attendees: [],
      zone: LA,
      firstDay: today - 10,
      minuteOfDay: 0,
      durationMinutes: 1440,
      intervalWeeks: 4,
      asSingleInvites: true,
      isAllDay: true,
      createdMs: created,
    }),
  );

  const dana = guest({ name: 'Dana Whitfield (Fabrikam)', address: 'dana.whitfield@fabrikam.example' });
  add(
    meeting({
      kind: 'external-meeting',
      subject: 'Mentoring: Avery & Dana',
      organizer: dana,
      attendees: [required(p('avery'))],
      ...weekly(LA, today, 12, 5, 12),
      durationMinutes: 45,
      intervalWeeks: 2,
      createdMs: created,
    }),
  );
  add(
    meeting({
      kind: 'external-meeting',
      subject: 'Northwind partner sync',
      organizer: p('grace'),
      attendees: [
        required(guest({ name: 'Tomás Ortega (Northwind)', address: 'tomas.ortega@northwind.example' })),
        required(p('riley')),
      ],
      ...weekly(LONDON, localDayNumber(now, LONDON), 14, 3, 15),
      durationMinutes: 30,
      intervalWeeks: 2,
      cancelRate: 0.1,
      createdMs: created,
    }),
  );
  return org;
}
