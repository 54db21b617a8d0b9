/**
 * Time zones for the demo organisation: the Windows names Outlook writes into mailbox settings and events,
 * their IANA equivalents, and DST-correct conversions (via Intl, with an hourly offset cache so that
 * generating 10,000 calendars stays cheap).
 */

export interface KnownZone {
  windowsName: string;
  ianaName: string;
}

/** The zones the demo offices use. Any other valid IANA name is accepted too. */
export const KNOWN_ZONES: readonly KnownZone[] = [
  { windowsName: 'UTC', ianaName: 'UTC' },
  { windowsName: 'Pacific Standard Time', ianaName: 'America/Los_Angeles' },
  { windowsName: 'Eastern Standard Time', ianaName: 'America/New_York' },
  { windowsName: 'GMT Standard Time', ianaName: 'Europe/London' },
  { windowsName: 'W. Europe Standard Time', ianaName: 'Europe/Berlin' },
  { windowsName: 'India Standard Time', ianaName: 'Asia/Kolkata' },
  { windowsName: 'AUS Eastern Standard Time', ianaName: 'Australia/Sydney' },
  { windowsName: 'Tokyo Standard Time', ianaName: 'Asia/Tokyo' },
];

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Resolves a Windows or IANA zone name (case-insensitive) to IANA; `null` when unknown. */
export function ianaZoneFor(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return null;
  for (const zone of KNOWN_ZONES) {
    if (zone.windowsName.toLowerCase() === wanted || zone.ianaName.toLowerCase() === wanted)
      return zone.ianaName;
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The Windows name for a known IANA zone (what Outlook shows), else the IANA name itself. */
export function windowsZoneFor(ianaName: string): string {
  return KNOWN_ZONES.find((zone) => zone.ianaName === ianaName)?.windowsName ?? ianaName;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone → UTC hour number → offset in minutes. */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT_PER_ZONE = 100_000;

function formatterFor(ianaName: string): Intl.DateTimeFormat {
  let formatter = formatters.get(ianaName);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: ianaName,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(ianaName, formatter);
  }
  return formatter;
}

function computeOffsetMinutes(ianaName: string, utcMs: number): number {
  const parts = formatterFor(ianaName).formatToParts(new Date(utcMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? '0');
  const localAsUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
  );
  const utcToMinute = Math.floor(utcMs / MINUTE_MS) * MINUTE_MS;
  return Math.round((localAsUtc - utcToMinute) / MINUTE_MS);
}

/** Minutes to add to UTC to get local time in `ianaName` at `utcMs` (cached per zone and UTC hour). */
export function offsetMinutes(ianaName: string, utcMs: number): number {
  if (ianaName === 'UTC') return 0;
  let zone = offsetCache.get(ianaName);
  if (!zone) {
    zone = new Map();
    offsetCache.set(ianaName, zone);
  }
  const hour = Math.floor(utcMs / HOUR_MS);
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  if (zone.size >= OFFSET_CACHE_LIMIT_PER_ZONE) zone.clear();
  const offset = computeOffsetMinutes(ianaName, utcMs);
  zone.set(hour, offset);
  return offset;
}

/** The UTC instant of a local wall-clock time (`dayNumber` = days since 1970-01-01 in local terms). */
export function localToUtc(dayNumber: number, minuteOfDay: number, ianaName: string): number {
  const local = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  const guess = local - offsetMinutes(ianaName, local) * MINUTE_MS;
  return local - offsetMinutes(ianaName, guess) * MINUTE_MS;
}

/** The local day number (days since 1970-01-01) of an instant in `ianaName`. */
export function localDayNumber(utcMs: number, ianaName: string): number {
  return Math.floor((utcMs + offsetMinutes(ianaName, utcMs) * MINUTE_MS) / DAY_MS);
}

/** The local minute of day of an instant in `ianaName`. */
export function localMinuteOfDay(utcMs: number, ianaName: string): number {
  const local = utcMs + offsetMinutes(ianaName, utcMs) * MINUTE_MS;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** 0 = Sunday ... 6 = Saturday, for a day number. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Graph's wire format for a local date-time: `2026-11-25T09:30:00.0000000`. */
export function formatGraphDateTime(utcMs: number, ianaName: string): string {
  const local = utcMs + offsetMinutes(ianaName, utcMs) * MINUTE_MS;
  return `${new Date(local).toISOString().slice(0, 19)}.0000000`;
}

/** Midnight of a day number in Graph's wire format (all-day events are floating dates). */
export function formatGraphDate(dayNumber: number): string {
  return `${new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)}T00:00:00.0000000`;
}
