/**
 * Renders an occurrence as the Graph v1.0 `event` JSON seen from one mailbox. Both sides of a meeting
 * get the same iCalUId, organizer, attendees and responses; the `id` is per mailbox, as in Graph.
 */
import type { AttendeeType, GraphAttendee, GraphEvent, ResponseType, ShowAs } from '../core/graph-event';
import type { Occurrence } from './calendar-view';
import { personAt } from './organisation';
import type { MeetingSeries, Organisation, Participant } from './organisation';
import { mixHash, unitHash } from './seeded-random';
import { formatGraphDate, formatGraphDateTime, windowsZoneFor } from './time-zones';

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

const ZERO_TIME = '0001-01-01T00:00:00Z';
const SALT_TENTATIVE = 21;

function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Per-mailbox event id (opaque to clients; stable across changes, as in Graph). */
export function eventIdFor(mailbox: number, series: number, k: number): string {
  return `AAMkAGI2${toBase64Url(`${mailbox}.${series}.${k}`)}`;
}

/** The same meeting on every calendar: iCalUId-like, different for each occurrence (as in Graph). */
export function iCalUIdFor(org: Organisation, series: number, k: number): string {
  const a = mixHash(org.seed, series, k, 31).toString(16).padStart(8, '0').toUpperCase();
  const b = mixHash(org.seed, series, k, 32).toString(16).padStart(8, '0').toUpperCase();
  const c = mixHash(org.seed, series, k, 33).toString(16).padStart(8, '0').toUpperCase();
  return `040000008200E00074C5B7101A82E00800000000${a}${b}${c}`;
}

function emailOf(org: Organisation, who: Participant): { name: string; address: string } {
  if (who.kind === 'guest') return { name: who.name, address: who.address };
  const person = personAt(org, who.index);
  return { name: person.displayName, address: person.mail };
}

type AttendeeResponse = Exclude<ResponseType, 'organizer' | 'notResponded'>;

