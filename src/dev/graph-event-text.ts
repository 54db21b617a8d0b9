/**
 * `JSON.stringify(renderEvent(…))`, written straight to text: the emulator's hot path (a calendar page is
 * hundreds of these). What a series says alike on each occurrence and to each mailbox (subject, zones,
 * location, attendees, organizer) is written once into a small bounded memo; per event only the
 * occurrence's and the mailbox's own fields are written. The unit tests hold it to exactly the same text
 * as `renderEvent`.
 */
import type { AttendeeType } from '../core/graph-event';
import type { Occurrence } from './calendar-view';
import {
  ZERO_TIME,
  answerOf,
  EVENT_ID_PREFIX,
  answeredMsOf,
  eventFacts,
  iCalUIdFor,
  showAsFor,
} from './graph-event-json';
import type { AttendeeResponse, DisplayZone } from './graph-event-json';
import { personAt } from './organisation';
import type { MeetingSeries, Organisation, Participant } from './organisation';
import { windowsZoneFor } from './time-zones';
import { base64UrlOf, instantText } from './wire-text';

/** A series' text that neither the occurrence nor the mailbox changes, in the pieces an event is written in. */
interface SeriesText {
  /** `","createdDateTime":…,"lastModifiedDateTime":…,"changeKey":"` for an occurrence unchanged since created. */
  unchangedDates: string;
  /** `"subject":…` to `"isCancelled":false,` */
  headline: string;
  /** The same for a cancelled occurrence ("Canceled: " subject, `"isCancelled":true`), once needed. */
  cancelledHeadline: string | null;
  /** `"originalStartTimeZone":…,"originalEndTimeZone":…,"start":{"dateTime":"` */
  zonesToStart: string;
  /** `"location":…,"attendees":[…],"organizer":{…}}` for an occurrence nobody declined. */
  closing: string;
  /** Its event ids in the mailbox last asked for (a page asks for one mailbox's, occurrence after occurrence). */
  ids: SeriesIds | null;
}

/** `eventIdFor(mailbox, series, k)` for any `k`, the base64 of the text shared by all `k` written once. */
class SeriesIds {
  readonly master: string;
  private readonly encodedHead: string;
  private readonly rest: string;

  constructor(
    readonly mailbox: number,
    series: number,
  ) {
    const text = `${mailbox}.${series}.`;
    // Base64 turns each 3 bytes into 4 characters on its own, so whole groups can be encoded ahead.
    const whole = text.length - (text.length % 3);
    this.encodedHead = `${EVENT_ID_PREFIX}${base64UrlOf(text.slice(0, whole))}`;
    this.rest = text.slice(whole);
    this.master = this.of(-1);
  }

  of(k: number): string {
    return this.encodedHead + base64UrlOf(`${this.rest}${k}`);
  }
}

function idsOf(text: SeriesText, mailbox: number, series: number): SeriesIds {
  if (text.ids?.mailbox !== mailbox) text.ids = new SeriesIds(mailbox, series);
  return text.ids;
}

/** Enough for the series on the calendars of a `$batch` of people; about 1 KB each. */
const SERIES_MEMO_LIMIT = 1024;
const seriesTexts = new Map<MeetingSeries, SeriesText>();

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

/** Location, attendees and organizer: the end of the event's text. */
function closingText(org: Organisation, series: MeetingSeries, declinedBy: number | null): string {
  const answeredAt = instantText(answeredMsOf(series));
  const location = series.room
    ? `{"displayName":${JSON.stringify(series.room.name)},"locationType":"conferenceRoom","uniqueId":${JSON.stringify(series.room.address)},"locationEmailAddress":${JSON.stringify(series.room.address)}}`
    : '{"displayName":"","locationType":"default"}';
  const attendees: string[] = [];
  if (series.organizerListedAsAttendee)
    attendees.push(attendeeText(org, series.organizer, 'required', 'none', answeredAt));
  for (const attendee of series.attendees) {
    const response =
      attendee.who.kind === 'person' ? answerOf(org, series, declinedBy, attendee.who.index) : 'accepted';
    attendees.push(attendeeText(org, attendee.who, attendee.type, response, answeredAt));
  }
  if (series.room) {
    const room = { kind: 'guest' as const, name: series.room.name, address: series.room.address };
    attendees.push(attendeeText(org, room, 'resource', 'accepted', answeredAt));
  }
  const organizer = emailJsonOf(org, series.organizer);
  return flat(
    `"location":${location},"attendees":[`,
    attendees.join(','),
    `],"organizer":{"emailAddress":${organizer}}}`,
  );
}

