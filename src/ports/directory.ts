import type { WorkingHours } from '../core/person';

/** A person as the organisation's directory knows them. */
export interface DirectoryUser {
  /** Entra object id. */
  id: string;
  /** Primary SMTP address (falls back to the user principal name when the user has no mailbox address). */
  email: string;
  displayName: string;
  jobTitle: string | null;
}

export interface MailboxSettings {
  /** IANA time zone (Windows names are translated). */
  timeZone: string;
  workingHours: WorkingHours;
}

/** A person and their manager, as one directory read returns them. */
export interface DirectoryUserAndManager {
  user: DirectoryUser;
  /** Null when they have no manager. */
  manager: DirectoryUser | null;
}

/** Read-only access to the organisation's directory and people's mailbox settings. */
export interface Directory {
  /** A user by object id or user principal name; null when there is no such user. */
  getUser(idOrUpn: string): Promise<DirectoryUser | null>;
  /** The user's manager; null when they have none. */
  getManager(id: string): Promise<DirectoryUser | null>;
  /** The user and their manager in one read; null when there is no such user. */
  getUserAndManager(id: string): Promise<DirectoryUserAndManager | null>;
  getDirectReports(id: string): Promise<DirectoryUser[]>;
  getMailboxSettings(id: string): Promise<MailboxSettings>;
  /** People whose name or address starts with `query`, for pickers; never includes `forUserId` themselves. */
  searchPeople(forUserId: string, query: string, top: number): Promise<DirectoryUser[]>;
}
