import type { Recap } from '../../core/recap';
import type { OutgoingMessage } from '../delivery/outgoing-message';
import type { BotServices } from '../turn/bot-services';
import type { DeliveryTally } from './delivery-failed';

/**
 * Sends a message about a recap to its author and records it like a card (per version and purpose), so a
 * handler run again finds it sent and does not repeat it. `what` names it in the tally's failure.
 */
export async function sendRecordedToAuthor(
  services: BotServices,
  recap: Recap,
  purpose: string,
  message: OutgoingMessage,
  tally: DeliveryTally,
  what: string,
): Promise<void> {
  const sent = await services.delivery.send(recap.authorId, message);
  tally.note(sent.outcome, what);
  if (sent.outcome !== 'delivered') return;
  await services.deps.store.saveCardActivity({
    subjectId: recap.id,
    personId: recap.authorId,
    purpose,
    activityId: sent.activityId,
    conversationId: sent.conversationId,
    version: recap.version,
  });
}
