import { DeliveryFailedError } from '../../../src/bot/events/delivery-failed';
import { nextAttempt } from '../../../src/bot/events/outbox';
import type { OutboxEntry } from '../../../src/ports/store';

const CREATED = Date.parse('2026-11-24T10:00:00.000Z');
const MINUTE = 60_000;

const entry: OutboxEntry = {
  id: 'e1',
  event: { type: 'recapSent', authorId: 'ava', recapId: 'ava~r1' },
  createdAt: new Date(CREATED).toISOString(),
  attempts: 0,
  nextAttemptAt: new Date(CREATED).toISOString(),
  lastError: null,
};

describe('outbox backoff', () => {
  test('waits 1, 5 and 30 minutes after the first failures, then an hour each time', () => {
    let current: OutboxEntry = entry;
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const failedAt = Date.parse(current.nextAttemptAt);
      const next = nextAttempt(current, new DeliveryFailedError('the recap card'), new Date(failedAt));
      if (!next) throw new Error('given up too early');
      waits.push((Date.parse(next.nextAttemptAt) - failedAt) / MINUTE);
      expect(next.attempts).toBe(i + 1);
      current = next;
    }
    expect(waits).toEqual([1, 5, 30, 60, 60, 60]);
    expect(current.lastError).toBe('DeliveryFailedError: the recap card');
    expect(current.createdAt).toBe(entry.createdAt);
  });

  test('errors are recorded by name only (no message that might carry content)', () => {
    const next = nextAttempt(entry, new TypeError('Ava wrote: private words'), new Date(CREATED));
    expect(next?.lastError).toBe('TypeError');
  });

  test('gives up once the next try would be more than a day after the event', () => {
    const lastHour = {
      ...entry,
      attempts: 25,
      nextAttemptAt: new Date(CREATED + 23 * 60 * MINUTE).toISOString(),
    };
    expect(nextAttempt(lastHour, new Error('x'), new Date(CREATED + 23 * 60 * MINUTE))).not.toBeNull();
    expect(nextAttempt(lastHour, new Error('x'), new Date(CREATED + 23 * 60 * MINUTE + 1))).toBeNull();
  });
});
