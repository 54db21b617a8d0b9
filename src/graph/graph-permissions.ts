/**
 * The Microsoft Graph application permissions the gateway needs, and no more: calendars without bodies,
 * the directory (users, manager, direct reports), and mailbox settings (time zone, working hours).
 * `calendarView/delta` does not accept `$select`, so ReadBasic is what keeps event bodies out.
 */
export const GRAPH_APPLICATION_PERMISSIONS = [
  'Calendars.ReadBasic.All',
  'User.Read.All',
  'MailboxSettings.Read',
] as const;
