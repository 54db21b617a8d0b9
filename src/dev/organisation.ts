/**
 * The demo organisation's shape: people in a manager tree and the meeting series on their calendars.
 * Calendars are not stored as events: each series is a compact rule, expanded per request for a window
 * (see `calendar-view.ts`), plus a small overlay of changes (`calendar-changes.ts`).
 */
import { CalendarChanges } from './calendar-changes';

export interface WorkingHours {
  /** Local minutes after midnight. */
  startMinute: number;
  endMinute: number;
  daysOfWeek: readonly string[];
}

export interface Person {
  index: number;
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  managerIndex: number | null;
  reportIndexes: number[];
  /** As shown in mailbox settings: a Windows name (as Outlook writes it) or an IANA name. */
  mailboxTimeZone: string;
  /** The IANA zone the person lives in. */
  zone: string;
  workingHours: WorkingHours;
}

export interface ExternalGuest {
  name: string;
  address: string;
}

export type Participant = { kind: 'person'; index: number } | ({ kind: 'guest' } & ExternalGuest);

export interface SeriesAttendee {
  who: Participant;
  type: 'required' | 'optional';
}

export interface Room {
  name: string;
  address: string;
}

export type MeetingKind = 'one-on-one' | 'team-meeting' | 'curiosity-coffee' | 'all-day' | 'external-meeting';

/** A deliberate twist on one occurrence (the generator also adds seeded random ones). */
export interface OccurrenceVariation {
  shiftMinutes?: number;
  cancelled?: boolean;
  /** Index of the attendee who declined this occurrence. */
  declinedBy?: number;
}

export interface MeetingSeries {
  index: number;
  kind: MeetingKind;
  subject: string;
  organizer: Participant;
  /** Everyone invited except the organizer and the room. */
  attendees: SeriesAttendee[];
  room: Room | null;
  /** IANA zone the series is defined in (the organizer's). */
  zone: string;
  /** Local day number (days since 1970-01-01) of occurrence 0. */
  firstDay: number;
  /** Local start, minutes after midnight (0 for all-day). */
  minuteOfDay: number;
  durationMinutes: number;
  /** 0 for a single meeting. */
  intervalWeeks: number;
  /** `null`: no end date. */
  occurrenceCount: number | null;
  /** Each occurrence is its own single-instance invite (coffees, days out) rather than a recurring series. */
  asSingleInvites: boolean;
  isAllDay: boolean;
  showAs: 'busy' | 'oof' | 'tentative' | 'free';
  /** Without a `Prefer: outlook.timezone` header, start/end are given in the organizer's zone, not UTC. */
  localTimesByDefault: boolean;
  /** Some clients put the organizer in the attendee list too. */
  organizerListedAsAttendee: boolean;
  createdMs: number;
  moveRate: number;
  cancelRate: number;
  declineRate: number;
  fixedVariations: ReadonlyMap<number, OccurrenceVariation> | null;
  /** 0 for the generated calendars; the change number for a meeting added later by `mutate`. */
  addedAtChange: number;
  /** Counterparts who have not answered yet (meetings added by `mutate`). */
  awaitingResponse: boolean;
}

export type NewMeetingSeries = Omit<MeetingSeries, 'index'>;

export interface Organisation {
  name: string;
  seed: number;
  domain: string;
  /** The `now` the calendars were generated around. */
  createdMs: number;
  people: Person[];
  series: MeetingSeries[];
  /** Person index → indexes of the series on that person's calendar. */
  calendars: number[][];
  changes: CalendarChanges;
  byId: Map<string, number>;
  /** Lower-cased user principal names and mail addresses. */
  byAddress: Map<string, number>;
}

export function newOrganisation(init: {
  name: string;
  seed: number;
  domain: string;
  createdMs: number;
  people: Person[];
}): Organisation {
  const byId = new Map<string, number>();
  const byAddress = new Map<string, number>();
  for (const person of init.people) {
    byId.set(person.id.toLowerCase(), person.index);
    byAddress.set(person.userPrincipalName.toLowerCase(), person.index);
    byAddress.set(person.mail.toLowerCase(), person.index);
  }
  return {
    ...init,
    series: [],
    calendars: init.people.map(() => []),
    changes: new CalendarChanges(),
    byId,
    byAddress,
  };
}

/** The people whose calendars show this series (organizer first when internal). */
export function membersOf(series: MeetingSeries): number[] {
  const members: number[] = [];
  if (series.organizer.kind === 'person') members.push(series.organizer.index);
  for (const attendee of series.attendees) {
    if (attendee.who.kind === 'person' && !members.includes(attendee.who.index))
      members.push(attendee.who.index);
  }
  return members;
}

/** Lists every field so that all series share one compact object shape (memory matters at 10,000 people). */
function compactSeries(series: NewMeetingSeries, index: number): MeetingSeries {
  return {
    index,
    kind: series.kind,
    subject: series.subject,
    organizer: series.organizer,
    attendees: series.attendees,
    room: series.room,
    zone: series.zone,
    firstDay: series.firstDay,
    minuteOfDay: series.minuteOfDay,
    durationMinutes: series.durationMinutes,
    intervalWeeks: series.intervalWeeks,
    occurrenceCount: series.occurrenceCount,
    asSingleInvites: series.asSingleInvites,
    isAllDay: series.isAllDay,
    showAs: series.showAs,
    localTimesByDefault: series.localTimesByDefault,
    organizerListedAsAttendee: series.organizerListedAsAttendee,
    createdMs: series.createdMs,
    moveRate: series.moveRate,
    cancelRate: series.cancelRate,
    declineRate: series.declineRate,
    fixedVariations: series.fixedVariations,
    addedAtChange: series.addedAtChange,
    awaitingResponse: series.awaitingResponse,
  };
}

export function addSeries(org: Organisation, series: NewMeetingSeries): MeetingSeries {
  const added = compactSeries(series, org.series.length);
  org.series.push(added);
  for (const member of membersOf(added)) org.calendars[member]?.push(added.index);
  return added;
}

/** A person by id or by user principal name / mail (case-insensitive). */
export function findPerson(org: Organisation, idOrAddress: string): Person | undefined {
  const key = idOrAddress.toLowerCase();
  const index = org.byId.get(key) ?? org.byAddress.get(key);
  return index === undefined ? undefined : org.people[index];
}

export function personAt(org: Organisation, index: number): Person {
  const person = org.people[index];
  if (!person) throw new Error(`No person at index ${index}.`);
  return person;
}

export function seriesAt(org: Organisation, index: number): MeetingSeries {
  const series = org.series[index];
  if (!series) throw new Error(`No meeting series at index ${index}.`);
  return series;
}
