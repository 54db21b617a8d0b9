/** Someone in the tenant who uses the app or takes part in a 1:1. Keyed by the Entra object id. */
export interface Person {
  id: string;
  email: string;
  displayName: string;
  jobTitle: string | null;
  managerId: string | null;
  /** IANA time zone from the mailbox settings. */
  timeZone: string;
  workingHours: WorkingHours;
}

export interface WorkingHours {
  /** 0 = Sunday ... 6 = Saturday */
  days: number[];
  /** `HH:MM` local time */
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normaliseAddress(address.slice(at + 1));
}
