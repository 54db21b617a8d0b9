import { calendarBetween, occurrenceOf, overlaps } from '../../../src/dev/calendar-view';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { UTC_DISPLAY, renderEvent } from '../../../src/dev/graph-event-json';
import { mutateOrganisation } from '../../../src/dev/mutate-organisation';
import { membersOf } from '../../../src/dev/organisation';
import type { Organisation } from '../../../src/dev/organisation';

const NOW = new Date('2026-03-10T17:20:00Z');
const DAY = 86_400_000;

/** Every occurrence number from the first to well past the window, without the candidate shortcut. */
function bruteForce(org: Organisation, person: number, fromMs: number, toMs: number): string[] {
  const found: string[] = [];
  for (const index of org.calendars[person] ?? []) {
    const series = org.series[index]!;
    const last = series.intervalWeeks === 0 ? 0 : 60;
    for (let k = 0; k <= last; k++) {
      const occurrence = occurrenceOf(org, series, k);
      if (occurrence && overlaps(occurrence, fromMs, toMs)) found.push(`${index}:${k}`);
    }
  }
  return found.sort();
}

describe('expanding calendars', () => {
  const org = generateOrganisation({ size: 60, seed: 17, now: NOW });
  mutateOrganisation(org, { fraction: 0.5, seed: 2, now: NOW });

  it.each([
    ['a week around now', NOW.getTime() - 3 * DAY, NOW.getTime() + 4 * DAY],
    ['an hour', NOW.getTime(), NOW.getTime() + 3_600_000],
    ['a past quarter', NOW.getTime() - 100 * DAY, NOW.getTime() - 10 * DAY],
    ['the next month', NOW.getTime(), NOW.getTime() + 31 * DAY],
  ])('finds exactly the occurrences a brute-force scan finds for %s', (_label, fromMs, toMs) => {
    for (const someone of org.people.slice(0, 8)) {
      const lazy = calendarBetween(org, someone.index, fromMs, toMs).map((o) => `${o.series.index}:${o.k}`);
      expect(lazy.sort()).toEqual(bruteForce(org, someone.index, fromMs, toMs));
    }
  });

  it('returns occurrences in start order', () => {
    const starts = calendarBetween(org, 0, NOW.getTime() - 30 * DAY, NOW.getTime() + 30 * DAY).map(
      (o) => o.startMs,
    );
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('shows a meeting with a per-mailbox id and one shared identity', () => {
    const series = org.series.find((s) => s.kind === 'team-meeting')!;
    const occurrence = calendarBetween(
      org,
      membersOf(series)[0]!,
      NOW.getTime(),
      NOW.getTime() + 30 * DAY,
    ).find((o) => o.series === series)!;
    expect(occurrence).toBeDefined();
    const views = membersOf(series).map((member) => renderEvent(org, occurrence, member, UTC_DISPLAY));
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
    expect(new Set(views.map((v) => v.iCalUId)).size).toBe(1);
    expect(views.filter((v) => v.isOrganizer)).toHaveLength(1);
    expect(views.every((v) => v.seriesMasterId !== null && v.type !== 'singleInstance')).toBe(true);
  });
});
