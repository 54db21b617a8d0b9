// Pure rules of src/app/sync (window, back-off, failure codes); kept with the Graph tests it was written with.
import { failureCode, isTransient, nextAttemptAfter } from '../../../src/app/sync/sync-failure';
import { DEFAULT_WINDOW_POLICY, canContinue, windowFor } from '../../../src/app/sync/sync-window';
import { GraphRequestError } from '../../../src/graph/graph-errors';
import type { SyncState } from '../../../src/ports/store';

const state = (overrides: Partial<SyncState>): SyncState => ({
  deltaLink: 'https://graph.microsoft.com/v1.0/users/a/calendarView/delta?$deltatoken=x',
  windowStart: '2026-11-18T00:00:00.000Z',
  windowEnd: '2026-12-30T00:00:00.000Z',
  lastSyncedAt: null,
  failures: 0,
  lastError: null,
  nextAttemptAt: null,
  directoryRefreshedAt: null,
  ...overrides,
});

describe('sync window', () => {
  test('is 7 whole UTC days back and 35 ahead of today', () => {
    expect(windowFor(new Date('2026-11-25T22:30:00Z'), DEFAULT_WINDOW_POLICY)).toEqual({
      start: '2026-11-18T00:00:00.000Z',
      end: '2026-12-30T00:00:00.000Z',
    });
  });

  test('a stored window a day behind is still followed; two days behind starts over', () => {
    const today = windowFor(new Date('2026-11-26T08:00:00Z'), DEFAULT_WINDOW_POLICY);
    expect(canContinue(state({}), today, DEFAULT_WINDOW_POLICY)).toBe(true);
    const later = windowFor(new Date('2026-11-27T08:00:00Z'), DEFAULT_WINDOW_POLICY);
    expect(canContinue(state({}), later, DEFAULT_WINDOW_POLICY)).toBe(false);
  });

  test('no delta link, no window, or a window ahead of today means a full read', () => {
    const today = windowFor(new Date('2026-11-25T08:00:00Z'), DEFAULT_WINDOW_POLICY);
    expect(canContinue(null, today, DEFAULT_WINDOW_POLICY)).toBe(false);
    expect(canContinue(state({ deltaLink: null }), today, DEFAULT_WINDOW_POLICY)).toBe(false);
    expect(canContinue(state({ windowStart: null }), today, DEFAULT_WINDOW_POLICY)).toBe(false);
    expect(
      canContinue(state({ windowStart: '2026-11-20T00:00:00.000Z' }), today, DEFAULT_WINDOW_POLICY),
    ).toBe(false);
  });
});

describe('failure records', () => {
  const policy = { firstBackoffMs: 60_000, maxBackoffMs: 600_000 };
  const now = new Date('2026-11-25T10:00:00Z');

  test('back off doubling from the first wait up to the cap', () => {
    expect(nextAttemptAfter(now, 1, policy)).toBe('2026-11-25T10:01:00.000Z');
    expect(nextAttemptAfter(now, 3, policy)).toBe('2026-11-25T10:04:00.000Z');
    expect(nextAttemptAfter(now, 30, policy)).toBe('2026-11-25T10:10:00.000Z');
  });

  test('store a code, never a message', () => {
    expect(
      failureCode(new GraphRequestError(503, 'serviceNotAvailable', 'Avery Chen’s mailbox said no')),
    ).toBe('graph.503.serviceNotAvailable');
    expect(failureCode(new Error('avery.chen@contoso.com exploded'))).toBe('internal');
    expect(failureCode({ code: 'has spaces and avery.chen@contoso.com' })).toBe('internal');
    expect(failureCode('boom')).toBe('internal');
  });

  test('throttling, unavailability and the network are transient; the rest is not', () => {
    expect(
      ['graph.429', 'graph.503.x', 'graph.504', 'graph.500.generalException', 'graph.network'].map(
        isTransient,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['graph.404.ErrorItemNotFound', 'directory.user_not_found', 'internal'].map(isTransient)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
