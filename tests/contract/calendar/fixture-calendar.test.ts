import { describeCalendarContract } from './calendar.contract';
import { FixtureCalendar, loadRecording } from './fixture-calendar';

describeCalendarContract('recorded-shape fixture', () => {
  const recording = loadRecording();
  const calendar = new FixtureCalendar(recording);
  return Promise.resolve({
    calendar,
    userId: recording.userId,
    owner: recording.owner,
    window: recording.window,
    change: () => {
      calendar.change();
    },
    expireLinks: () => {
      calendar.expireLinks();
    },
    close: () => Promise.resolve(),
  });
});

test('the fixture skips and counts the recorded item that has no start', async () => {
  const recording = loadRecording();
  const round = await new FixtureCalendar(recording).calendarWindow(recording.userId, recording.window);
  expect(round.skipped).toBe(1);
  expect(round.events).toHaveLength(5);
});
