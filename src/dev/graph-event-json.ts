/**
 * Renders an occurrence as the Graph v1.0 `event` JSON seen from one mailbox. Both sides of a meeting
 * get the same iCalUId, organizer, attendees and responses; the `id` is per mailbox, as in Graph.
 */
import type {
  AttendeeType,
  EventType,
  GraphAttendee,
  GraphEvent,
  ResponseType,
  ShowAs,
} from '../core/graph-event';
import type { Occurrence } from './calendar-view';
import { personAt } from './organisation';
import type { MeetingSeries, Organisation, Participant } from './organisation';
import { mixHash, mixHashAfter, mixPrefix, unitHash } from './seeded-random';
import { formatGraphDate, formatGraphDateTime, windowsZoneFor } from './time-zones';
import { base64Of, base64UrlOf, hex8, instantText, upperHex8 } from './wire-text';

/** What the emulator sends: the product's `GraphEvent` plus the other fields Graph returns by default. */
export interface EmulatedGraphEvent extends GraphEvent {
  '@odata.etag': string;
  iCalUId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  importance: 'normal';
  responseRequested: boolean;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  location: { displayName: string; locationType: string; uniqueId?: string; locationEmailAddress?: string };
}

/** How start/end are expressed: a zone label as written on the wire and the IANA zone to compute with. */
export interface DisplayZone {
  label: string;
  iana: string;
}

export const UTC_DISPLAY: DisplayZone = { label: 'UTC', iana: 'UTC' };

export const ZERO_TIME = '0001-01-01T00:00:00Z';
const SALT_TENTATIVE = 21;

export const EVENT_ID_PREFIX = 'AAMkAGI2';

/** Per-mailbox event id (opaque to clients; stable across changes, as in Graph). */
export function eventIdFor(mailbox: number, series: number, k: number): string {
  return `${EVENT_ID_PREFIX}${base64UrlOf(`${mailbox}.${series}.${k}`)}`;
}

/** The same meeting on every calendar: iCalUId-like, different for each occurrence (as in Graph). */
export function iCalUIdFor(org: Organisation, series: number, k: number): string {
  const occurrence = mixPrefix(org.seed, series, k);
  const a = upperHex8(mixHashAfter(occurrence, 31));
  const b = upperHex8(mixHashAfter(occurrence, 32));
  const c = upperHex8(mixHashAfter(occurrence, 33));
  return `040000008200E00074C5B7101A82E00800000000${a}${b}${c}`;
}

function emailOf(org: Organisation, who: Participant): { name: string; address: string } {
  if (who.kind === 'guest') return { name: who.name, address: who.address };
  const person = personAt(org, who.index);
  return { name: person.displayName, address: person.mail };
}

export type AttendeeResponse = Exclude<ResponseType, 'organizer' | 'notResponded'>;

/** A person's answer to an occurrence, identical from every mailbox's point of view. */
export function responseOf(org: Organisation, occurrence: Occurrence, person: number): AttendeeResponse {
  return answerOf(org, occurrence.series, occurrence.declinedBy, person);
}

/** `responseOf` for an occurrence of `series` that `declinedBy` declined. */
export function answerOf(
  org: Organisation,
  series: MeetingSeries,
  declinedBy: number | null,
  person: number,
): AttendeeResponse {
  if (declinedBy === person) return 'declined';
  if (series.awaitingResponse) return 'none';
  if (series.kind === 'team-meeting' && unitHash(org.seed, series.index, person, SALT_TENTATIVE) < 0.15) {
    return 'tentativelyAccepted';
  }
  return 'accepted';
}

function attendeeJson(
  org: Organisation,
  occurrence: Occurrence,
  who: Participant,
  type: AttendeeType,
  response: AttendeeResponse,
): GraphAttendee {
  const answered = response !== 'none';
  const time = answered ? instantText(answeredMsOf(occurrence.series)) : ZERO_TIME;
  return { type, status: { response, time }, emailAddress: emailOf(org, who) };
}

function attendeesOf(org: Organisation, occurrence: Occurrence): GraphAttendee[] {
  const series = occurrence.series;
  const list: GraphAttendee[] = [];
  if (series.organizerListedAsAttendee)
    list.push(attendeeJson(org, occurrence, series.organizer, 'required', 'none'));
  for (const attendee of series.attendees) {
    const response =
      attendee.who.kind === 'person' ? responseOf(org, occurrence, attendee.who.index) : 'accepted';
    list.push(attendeeJson(org, occurrence, attendee.who, attendee.type, response));
  }
  if (series.room) {
    const room = { kind: 'guest' as const, name: series.room.name, address: series.room.address };
    list.push(attendeeJson(org, occurrence, room, 'resource', 'accepted'));
  }
  return list;
}

/** When the attendees answered (an hour after the invitation). */
export function answeredMsOf(series: MeetingSeries): number {
  return series.createdMs + 3_600_000;
}

export function showAsFor(series: MeetingSeries, cancelled: boolean, own: ResponseType): ShowAs {
  if (cancelled || own === 'declined') return 'free';
  if (own === 'tentativelyAccepted' || own === 'notResponded') return 'tentative';
  return series.showAs;
}

