/** How the other person in a 1:1 relates to the calendar owner. */
export type Relationship = 'manager' | 'directReport' | 'peer' | 'external';

/** A detected 1:1 on one person's calendar. */
export interface OneOnOne {
  /** `${ownerId}:${eventId}` — Graph event ids are per mailbox. */
  id: string;
  ownerId: string;
  eventId: string;
  /** The series master id for recurring 1:1s, so agendas can find "last time". */
  seriesId: string | null;
  counterpart: Counterpart;
  relationship: Relationship;
  /** ISO-8601 UTC instants. */
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
}

export interface Counterpart {
  address: string;
  name: string;
  /** The counterpart's object id when they are a known person in the tenant. */
  personId: string | null;
}

export function oneOnOneId(ownerId: string, eventId: string): string {
  return `${ownerId}:${eventId}`;
}

/** A career conversation is a 1:1 with the manager or a curiosity conversation; reports' side and externals are not. */
export function isCareerConversation(relationship: Relationship): boolean {
  return relationship === 'manager' || relationship === 'peer';
}

/** Whether the employee's recap needs the other person's acknowledgement. */
export function needsAcknowledgement(relationship: Relationship): boolean {
  return relationship === 'manager';
}
