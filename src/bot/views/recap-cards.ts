import type { RecapContext } from '../../app/recap/recap-context';
import type { AdaptiveCard, CardNotice } from '../../cards/adaptive-card';
import { recapAnswerCard } from '../../cards/recap-answer/recap-answer-card';
import type { RecapCardView } from '../../cards/recap-view';
import { recapStatusCard } from '../../cards/recap-status/recap-status-card';
import type { BotServices } from '../turn/bot-services';

/** The Teams user ids of both people, so the card refreshes for them (Universal Actions `refresh.userIds`). */
async function chatUserIds(services: BotServices, context: RecapContext): Promise<string[]> {
  const ids = await Promise.all([
    services.delivery.chatUserId(context.recap.authorId),
    services.delivery.chatUserId(context.recap.recipientId),
  ]);
  return ids.filter((id): id is string => id !== null);
}

export async function recapCardView(
  services: BotServices,
  context: RecapContext,
  readerId: string,
): Promise<RecapCardView> {
  const reader = readerId === context.recap.authorId ? context.author : context.recipient;
  return {
    recap: context.recap,
    oneOnOne: context.oneOnOne,
    authorName: context.author?.displayName ?? 'Your colleague',
    recipientName: context.recipient?.displayName ?? context.oneOnOne?.counterpart.name ?? 'your colleague',
    timeZone: reader?.timeZone ?? 'UTC',
    refreshUserIds: await chatUserIds(services, context),
  };
}

/** The recap card one of its two people should see: the author's status, or the recipient's answer card. */
export async function recapCardFor(
  services: BotServices,
  context: RecapContext,
  readerId: string,
  options: { cardVersion?: number; reminder?: boolean; notice?: CardNotice | null } = {},
): Promise<AdaptiveCard> {
  const view = await recapCardView(services, context, readerId);
  if (readerId === context.recap.authorId) return recapStatusCard(view, options.notice);
  return recapAnswerCard(view, {
    cardVersion: options.cardVersion ?? context.recap.version,
    reminder: options.reminder ?? false,
    notice: options.notice ?? null,
  });
}
