import type { Person } from '../../core/person';
import { DEFAULT_WORKING_HOURS } from '../../core/person';
import { toIanaTimeZone } from '../../core/time-zone';
import type { AppDeps } from '../deps';

export interface ChatIdentity {
  /** Entra object id. */
  id: string;
  displayName: string;
  /** Time zone the chat client reported, if any (IANA or Windows name). */
  timeZone: string | null;
}

/**
 * Makes sure someone who opened a chat with the app is a known person. Someone the directory sync has not
 * seen yet gets a minimal record (no manager, a never-deliverable address) that the sync completes later.
 */
export async function ensurePerson(
  deps: AppDeps,
  identity: ChatIdentity,
): Promise<{ person: Person; created: boolean }> {
  const existing = await deps.store.getPerson(identity.id);
  if (existing) return { person: existing, created: false };
  const person: Person = {
    id: identity.id,
    // `.invalid` is reserved (RFC 2606): it can never match a real attendee address.
    email: `${identity.id}@unknown.invalid`,
    displayName: identity.displayName.trim() || 'Colleague',
    jobTitle: null,
    managerId: null,
    timeZone: (identity.timeZone && toIanaTimeZone(identity.timeZone)) || 'UTC',
    workingHours: DEFAULT_WORKING_HOURS,
  };
  await deps.store.savePerson(person);
  return { person, created: true };
}
