import type { RecapContext } from '../../app/recap/recap-context';
import type { CardActivity } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { recapCardFor } from '../views/recap-cards';

/** Every card the bot sent about this recap, redrawn in place as things stand now (each for its reader). */
export async function updateRecapCards(
  services: BotServices,
  context: RecapContext,
  only?: (card: CardActivity) => boolean,
): Promise<CardActivity[]> {
  const cards = (await services.deps.store.listCardActivities(context.recap.id)).filter(
    (card) => only?.(card) ?? true,
  );
  for (const card of cards) {
    const reader = card.personId;
    if (reader !== context.recap.authorId && reader !== context.recap.recipientId) continue;
    const view = await recapCardFor(services, context, reader, { cardVersion: card.version });
    await services.delivery.update(card, { card: view });
  }
  return cards;
}

export const RECAP_PURPOSE = {
  author: (version: number) => `recap-author:v${version}`,
  recipient: (version: number) => `recap-recipient:v${version}`,
  reminder: (version: number) => `recap-reminder:v${version}`,
  revise: (version: number) => `recap-revise:v${version}`,
};
