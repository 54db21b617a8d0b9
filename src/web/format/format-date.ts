/** Dates as people read them, in the person's own time zone (from their mailbox settings). */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** `Tue 24 Nov, 10:30` */
export function formatMeeting(iso: string, timeZone: string): string {
  return formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** `24 Nov 2026` for an instant. */
export function formatDay(iso: string, timeZone: string): string {
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** `24 Nov` for a plain `YYYY-MM-DD` date (no time zone shift). */
export function formatCalendarDate(date: string): string {
  return formatter('UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** `Nov` or `Nov 2026` for `YYYY-MM`. */
export function formatMonth(month: string, withYear = false): string {
  return formatter('UTC', withYear ? { month: 'long', year: 'numeric' } : { month: 'short' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
