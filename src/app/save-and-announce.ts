import type { CareerEvent, CareerEvents, CareerIntent, PendingCareerEvent } from '../ports/career-events';
import { intentOf, sameIntent } from '../ports/career-events';
import type { AppDeps } from './deps';

/** What a change calls right before it saves its state: records the event it is about to cause. */
export type ExpectEvent = (intent: CareerIntent) => Promise<void>;

/**
 * Saves a change the other people concerned should hear about so that the telling is never lost: `change` calls
 * `expect` with each event it is about to cause right before it saves (the bot keeps those intents in its
 * outbox), then saves. `eventsOf` then says what the saved change caused: each event is published, and an
 * intent the change turned out not to cause (it changed nothing) is withdrawn; all are withdrawn when `change`
 * throws. A crash in between leaves the intents to the bot's outbox, whose handlers read the state again and
 * deliver only what it means now. `change` may call `expect` again on a retry after a store conflict: an intent
 * is recorded once.
 */
export async function saveAndAnnounce<T>(
  deps: Pick<AppDeps, 'events'>,
  change: (expect: ExpectEvent) => Promise<T>,
  eventsOf: (result: T) => readonly CareerEvent[],
): Promise<T> {
  const expected = new ExpectedEvents(deps.events);
  let result: T;
  try {
    result = await change((intent) => expected.expect(intent));
  } catch (error) {
    await expected.withdrawAll();
    throw error;
  }
  await expected.settle(eventsOf(result));
  return result;
}

class ExpectedEvents {
  private readonly expected: { intent: CareerIntent; pending: PendingCareerEvent }[] = [];

  constructor(private readonly events: CareerEvents) {}

  async expect(intent: CareerIntent): Promise<void> {
    if (this.expected.some((e) => sameIntent(e.intent, intent))) return;
    const pending = await this.events.expect(intent);
    this.expected.push({ intent, pending });
  }

  /** Publishes each event (in order) and withdraws the intents no event fulfilled. */
  async settle(caused: readonly CareerEvent[]): Promise<void> {
    const matched = caused.map((event) => {
      const found = this.expected.find((e) => sameIntent(e.intent, intentOf(event)));
      // A use case bug, never a user's: a change saved without its intent (or with another) is not crash-safe.
      if (!found) throw new Error(`A ${event.type} change was saved without expecting it first.`);
      return { event, found };
    });
    const fulfilled = new Set(matched.map((m) => m.found));
    await Promise.all(this.expected.filter((e) => !fulfilled.has(e)).map((e) => withdraw(e.pending)));
    for (const { event, found } of matched) await found.pending.publish(event);
  }

  async withdrawAll(): Promise<void> {
    await Promise.all(this.expected.map((e) => withdraw(e.pending)));
  }
}

/** Best effort: an intent left behind is run later by the outbox, whose handler then finds nothing to do. */
async function withdraw(pending: PendingCareerEvent): Promise<void> {
  try {
    await pending.withdraw();
  } catch {
    // The listener reports its own failure; the caller's answer (or its error) stands.
  }
}