function typeOf(occurrence: Occurrence): EventType {
  const series = occurrence.series;
  if (series.intervalWeeks === 0 || series.asSingleInvites) return 'singleInstance';
  return occurrence.moved ? 'exception' : 'occurrence';
}

/** The zone a series' times come in without `Prefer: outlook.timezone`, when not UTC (one per zone). */
const organizerZones = new Map<string, DisplayZone>();

function organizerZoneOf(series: MeetingSeries): DisplayZone {
  let zone = organizerZones.get(series.zone);
  if (!zone) {
    zone = { label: windowsZoneFor(series.zone), iana: series.zone };
    organizerZones.set(series.zone, zone);
  }
  return zone;
}

interface EventFacts {
  isOrganizer: boolean;
  own: ResponseType;
  zone: DisplayZone;
  startText: string;
  endText: string;
  type: EventType;
  changeKey: string;
}

/** What both renderings of an event derive the same way: the mailbox's response, the zone, times and version. */
export function eventFacts(
  org: Organisation,
  occurrence: Occurrence,
  mailbox: number,
  display: DisplayZone | null,
): EventFacts {
  const { series, k } = occurrence;
  const isOrganizer = series.organizer.kind === 'person' && series.organizer.index === mailbox;
  const own: ResponseType = isOrganizer
    ? 'organizer'
    : ((r) => (r === 'none' ? 'notResponded' : r))(responseOf(org, occurrence, mailbox));
  const zone: DisplayZone = display ?? (series.localTimesByDefault ? organizerZoneOf(series) : UTC_DISPLAY);
  const startText = series.isAllDay
    ? formatGraphDate(occurrence.allDayFirstDay)
    : formatGraphDateTime(occurrence.startMs, zone.iana);
  const endText = series.isAllDay
    ? formatGraphDate(occurrence.allDayFirstDay + Math.round(series.durationMinutes / 1440))
    : formatGraphDateTime(occurrence.endMs, zone.iana);
  const version = mixHash(
    org.seed,
    series.index,
    k,
    occurrence.modifiedMs % 2_147_483_647,
    occurrence.cancelled ? 1 : 0,
  );
  const changeKey = base64Of(hex8(version));
  return { isOrganizer, own, zone, startText, endText, type: typeOf(occurrence), changeKey };
}

/** The event as `mailbox` sees it. `display` = `null`: UTC, or the organizer's zone for some series. */
export function renderEvent(
  org: Organisation,
  occurrence: Occurrence,
  mailbox: number,
  display: DisplayZone | null,
): EmulatedGraphEvent {
  const { series, k } = occurrence;
  const { isOrganizer, own, zone, startText, endText, type, changeKey } = eventFacts(
    org,
    occurrence,
    mailbox,
    display,
  );
  const start = { dateTime: startText, timeZone: zone.label };
  const end = { dateTime: endText, timeZone: zone.label };
  const zoneName = windowsZoneFor(series.zone);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: eventIdFor(mailbox, series.index, k),
    createdDateTime: instantText(series.createdMs),
    lastModifiedDateTime: instantText(occurrence.modifiedMs),
    changeKey,
    categories: [],
    iCalUId: iCalUIdFor(org, series.index, k),
    subject: occurrence.cancelled ? `Canceled: ${series.subject}` : series.subject,
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: series.isAllDay,
    isCancelled: occurrence.cancelled,
    isOrganizer,
    responseRequested: true,
    seriesMasterId:
      type === 'occurrence' || type === 'exception' ? eventIdFor(mailbox, series.index, -1) : null,
    showAs: showAsFor(series, occurrence.cancelled, own),
    type,
    responseStatus: {
      response: own,
      time: own === 'notResponded' ? ZERO_TIME : instantText(series.createdMs),
    },
    originalStartTimeZone: zoneName,
    originalEndTimeZone: zoneName,
    start,
    end,
    location: series.room
      ? {
          displayName: series.room.name,
          locationType: 'conferenceRoom',
          uniqueId: series.room.address,
          locationEmailAddress: series.room.address,
        }
      : { displayName: '', locationType: 'default' },
    attendees: attendeesOf(org, occurrence),
    organizer: { emailAddress: emailOf(org, series.organizer) },
  };
}

/** Field names Graph knows on `event` (for `$select` validation); the emulator fills the common ones. */
export const EVENT_PROPERTIES: readonly string[] = [
  'allowNewTimeProposals',
  'attendees',
  'body',
  'bodyPreview',
  'cancelledOccurrences',
  'categories',
  'changeKey',
  'createdDateTime',
  'end',
  'exceptionOccurrences',
  'hasAttachments',
  'hideAttendees',
  'iCalUId',
  'id',
  'importance',
  'isAllDay',
  'isCancelled',
  'isDraft',
  'isOnlineMeeting',
  'isOrganizer',
  'isReminderOn',
  'lastModifiedDateTime',
  'location',
  'locations',
  'onlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'recurrence',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'responseStatus',
  'sensitivity',
  'seriesMasterId',
  'showAs',
  'start',
  'subject',
  'transactionId',
  'type',
  'webLink',
];
