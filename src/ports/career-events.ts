import type { Agenda } from '../core/agenda';
import type { OneOnOne } from '../core/one-on-one';
import type { Recap } from '../core/recap';

/** What happened that the other person should hear about in chat, whichever surface it came from. */
export type CareerEvent =
  | { type: 'agendaShared'; agenda: Agenda; oneOnOne: OneOnOne; recipientId: string }
  /** The agenda is no longer shared with `recipientId` (the 1:1 is now with someone else): their card says so. */
  | { type: 'agendaWithdrawn'; agenda: Agenda; oneOnOne: OneOnOne; recipientId: string }
  | { type: 'recapSent'; recap: Recap }
  | { type: 'recapAcknowledged'; recap: Recap }
  | { type: 'recapChangeRequested'; recap: Recap };

/** Which 1:1's agenda, and who hears about it. */
interface AgendaIntentFields {
  oneOnOneId: string;
  ownerId: string;
  recipientId: string;
}

/**
 * The event a change is about to cause, by reference: ids only, all known before the change is saved (never
 * the records themselves, so whatever keeps it holds no content, let alone a private note).
 */
export type CareerIntent =
  | ({ type: 'agendaShared' } & AgendaIntentFields)
  | ({ type: 'agendaWithdrawn' } & AgendaIntentFields)
  | { type: 'recapSent' | 'recapAcknowledged' | 'recapChangeRequested'; authorId: string; recapId: string };

/**
 * Where changes the other person should hear about are announced, intent first: a use case `expect`s the event
 * before it saves its change, then publishes it once the change is saved, or withdraws it when the change was
 * not saved or changed nothing. A listener that keeps the intent (the bot's outbox) so delivers what a crash
 * between the save and the publish would otherwise lose, and checks the state when it does: an intent whose
 * change never got saved delivers nothing.
 */
export interface CareerEvents {
  /** Records the event a change is about to cause, before the change is saved; see `PendingCareerEvent`. */
  expect(intent: CareerIntent): Promise<PendingCareerEvent>;
}

/** An expected event: exactly one of the two is called, once. */
export interface PendingCareerEvent {
  /** The change is saved: deliver the event (the same one the intent named). */
  publish(event: CareerEvent): Promise<void>;
  /** The change was not saved, or changed nothing: forget the intent. */
  withdraw(): Promise<void>;
}

/** The intent an event fulfils (which record, and who is told about it). */
export function intentOf(event: CareerEvent): CareerIntent {
  switch (event.type) {
    case 'agendaShared':
    case 'agendaWithdrawn':
      return {
        type: event.type,
        oneOnOneId: event.oneOnOne.id,
        ownerId: event.oneOnOne.ownerId,
        recipientId: event.recipientId,
      };
    case 'recapSent':
    case 'recapAcknowledged':
    case 'recapChangeRequested':
      return { type: event.type, authorId: event.recap.authorId, recapId: event.recap.id };
  }
}

/** Whether two intents name the same event about the same record. */
export function sameIntent(a: CareerIntent, b: CareerIntent): boolean {
  if (isAgendaIntent(a) || isAgendaIntent(b)) {
    return (
      isAgendaIntent(a) &&
      isAgendaIntent(b) &&
      a.type === b.type &&
      a.oneOnOneId === b.oneOnOneId &&
      a.ownerId === b.ownerId &&
      a.recipientId === b.recipientId
    );
  }
  return a.type === b.type && a.authorId === b.authorId && a.recapId === b.recapId;
}

/** Whether an intent is about an agenda (by 1:1 and recipient) rather than a recap. */
export function isAgendaIntent(
  intent: CareerIntent,
): intent is Extract<CareerIntent, { type: 'agendaShared' | 'agendaWithdrawn' }> {
  return intent.type === 'agendaShared' || intent.type === 'agendaWithdrawn';
}

const nothingPending: PendingCareerEvent = {
  publish: () => Promise.resolve(),
  withdraw: () => Promise.resolve(),
};

export const noCareerEvents: CareerEvents = { expect: () => Promise.resolve(nothingPending) };

/** Collects published events in memory (tests, and the demo when no bot is attached). */
export class RecordedCareerEvents implements CareerEvents {
  readonly events: CareerEvent[] = [];
  expect(): Promise<PendingCareerEvent> {
    return Promise.resolve({
      publish: (event) => {
        this.events.push(event);
        return Promise.resolve();
      },
      withdraw: () => Promise.resolve(),
    });
  }
}
