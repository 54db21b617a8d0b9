import { ChatDelivery } from '../../../src/bot/delivery/chat-delivery';
import type { ChatChannel } from '../../../src/bot/delivery/chat-channel';
import { classifyDeliveryFailure } from '../../../src/bot/delivery/delivery-failure';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../../src/bot/delivery/retry-policy';
import { SendPacing } from '../../../src/bot/delivery/send-pacing';
import { ManualClock } from '../../../src/ports/clock';
import { createLogger } from '../../../src/server/logger';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';
import { VirtualTimers } from '../../support/bot-virtual-timers';

function connectorError(statusCode: number, code = 'Failure', retryAfter?: string): Error {
  const error = Object.assign(new Error('connector says no'), { statusCode, code });
  return Object.assign(error, {
    response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
  });
}

describe('classifying connector failures', () => {
  const now = Date.parse('2026-11-24T10:00:00.000Z');
  test.each([429, 412, 502, 504])('%i is worth retrying', (status) => {
    expect(classifyDeliveryFailure(connectorError(status), now).kind).toBe('transient');
  });
  test('Retry-After in seconds or as a date is read', () => {
    expect(classifyDeliveryFailure(connectorError(429, 'Throttled', '7'), now)).toMatchObject({
      retryAfterMs: 7_000,
    });
    expect(
      classifyDeliveryFailure(connectorError(429, 'Throttled', 'Tue, 24 Nov 2026 10:00:30 GMT'), now),
    ).toMatchObject({ retryAfterMs: 30_000 });
  });
  test.each([
    [403, 'BotDisabledByAdmin'],
    [403, 'ConversationBlockedByUser'],
    [404, 'ConversationNotFound'],
  ])('%i %s means the person is unreachable', (status, code) => {
    expect(classifyDeliveryFailure(connectorError(status, code), now).kind).toBe('unreachable');
  });
  test('a missing activity (404 on an update) is not mistaken for an uninstall', () => {
    expect(classifyDeliveryFailure(connectorError(404, 'ActivityNotFound'), now).kind).toBe('permanent');
  });
  test('a dropped connection is retried, anything unknown is not', () => {
    expect(classifyDeliveryFailure(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), now).kind).toBe(
      'transient',
    );
    expect(classifyDeliveryFailure(new Error('bug'), now).kind).toBe('permanent');
  });
});

describe('retry delays', () => {
  test('back off exponentially with jitter inside [half, full] of the ceiling', () => {
    const low = [0, 1, 2, 3].map((attempt) => retryDelay(DEFAULT_RETRY_POLICY, attempt, null, () => 0));
    const high = [0, 1, 2, 3].map((attempt) => retryDelay(DEFAULT_RETRY_POLICY, attempt, null, () => 1));
    expect(low).toEqual([250, 500, 1_000, 2_000]);
    expect(high).toEqual([500, 1_000, 2_000, 4_000]);
  });
  test('are never shorter than Retry-After', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 0, 9_000, () => 0.5)).toBe(9_000);
  });
  test('stop after the last attempt, and when Retry-After is longer than worth waiting', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, DEFAULT_RETRY_POLICY.maxAttempts - 1, null, () => 0)).toBeNull();
    expect(retryDelay(DEFAULT_RETRY_POLICY, 0, 10 * 60_000, () => 0)).toBeNull();
  });
});

describe('ChatDelivery', () => {
  async function setup(channel: ChatChannel) {
    const store = createMemoryCareerStore();
    const clock = new ManualClock('2026-11-24T10:00:00.000Z');
    const timers = new VirtualTimers();
    await store.saveConversation('ava', {
      reference: {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        conversation: { id: 'a:ava', tenantId: 't1' },
        user: { id: '29:ava' },
      },
      installedAt: clock.now().toISOString(),
      uninstalledAt: null,
    });
    const delivery = new ChatDelivery({
      store,
      clock,
      channel,
      pacing: new SendPacing(timers),
      timers,
      retry: DEFAULT_RETRY_POLICY,
      random: () => 0.5,
      logger: createLogger({ level: 'silent' }),
    });
    return { store, timers, delivery };
  }

  test('waits at least the Retry-After the service asked for before trying again', async () => {
    const answers = [connectorError(429, 'Throttled', '3'), 'activity-1'];
    const channel: ChatChannel = {
      send: () => {
        const next = answers.shift();
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(String(next));
      },
      update: () => Promise.resolve(),
    };
    const { timers, delivery } = await setup(channel);
    expect(await delivery.send('ava', { text: 'hello' })).toEqual({
      outcome: 'delivered',
      activityId: 'activity-1',
      conversationId: 'a:ava',
    });
    expect(Math.max(...timers.sleeps)).toBeGreaterThanOrEqual(3_000);
  });

  test('marks the person uninstalled when the app was removed, and tries nothing more', async () => {
    let calls = 0;
    const channel: ChatChannel = {
      send: () => {
        calls += 1;
        return Promise.reject(connectorError(403, 'BotNotInConversationRoster'));
      },
      update: () => Promise.resolve(),
    };
    const { store, delivery } = await setup(channel);
    expect(await delivery.send('ava', { text: 'hello' })).toEqual({ outcome: 'unreachable' });
    expect(await delivery.send('ava', { text: 'again' })).toEqual({ outcome: 'unreachable' });
    expect(calls).toBe(1);
    expect((await store.getConversation('ava'))?.uninstalledAt).toBe('2026-11-24T10:00:00.000Z');
  });

  test('someone who never installed the app is unreachable without a call', async () => {
    const channel: ChatChannel = {
      send: () => Promise.reject(new Error('must not be called')),
      update: () => Promise.resolve(),
    };
    const { delivery } = await setup(channel);
    expect(await delivery.send('nobody', { text: 'hello' })).toEqual({ outcome: 'unreachable' });
  });
});
