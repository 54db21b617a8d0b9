import { addDays, daysBetween, isCalendarDate } from '../../../src/core';

describe('calendar dates', () => {
  it.each(['2026-03-10', '2028-02-29', '2026-12-31'])('accepts the real date %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-3-10', '2026-03-10T00:00', ''])(
    'refuses %p',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );

  it('adds days across a month and year end', () => {
    expect([addDays('2026-02-27', 2), addDays('2026-12-31', 1), addDays('2026-03-01', -1)]).toEqual([
      '2026-03-01',
      '2027-01-01',
      '2026-02-28',
    ]);
  });

  it('counts whole days between dates, negative when backwards, unaffected by DST', () => {
    expect([daysBetween('2026-03-01', '2026-03-31'), daysBetween('2026-03-10', '2026-03-03')]).toEqual([
      30, -7,
    ]);
  });
});
