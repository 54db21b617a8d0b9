import type { WorkingHours } from '../../api/contract/api-types';

/** Monday first; 0 is Sunday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

const dayName = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });

/** 2 January 2000 was a Sunday, so day `d` of the week falls on the (2 + d)th. */
function nameOf(day: number): string {
  return dayName.format(Date.UTC(2000, 0, 2 + day));
}

/** `Monday to Friday`, `Monday, Wednesday and Friday`, `Monday to Thursday and Saturday`. */
export function formatWorkingDays(days: readonly number[]): string {
  const chosen = WEEK.filter((d) => days.includes(d));
  if (chosen.length === 0) return 'No working days set';
  if (chosen.length === 7) return 'Every day';
  const runs: number[][] = [];
  for (const day of chosen) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && WEEK.indexOf(day) === WEEK.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) => {
    const first = run[0];
    const last = run.at(-1);
    if (first === undefined || last === undefined) return [];
    return run.length >= 3 ? [`${nameOf(first)} to ${nameOf(last)}`] : run.map(nameOf);
  });
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(parts);
}

/** `09:00` as the reader writes times (`09:00`, `9:00 AM`). */
export function formatClockTime(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  if (hours === undefined || minutes === undefined || Number.isNaN(hours) || Number.isNaN(minutes))
    return hhmm;
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, hours, minutes),
  );
}

/** `Monday to Friday, 09:00–17:00` */
export function formatWorkingHours(hours: WorkingHours): string {
  if (hours.days.length === 0) return formatWorkingDays(hours.days);
  return `${formatWorkingDays(hours.days)}, ${formatClockTime(hours.start)}–${formatClockTime(hours.end)}`;
}

/** `Pacific Time (America/Los_Angeles)`; just the id when the browser has no name for it. */
export function formatTimeZone(timeZone: string, at: Date = new Date()): string {
  try {
    // The generic name ("Pacific Time") reads best; some zones only have a specific one ("Coordinated Universal Time").
    const names = (['longGeneric', 'long'] as const).map(
      (style) =>
        new Intl.DateTimeFormat('en', { timeZone, timeZoneName: style })
          .formatToParts(at)
          .find((part) => part.type === 'timeZoneName')?.value ?? '',
    );
    const name = names.find((n) => n !== '' && !n.startsWith('GMT'));
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}
