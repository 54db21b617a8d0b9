import type { CareerEvent, CareerEvents, CareerIntent, PendingCareerEvent } from '../ports/career-events';
import { intentOf, sameIntent } from '../ports/career-events';
import type { AppDeps } from './deps';

/** What a change calls right before it saves its state: records the event it is about to cause. */
export type ExpectEvent = (intent: CareerIntent) => Promise<void>;

/**
 * Saves a change the other person should hear about so that the telling is never lost: `change` calls
 * `expect` with the event it is about to cause right before it saves (the bot keeps that intent in its outbox),
 * then saves. `eventOf` then says what the saved change caused: it is published, or the intent is withdrawn
 * when the change turned out to change nothing; it is withdrawn too when `change` throws. A crash in between
 * leaves the intent to the bot's outbox, whose handlers read the state again and deliver only what it means
 * now. `change` may call `expect` on each of its attempts (a retry after a store conflict): the intent is
 * recorded once.
 */
export async function saveAndAnnounce<T>(
  deps: AppDeps,
  change: (expect: ExpectEvent) => Promise<T>,
  eventOf: (result: T) => CareerEvent | null,
): Promise<T> {
  const expected = new ExpectedEvent(deps.events);
  let result: T;
  try {
    result = await change((intent) => expected.expect(intent));
  } catch (error) {
    await expected.withdraw();
    throw error;
  }
  const event = eventOf(result);
  if (event) await expected.publish(event);
  else await expected.withdraw();
  return result;
}

class ExpectedEvent {
  private intent: CareerIntent | null = null;
  private pending: PendingCareerEvent | null = null;

  constructor(private readonly events: CareerEvents) {}

  async expect(intent: CareerIntent): Promise<void> {
    if (this.intent) {
      if (!sameIntent(this.intent, intent)) {
        throw new Error(`One change expected both ${this.intent.type} and ${intent.type}.`);
      }
      return;
    }
    this.pending = await this.events.expect(intent);
    this.intent = intent;
  }

  async publish(event: CareerEvent): Promise<void> {
    // A use case bug, never a user's: a change saved without its intent (or with another) is not crash-safe.
    if (!this.intent || !this.pending) {
      throw new Error(`A ${event.type} change was saved without expecting it first.`);
    }
    if (!sameIntent(this.intent, intentOf(event))) {
      throw new Error(`A change expected ${this.intent.type} but caused ${event.type} about another record.`);
    }
    await this.pending.publish(event);
  }

  /** Best effort: an intent left behind is run later by the outbox, whose handler then finds nothing to do. */
  async withdraw(): Promise<void> {
    try {
      await this.pending?.withdraw();
    } catch {
      // The listener reports its own failure; the caller's answer (or its error) stands.
    }
  }
}
