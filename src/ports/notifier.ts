import type { DueItem } from '../core/schedule';

/** `unreachable`: the person removed the app (or never added it); the item is not retried. */
export type DeliveryOutcome = 'delivered' | 'unreachable' | 'failed';

/** Delivers what the schedule says is due (the bot sends cards in chat). */
export interface Notifier {
  deliver(item: DueItem): Promise<DeliveryOutcome>;
}
