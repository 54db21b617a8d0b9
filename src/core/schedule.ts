import type { ActionItem } from './action-item';
import { daysBetween } from './calendar-date';
import type { OneOnOne } from './one-on-one';
import type { Person } from './person';
import type { Recap } from './recap';
import { isAwaitingAcknowledgement } from './recap';
import type { PromptSettings } from './settings';
import { localDate, pad, zonedParts } from './time-zone';

export type DueItem =
  | {
      kind: 'agendaPrompt';
      key: string;
      personId: string;
      oneOnOneId: string;
      light: boolean;
      /** The 1:1's day in the person's time zone: a 1:1 moved to another day is prompted for again. */
      day: string;
    }
  | { kind: 'recapPrompt'; key: string; personId: string; oneOnOneId: string }
  | { kind: 'acknowledgementReminder'; key: string; personId: string; recapId: string; version: number }
  | { kind: 'actionReminder'; key: string; personId: string; actionId: string }
  | { kind: 'cadenceNudge'; key: string; personId: string };

export type DueKind = DueItem['kind'];

export interface ScheduledOneOnOne {
  oneOnOne: OneOnOne;
  hasAgenda: boolean;
  hasRecap: boolean;
}

/** Everything the schedule needs to know about one person, gathered by the caller. */
export interface ScheduleSubject {
  person: Person;
  settings: PromptSettings;
  /** The person's own 1:1s around now. */
  oneOnOnes: readonly ScheduledOneOnOne[];
  /** Recaps sent to this person. */
  recapsToAnswer: readonly Recap[];
  /** Open actions this person owns. */
  actionsOwned: readonly ActionItem[];
  lastCareerConversationAt: string | null;
  hasManager: boolean;
}

export interface ScheduleOptions {
  acknowledgementReminderHours: number;
  /** A recap prompt is useful for this long after the meeting ends. */
  recapPromptWindowHours: number;
  /** Past-due actions older than this are not reminded (e.g. on first install). */
  actionReminderLookbackDays: number;
  /** Within this many minutes of the start, an agenda prompt goes out even outside working hours. */
  lastCallMinutes: number;
}

export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = {
  acknowledgementReminderHours: 48,
  recapPromptWindowHours: 72,
  actionReminderLookbackDays: 7,
  lastCallMinutes: 60,
};

const HOUR_MS = 3_600_000;

/** What is due for one person at `now`. Keys are stable so each item is delivered exactly once. */
export function dueNow(subject: ScheduleSubject, now: number, options = DEFAULT_SCHEDULE_OPTIONS): DueItem[] {
  const { person, settings } = subject;
  if (settings.promptsPaused) return [];
  const working = !settings.respectWorkingHours || isWithinWorkingHours(person, now);
  const due: DueItem[] = [];

  for (const { oneOnOne: o, hasAgenda, hasRecap } of subject.oneOnOnes) {
    if (o.ownerId !== person.id || o.status !== 'scheduled') continue;
    if (o.relationship !== 'manager' && o.relationship !== 'peer') continue;
    const start = Date.parse(o.startsAt);
    const end = Date.parse(o.endsAt);
    const opens = start - settings.leadTimeHours * HOUR_MS;
    const lastCall = now >= start - options.lastCallMinutes * 60_000;
    if (!hasAgenda && now >= opens && now < start && (working || lastCall)) {
      // Keyed by day too: a 1:1 moved to another day, still without an agenda, is prompted for again before
      // its new time (a move within the day keeps the key, so the person is not prompted twice for one day).
      const day = localDate(start, person.timeZone);
      due.push({
        kind: 'agendaPrompt',
        key: `agenda-prompt:${o.id}:${day}`,
        personId: person.id,
        oneOnOneId: o.id,
        light: o.relationship === 'peer',
        day,
      });
    }
    if (!hasRecap && now >= end && now < end + options.recapPromptWindowHours * HOUR_MS && working) {
      due.push({ kind: 'recapPrompt', key: `recap-prompt:${o.id}`, personId: person.id, oneOnOneId: o.id });
    }
  }

  if (!working) return due;

  for (const recap of subject.recapsToAnswer) {
    if (recap.recipientId !== person.id || !isAwaitingAcknowledgement(recap) || !recap.sentAt) continue;
    if (now >= Date.parse(recap.sentAt) + options.acknowledgementReminderHours * HOUR_MS) {
      due.push({
        kind: 'acknowledgementReminder',
        key: `ack-reminder:${recap.id}:v${recap.version}`,
        personId: person.id,
        recapId: recap.id,
        version: recap.version,
      });
    }
  }

  const today = localDate(now, person.timeZone);
  for (const action of subject.actionsOwned) {
    if (action.ownerId !== person.id || action.status !== 'open' || action.dueOn > today) continue;
    if (daysBetween(action.dueOn, today) > options.actionReminderLookbackDays) continue;
    due.push({
      kind: 'actionReminder',
      key: `action-due:${action.id}:${action.dueOn}`,
      personId: person.id,
      actionId: action.id,
    });
  }

  if (subject.hasManager) {
    const periodMs = settings.nudgeAfterWeeks * 7 * 24 * HOUR_MS;
    const last = subject.lastCareerConversationAt ? Date.parse(subject.lastCareerConversationAt) : null;
    const upcoming = subject.oneOnOnes.some(
      (s) =>
        s.oneOnOne.status === 'scheduled' &&
        s.oneOnOne.relationship === 'manager' &&
        Date.parse(s.oneOnOne.startsAt) > now,
    );
    if (!upcoming && (last === null || now - last >= periodMs)) {
      const since = last === null ? 'never' : new Date(last).toISOString().slice(0, 10);
      const period = last === null ? 0 : Math.floor((now - last) / periodMs);
      due.push({
        kind: 'cadenceNudge',
        key: `cadence-nudge:${person.id}:${since}:${period}`,
        personId: person.id,
      });
    }
  }
  return due;
}

/** Whether an instant falls inside the person's working hours in their own time zone. */
export function isWithinWorkingHours(person: Person, now: number): boolean {
  const p = zonedParts(now, person.timeZone);
  if (!person.workingHours.days.includes(p.weekday)) return false;
  const hhmm = `${pad(p.hour)}:${pad(p.minute)}`;
  return hhmm >= person.workingHours.start && hhmm < person.workingHours.end;
}
