import { randomUUID } from 'node:crypto';
import type { CareerEvents, CareerIntent, PendingCareerEvent } from '../../ports/career-events';
import type { OutboxEntry } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { errorName } from './background-queue';
import type { OutboxRunner } from './outbox';
import { OUTBOX_INTENT_HOLD_MS, runOutboxEntry, subjectOf } from './outbox';

/**
 * Turns what happened (from chat, the tab or Outlook) into cards for the other person, through the store's
 * outbox. `expect` saves the entry (ids only) before the use case saves its change, due only after
 * `OUTBOX_INTENT_HOLD_MS`: so a crash anywhere between the two saves and the delivery loses nothing, and the
 * drain never runs it while the change may still be in flight. `publish` (the change is saved) queues that
 * entry's run in memory, so no surface waits on Teams and events about one record are handled in the order they
 * happened; `withdraw` (nothing was saved) deletes it. The queued run deletes the entry when it is done, or
 * reschedules it when it fails; `drainOutbox` picks up what a crash, a restart or a full queue left behind (see
 * `outbox.ts`).
 */
export class CareerEventListener implements CareerEvents {
  private runner: OutboxRunner | null = null;

  attach(services: BotServices, holder: string): void {
    this.runner = { services, holder };
  }

  async expect(intent: CareerIntent): Promise<PendingCareerEvent> {
    const runner = this.runner;
    if (!runner) throw new Error('The bot listener is not attached yet.');
    const { services } = runner;
    const { store, clock } = services.deps;
    const now = clock.now();
    const entry: OutboxEntry = {
      // Random, not `deps.ids`: unique across instances, and record ids in tests stay as they were.
      id: randomUUID(),
      event: intent,
      createdAt: now.toISOString(),
      attempts: 0,
      nextAttemptAt: new Date(now.getTime() + OUTBOX_INTENT_HOLD_MS).toISOString(),
      lastError: null,
    };
    await store.saveOutboxEntry(entry);
    return {
      publish: (event) => {
        // Refused when the queue is full or closed: the entry stays saved, and the drain runs it once it is due.
        services.background.run(
          subjectOf(entry.event),
          async () => {
            await runOutboxEntry(runner, entry, clock.now());
          },
          event.type,
        );
        return Promise.resolve();
      },
      withdraw: async () => {
        try {
          await store.deleteOutboxEntry(entry);
        } catch (error) {
          // Left for the drain, whose handler finds the change was never saved and sends nothing.
          services.logger.warn({ entry: entry.id, error: errorName(error) }, 'bot.outbox.withdraw_failed');
          throw error;
        }
      },
    };
  }
}
