import type { RecapContext } from '../../app/recap/recap-context';
import type { CardActivity } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { recapCardFor } from '../views/recap-cards';
import type { DeliveryTally } from './delivery-failed';

/**
 * Every card the bot sent about this recap, redrawn in place as things stand now (each for its reader).
 * Updates that fail are noted in `tally` (when given), so the caller can finish its work and then fail the run.
 */
export async function updateRecapCards(
  services: BotServices,
  context: RecapContext,
  only?: (card: CardActivity) => boolean,
  tally?: DeliveryTally,
): Promise<CardActivity[]> {
  const cards = (await services.deps.store.listCardActivities(context.recap.id)).filter(
    (card) => only?.(card) ?? true,
  );
  for (const card of cards) {
    if (card.purpose === RECAP_PURPOSE.acknowledged(card.version)) continue; // a text message, not a card
    const reader = card.personId;
    if (reader !== context.recap.authorId && reader !== context.recap.recipientId) continue;
    const view = await recapCardFor(services, context, reader, { cardVersion: card.version });
    const outcome = await services.delivery.update(card, { card: view });
    tally?.note(outcome, `the ${card.purpose} card update`);
  }
  return cards;
}

export const RECAP_PURPOSE = {
  author: (version: number) => `recap-author:v${version}`,
  recipient: (version: number) => `recap-recipient:v${version}`,
  reminder: (version: number) => `recap-reminder:v${version}`,
  revise: (version: number) => `recap-revise:v${version}`,
  /** The short message telling the author their recap was acknowledged (recorded so it goes once). */
  acknowledged: (version: number) => `recap-acknowledged:v${version}`,
};
