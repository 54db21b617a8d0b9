import { myActions } from '../../app/views/my-actions';
import { peopleById } from '../../app/views/people-by-id';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { noticeCard } from '../../cards/notice/notice-card';
import { sharedAgendaCard } from '../../cards/shared-agenda/shared-agenda-card';
import type { Agenda } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { BotServices } from '../turn/bot-services';
import type { CardReader } from './card-reader';
import { chatUserIdOf, readerIdOf } from './card-reader';

/**
 * The shared agenda card for the person it is shared with (`reader`), refreshing for them whenever they open it.
 * Built from `Agenda`, which has no private notes: they live in another record and never reach this code.
 */
export async function sharedAgendaView(
  services: BotServices,
  agenda: Agenda,
  oneOnOne: OneOnOne,
  reader: CardReader,
): Promise<{ card: AdaptiveCard; summary: string }> {
  const { deps } = services;
  const readerId = readerIdOf(reader);
  const [people, actions, chatUserId] = await Promise.all([
    peopleById(deps, [agenda.authorId, readerId]),
    myActions(deps, readerId),
    chatUserIdOf(services, reader, readerId),
  ]);
  const authorName = people.get(agenda.authorId)?.displayName ?? 'Your colleague';
  const card = sharedAgendaCard({
    agenda,
    oneOnOne,
    authorName,
    timeZone: people.get(readerId)?.timeZone ?? 'UTC',
    carriedActions: [...actions.mine, ...actions.agreedWithOthers],
    refreshUserIds: chatUserId === null ? [] : [chatUserId],
  });
  return { card, summary: `${authorName} shared an agenda for your 1:1` };
}

/** What replaces a shared agenda card once the agenda is no longer shared with its reader: none of the agenda. */
export async function withdrawnAgendaView(
  services: BotServices,
  authorId: string,
): Promise<{ card: AdaptiveCard; summary: string }> {
  const people = await peopleById(services.deps, [authorId]);
  const author = people.get(authorId)?.displayName ?? 'Your colleague';
  return {
    card: noticeCard({
      title: `${author} no longer shares this agenda with you`,
      text: 'The 1:1 it was written for is now with someone else.',
    }),
    summary: `${author} no longer shares an agenda with you`,
  };
}
