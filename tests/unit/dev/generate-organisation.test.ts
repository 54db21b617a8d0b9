import { calendarBetween } from '../../../src/dev/calendar-view';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { renderEvent } from '../../../src/dev/graph-event-json';
import { membersOf } from '../../../src/dev/organisation';
import type { Organisation } from '../../../src/dev/organisation';

const NOW = new Date('2026-03-10T17:20:00Z');
const DAY = 86_400_000;

function snapshot(org: Organisation): unknown {
  return {
    people: org.people,
    calendars: org.people
      .slice(0, 10)
      .map((p) =>
        calendarBetween(org, p.index, NOW.getTime() - 30 * DAY, NOW.getTime() + 30 * DAY).map((o) =>
          renderEvent(org, o, p.index, null),
        ),
      ),
  };
}

describe('generating an organisation', () => {
  const org = generateOrganisation({ size: 200, seed: 21, now: NOW });

  it('is the same for the same seed and different for another', () => {
    expect(snapshot(generateOrganisation({ size: 200, seed: 21, now: NOW }))).toEqual(snapshot(org));
    expect(
      generateOrganisation({ size: 200, seed: 22, now: NOW }).people.map((p) => p.displayName),
    ).not.toEqual(org.people.map((p) => p.displayName));
  });

  it('builds one manager tree with spans of 5 to 8', () => {
    expect(org.people.filter((p) => p.managerIndex === null)).toHaveLength(1);
    const managers = org.people.filter((p) => p.reportIndexes.length > 0);
    const spans = managers.map((m) => m.reportIndexes.length);
    // Only the last manager to be filled may have fewer reports.
    expect(spans.filter((s) => s < 5).length).toBeLessThanOrEqual(1);
    expect(Math.max(...spans)).toBeLessThanOrEqual(8);
    for (const someone of org.people) {
      let steps = 0;
      for (let at = someone; at.managerIndex !== null; at = org.people[at.managerIndex]!) steps++;
      expect(steps).toBeLessThan(10);
      for (const report of someone.reportIndexes)
        expect(org.people[report]!.managerIndex).toBe(someone.index);
    }
  });

  it('gives everyone unique ids and addresses in the company domain', () => {
    expect(new Set(org.people.map((p) => p.id)).size).toBe(200);
    expect(new Set(org.people.map((p) => p.userPrincipalName)).size).toBe(200);
    expect(
      org.people.every(
        (p) => p.mail.endsWith('@contoso.example') && p.jobTitle && p.department && p.officeLocation,
      ),
    ).toBe(true);
  });

  it('spreads people across time zones, written as Windows and IANA names', () => {
    const zones = new Set(org.people.map((p) => p.mailboxTimeZone));
    expect(zones.size).toBeGreaterThan(6);
    expect([...zones].some((z) => z.includes('Standard Time'))).toBe(true);
    expect([...zones].some((z) => z.includes('/'))).toBe(true);
  });

  it('gives every report a recurring 1:1 with their manager, on both calendars', () => {
    for (const report of org.people.filter((p) => p.managerIndex !== null)) {
      const oneOnOne = org.series.find(
        (s) =>
          s.kind === 'one-on-one' &&
          membersOf(s).includes(report.index) &&
          membersOf(s).includes(report.managerIndex!),
      );
      expect(oneOnOne?.intervalWeeks).toBeGreaterThanOrEqual(1);
      expect(org.calendars[report.index]).toContain(oneOnOne!.index);
      expect(org.calendars[report.managerIndex!]).toContain(oneOnOne!.index);
    }
  });

  it('includes the calendar noise the product must cope with', () => {
    const events = org.people
      .slice(0, 120)
      .flatMap((p) =>
        calendarBetween(org, p.index, NOW.getTime() - 60 * DAY, NOW.getTime() + 30 * DAY).map((o) =>
          renderEvent(org, o, p.index, null),
        ),
      );
    const has = (test: (e: (typeof events)[number]) => boolean) => events.some(test);
    expect(has((e) => e.attendees!.some((a) => a.type === 'resource'))).toBe(true);
    expect(has((e) => e.isCancelled === true)).toBe(true);
    expect(has((e) => e.attendees!.some((a) => a.status?.response === 'declined'))).toBe(true);
    expect(has((e) => e.isAllDay === true && e.showAs === 'oof')).toBe(true);
    expect(has((e) => e.attendees!.some((a) => !a.emailAddress.address!.endsWith('@contoso.example')))).toBe(
      true,
    );
    expect(has((e) => !e.organizer!.emailAddress.address!.endsWith('@contoso.example'))).toBe(true);
    expect(has((e) => e.attendees!.some((a) => a.type === 'optional'))).toBe(true);
    expect(
      has((e) => e.attendees!.some((a) => a.emailAddress.address === e.organizer!.emailAddress.address)),
    ).toBe(true);
    expect(has((e) => e.type === 'exception')).toBe(true);
    expect(has((e) => e.attendees!.filter((a) => a.type !== 'resource').length >= 3)).toBe(true);
    expect(has((e) => e.start.timeZone !== 'UTC')).toBe(true);
  });

  it('pairs curiosity coffees across teams', () => {
    const coffees = org.series.filter((s) => s.kind === 'curiosity-coffee');
    expect(coffees.length).toBeGreaterThan(40);
    for (const coffee of coffees) {
      const [a, b] = membersOf(coffee).map((i) => org.people[i]!);
      expect(a!.managerIndex).not.toBe(b!.managerIndex);
    }
  });

  it('stores meeting rules, not events, for 10,000 people', () => {
    const large = generateOrganisation({ size: 10_000, seed: 3, now: NOW });
    expect(large.people).toHaveLength(10_000);
    expect(large.series.length).toBeLessThan(4 * 10_000);
    expect(calendarBetween(large, 9_999, NOW.getTime(), NOW.getTime() + 7 * DAY).length).toBeGreaterThan(0);
  });

  it.each([0, -1, 1.5, 1_000_000])('refuses a size of %s', (size) => {
    expect(() => generateOrganisation({ size, now: NOW })).toThrow(
      'Organisation size must be a whole number',
    );
  });
});
