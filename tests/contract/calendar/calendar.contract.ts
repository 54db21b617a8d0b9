import type { OwnerContext } from '../../../src/core/one-on-one-detection';
import { detectOneOnOne } from '../../../src/core/one-on-one-detection';
import type { Calendar, CalendarChanges, CalendarWindow } from '../../../src/ports/calendar';
import { SyncStateExpired } from '../../../src/ports/calendar';

/** What an adapter's test file hands the contract: a calendar with one known mailbox in it. */
export interface CalendarSubject {
  calendar: Calendar;
  userId: string;
  owner: OwnerContext;
  window: CalendarWindow;
  /** Changes the mailbox's calendar inside the window (something moves, is added, or goes). */
  change(): void;
  /** Makes every delta link handed out so far invalid. */
  expireLinks(): void;
  close(): Promise<void>;
}

const FIELDS_THE_CORE_READS = new Set([
  'id',
  'type',
  'seriesMasterId',
  'isCancelled',
  'isAllDay',
  'isOrganizer',
  'showAs',
  'sensitivity',
  'responseStatus',
  'organizer',
  'attendees',
  'start',
  'end',
  'lastModifiedDateTime',
]);

/** The behaviour every Calendar adapter shares (Graph over HTTP, the recorded-shape fixture). */
export function describeCalendarContract(name: string, open: () => Promise<CalendarSubject>): void {
  describe(`Calendar contract: ${name}`, () => {
    let subject: CalendarSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject.close();
    });

    const readWindow = (): Promise<CalendarChanges> =>
      subject.calendar.calendarWindow(subject.userId, subject.window);

    test('a window read returns complete events and a link for the next round', async () => {
      const round = await readWindow();
      expect(round.events.length).toBeGreaterThan(0);
      for (const event of round.events) {
        expect(typeof event.id).toBe('string');
        for (const time of [event.start, event.end]) {
          expect(Object.keys(time).sort()).toEqual(['dateTime', 'timeZone']);
          expect([typeof time.dateTime, typeof time.timeZone]).toEqual(['string', 'string']);
        }
      }
      expect(round.deltaLink).toMatch(/^https?:\/\//);
      expect(round.requests).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(round.skipped) && round.skipped >= 0).toBe(true);
    });

    test('events carry only the fields the core reads: no subject, no body', async () => {
      const round = await readWindow();
      for (const event of round.events) {
        expect(Object.keys(event).filter((key) => !FIELDS_THE_CORE_READS.has(key))).toEqual([]);
      }
    });

    test("the window holds at least one 1:1 for the mailbox's owner", async () => {
      const round = await readWindow();
      expect(round.events.some((event) => detectOneOnOne(event, subject.owner).isOneOnOne)).toBe(true);
    });

    test('a delta round with nothing changed reports nothing and hands out a fresh link', async () => {
      const first = await readWindow();
      const next = await subject.calendar.calendarDelta(subject.userId, first.deltaLink);
      expect(next.events).toEqual([]);
      expect(next.removed).toEqual([]);
      expect(next.deltaLink).toMatch(/^https?:\/\//);
    });

    test('after the calendar changes, the next delta round reports the change', async () => {
      const first = await readWindow();
      subject.change();
      const next = await subject.calendar.calendarDelta(subject.userId, first.deltaLink);
      expect(next.events.length + next.removed.length).toBeGreaterThan(0);
      for (const removed of next.removed) {
        expect(Object.keys(removed).sort()).toEqual(['id', 'reason']);
        expect(['changed', 'deleted']).toContain(removed.reason);
      }
      const after = await subject.calendar.calendarDelta(subject.userId, next.deltaLink);
      expect(after.events.length + after.removed.length).toBe(0);
    });

    test('an expired link raises SyncStateExpired for that user', async () => {
      const first = await readWindow();
      subject.expireLinks();
      const failure = subject.calendar.calendarDelta(subject.userId, first.deltaLink);
      await expect(failure).rejects.toBeInstanceOf(SyncStateExpired);
      await expect(failure).rejects.toMatchObject({ userId: subject.userId, code: 'syncStateNotFound' });
    });

    test('a link it never handed out is treated as expired', async () => {
      const first = await readWindow();
      const forged = first.deltaLink.replace(/(deltatoken=)[^&]*/i, '$1not-a-real-token');
      await expect(subject.calendar.calendarDelta(subject.userId, forged)).rejects.toBeInstanceOf(
        SyncStateExpired,
      );
    });
  });
}
