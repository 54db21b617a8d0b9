import { mayBeOneOnOne } from '../../../src/app/sync/one-on-one-candidates';
import type { GraphEvent } from '../../../src/core/graph-event';
import { detectOneOnOne } from '../../../src/core/one-on-one-detection';
import { calendarBetween, generateOrganisation, renderEvent } from '../../../src/dev';
import { CALENDAR_OWNER, loadCalendarView } from '../../fixtures/graph/calendar-view';

const NOW = new Date('2026-11-25T10:00:00Z');

test('the pre-filter never rules out an event the core would call a 1:1 (generated calendars)', () => {
  const org = generateOrganisation({ size: 150, seed: 9, now: NOW });
  let ruledOut = 0;
  for (const person of org.people) {
    const manager = person.managerIndex === null ? null : org.people[person.managerIndex]!;
    const owner = { address: person.mail, managerAddress: manager?.mail ?? null };
    for (const occurrence of calendarBetween(
      org,
      person.index,
      NOW.getTime() - 7 * 86_400_000,
      NOW.getTime() + 35 * 86_400_000,
    )) {
      const event = renderEvent(org, occurrence, person.index, null) as unknown as GraphEvent;
      if (mayBeOneOnOne(event, owner)) continue;
      ruledOut += 1;
      expect({ id: event.id, isOneOnOne: detectOneOnOne(event, owner).isOneOnOne }).toEqual({
        id: event.id,
        isOneOnOne: false,
      });
    }
  }
  expect(ruledOut).toBeGreaterThan(100);
});

test('the pre-filter never rules out an event the core would call a 1:1 (recorded calendar)', () => {
  for (const event of loadCalendarView()) {
    if (!mayBeOneOnOne(event, CALENDAR_OWNER))
      expect(detectOneOnOne(event, CALENDAR_OWNER).isOneOnOne).toBe(false);
  }
});
