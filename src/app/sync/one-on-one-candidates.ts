import type { GraphEvent } from '../../core/graph-event';
import type { OwnerContext } from '../../core/one-on-one-detection';
import { normaliseAddress } from '../../core/person';

/**
 * A cheap necessary condition for `detectOneOnOne` (which converts both times through Intl before it looks
 * at anyone): an event with two or more other people who are certainly coming — the organizer and required
 * attendees, rooms left out — or an all-day event or a series master, can never be a 1:1. The sync skips
 * detection for those unless a stored 1:1 needs the exact reason. Kept honest by a test that runs both over
 * every emulated calendar.
 */
export function mayBeOneOnOne(event: GraphEvent, owner: OwnerContext): boolean {
  if (event.type === 'seriesMaster' || event.isAllDay) return false;
  const me = normaliseAddress(owner.address);
  const rooms = owner.resourceAddresses?.length
    ? new Set(owner.resourceAddresses.map(normaliseAddress))
    : null;
  const others = new Set<string>();
  const count = (raw: string | null | undefined): void => {
    if (!raw) return;
    const address = normaliseAddress(raw);
    if (address !== me && !rooms?.has(address)) others.add(address);
  };
  count(event.organizer?.emailAddress.address);
  for (const attendee of event.attendees ?? []) {
    if (attendee.type === 'required') count(attendee.emailAddress.address);
    if (others.size >= 2) return false;
  }
  return others.size < 2;
}
