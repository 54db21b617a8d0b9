import type { BotServices } from '../turn/bot-services';

/**
 * Who a card is drawn for: a person id, or the person acting in this turn, whose Teams user id the activity
 * itself gives (so it is not read from their stored conversation again).
 */
export type CardReader = string | { personId: string; chatUserId: string };

export function readerIdOf(reader: CardReader): string {
  return typeof reader === 'string' ? reader : reader.personId;
}

/** A person's Teams user id for a card's refresh list: the reader's from the activity, others' from the store. */
export function chatUserIdOf(
  services: BotServices,
  reader: CardReader,
  personId: string,
): Promise<string | null> {
  return typeof reader !== 'string' && reader.personId === personId
    ? Promise.resolve(reader.chatUserId)
    : services.delivery.chatUserId(personId);
}