/** A person's answer to an occurrence, identical from every mailbox's point of view. */
export function responseOf(org: Organisation, occurrence: Occurrence, person: number): AttendeeResponse {
  if (occurrence.declinedBy === person) return 'declined';
  const series = occurrence.series;
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
  const time = answered ? new Date(occurrence.series.createdMs + 3_600_000).toISOString() : ZERO_TIME;
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

function showAsFor(series: MeetingSeries, cancelled: boolean, own: ResponseType): ShowAs {
  if (cancelled || own === 'declined') return 'free';
  if (own === 'tentativelyAccepted' || own === 'notResponded') return 'tentative';
  return series.showAs;
}

function typeOf(occurrence: Occurrence): GraphEvent['type'] {
  const series = occurrence.series;
  if (series.intervalWeeks === 0 || series.asSingleInvites) return 'singleInstance';
  return occurrence.moved ? 'exception' : 'occurrence';
}

interface EventFacts {
  isOrganizer: boolean;
  own: ResponseType;
  zone: DisplayZone;
  startText: string;
  endText: string;
  type: GraphEvent['type'];
  changeKey: string;
}

/** What both renderings of an event derive the same way: the mailbox's response, the zone, times and version. */
function eventFacts(
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
  const zone: DisplayZone =
    display ??
    (series.localTimesByDefault ? { label: windowsZoneFor(series.zone), iana: series.zone } : UTC_DISPLAY);
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
  const changeKey = Buffer.from(version.toString(16).padStart(8, '0'), 'utf8').toString('base64');
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
    createdDateTime: new Date(series.createdMs).toISOString(),
    lastModifiedDateTime: new Date(occurrence.modifiedMs).toISOString(),
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
      time: own === 'notResponded' ? ZERO_TIME : new Date(series.createdMs).toISOString(),
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

/** `{"name":…,"address":…}` of each person, written once per organisation (the busiest strings of a page). */
const emailJsonCache = new WeakMap<Organisation, (string | undefined)[]>();

function emailJsonOf(org: Organisation, who: Participant): string {
  if (who.kind === 'guest')
    return `{"name":${JSON.stringify(who.name)},"address":${JSON.stringify(who.address)}}`;
  let cache = emailJsonCache.get(org);
  if (!cache) {
    cache = [];
    emailJsonCache.set(org, cache);
  }
  let json = cache[who.index];
  if (json === undefined) {
    const person = personAt(org, who.index);
    json = `{"name":${JSON.stringify(person.displayName)},"address":${JSON.stringify(person.mail)}}`;
    cache[who.index] = json;
  }
  return json;
}

function attendeeText(
  org: Organisation,
  who: Participant,
  type: AttendeeType,
  response: AttendeeResponse,
  answeredAt: string,
): string {
  const time = response !== 'none' ? answeredAt : ZERO_TIME;
  return `{"type":"${type}","status":{"response":"${response}","time":"${time}"},"emailAddress":${emailJsonOf(org, who)}}`;
}

/**
 * `JSON.stringify(renderEvent(…))`, written straight to text: the emulator's hot path (a calendar page is
 * hundreds of these). The unit tests hold it to exactly the same text as `renderEvent`.
 */
export function renderEventJson(
  org: Organisation,
  occurrence: Occurrence,
  mailbox: number,
  display: DisplayZone | null,
): string {
  const { series, k } = occurrence;
  const { isOrganizer, own, zone, startText, endText, type, changeKey } = eventFacts(
    org,
    occurrence,
    mailbox,
    display,
  );
  const label = JSON.stringify(zone.label);
  const zoneName = JSON.stringify(windowsZoneFor(series.zone));
  const created = new Date(series.createdMs).toISOString();
  const answeredAt = new Date(series.createdMs + 3_600_000).toISOString();
  const subject = JSON.stringify(occurrence.cancelled ? `Canceled: ${series.subject}` : series.subject);
  const seriesMasterId =
    type === 'occurrence' || type === 'exception' ? `"${eventIdFor(mailbox, series.index, -1)}"` : 'null';
  const location = series.room
    ? `{"displayName":${JSON.stringify(series.room.name)},"locationType":"conferenceRoom","uniqueId":${JSON.stringify(series.room.address)},"locationEmailAddress":${JSON.stringify(series.room.address)}}`
    : '{"displayName":"","locationType":"default"}';
  const attendees: string[] = [];
  if (series.organizerListedAsAttendee)
    attendees.push(attendeeText(org, series.organizer, 'required', 'none', answeredAt));
  for (const attendee of series.attendees) {
    const response =
      attendee.who.kind === 'person' ? responseOf(org, occurrence, attendee.who.index) : 'accepted';
    attendees.push(attendeeText(org, attendee.who, attendee.type, response, answeredAt));
  }
  if (series.room) {
    const room = { kind: 'guest' as const, name: series.room.name, address: series.room.address };
    attendees.push(attendeeText(org, room, 'resource', 'accepted', answeredAt));
  }
  const ownTime = own === 'notResponded' ? ZERO_TIME : created;
  return (
    `{"@odata.etag":${JSON.stringify(`W/"${changeKey}"`)},"id":"${eventIdFor(mailbox, series.index, k)}",` +
    `"createdDateTime":"${created}","lastModifiedDateTime":"${new Date(occurrence.modifiedMs).toISOString()}",` +
    `"changeKey":"${changeKey}","categories":[],"iCalUId":"${iCalUIdFor(org, series.index, k)}",` +
    `"subject":${subject},"importance":"normal","sensitivity":"normal","isAllDay":${series.isAllDay},` +
    `"isCancelled":${occurrence.cancelled},"isOrganizer":${isOrganizer},"responseRequested":true,` +
    `"seriesMasterId":${seriesMasterId},"showAs":"${showAsFor(series, occurrence.cancelled, own)}",` +
    `"type":"${type}","responseStatus":{"response":"${own}","time":"${ownTime}"},` +
    `"originalStartTimeZone":${zoneName},"originalEndTimeZone":${zoneName},` +
    `"start":{"dateTime":"${startText}","timeZone":${label}},"end":{"dateTime":"${endText}","timeZone":${label}},` +
    `"location":${location},"attendees":[${attendees.join(',')}],` +
    `"organizer":{"emailAddress":${emailJsonOf(org, series.organizer)}}}`
  );
}
