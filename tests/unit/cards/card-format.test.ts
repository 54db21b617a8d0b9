import { meetingDay, meetingTime, shortDate } from '../../../src/cards/card-format';

test('meeting times read in the reader’s own time zone, the same every time they are drawn', () => {
  for (let i = 0; i < 3; i++) {
    expect(meetingTime('2026-11-24T10:00:00.000Z', 'Europe/London')).toBe('Tuesday 24 November, 10:00');
    expect(meetingTime('2026-11-24T10:00:00.000Z', 'America/Los_Angeles')).toBe('Tuesday 24 November, 02:00');
    expect(meetingTime('2026-11-24T23:30:00.000Z', 'Asia/Tokyo')).toBe('Wednesday 25 November, 08:30');
  }
  expect(meetingDay('2026-11-24T23:30:00.000Z', 'Europe/London')).toBe('Tuesday 24 November');
  expect(shortDate('2026-12-03')).toBe('Thu 3 Dec');
});

test('an instant that is not one is refused every time, and remembered never', () => {
  expect(() => meetingTime('not a date', 'Europe/London')).toThrow(RangeError);
  expect(() => meetingTime('not a date', 'Europe/London')).toThrow(RangeError);
  expect(() => shortDate('2026-13-45')).toThrow(RangeError);
});
