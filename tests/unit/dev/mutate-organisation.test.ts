import { calendarBetween } from '../../../src/dev/calendar-view';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { UTC_DISPLAY, iCalUIdFor, renderEvent } from '../../../src/dev/graph-event-json';
import { mutateOrganisation } from '../../../src/dev/mutate-organisation';
import type { Organisation } from '../../../src/dev/organisation';

const NOW = new Date('2026-03-10T17:20:00Z');
const DAY = 86_400_000;
const fresh = () => generateOrganisation({ size: 120, seed: 13, now: NOW });

function findOnCalendar(org: Organisation, personId: string, iCalUId: string) {
  const index = org.people.findIndex((p) => p.id === personId);
  return calendarBetween(org, index, NOW.getTime() - 7 * DAY, NOW.getTime() + 21 * DAY)
    .map((o) => renderEvent(org, o, index, UTC_DISPLAY))
    .find((e) => e.iCalUId === iCalUId);
}

describe('changing the organisation over time', () => {
  it('changes about the asked fraction of calendars, the same way for the same seed', () => {
    const first = mutateOrganisation(fresh(), { fraction: 0.25, seed: 4, now: NOW });
    const again = mutateOrganisation(fresh(), { fraction: 0.25, seed: 4, now: NOW });
    expect(first).toHaveLength(30);
    expect(again).toEqual(first);
    expect(new Set(first.map((m) => m.kind))).toEqual(new Set(['moved', 'cancelled', 'removed', 'added']));
    expect(mutateOrganisation(fresh(), { fraction: 0, seed: 4, now: NOW })).toEqual([]);
  });

  it('shows each change on every participant calendar', () => {
    const org = fresh();
    const mutations = mutateOrganisation(org, { fraction: 0.3, seed: 5, now: NOW });
    const last = new Map(mutations.map((m) => [m.iCalUId, m]));
    for (const mutation of last.values()) {
      for (const participant of mutation.participantIds) {
        const event = findOnCalendar(org, participant, mutation.iCalUId);
        if (mutation.kind === 'removed') {
          expect(event).toBeUndefined();
          continue;
        }
        expect(event).toBeDefined();
        expect(Date.parse(`${event!.start.dateTime.slice(0, 19)}Z`)).toBe(Date.parse(mutation.start));
        if (mutation.kind === 'cancelled') expect(event!.isCancelled).toBe(true);
        if (mutation.kind === 'added') expect(event!.type).toBe('singleInstance');
      }
    }
  });

  it('logs changes for delta, per person, once per occurrence', () => {
    const org = fresh();
    const before = org.changes.latestChange;
    const mutations = mutateOrganisation(org, { fraction: 0.5, seed: 6, now: NOW });
    const someone = org.people.find((p) => mutations.some((m) => m.participantIds.includes(p.id)))!;
    const changed = org.changes.changedSince(someone.index, before, org.changes.latestChange);
    const expected = new Set(
      mutations.filter((m) => m.participantIds.includes(someone.id)).map((m) => m.iCalUId),
    );
    expect(new Set(changed.map(({ series, k }) => iCalUIdFor(org, series, k)))).toEqual(expected);
    expect(changed).toHaveLength(expected.size);
    expect(
      org.changes.changedSince(someone.index, org.changes.latestChange, org.changes.latestChange),
    ).toEqual([]);
  });

  it('turns a moved occurrence of a recurring series into an exception', () => {
    const org = fresh();
    const mutations = mutateOrganisation(org, { fraction: 1, seed: 7, now: NOW });
    const final = new Map(mutations.map((m) => [m.iCalUId, m]));
    const movedEvents = [...final.values()]
      .filter((m) => m.kind === 'moved')
      .map((m) => findOnCalendar(org, m.personId, m.iCalUId)!);
    const recurring = movedEvents.filter((e) => e.seriesMasterId !== null);
    expect(recurring.length).toBeGreaterThan(0);
    expect(recurring.every((e) => e.type === 'exception')).toBe(true);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses a fraction of %s', (fraction) => {
    expect(() => mutateOrganisation(fresh(), { fraction, seed: 1, now: NOW })).toThrow('between 0 and 1');
  });
});
