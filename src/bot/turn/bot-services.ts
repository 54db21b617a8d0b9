import type { Logger } from 'pino';
import type { AppDeps } from '../../app/deps';
import type { ChatDelivery } from '../delivery/chat-delivery';
import type { BackgroundQueue } from '../events/background-queue';

/** What every bot handler may use: the use cases' dependencies, proactive delivery, background work, logs. */
export interface BotServices {
  /** `events` here reaches the bot's own listener, so use cases called from chat notify the other person. */
  deps: AppDeps;
  delivery: ChatDelivery;
  background: BackgroundQueue;
  logger: Logger;
}
