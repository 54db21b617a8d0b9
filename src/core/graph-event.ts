/** The subset of a Microsoft Graph v1.0 `event` that the product reads (Calendars.ReadBasic: no body). */
export type AttendeeType = 'required' | 'optional' | 'resource';
export type ResponseType =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type EventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';

export interface GraphEmailAddress {
  name?: string | null;
  address?: string | null;
}

export interface GraphAttendee {
  type: AttendeeType;
  status?: { response?: ResponseType | null; time?: string | null } | null;
  emailAddress: GraphEmailAddress;
}

export interface GraphDateTimeTimeZone {
  /** Local date-time without offset, e.g. `2026-11-25T09:30:00.0000000`. */
  dateTime: string;
  /** Windows or IANA time zone name, e.g. `UTC`, `Pacific Standard Time`, `Europe/Berlin`. */
  timeZone: string;
}

export interface GraphEvent {
  id: string;
  subject?: string | null;
  type?: EventType | null;
  seriesMasterId?: string | null;
  isCancelled?: boolean | null;
  isAllDay?: boolean | null;
  isOrganizer?: boolean | null;
  showAs?: ShowAs | null;
  sensitivity?: Sensitivity | null;
  responseStatus?: { response?: ResponseType | null; time?: string | null } | null;
  organizer?: { emailAddress: GraphEmailAddress } | null;
  attendees?: GraphAttendee[] | null;
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  lastModifiedDateTime?: string | null;
  /** Present on delta responses for an item that left the window or was deleted. */
  '@removed'?: { reason: 'changed' | 'deleted' } | null;
}
