import { calendarBetween } from '../../../src/dev/calendar-view';
import { createDemoOrganisation } from '../../../src/dev/demo-organisation';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { UTC_DISPLAY, renderEvent } from '../../../src/dev/graph-event-json';
import type { DisplayZone } from '../../../src/dev/graph-event-json';
import { renderEventJson } from '../../../src/dev/graph-event-text';
import { mutateOrganisation } from '../../../src/dev/mutate-organisation';
import type { Organisation } from '../../../src/dev/organisation';

const NOW = new Date('2026-03-10T17:20:00Z');
const DAY = 86_400_000;
const PACIFIC: DisplayZone = { label: 'Pacific Standard Time', iana: 'America/Los_Angeles' };

function mismatches(org: Organisation, display: DisplayZone | null): number {
  let checked = 0;
  org.people.forEach((person) => {
    for (const occurrence of calendarBetween(
      org,
      person.index,
      NOW.getTime() - 14 * DAY,
      NOW.getTime() + 42 * DAY,
    )) {
      const text = renderEventJson(org, occurrence, person.index, display);
      expect(text).toBe(JSON.stringify(renderEvent(org, occurrence, person.index, display)));
      checked += 1;
    }
  });
  return checked;
}

describe('events written straight to JSON text', () => {
  it.each([
    ['as sent by default', null],
    ['in UTC', UTC_DISPLAY],
    ['in a preferred zone', PACIFIC],
  ])('match renderEvent exactly on every calendar of a generated organisation, %s', (_name, display) => {
    const org = generateOrganisation({ size: 150, seed: 7, now: NOW });
    mutateOrganisation(org, { fraction: 0.3, seed: 3, now: NOW });
    expect(mismatches(org, display)).toBeGreaterThan(1000);
  });

  it('match renderEvent exactly on every calendar of the demo organisation', () => {
    expect(mismatches(createDemoOrganisation({ now: NOW }), null)).toBeGreaterThan(50);
  });

  it('match renderEvent with more series in play than the memo of series texts holds', () => {
    const org = generateOrganisation({ size: 450, seed: 11, now: NOW });
    expect(org.series.length).toBeGreaterThan(1024);
    expect(mismatches(org, null)).toBeGreaterThan(5000);
  });

  it('keep the texts of two organisations apart when their series share indexes', () => {
    const orgs = [
      generateOrganisation({ size: 40, seed: 1, now: NOW }),
      generateOrganisation({ size: 40, seed: 2, now: NOW }),
    ];
    const fromMs = NOW.getTime() - 7 * DAY;
    const toMs = NOW.getTime() + 28 * DAY;
    for (let person = 0; person < 40; person++) {
      for (const org of orgs) {
        for (const occurrence of calendarBetween(org, person, fromMs, toMs)) {
          expect(renderEventJson(org, occurrence, person, null)).toBe(
            JSON.stringify(renderEvent(org, occurrence, person, null)),
          );
        }
      }
    }
  });
});
