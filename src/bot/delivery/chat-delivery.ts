import type { Logger } from 'pino';
import type { Clock } from '../../ports/clock';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { CardActivity, Store } from '../../ports/store';
import type { StoredReference } from '../conversations/conversation-reference';
import { readReference } from '../conversations/conversation-reference';
import type { ChatChannel } from './chat-channel';
import { classifyDeliveryFailure } from './delivery-failure';
import type { DeliveryTimers } from './delivery-timers';
import type { OutgoingMessage } from './outgoing-message';
import type { RetryPolicy } from './retry-policy';
import { retryDelay } from './retry-policy';
import type { SendPacing } from './send-pacing';

export type SendResult =
  | { outcome: 'delivered'; activityId: string; conversationId: string }
  | { outcome: 'unreachable' | 'failed' };

export interface ChatDeliveryParts {
  store: Store;
  clock: Clock;
  channel: ChatChannel;
  pacing: SendPacing;
  timers: DeliveryTimers;
  retry: RetryPolicy;
  random: () => number;
  logger: Logger;
}

/**
 * Proactive sends and card updates to one person: paced under the Teams limits, retried on throttling and
 * gateway errors, and a person who removed or blocked the app is marked uninstalled instead of retried.
 */
export class ChatDelivery {
  private closed = false;

  constructor(private readonly parts: ChatDeliveryParts) {}

  /** The stored conversation with a person, or null when they have not installed the app (or removed it). */
  async reachable(personId: string): Promise<StoredReference | null> {
    const record = await this.parts.store.getConversation(personId);
    if (!record || record.uninstalledAt) return null;
    return readReference(record.reference);
  }

  /** The person's Teams user id (for a card's refresh list), or null when they cannot be reached. */
  async chatUserId(personId: string): Promise<string | null> {
    const record = await this.parts.store.getConversation(personId);
    if (!record || record.uninstalledAt) return null;
    // Read without a full parse: this runs on every recap card drawn.
    const user = (record.reference as { user?: { id?: unknown } } | null)?.user;
    return typeof user?.id === 'string' ? user.id : null;
  }

  async send(personId: string, message: OutgoingMessage): Promise<SendResult> {
    const reference = await this.reachable(personId);
    if (!reference) return { outcome: 'unreachable' };
    const result = await this.attempt(personId, reference, 'send', () =>
      this.parts.channel.send(reference, message),
    );
    if (result.outcome !== 'delivered') return result;
    return { outcome: 'delivered', activityId: result.value, conversationId: reference.conversation.id };
  }

  /** Replaces a card the bot sent earlier, in the conversation it was sent to. */
  async update(card: CardActivity, message: OutgoingMessage): Promise<DeliveryOutcome> {
    const reference = await this.reachable(card.personId);
    if (!reference) return 'unreachable';
    const target: StoredReference = {
      ...reference,
      conversation: { ...reference.conversation, id: card.conversationId },
    };
    const result = await this.attempt(card.personId, target, 'update', async () => {
      await this.parts.channel.update(target, card.activityId, message);
      return '';
    });
    return result.outcome;
  }

  /** Stops retry waits from starting new attempts (on shutdown). */
  close(): void {
    this.closed = true;
  }

  private async attempt<T>(
    personId: string,
    reference: StoredReference,
    operation: 'send' | 'update',
    call: () => Promise<T>,
  ): Promise<{ outcome: 'delivered'; value: T } | { outcome: 'unreachable' | 'failed' }> {
    const { pacing, timers, retry, random, logger } = this.parts;
    const tenantId = reference.conversation.tenantId ?? 'tenant';
    for (let attempt = 0; ; attempt += 1) {
      if (this.closed) return { outcome: 'failed' };
      await pacing.take(reference.conversation.id, tenantId);
      try {
        return { outcome: 'delivered', value: await call() };
      } catch (error) {
        const failure = classifyDeliveryFailure(error, timers.now());
        if (failure.kind === 'unreachable') {
          await this.parts.store.markUninstalled(personId, this.parts.clock.now().toISOString());
          logger.info({ operation, status: failure.status }, 'bot.delivery.unreachable');
          return { outcome: 'unreachable' };
        }
        const wait =
          failure.kind === 'transient' ? retryDelay(retry, attempt, failure.retryAfterMs, random) : null;
        if (wait === null) {
          logger.warn({ operation, status: failure.status, attempts: attempt + 1 }, 'bot.delivery.failed');
          return { outcome: 'failed' };
        }
        logger.debug({ operation, status: failure.status, waitMs: wait }, 'bot.delivery.retry');
        await timers.sleep(wait);
      }
    }
  }
}
