/**
 * Time-zone arithmetic with the platform's Intl data only (pure: no clock, no I/O).
 * Graph returns Windows zone names unless asked otherwise, so the common ones map to IANA here.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kyiv',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An IANA name for a Windows or IANA zone name, or null when the platform does not know it. */
export function toIanaTimeZone(name: string): string | null {
  const known = ianaNames.get(name);
  if (known !== undefined) return known;
  const candidate = WINDOWS_TO_IANA[name] ?? name;
  let iana: string | null;
  try {
    formatterFor(candidate);
    iana = candidate;
  } catch {
    iana = null;
  }
  if (ianaNames.size >= MAX_CACHED) ianaNames.clear();
  ianaNames.set(name, iana);
  return iana;
}

/** Answers already worked out: zone names by the name asked for, offsets by zone and hour. Bounded. */
const ianaNames = new Map<string, string | null>();
const hourlyOffsets = new Map<string, number>();
const MAX_CACHED = 10_000;
const HOUR_MS = 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(instantMs: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** The instant of a wall-clock local date-time (`YYYY-MM-DDTHH:MM[:SS[.fffffff]]`) in a time zone. */
export function zonedToInstant(localDateTime: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(localDateTime);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const fracMs = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const asUtc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? '0'),
    fracMs,
  );
  if (Number.isNaN(asUtc)) return null;
  // Date.UTC rolls impossible values over (Feb 30 → Mar 2, 25:00 → next day): refuse them instead.
  const whole = new Date(asUtc - fracMs);
  if (
    whole.getUTCFullYear() !== Number(y) ||
    whole.getUTCMonth() !== Number(mo) - 1 ||
    whole.getUTCDate() !== Number(d) ||
    whole.getUTCHours() !== Number(h) ||
    whole.getUTCMinutes() !== Number(mi) ||
    whole.getUTCSeconds() !== Number(s ?? '0')
  ) {
    return null;
  }
  // UTC has no offset to settle (and is what Graph sends unless asked otherwise).
  if (timeZone === 'UTC') return asUtc;
  // Two passes settle the offset, including on the day a zone changes its offset.
  let guess = asUtc - cachedOffsetMs(asUtc, timeZone);
  guess = asUtc - cachedOffsetMs(guess, timeZone);
  return guess;
}

/**
 * `offsetMs`, remembered per zone and UTC hour when the offset is the same at both ends of the hour (zones
 * change their offset at most once in an hour, so it is then the same all through it).
 */
function cachedOffsetMs(instantMs: number, timeZone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const known = hourlyOffsets.get(key);
  if (known !== undefined) return known;
  const first = offsetMs(hour * HOUR_MS, timeZone);
  const last = offsetMs((hour + 1) * HOUR_MS - 1000, timeZone);
  if (first !== last) return offsetMs(instantMs, timeZone);
  if (hourlyOffsets.size >= MAX_CACHED) hourlyOffsets.clear();
  hourlyOffsets.set(key, first);
  return first;
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
export function offsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instantMs: number, timeZone: string): string {
  const p = zonedParts(instantMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
