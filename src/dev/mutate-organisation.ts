/**
 * Makes the organisation change over time so delta queries have real work: on about `fraction` of the
 * calendars, one occurrence moves, is cancelled (stays on every calendar with `isCancelled: true`),
 * is removed (gone from every calendar: `@removed` in delta), or a new 1:1 is added.
 */
import { calendarBetween, patternStartMs } from './calendar-view';
import type { Occurrence } from './calendar-view';
import { iCalUIdFor } from './graph-event-json';
import { meeting, person, required } from './meeting-series-builders';
import { addSeries, membersOf, personAt } from './organisation';
import type { MeetingSeries, Organisation, Person } from './organisation';
import { SeededRandom, mixHash } from './seeded-random';
import { DAY_MS, localDayNumber } from './time-zones';

export interface MutateOptions {
  /** Share of calendars to change, 0..1. */
  fraction: number;
  seed: number;
}

export type CalendarMutationKind = 'moved' | 'cancelled' | 'removed' | 'added';

export interface CalendarMutation {
  kind: CalendarMutationKind;
  /** Id of the person whose calendar was picked. */
  personId: string;
  /** Ids of everyone in the organisation whose calendar shows the meeting. */
  participantIds: string[];
  subject: string;
  iCalUId: string;
  /** Start after the change (ISO, UTC). */
  start: string;
}

const MINUTE_MS = 60_000;
const HORIZON_MS = 14 * DAY_MS;
const MOVES_MINUTES = [1440, 120, 30, -60, 1500] as const;

function pickPeople(count: number, size: number, random: SeededRandom): number[] {
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = random.int(i, size);
    const chosen = order[j] ?? j;
    order[j] = order[i] ?? i;
    order[i] = chosen;
    picked.push(chosen);
  }
  return picked;
}

function counterpartFor(org: Organisation, someone: Person, random: SeededRandom): number {
  if (someone.managerIndex !== null) return someone.managerIndex;
  const report = someone.reportIndexes[0];
  if (report !== undefined) return report;
  let other = random.int(0, org.people.length);
  if (other === someone.index) other = (other + 1) % org.people.length;
  return other;
}

function describe(
  org: Organisation,
  kind: CalendarMutationKind,
  someone: Person,
  series: MeetingSeries,
  k: number,
  startMs: number,
): CalendarMutation {
  return {
    kind,
    personId: someone.id,
    participantIds: membersOf(series).map((index) => personAt(org, index).id),
    subject: series.subject,
    iCalUId: iCalUIdFor(org, series.index, k),
    start: new Date(startMs).toISOString(),
  };
}

function addOneOnOne(
  org: Organisation,
  someone: Person,
  random: SeededRandom,
  nowMs: number,
): CalendarMutation | null {
  if (org.people.length < 2) return null;
  const other = personAt(org, counterpartFor(org, someone, random));
  const change = org.changes.nextChange();
  const series = addSeries(
    org,
    meeting({
      kind: 'one-on-one',
      subject: `${someone.givenName} / ${other.givenName} catch-up`,
      organizer: person(someone.index),
      attendees: [required(person(other.index))],
      zone: someone.zone,
      firstDay: localDayNumber(nowMs, someone.zone) + random.int(1, 6),
      minuteOfDay: 9 * 60 + 30 * random.int(0, 15),
      durationMinutes: 30,
      createdMs: nowMs,
      addedAtChange: change,
      awaitingResponse: true,
    }),
  );
  org.changes.record(change, series.index, 0, membersOf(series), null);
  return describe(org, 'added', someone, series, 0, patternStartMs(series, 0));
}

function changeOccurrence(
  org: Organisation,
  kind: Exclude<CalendarMutationKind, 'added'>,
  someone: Person,
  occurrence: Occurrence,
  random: SeededRandom,
  nowMs: number,
): CalendarMutation {
  const { series, k } = occurrence;
  const change = org.changes.nextChange();
  let startMs = occurrence.startMs;
  if (kind === 'moved') {
    // Relative to the pattern, so repeated moves stay within MAX_SHIFT_MS of it.
    startMs = patternStartMs(series, k) + random.pick(MOVES_MINUTES) * MINUTE_MS;
    if (startMs === occurrence.startMs) startMs += 30 * MINUTE_MS;
    const endMs = startMs + (occurrence.endMs - occurrence.startMs);
    org.changes.record(change, series.index, k, membersOf(series), { startMs, endMs, modifiedMs: nowMs });
  } else if (kind === 'cancelled') {
    org.changes.record(change, series.index, k, membersOf(series), { cancelled: true, modifiedMs: nowMs });
  } else {
    org.changes.record(change, series.index, k, membersOf(series), { removed: true, modifiedMs: nowMs });
  }
  return describe(org, kind, someone, series, k, startMs);
}

/** Changes about `fraction` of the calendars (deterministic for a seed and a state). */
export function mutateOrganisation(
  org: Organisation,
  options: MutateOptions & { now: Date },
): CalendarMutation[] {
  const { fraction, seed } = options;
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`Mutation fraction must be between 0 and 1, got ${fraction}.`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`Mutation seed must be a whole number, got ${seed}.`);
  const nowMs = options.now.getTime();
  const random = new SeededRandom(mixHash(org.seed, seed, org.changes.latestChange, 91));
  const count = fraction === 0 ? 0 : Math.max(1, Math.round(fraction * org.people.length));
  const mutations: CalendarMutation[] = [];
  for (const index of pickPeople(count, org.people.length, random)) {
    const someone = personAt(org, index);
    const roll = random.unit();
    const kind: CalendarMutationKind =
      roll < 0.35 ? 'moved' : roll < 0.6 ? 'cancelled' : roll < 0.8 ? 'added' : 'removed';
    if (kind !== 'added') {
      const candidates = calendarBetween(org, index, nowMs, nowMs + HORIZON_MS).filter(
        (occurrence) => !occurrence.series.isAllDay && !(kind === 'cancelled' && occurrence.cancelled),
      );
      if (candidates.length > 0) {
        mutations.push(changeOccurrence(org, kind, someone, random.pick(candidates), random, nowMs));
        continue;
      }
    }
    const added = addOneOnOne(org, someone, random, nowMs);
    if (added) mutations.push(added);
  }
  return mutations;
}
