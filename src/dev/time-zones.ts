/**
 * Time zones for the demo organisation: the Windows names Outlook writes into mailbox settings and events,
 * their IANA equivalents, and DST-correct conversions (via Intl, with an hourly offset cache so that
 * generating 10,000 calendars stays cheap).
 */
import { localDateText, localDateTimeText } from './wire-text';

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

/** Names resolved through Intl (a client may send any IANA name on every request); bounded. */
const resolvedNames = new Map<string, string | null>();
const RESOLVED_NAMES_LIMIT = 256;

/** Resolves a Windows or IANA zone name (case-insensitive) to IANA; `null` when unknown. */
export function ianaZoneFor(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return null;
  for (const zone of KNOWN_ZONES) {
    if (zone.windowsName.toLowerCase() === wanted || zone.ianaName.toLowerCase() === wanted)
      return zone.ianaName;
  }
  const known = resolvedNames.get(name);
  if (known !== undefined) return known;
  if (resolvedNames.size >= RESOLVED_NAMES_LIMIT) resolvedNames.clear();
  const resolved = resolveWithIntl(name.trim());
  resolvedNames.set(name, resolved);
  return resolved;
}

function resolveWithIntl(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The Windows name for a known IANA zone (what Outlook shows), else the IANA name itself. */
export function windowsZoneFor(ianaName: string): string {
  return KNOWN_ZONES.find((zone) => zone.ianaName === ianaName)?.windowsName ?? ianaName;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_CACHE_LIMIT_PER_ZONE = 100_000;
const DENSE_HOURS = 1 << 15;
const UNKNOWN_OFFSET = -0x8000;

/**
 * One zone's offsets by UTC hour, kept as first computed: an array for about two years either side of the
 * first hour asked (where nearly every lookup falls), a map beyond. Forgets everything at the limit.
 */
class ZoneOffsets {
  private readonly firstHour: number;
  private readonly dense = new Int16Array(DENSE_HOURS).fill(UNKNOWN_OFFSET);
  private readonly sparse = new Map<number, number>();
  private known = 0;

  constructor(aroundHour: number) {
    this.firstHour = aroundHour - DENSE_HOURS / 2;
  }

  get(hour: number): number | undefined {
    const slot = hour - this.firstHour;
    if (!(slot >= 0 && slot < DENSE_HOURS)) return this.sparse.get(hour);
    const offset = this.dense[slot];
    return offset === UNKNOWN_OFFSET ? undefined : offset;
  }

  set(hour: number, offset: number): void {
    if (this.known >= OFFSET_CACHE_LIMIT_PER_ZONE) {
      this.dense.fill(UNKNOWN_OFFSET);
      this.sparse.clear();
      this.known = 0;
    }
    this.known += 1;
    const slot = hour - this.firstHour;
    const fits = Math.abs(offset) < -UNKNOWN_OFFSET;
    if (slot >= 0 && slot < DENSE_HOURS && fits) this.dense[slot] = offset;
    else this.sparse.set(hour, offset);
  }
}

const offsetCache = new Map<string, ZoneOffsets>();

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
  const hour = Math.floor(utcMs / HOUR_MS);
  let zone = offsetCache.get(ianaName);
  if (!zone) {
    zone = new ZoneOffsets(Number.isFinite(hour) ? hour : 0);
    offsetCache.set(ianaName, zone);
  }
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
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
  return localDateTimeText(utcMs + offsetMinutes(ianaName, utcMs) * MINUTE_MS);
}

/** Midnight of a day number in Graph's wire format (all-day events are floating dates). */
export function formatGraphDate(dayNumber: number): string {
  return localDateText(dayNumber);
}
