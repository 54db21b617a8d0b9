import type { RecapContext } from '../../app/recap/recap-context';
import type { BotServices } from '../turn/bot-services';
import { recapCardFor } from '../views/recap-cards';
import { DeliveryTally } from './delivery-failed';
import { RECAP_PURPOSE, updateRecapCards } from './recap-card-updates';

/**
 * A recap went out (or a revision of it): cards for older versions now say they were replaced, the author's
 * cards show it waiting, and the recipient gets the new version with Acknowledge and Suggest a change.
 * Safe to run again: card updates redraw the same state, and the recipient's card is sent once per version.
 * Nothing is done when no version is out as things stand: still a draft (its send was never saved), or a
 * change asked for and no revision sent yet (the revision's send was never saved, or the recipient has already
 * answered the version this event was about; the change request's own event redraws the cards).
 */
export async function onRecapSent(services: BotServices, context: RecapContext): Promise<void> {
  const { recap } = context;
  if (recap.state === 'draft' || recap.state === 'changeRequested') return;
  const tally = new DeliveryTally();
  const cards = await updateRecapCards(services, context, undefined, tally);
  const alreadySent = cards.some(
    (c) => c.personId === recap.recipientId && c.purpose === RECAP_PURPOSE.recipient(recap.version),
  );
  if (!alreadySent) await sendToRecipient(services, context, tally);
  tally.settle();
}

async function sendToRecipient(services: BotServices, context: RecapContext, tally: DeliveryTally) {
  const { recap } = context;
  const card = await recapCardFor(services, context, recap.recipientId, { cardVersion: recap.version });
  const summary = `${context.author?.displayName ?? 'A colleague'} sent you a recap${recap.version > 1 ? ` (version ${recap.version})` : ''}`;
  const sent = await services.delivery.send(recap.recipientId, { card, summary });
  tally.note(sent.outcome, 'the recap card');
  if (sent.outcome !== 'delivered') return;
  await services.deps.store.saveCardActivity({
    subjectId: recap.id,
    personId: recap.recipientId,
    purpose: RECAP_PURPOSE.recipient(recap.version),
    activityId: sent.activityId,
    conversationId: sent.conversationId,
    version: recap.version,
  });
}
