import type { GraphAttendee, GraphEmailAddress, GraphEvent } from '../core/graph-event';

/**
 * The hot-path twin of `graphEventSchema` (graph-schemas.ts): reads one calendar item with exactly the
 * same rules and the same result, without zod's per-field machinery (a calendar round reads every event
 * of every person). Unknown fields are dropped (subjects included); a key absent from the item stays absent,
 * an optional field that breaks its type becomes `null`, and an item without a usable id, start or end
 * (or with a malformed attendee list) is rejected with `null`. `tests/unit/graph/read-graph-event.test.ts`
 * holds the two to the same answers.
 */
export function readGraphEvent(item: unknown): GraphEvent | null {
  if (!isRecord(item)) return null;
  const id = item.id;
  if (typeof id !== 'string' || id === '') return null;
  const out: Record<string, unknown> = { id };
  if ('type' in item) out.type = oneOf(item.type, EVENT_TYPES);
  if ('seriesMasterId' in item) out.seriesMasterId = stringOrNull(item.seriesMasterId);
  if ('isCancelled' in item) out.isCancelled = booleanOrNull(item.isCancelled);
  if ('isAllDay' in item) out.isAllDay = booleanOrNull(item.isAllDay);
  if ('isOrganizer' in item) out.isOrganizer = booleanOrNull(item.isOrganizer);
  if ('showAs' in item) out.showAs = oneOf(item.showAs, SHOW_AS);
  if ('sensitivity' in item) out.sensitivity = oneOf(item.sensitivity, SENSITIVITIES);
  if ('responseStatus' in item) out.responseStatus = responseStatusOf(item.responseStatus);
  if ('organizer' in item) out.organizer = organizerOf(item.organizer);
  if ('attendees' in item) {
    const attendees = attendeesOf(item.attendees);
    if (attendees === INVALID) return null;
    out.attendees = attendees;
  }
  const start = dateTimeTimeZoneOf(item.start);
  if (start === null) return null;
  out.start = start;
  const end = dateTimeTimeZoneOf(item.end);
  if (end === null) return null;
  out.end = end;
  if ('lastModifiedDateTime' in item) out.lastModifiedDateTime = stringOrNull(item.lastModifiedDateTime);
  return out as unknown as GraphEvent;
}

const EVENT_TYPES: ReadonlySet<unknown> = new Set([
  'singleInstance',
  'occurrence',
  'exception',
  'seriesMaster',
]);
const SHOW_AS: ReadonlySet<unknown> = new Set([
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
]);
const SENSITIVITIES: ReadonlySet<unknown> = new Set(['normal', 'personal', 'private', 'confidential']);
const RESPONSES: ReadonlySet<unknown> = new Set([
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
]);
const ATTENDEE_TYPES: ReadonlySet<unknown> = new Set(['required', 'optional', 'resource']);
const INVALID = Symbol('invalid');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `.nullish().catch(null)`: undefined stays undefined, anything not allowed becomes null. */
function oneOf(value: unknown, allowed: ReadonlySet<unknown>): unknown {
  if (value === undefined) return undefined;
  return allowed.has(value) ? value : null;
}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}

function booleanOrNull(value: unknown): boolean | null | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'boolean' ? value : null;
}

/** `string().nullish()` without a fallback: a wrong type is an error. */
function optionalString(value: unknown): string | null | undefined | typeof INVALID {
  if (value === undefined || value === null || typeof value === 'string') return value;
  return INVALID;
}

function responseStatusOf(value: unknown): GraphAttendee['status'] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const out: Record<string, unknown> = {};
  if ('response' in value) out.response = oneOf(value.response, RESPONSES);
  if ('time' in value) out.time = stringOrNull(value.time);
  return out;
}

function emailAddressOf(value: unknown): GraphEmailAddress | typeof INVALID {
  if (!isRecord(value)) return INVALID;
  const out: Record<string, unknown> = {};
  if ('name' in value) {
    const name = optionalString(value.name);
    if (name === INVALID) return INVALID;
    out.name = name;
  }
  if ('address' in value) {
    const address = optionalString(value.address);
    if (address === INVALID) return INVALID;
    out.address = address;
  }
  return out;
}

function organizerOf(value: unknown): GraphEvent['organizer'] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const emailAddress = emailAddressOf(value.emailAddress);
  return emailAddress === INVALID ? null : { emailAddress };
}

/** `.nullish()` without a fallback: one malformed attendee rejects the event. */
function attendeesOf(value: unknown): GraphAttendee[] | null | undefined | typeof INVALID {
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value)) return INVALID;
  const attendees: GraphAttendee[] = [];
  for (const raw of value as unknown[]) {
    if (!isRecord(raw)) return INVALID;
    const type = ATTENDEE_TYPES.has(raw.type) ? (raw.type as GraphAttendee['type']) : 'required';
    const attendee: Record<string, unknown> = { type };
    if ('status' in raw) attendee.status = responseStatusOf(raw.status);
    const emailAddress = emailAddressOf(raw.emailAddress);
    if (emailAddress === INVALID) return INVALID;
    attendee.emailAddress = emailAddress;
    attendees.push(attendee as unknown as GraphAttendee);
  }
  return attendees;
}

function dateTimeTimeZoneOf(value: unknown): GraphEvent['start'] | null {
  if (!isRecord(value)) return null;
  const { dateTime, timeZone } = value;
  if (typeof dateTime !== 'string' || dateTime === '') return null;
  if (typeof timeZone !== 'string' || timeZone === '') return null;
  return { dateTime, timeZone };
}
