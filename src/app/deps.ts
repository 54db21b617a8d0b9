import type { CareerEvents } from '../ports/career-events';
import type { Clock } from '../ports/clock';
import type { IdSource } from '../ports/ids';
import type { Store } from '../ports/store';

/** What every use case may use: the store, the time, a source of ids, and the event outlet. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  /** Where changes the other person should hear about are announced (the bot listens). */
  events: CareerEvents;
}

/** Ids that carry their partition (the author or employee), so a record is found from its id alone. */
export function recordId(ownerId: string, ids: IdSource): string {
  return `${ownerId}~${ids.next()}`;
}
