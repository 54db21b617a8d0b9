import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';

/** Sends a prompt card and keeps track of it so it can be updated later. */
export async function sendNotice(
  services: BotServices,
  personId: string,
  notice: { card: AdaptiveCard; summary: string; subjectId: string; purpose: string; version: number },
): Promise<DeliveryOutcome> {
  const sent = await services.delivery.send(personId, { card: notice.card, summary: notice.summary });
  if (sent.outcome !== 'delivered') return sent.outcome;
  await services.deps.store.saveCardActivity({
    subjectId: notice.subjectId,
    personId,
    purpose: notice.purpose,
    activityId: sent.activityId,
    conversationId: sent.conversationId,
    version: notice.version,
  });
  return 'delivered';
}
