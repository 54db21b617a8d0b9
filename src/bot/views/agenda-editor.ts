import { openAgenda } from '../../app/agenda/open-agenda';
import { peopleById } from '../../app/views/people-by-id';
import { shareStanding } from '../../core/agenda';
import type { AgendaDraft } from '../../cards/agenda/agenda-card';
import { agendaCard } from '../../cards/agenda/agenda-card';
import type { AdaptiveCard, CardNotice } from '../../cards/adaptive-card';
import type { BotServices } from '../turn/bot-services';
import type { CardReader } from './card-reader';
import { chatUserIdOf, readerIdOf } from './card-reader';

export interface AgendaEditorExtras {
  /** What to show in the inputs instead of the saved agenda (a refused save keeps what was typed). */
  draft?: AgendaDraft;
  /** The revision the refused input was based on. */
  baseRevision?: number | null;
  problems?: readonly string[];
  notice?: CardNotice | null;
}

/**
 * The author's agenda card for one of their 1:1s: saved agenda, private notes and actions to carry. It refreshes
 * for the author alone whenever they open it (Universal Actions), so it always shows the 1:1 as it stands now
 * (moved to another time, say) and the agenda as last saved, from Teams, the tab or Outlook.
 */
export async function agendaEditorFor(
  services: BotServices,
  author: CardReader,
  oneOnOneId: string,
  extras: AgendaEditorExtras = {},
): Promise<AdaptiveCard> {
  const authorId = readerIdOf(author);
  const [opened, chatUserId] = await Promise.all([
    openAgenda(services.deps, authorId, oneOnOneId),
    chatUserIdOf(services, author, authorId),
  ]);
  const standing = shareStanding(opened.agenda, opened.oneOnOne.counterpart.personId);
  const people = await peopleById(services.deps, [
    authorId,
    ...(standing.sharedEarlierWith ? [standing.sharedEarlierWith] : []),
  ]);
  const authorPerson = people.get(authorId);
  const open = new Set(opened.openActions.map((a) => a.id));
  const saved: AgendaDraft = opened.agenda
    ? {
        learningFocus: opened.agenda.learningFocus,
        knowledgeHolders: opened.agenda.knowledgeHolders.map((h) => h.label),
        asks: opened.agenda.asks,
        carriedActionIds: opened.agenda.carriedActionIds,
        privateNotes: opened.privateNotes,
      }
    : {
        learningFocus: '',
        knowledgeHolders: [],
        asks: [],
        // Before the first save every open action with this person is offered as carried.
        carriedActionIds: [...open],
        privateNotes: opened.privateNotes,
      };
  return agendaCard({
    oneOnOne: opened.oneOnOne,
    timeZone: authorPerson?.timeZone ?? 'UTC',
    draft: extras.draft ?? saved,
    baseRevision: extras.baseRevision === undefined ? (opened.agenda?.revision ?? null) : extras.baseRevision,
    openActions: opened.openActions,
    sharedAt: standing.sharedAt,
    sharedEarlierWith: standing.sharedEarlierWith
      ? (people.get(standing.sharedEarlierWith)?.displayName ?? 'someone else')
      : null,
    problems: extras.problems ?? [],
    notice: extras.notice ?? null,
    refreshUserIds: chatUserId === null ? [] : [chatUserId],
  });
}
