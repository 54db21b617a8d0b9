/**
 * Expands meeting series into the occurrences on one person's calendar for a window, lazily and
 * deterministically from (seed, series, occurrence number), then applies the overlay of changes.
 */
import { membersOf, seriesAt } from './organisation';
import type { MeetingSeries, Organisation } from './organisation';
import { mixHashAfter, mixPrefix } from './seeded-random';
import { DAY_MS, localToUtc } from './time-zones';

export interface Occurrence {
  series: MeetingSeries;
  /** Occurrence number within the series (0 for a single meeting). */
  k: number;
  startMs: number;
  endMs: number;
  /** Local day number of an all-day occurrence. */
  allDayFirstDay: number;
  /** Moved away from the series pattern (a Graph `exception`). */
  moved: boolean;
  cancelled: boolean;
  /** Index of the attendee who declined, if any. */
  declinedBy: number | null;
  modifiedMs: number;
}

const MINUTE_MS = 60_000;
/** Generated and mutated moves stay within this distance of the series pattern. */
export const MAX_SHIFT_MS = 3 * DAY_MS;
const GENERATED_SHIFTS_MINUTES = [1440, -1440, 120, -60, 30, 2880] as const;

const SALT_MOVE = 11;
const SALT_SHIFT = 12;
const SALT_CANCEL = 13;
const SALT_DECLINE = 14;
const SALT_DECLINER = 15;

/** Where occurrence `k` falls by the series pattern, before any move. */
export function patternStartMs(series: MeetingSeries, k: number): number {
  const day = series.firstDay + 7 * series.intervalWeeks * k;
  return localToUtc(day, series.minuteOfDay, series.zone);
}

function lastOccurrence(series: MeetingSeries): number {
  if (series.intervalWeeks === 0) return 0;
  return series.occurrenceCount === null ? Number.POSITIVE_INFINITY : series.occurrenceCount - 1;
}

/** The invited people who are not the organizer (the ones who can decline). */
function responders(series: MeetingSeries): number[] {
  const organizer = series.organizer.kind === 'person' ? series.organizer.index : -1;
  return membersOf(series).filter((member) => member !== organizer);
}

/** The state of occurrence `k` of a series right now, or `null` if it does not exist or was removed. */
export function occurrenceOf(org: Organisation, series: MeetingSeries, k: number): Occurrence | null {
  if (k < 0 || k > lastOccurrence(series)) return null;
  const override = org.changes.overrideOf(series.index, k);
  if (override?.removed) return null;

  const fixed = series.fixedVariations?.get(k);
  let shiftMinutes = fixed?.shiftMinutes ?? 0;
  let cancelled = fixed?.cancelled ?? false;
  let declinedBy = fixed?.declinedBy ?? null;
  if (!fixed) {
    // `unitHash(org.seed, series.index, k, salt)`, the shared first parts hashed once.
    const prefix = mixPrefix(org.seed, series.index, k);
    const unit = (salt: number): number => mixHashAfter(prefix, salt) / 4294967296;
    if (unit(SALT_MOVE) < series.moveRate) {
      const pick = Math.floor(unit(SALT_SHIFT) * GENERATED_SHIFTS_MINUTES.length);
      shiftMinutes = GENERATED_SHIFTS_MINUTES[pick] ?? 0;
    }
    cancelled = unit(SALT_CANCEL) < series.cancelRate;
    if (unit(SALT_DECLINE) < series.declineRate) {
      const candidates = responders(series);
      const pick = Math.floor(unit(SALT_DECLINER) * candidates.length);
      declinedBy = candidates[pick] ?? null;
    }
  }

  const durationMs = series.durationMinutes * MINUTE_MS;
  const day =
    series.firstDay + 7 * series.intervalWeeks * k + (series.isAllDay ? Math.round(shiftMinutes / 1440) : 0);
  let startMs = series.isAllDay
    ? localToUtc(day, 0, series.zone)
    : patternStartMs(series, k) + shiftMinutes * MINUTE_MS;
  let endMs = startMs + durationMs;
  let moved = shiftMinutes !== 0;
  if (override?.startMs !== undefined && override.endMs !== undefined) {
    startMs = override.startMs;
    endMs = override.endMs;
    moved = true;
  }
  return {
    series,
    k,
    startMs,
    endMs,
    allDayFirstDay: day,
    moved,
    cancelled: cancelled || override?.cancelled === true,
    declinedBy,
    modifiedMs: Math.max(series.createdMs, override?.modifiedMs ?? 0),
  };
}

/** Occurrence numbers whose pattern could put them in [fromMs, toMs) once moved (a little generous). */
export function candidateOccurrences(series: MeetingSeries, fromMs: number, toMs: number): [number, number] {
  if (series.intervalWeeks === 0) return [0, 0];
  const periodMs = series.intervalWeeks * 7 * DAY_MS;
  // Local time read as UTC: off by at most a day's worth of zone offset, well inside MAX_SHIFT_MS.
  const firstMs = series.firstDay * DAY_MS + series.minuteOfDay * MINUTE_MS;
  const durationMs = series.durationMinutes * MINUTE_MS;
  const low = Math.max(0, Math.floor((fromMs - MAX_SHIFT_MS - durationMs - firstMs) / periodMs));
  const high = Math.min(lastOccurrence(series), Math.floor((toMs + MAX_SHIFT_MS - firstMs) / periodMs) + 1);
  return [low, high];
}

export function overlaps(occurrence: Occurrence, fromMs: number, toMs: number): boolean {
  return occurrence.startMs < toMs && occurrence.endMs > fromMs;
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.startMs - b.startMs || a.series.index - b.series.index || a.k - b.k;
}

/** Every occurrence on a person's calendar overlapping [fromMs, toMs), in start order. */
export function calendarBetween(
  org: Organisation,
  person: number,
  fromMs: number,
  toMs: number,
): Occurrence[] {
  const found: Occurrence[] = [];
  for (const seriesIndex of org.calendars[person] ?? []) {
    const series = seriesAt(org, seriesIndex);
    const [low, high] = candidateOccurrences(series, fromMs, toMs);
    for (let k = low; k <= high; k++) {
      const occurrence = occurrenceOf(org, series, k);
      if (occurrence && overlaps(occurrence, fromMs, toMs)) found.push(occurrence);
    }
  }
  return found.sort(compareOccurrences);
}
