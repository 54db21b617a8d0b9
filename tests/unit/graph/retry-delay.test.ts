import { backoffDelayMs, isRetryableStatus, retryAfterMs } from '../../../src/graph/retry-delay';

const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('retryAfterMs', () => {
  test.each([
    ['10', 10_000],
    ['0', 0],
    ['1.5', 1500],
    [' 3 ', 3000],
  ])('reads delta-seconds %p', (header, expected) => {
    expect(retryAfterMs(header, NOW)).toBe(expected);
  });

  test('reads an HTTP date relative to now', () => {
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:07 GMT', NOW)).toBe(7000);
  });

  test('a date in the past means no wait', () => {
    expect(retryAfterMs('Wed, 25 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  test.each([null, undefined, '', 'soon', '-5'])(
    'is null for a missing or unreadable header %p',
    (header) => {
      expect(retryAfterMs(header, NOW)).toBeNull();
    },
  );
});

describe('backoffDelayMs', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

  test('doubles with each retry, between half and all of the step', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(100);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(200);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(400);
  });

  test('never exceeds the cap', () => {
    expect(backoffDelayMs(20, policy, () => 1)).toBe(1000);
  });
});

describe('isRetryableStatus', () => {
  test.each([429, 503, 504])('%p is retried for any request', (status) => {
    expect(isRetryableStatus(status, false)).toBe(true);
  });

  test.each([500, 502])('%p is retried only when the request is safe to repeat', (status) => {
    expect(isRetryableStatus(status, true)).toBe(true);
    expect(isRetryableStatus(status, false)).toBe(false);
  });

  test.each([200, 400, 401, 403, 404, 410])('%p is not retried', (status) => {
    expect(isRetryableStatus(status, true)).toBe(false);
  });
});
