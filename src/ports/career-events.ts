import type { Agenda } from '../core/agenda';
import type { OneOnOne } from '../core/one-on-one';
import type { Recap } from '../core/recap';

/** What happened that the other person should hear about in chat, whichever surface it came from. */
export type CareerEvent =
  | { type: 'agendaShared'; agenda: Agenda; oneOnOne: OneOnOne; recipientId: string }
  | { type: 'recapSent'; recap: Recap }
  | { type: 'recapAcknowledged'; recap: Recap }
  | { type: 'recapChangeRequested'; recap: Recap };

export interface CareerEvents {
  publish(event: CareerEvent): Promise<void>;
}

export const noCareerEvents: CareerEvents = { publish: () => Promise.resolve() };

/** Collects events in memory (tests, and the demo when no bot is attached). */
export class RecordedCareerEvents implements CareerEvents {
  readonly events: CareerEvent[] = [];
  publish(event: CareerEvent): Promise<void> {
    this.events.push(event);
    return Promise.resolve();
  }
}
