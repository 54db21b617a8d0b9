import { listDemoPeople } from '../../../src/dev/demo-organisation';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { startGraphEmulator } from '../../../src/dev/graph-emulator';
import type { GraphEmulator } from '../../../src/dev/graph-emulator';
import { graphGet } from './graph-http';
import type { Page, WireEvent } from './graph-http';

const NOW = new Date('2026-03-10T17:20:00Z');
const HOUR = 3_600_000;
const utcMs = (value: { dateTime: string }) => Date.parse(`${value.dateTime.slice(0, 19)}Z`);
const windowOf = (fromMs: number, toMs: number) =>
  `startDateTime=${new Date(fromMs).toISOString()}&endDateTime=${new Date(toMs).toISOString()}&$top=1000`;

let demo: GraphEmulator;
let generated: GraphEmulator;
beforeAll(async () => {
  demo = await startGraphEmulator({ now: () => NOW });
  generated = await startGraphEmulator({
    now: () => NOW,
    organisation: generateOrganisation({ size: 25, seed: 8, now: NOW }),
  });
});
afterAll(async () => {
  await demo.close();
  await generated.close();
});

async function calendar(
  graph: GraphEmulator,
  id: string,
  fromMs: number,
  toMs: number,
): Promise<WireEvent[]> {
  const reply = await graphGet<Page<WireEvent>>(
    `${graph.baseUrl}/users/${id}/calendarView?${windowOf(fromMs, toMs)}`,
    {
      Prefer: 'outlook.timezone="UTC"',
    },
  );
  return reply.body.value;
}

const isOneOnOneWith = (event: WireEvent, address: string) =>
  !event.isCancelled &&
  event.attendees.filter((a) => a.type !== 'resource').length === 1 &&
  (event.organizer.emailAddress.address === address ||
    event.attendees.some((a) => a.emailAddress.address === address));

describe('the demo organisation over Graph', () => {
  it('gives Avery a 1:1 with her manager starting within 20 hours', async () => {
    const [avery, jordan] = listDemoPeople(demo.org);
    expect([avery!.name, jordan!.name, avery!.managerId]).toEqual([
      'Avery Chen',
      'Jordan Rivera',
      jordan!.id,
    ]);
    const events = await calendar(demo, avery!.id, NOW.getTime(), NOW.getTime() + 20 * HOUR);
    expect(
      events.filter((e) => isOneOnOneWith(e, jordan!.email) && utcMs(e.start) > NOW.getTime()),
    ).toHaveLength(1);
  });

  it('gives Avery a 1:1 with her manager that ended about an hour ago', async () => {
    const [avery, jordan] = listDemoPeople(demo.org);
    const events = await calendar(demo, avery!.id, NOW.getTime() - 3 * HOUR, NOW.getTime());
    const ended = events.filter((e) => isOneOnOneWith(e, jordan!.email) && utcMs(e.end) <= NOW.getTime());
    expect(ended).toHaveLength(1);
    const minutesAgo = (NOW.getTime() - utcMs(ended[0]!.end)) / 60_000;
    expect(minutesAgo).toBeGreaterThanOrEqual(60);
    expect(minutesAgo).toBeLessThan(65);
  });

  it('gives Avery a curiosity conversation with someone in another team later in the week', async () => {
    const people = listDemoPeople(demo.org);
    const avery = people[0]!;
    const lena = people.find((p) => p.name === 'Lena Fischer')!;
    expect(lena.managerId).not.toBe(avery.managerId);
    const events = await calendar(demo, avery.id, NOW.getTime() + 24 * HOUR, NOW.getTime() + 5 * 24 * HOUR);
    expect(events.some((e) => isOneOnOneWith(e, lena.email))).toBe(true);
  });
});

describe('a generated organisation over Graph', () => {
  it('shows every 1:1 on both calendars with the same organizer, attendees and responses', async () => {
    const fromMs = NOW.getTime() - 14 * 24 * HOUR;
    const toMs = NOW.getTime() + 14 * 24 * HOUR;
    const byMailbox = new Map<string, WireEvent[]>();
    for (const someone of generated.org.people)
      byMailbox.set(someone.mail, await calendar(generated, someone.id, fromMs, toMs));
    let checked = 0;
    for (const [address, events] of byMailbox) {
      for (const event of events) {
        const people = event.attendees.filter(
          (a) => a.type !== 'resource' && a.emailAddress.address !== event.organizer.emailAddress.address,
        );
        if (people.length !== 1) continue;
        const other = event.isOrganizer
          ? people[0]!.emailAddress.address
          : event.organizer.emailAddress.address;
        const theirs = byMailbox.get(other);
        if (!theirs) continue; // an external organizer or guest has no calendar here
        const mirror = theirs.find((e) => e.iCalUId === event.iCalUId);
        expect(mirror).toBeDefined();
        expect(mirror!.id).not.toBe(event.id);
        expect(mirror!.isOrganizer).toBe(!event.isOrganizer);
        expect(mirror!.organizer).toEqual(event.organizer);
        expect(mirror!.attendees).toEqual(event.attendees);
        expect([mirror!.start, mirror!.isCancelled, mirror!.subject]).toEqual([
          event.start,
          event.isCancelled,
          event.subject,
        ]);
        const own = event.attendees.find((a) => a.emailAddress.address === address);
        // An organizer some clients also list as an attendee shows response "none" there.
        if (own && !event.isOrganizer)
          expect(own.status.response).toBe(
            event.responseStatus.response === 'notResponded' ? 'none' : event.responseStatus.response,
          );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
