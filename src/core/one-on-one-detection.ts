import type { GraphEvent } from './graph-event';
import type { Relationship } from './one-on-one';
import { domainOf, normaliseAddress } from './person';
import { toIanaTimeZone, zonedToInstant } from './time-zone';

/** Who owns the calendar and whom they relate to, all as email addresses. */
export interface OwnerContext {
  address: string;
  managerAddress?: string | null;
  reportAddresses?: readonly string[];
  /** Domains of the tenant; defaults to the owner's domain. */
  organisationDomains?: readonly string[];
  /** Addresses known to be groups or distribution lists (not people). */
  groupAddresses?: readonly string[];
  /** Addresses known to be rooms or equipment even when invited as required attendees. */
  resourceAddresses?: readonly string[];
}

export type DetectionReason =
  | 'one_on_one'
  | 'cancelled'
  | 'all_day'
  | 'series_master'
  | 'private_free_busy'
  | 'owner_not_participant'
  | 'declined_by_owner'
  | 'declined_by_counterpart'
  | 'distribution_list'
  | 'too_many_people'
  | 'no_counterpart'
  | 'invalid_time';

export interface Detection {
  eventId: string;
  isOneOnOne: boolean;
  reason: DetectionReason;
  counterpart: { address: string; name: string } | null;
  relationship: Relationship | null;
  /** UTC instants (ISO-8601) when the event has valid times. */
  startsAt: string | null;
  endsAt: string | null;
}

interface Participant {
  address: string;
  name: string;
  declined: boolean;
  optional: boolean;
}

/**
 * Decides whether an event on the owner's calendar is a 1:1: exactly two humans (organizer ∪ attendees,
 * rooms and resources dropped, addresses merged case-insensitively), the owner and one other person.
 * An optional attendee who declined is not coming, so they do not count as a third person.
 */
export function detectOneOnOne(event: GraphEvent, owner: OwnerContext): Detection {
  const times = eventTimes(event);
  const base = { eventId: event.id, counterpart: null, relationship: null, ...times };
  const refuse = (reason: DetectionReason): Detection => ({ ...base, isOneOnOne: false, reason });

  if (event.type === 'seriesMaster') return refuse('series_master');
  if (event.isCancelled) return refuse('cancelled');
  if (event.isAllDay) return refuse('all_day');
  if (!times.startsAt || !times.endsAt) return refuse('invalid_time');

  const ownerAddress = normaliseAddress(owner.address);
  const participants = collectParticipants(event, owner);
  const hasAttendeeInfo =
    (event.attendees?.length ?? 0) > 0 || Boolean(event.organizer?.emailAddress.address);
  if (!hasAttendeeInfo && (event.sensitivity === 'private' || event.sensitivity === 'confidential')) {
    return refuse('private_free_busy');
  }

  const me = participants.get(ownerAddress);
  if (!me) return refuse(participants.size === 0 ? 'no_counterpart' : 'owner_not_participant');
  if (me.declined || event.responseStatus?.response === 'declined') return refuse('declined_by_owner');

  const groups = new Set((owner.groupAddresses ?? []).map(normaliseAddress));
  const others = [...participants.values()].filter((p) => p.address !== ownerAddress);
  if (others.some((p) => groups.has(p.address))) return refuse('distribution_list');

  const coming = others.filter((p) => !(p.optional && p.declined));
  // Everyone else was optional and declined: the other person is not coming, which is not "nobody invited".
  if (coming.length === 0) return refuse(others.length > 0 ? 'declined_by_counterpart' : 'no_counterpart');
  if (coming.length > 1) return refuse('too_many_people');

  const other = coming[0];
  if (!other) return refuse('no_counterpart');
  if (other.declined) return refuse('declined_by_counterpart');

  return {
    ...base,
    isOneOnOne: true,
    reason: 'one_on_one',
    counterpart: { address: other.address, name: other.name },
    relationship: relationshipTo(other.address, owner),
  };
}

function collectParticipants(event: GraphEvent, owner: OwnerContext): Map<string, Participant> {
  const resources = new Set((owner.resourceAddresses ?? []).map(normaliseAddress));
  const people = new Map<string, Participant>();
  const organizer = event.organizer?.emailAddress;
  if (organizer?.address) {
    const address = normaliseAddress(organizer.address);
    if (!resources.has(address)) {
      people.set(address, { address, name: organizer.name ?? address, declined: false, optional: false });
    }
  }
  for (const attendee of event.attendees ?? []) {
    const raw = attendee.emailAddress.address;
    if (!raw || attendee.type === 'resource') continue;
    const address = normaliseAddress(raw);
    if (resources.has(address)) continue;
    const declined = attendee.status?.response === 'declined';
    const existing = people.get(address);
    if (existing) {
      // The organizer repeated among attendees stays the organizer; a duplicate attendee keeps the strongest facts.
      existing.optional = existing.optional && attendee.type === 'optional';
      existing.declined = existing.declined || (declined && existing.address !== organizerAddress(event));
      continue;
    }
    people.set(address, {
      address,
      name: attendee.emailAddress.name ?? address,
      declined,
      optional: attendee.type === 'optional',
    });
  }
  return people;
}

function organizerAddress(event: GraphEvent): string | null {
  const address = event.organizer?.emailAddress.address;
  return address ? normaliseAddress(address) : null;
}

function relationshipTo(address: string, owner: OwnerContext): Relationship {
  if (owner.managerAddress && normaliseAddress(owner.managerAddress) === address) return 'manager';
  if ((owner.reportAddresses ?? []).some((r) => normaliseAddress(r) === address)) return 'directReport';
  const domains = owner.organisationDomains?.length
    ? owner.organisationDomains.map(normaliseAddress)
    : [domainOf(owner.address)];
  return domains.includes(domainOf(address)) ? 'peer' : 'external';
}

/** UTC ISO instants for an event's start and end, whatever zone Graph expressed them in. */
export function eventTimes(event: GraphEvent): { startsAt: string | null; endsAt: string | null } {
  const start = toInstant(event.start);
  const end = toInstant(event.end);
  if (start === null || end === null || end < start) return { startsAt: null, endsAt: null };
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

function toInstant(value: { dateTime: string; timeZone: string } | undefined): number | null {
  if (!value || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string') return null;
  const zone = toIanaTimeZone(value.timeZone);
  if (!zone) return null;
  // Graph writes 7 fractional digits and sometimes a trailing Z or offset; local wall time is what it means.
  const local = value.dateTime.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
  return zonedToInstant(local, zone);
}
