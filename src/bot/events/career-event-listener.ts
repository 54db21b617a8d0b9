import { randomUUID } from 'node:crypto';
import type { CareerEvent, CareerEvents } from '../../ports/career-events';
import type { OutboxEntry } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import type { OutboxRunner } from './outbox';
import { outboxEventOf, runOutboxEntry, subjectOf } from './outbox';

/**
 * Turns what happened (from chat, the tab or Outlook) into cards for the other person. Publishing saves the
 * event to the store's outbox (awaited: once `publish` resolves, the work survives a crash) and queues the work
 * in memory, so no surface waits on Teams; events about one record are handled in the order they happened.
 * The queued run deletes the entry when it is done, or reschedules it when it fails; `drainOutbox` picks up
 * what a crash or restart left behind (see `outbox.ts` for the delivery guarantees).
 */
export class CareerEventListener implements CareerEvents {
  private runner: OutboxRunner | null = null;

  attach(services: BotServices, holder: string): void {
    this.runner = { services, holder };
  }

  async publish(event: CareerEvent): Promise<void> {
    const runner = this.runner;
    if (!runner) throw new Error('The bot listener is not attached yet.');
    const { store, clock } = runner.services.deps;
    const now = clock.now().toISOString();
    const entry: OutboxEntry = {
      // Random, not `deps.ids`: unique across instances, and record ids in tests stay as they were.
      id: randomUUID(),
      event: outboxEventOf(event),
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
    };
    await store.saveOutboxEntry(entry);
    runner.services.background.run(
      subjectOf(entry.event),
      async () => {
        await runOutboxEntry(runner, entry, clock.now());
      },
      event.type,
    );
  }
}
