import type { RecapContext } from '../../app/recap/recap-context';
import type { AdaptiveCard, CardNotice } from '../../cards/adaptive-card';
import { recapAnswerCard } from '../../cards/recap-answer/recap-answer-card';
import type { RecapCardView } from '../../cards/recap-view';
import { recapStatusCard } from '../../cards/recap-status/recap-status-card';
import type { BotServices } from '../turn/bot-services';
import type { CardReader } from './card-reader';
import { chatUserIdOf, readerIdOf } from './card-reader';

/** The Teams user ids of both people, so the card refreshes for them (Universal Actions `refresh.userIds`). */
async function chatUserIds(
  services: BotServices,
  context: RecapContext,
  reader: CardReader,
): Promise<string[]> {
  const ids = await Promise.all([
    chatUserIdOf(services, reader, context.recap.authorId),
    chatUserIdOf(services, reader, context.recap.recipientId),
  ]);
  return ids.filter((id): id is string => id !== null);
}

export async function recapCardView(
  services: BotServices,
  context: RecapContext,
  reader: CardReader,
): Promise<RecapCardView> {
  const readerPerson = readerIdOf(reader) === context.recap.authorId ? context.author : context.recipient;
  return {
    recap: context.recap,
    oneOnOne: context.oneOnOne,
    authorName: context.author?.displayName ?? 'Your colleague',
    recipientName: context.recipient?.displayName ?? context.oneOnOne?.counterpart.name ?? 'your colleague',
    timeZone: readerPerson?.timeZone ?? 'UTC',
    refreshUserIds: await chatUserIds(services, context, reader),
  };
}

/** The recap card one of its two people should see: the author's status, or the recipient's answer card. */
export async function recapCardFor(
  services: BotServices,
  context: RecapContext,
  reader: CardReader,
  options: { cardVersion?: number; reminder?: boolean; notice?: CardNotice | null } = {},
): Promise<AdaptiveCard> {
  const view = await recapCardView(services, context, reader);
  if (readerIdOf(reader) === context.recap.authorId) return recapStatusCard(view, options.notice);
  return recapAnswerCard(view, {
    cardVersion: options.cardVersion ?? context.recap.version,
    reminder: options.reminder ?? false,
    notice: options.notice ?? null,
  });
}