function headlineText(subject: string, series: MeetingSeries, cancelled: boolean): string {
  return flat(
    `"subject":${JSON.stringify(subject)},"importance":"normal","sensitivity":"normal",`,
    `"isAllDay":${series.isAllDay},"isCancelled":${cancelled},`,
  );
}

/** One flat string (a memo is copied into every page that uses it: a rope would be walked each time). */
function flat(...pieces: readonly string[]): string {
  return pieces.join('');
}

function datesText(createdMs: number, modifiedMs: number): string {
  return flat(
    `","createdDateTime":"${instantText(createdMs)}",`,
    `"lastModifiedDateTime":"${instantText(modifiedMs)}","changeKey":"`,
  );
}

function seriesTextOf(org: Organisation, series: MeetingSeries): SeriesText {
  const known = seriesTexts.get(series);
  if (known) return known;
  if (seriesTexts.size >= SERIES_MEMO_LIMIT) seriesTexts.clear();
  const zoneName = JSON.stringify(windowsZoneFor(series.zone));
  const text: SeriesText = {
    unchangedDates: datesText(series.createdMs, series.createdMs),
    headline: headlineText(series.subject, series, false),
    cancelledHeadline: null,
    zonesToStart: flat(
      `"originalStartTimeZone":${zoneName},"originalEndTimeZone":${zoneName},`,
      '"start":{"dateTime":"',
    ),
    closing: closingText(org, series, null),
    ids: null,
  };
  seriesTexts.set(series, text);
  return text;
}

function cancelledHeadlineOf(text: SeriesText, series: MeetingSeries): string {
  text.cancelledHeadline ??= headlineText(`Canceled: ${series.subject}`, series, true);
  return text.cancelledHeadline;
}

/** What follows the start and the end date-times: the zone they are in, then the next field's opening. */
interface ZoneText {
  afterStart: string;
  afterEnd: string;
}

/** By zone label (the labels asked for in `Prefer: outlook.timezone` included, hence a bound). */
const zoneTexts = new Map<string, ZoneText>();
const ZONE_MEMO_LIMIT = 64;

function zoneTextOf(label: string): ZoneText {
  let text = zoneTexts.get(label);
  if (!text) {
    if (zoneTexts.size >= ZONE_MEMO_LIMIT) zoneTexts.clear();
    const zone = `","timeZone":${JSON.stringify(label)}},`;
    text = { afterStart: flat(zone, '"end":{"dateTime":"'), afterEnd: zone };
    zoneTexts.set(label, text);
  }
  return text;
}

/**
 * Appends the event's JSON text to `out` piece by piece: a page joins all its pieces at once, which costs
 * less than building (and later flattening) a string per event. Fewer, longer pieces join faster.
 */
export function writeEventJson(
  out: string[],
  org: Organisation,
  occurrence: Occurrence,
  mailbox: number,
  display: DisplayZone | null,
): void {
  const { series, k, cancelled, declinedBy, modifiedMs } = occurrence;
  const { isOrganizer, own, zone, startText, endText, type, changeKey } = eventFacts(
    org,
    occurrence,
    mailbox,
    display,
  );
  const text = seriesTextOf(org, series);
  const ids = idsOf(text, mailbox, series.index);
  out.push(
    '{"@odata.etag":"W/\\"',
    changeKey,
    '\\"","id":"',
    ids.of(k),
    modifiedMs === series.createdMs ? text.unchangedDates : datesText(series.createdMs, modifiedMs),
    changeKey,
    '","categories":[],"iCalUId":"',
    iCalUIdFor(org, series.index, k),
    '",',
    cancelled ? cancelledHeadlineOf(text, series) : text.headline,
    isOrganizer
      ? '"isOrganizer":true,"responseRequested":true,"seriesMasterId":'
      : '"isOrganizer":false,"responseRequested":true,"seriesMasterId":',
  );
  if (type === 'occurrence' || type === 'exception') out.push('"', ids.master, '",');
  else out.push('null,');
  const zoneText = zoneTextOf(zone.label);
  out.push(
    '"showAs":"',
    showAsFor(series, cancelled, own),
    '","type":"',
    type,
    '","responseStatus":{"response":"',
    own,
    '","time":"',
    own === 'notResponded' ? ZERO_TIME : instantText(series.createdMs),
    '"},',
    text.zonesToStart,
    startText,
    zoneText.afterStart,
    endText,
    zoneText.afterEnd,
    declinedBy === null ? text.closing : closingText(org, series, declinedBy),
  );
}

/** The event's JSON text on its own. */
export function renderEventJson(
  org: Organisation,
  occurrence: Occurrence,
  mailbox: number,
  display: DisplayZone | null,
): string {
  const out: string[] = [];
  writeEventJson(out, org, occurrence, mailbox, display);
  return out.join('');
}
