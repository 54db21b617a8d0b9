import { SendPacing, TEAMS_SEND_LIMITS } from '../../../src/bot/delivery/send-pacing';
import { TokenBucket } from '../../../src/bot/delivery/token-bucket';
import { VirtualTimers } from '../../support/bot-virtual-timers';

/** The largest number of sends inside any window of `windowMs` (half-open). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (const start of times)
    most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

test('a token bucket lets the burst go at once, then spaces reservations at its rate', () => {
  const bucket = new TokenBucket(10, 3, 0);
  expect([0, 0, 0, 0, 0].map(() => bucket.reserve(0))).toEqual([0, 0, 0, 100, 200]);
});

test('a token bucket refills with time and forgets nothing it promised', () => {
  const bucket = new TokenBucket(10, 1, 0);
  expect(bucket.reserve(0)).toBe(0);
  expect(bucket.reserve(50)).toBe(50);
  expect(bucket.reserve(1_000)).toBe(0);
  expect(bucket.isIdle(5_000)).toBe(true);
});

test('sends to one conversation never exceed 7 in any second', async () => {
  const timers = new VirtualTimers();
  const pacing = new SendPacing(timers);
  const sentAt: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    await pacing.take('a:ava', 'tenant-1');
    sentAt.push(timers.now());
  }
  expect(busiestWindow(sentAt, 1_000)).toBe(TEAMS_SEND_LIMITS.perConversationPerSecond);
  expect(sentAt.at(-1)! - sentAt[0]!).toBeLessThan(5_000);
});

test('sends across many conversations of one tenant never exceed 50 in any second', async () => {
  const timers = new VirtualTimers();
  const pacing = new SendPacing(timers);
  const sentAt: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    await pacing.take(`a:person-${i}`, 'tenant-1');
    sentAt.push(timers.now());
  }
  expect(busiestWindow(sentAt, 1_000)).toBe(TEAMS_SEND_LIMITS.perTenantPerSecond);
});

test('another tenant is not slowed down by a busy one', async () => {
  const timers = new VirtualTimers();
  const pacing = new SendPacing(timers);
  for (let i = 0; i < 100; i += 1) await pacing.take(`a:busy-${i}`, 'tenant-busy');
  const before = timers.now();
  await pacing.take('a:quiet', 'tenant-quiet');
  expect(timers.now()).toBe(before);
});
