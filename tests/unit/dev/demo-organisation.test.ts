import { calendarBetween } from '../../../src/dev/calendar-view';
import { createDemoOrganisation, listDemoPeople } from '../../../src/dev/demo-organisation';
import { membersOf } from '../../../src/dev/organisation';

const HOUR = 3_600_000;

describe('the demo organisation', () => {
  it('lists readable people for a "view as" picker, Avery first, with the same ids whatever now is', () => {
    const people = listDemoPeople();
    expect(people[0]).toMatchObject({ name: 'Avery Chen', email: 'avery.chen@contoso.example' });
    expect(people.length).toBeGreaterThanOrEqual(10);
    expect(listDemoPeople(createDemoOrganisation({ now: new Date('2030-01-01T00:00:00Z') }))).toEqual(people);
    const jordan = people.find((p) => p.name === 'Jordan Rivera')!;
    expect(people.filter((p) => p.managerId === jordan.id).length).toBeGreaterThanOrEqual(2);
    expect(people.filter((p) => p.managerId === null)).toHaveLength(1);
  });

  it.each([
    '2026-03-10T17:20:00Z', // Tuesday morning in Seattle
    '2026-03-14T10:00:00Z', // Saturday night
    '2026-03-13T23:55:00Z', // Friday afternoon
    '2026-03-08T09:30:00Z', // the morning US clocks change
    '2026-11-02T03:00:00Z', // Sunday evening after the autumn change
  ])(
    'at %s Avery has a 1:1 with Jordan within 20 hours, one that ended an hour ago, and a curiosity conversation',
    (iso) => {
      const now = Date.parse(iso);
      const org = createDemoOrganisation({ now: new Date(now) });
      const [avery, jordan] = [0, 1];
      const lena = org.people.findIndex((p) => p.displayName === 'Lena Fischer');
      const withJordan = calendarBetween(org, avery, now - 3 * HOUR, now + 20 * HOUR).filter(
        (o) => o.series.kind === 'one-on-one' && membersOf(o.series).includes(jordan) && !o.cancelled,
      );
      const upcoming = withJordan.filter((o) => o.startMs > now);
      const ended = withJordan.filter((o) => o.endMs <= now);
      expect(upcoming).toHaveLength(1);
      expect(upcoming[0]!.startMs - now).toBeLessThanOrEqual(20 * HOUR);
      expect(ended).toHaveLength(1);
      expect(now - ended[0]!.endMs).toBeGreaterThanOrEqual(HOUR);
      expect(now - ended[0]!.endMs).toBeLessThan(HOUR + 5 * 60_000);
      const curiosity = calendarBetween(org, avery, now, now + 6 * 24 * HOUR).filter(
        (o) => o.series.kind === 'curiosity-coffee' && membersOf(o.series).includes(lena),
      );
      expect(curiosity).toHaveLength(1);
      expect(curiosity[0]!.startMs - now).toBeGreaterThan(24 * HOUR);
    },
  );
});
