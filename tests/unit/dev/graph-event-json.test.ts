import { calendarBetween } from '../../../src/dev/calendar-view';
import { createDemoOrganisation } from '../../../src/dev/demo-organisation';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { JsonText, jsonTextOf } from '../../../src/dev/graph-exchange';
import { UTC_DISPLAY, renderEvent, renderEventJson } from '../../../src/dev/graph-event-json';
import type { DisplayZone } from '../../../src/dev/graph-event-json';
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
});

describe('jsonTextOf', () => {
  it('splices JSON text parts in where they stand, at any depth', () => {
    const body = {
      responses: [
        { id: '1', body: new JsonText('{"value":[1,"a\\"b"]}') },
        { id: '2', body: null },
      ],
    };
    expect(JSON.parse(jsonTextOf(body))).toEqual({
      responses: [
        { id: '1', body: { value: [1, 'a"b'] } },
        { id: '2', body: null },
      ],
    });
  });

  it('writes a body without text parts as JSON.stringify does', () => {
    const body = { a: 'x\u0000y', b: [1, 2], c: undefined };
    expect(jsonTextOf(body)).toBe(JSON.stringify(body));
    expect(jsonTextOf(new JsonText('[1]'))).toBe('[1]');
  });
});
