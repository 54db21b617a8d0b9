import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AppDeps } from '../app/deps';
import type { CareerEvent, CareerEvents, CareerIntent, PendingCareerEvent } from '../ports/career-events';
import type { Notifier } from '../ports/notifier';
import { ChatDelivery } from './delivery/chat-delivery';
import { CloudChatChannel } from './delivery/cloud-chat-channel';
import type { DeliveryTimers } from './delivery/delivery-timers';
import { realTimers } from './delivery/delivery-timers';
import type { RetryPolicy } from './delivery/retry-policy';
import { DEFAULT_RETRY_POLICY } from './delivery/retry-policy';
import type { SendLimits } from './delivery/send-pacing';
import { SendPacing, TEAMS_SEND_LIMITS } from './delivery/send-pacing';
import type { BackgroundQueueOptions } from './events/background-queue';
import { BackgroundQueue } from './events/background-queue';
import { CareerEventListener } from './events/career-event-listener';
import type { OutboxDrain, OutboxDrainOptions } from './events/drain-outbox';
import { drainOutbox } from './events/drain-outbox';
import type { BotAuth } from './hosting/bot-authentication';
import { botAppIdOf, botAuthentication } from './hosting/bot-authentication';
import { CareerCloudAdapter } from './hosting/career-adapter';
import { messagesHandler } from './hosting/handle-messages';
import { CareerNotifier } from './notify/career-notifier';
import type { BotServices } from './turn/bot-services';
import { careerTurn } from './turn/career-turn';

export interface CareerBotOptions {
  /** Store, clock, ids, and `events`: other listeners that should also hear what the bot's use cases publish. */
  deps: AppDeps;
  auth: BotAuth;
  logger: Logger;
  /** Who this instance is when it claims outbox work (the scheduler's holder). Default: a random id. */
  holder?: string;
  /** Where Teams reaches this app. Accepted for the wiring's sake; no card links outside Teams yet. */
  publicUrl?: string;
  delivery?: {
    limits?: SendLimits;
    retry?: RetryPolicy;
    timers?: DeliveryTimers;
    random?: () => number;
  };
  /** The in-memory queue of card work after a turn (bounded; what it turns away, the outbox drain runs). */
  background?: BackgroundQueueOptions;
}

export interface CareerBot {
  /** `POST /api/messages`. */
  handleMessages(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** For `runSchedule`: renders each due item as a card and sends it. */
  notifier: Notifier;
  /** Wire this into the AppDeps of the tab and API, so what they do reaches the other person in chat. */
  events: CareerEvents;
  /**
   * Runs the outbox entries due at `now` (default: the clock's now) that are past the grace period: event work
   * a crash, a restart or a failure left behind, from this instance or another. Call it every scheduler tick.
   */
  drainOutbox(now?: Date, options?: OutboxDrainOptions): Promise<OutboxDrain>;
  /** Resolves when every queued card send and update has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Finishes queued work (up to `graceMs`), then refuses new work. */
  close(graceMs?: number): Promise<void>;
}

/** The Teams bot: hosting on a CloudAdapter, chat commands, card verbs, the notifier and the event listener. */
export function createCareerBot(options: CareerBotOptions): CareerBot {
  const logger = options.logger.child({ component: 'bot' });
  const adapter = new CareerCloudAdapter(botAuthentication(options.auth));
  const listener = new CareerEventListener();
  const background = new BackgroundQueue(logger, options.background);
  const timers = options.delivery?.timers ?? realTimers;
  const delivery = new ChatDelivery({
    store: options.deps.store,
    clock: options.deps.clock,
    channel: new CloudChatChannel(adapter, botAppIdOf(options.auth)),
    pacing: new SendPacing(timers, options.delivery?.limits ?? TEAMS_SEND_LIMITS),
    timers,
    retry: options.delivery?.retry ?? DEFAULT_RETRY_POLICY,
    random: options.delivery?.random ?? Math.random,
    logger,
  });
  const services: BotServices = {
    deps: { ...options.deps, events: alsoTo(listener, options.deps.events) },
    delivery,
    background,
    logger,
  };
  const runner = { services, holder: options.holder ?? `bot-${randomUUID()}` };
  listener.attach(services, runner.holder);
  adapter.onTurnError = (_context, error) => {
    logger.error({ error: error.name }, 'bot.turn.unhandled');
    return Promise.resolve();
  };
  const handleMessages = messagesHandler({
    adapter,
    logic: careerTurn(services),
    loopbackOnly: options.auth.profile === 'demo',
    logger,
  });
  return {
    handleMessages,
    notifier: new CareerNotifier(services),
    events: listener,
    drainOutbox: (now, drainOptions) => drainOutbox(runner, now ?? options.deps.clock.now(), drainOptions),
    idle: () => background.idle(),
    async close(graceMs = 5_000) {
      await Promise.race([background.idle(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      background.close();
      delivery.close();
    },
  };
}

/** The bot's own listener first, then whoever else was listening (skipped when it is the bot itself). */
function alsoTo(listener: CareerEvents, others: CareerEvents): CareerEvents {
  if (others === listener) return listener;
  return {
    async expect(intent: CareerIntent): Promise<PendingCareerEvent> {
      const mine = await listener.expect(intent);
      let theirs: PendingCareerEvent;
      try {
        theirs = await others.expect(intent);
      } catch (error) {
        // Best effort, like any withdrawal: an entry left behind finds nothing saved and sends nothing.
        await mine.withdraw().catch(() => undefined);
        throw error;
      }
      return {
        async publish(event: CareerEvent) {
          await mine.publish(event);
          await theirs.publish(event);
        },
        async withdraw() {
          const outcomes = await Promise.allSettled([mine.withdraw(), theirs.withdraw()]);
          const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
          if (failed) throw failed.reason;
        },
      };
    },
  };
}
