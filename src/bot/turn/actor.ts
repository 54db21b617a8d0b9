import type { Activity } from 'botbuilder';

/** The person behind an activity: their Entra object id, Teams user id and name. */
export interface Actor {
  personId: string;
  chatUserId: string;
  name: string;
}

/** Null when the channel did not say who it is (no Entra object id): such a sender can change nothing. */
export function actorOf(activity: Partial<Activity>): Actor | null {
  const from = activity.from;
  const personId = from?.aadObjectId;
  if (!from || typeof personId !== 'string' || personId.trim() === '') return null;
  // Channels may leave the name out even though the schema types it as required.
  const name: unknown = from.name;
  return { personId, chatUserId: from.id, name: typeof name === 'string' ? name : '' };
}
