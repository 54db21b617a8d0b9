import {
  formatTimeZone,
  formatWorkingDays,
  formatWorkingHours,
} from '../../../src/web/format/format-working-hours';

describe('working hours in words', () => {
  it('names a run of three or more days by its ends', () => {
    expect(formatWorkingDays([1, 2, 3, 4, 5])).toBe('Monday to Friday');
  });

  it('lists days that are not in a run', () => {
    expect(formatWorkingDays([5, 1, 3])).toBe('Monday, Wednesday and Friday');
    expect(formatWorkingDays([1, 2, 3, 4, 6])).toBe('Monday to Thursday and Saturday');
  });

  it('counts Sunday as the end of the week', () => {
    expect(formatWorkingDays([0, 6])).toBe('Saturday and Sunday');
  });

  it('says when no working days are set, or when every day is one', () => {
    expect(formatWorkingDays([])).toBe('No working days set');
    expect(formatWorkingDays([0, 1, 2, 3, 4, 5, 6])).toBe('Every day');
  });

  it('adds the hours after the days', () => {
    expect(formatWorkingHours({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' })).toMatch(
      /^Monday to Friday, 0?9:00.*–.*(17|5):30/,
    );
  });

  it('names a time zone and keeps its id, or shows just the id when it is unknown', () => {
    expect(formatTimeZone('America/Los_Angeles')).toBe('Pacific Time (America/Los_Angeles)');
    expect(formatTimeZone('UTC')).toBe('Coordinated Universal Time (UTC)');
    expect(formatTimeZone('Not/AZone')).toBe('Not/AZone');
  });
});
