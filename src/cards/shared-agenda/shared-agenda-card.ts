import type { ActionItem } from '../../core/action-item';
import type { Agenda } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { AdaptiveCard } from '../adaptive-card';
import { firstName, meetingTime, shortDate } from '../card-format';
import { renderCard, withRefresh } from '../render-card';
import template from './shared-agenda-card.template.json';

export interface SharedAgendaCardInput {
  /** The shareable agenda only: private notes are not part of `Agenda` and never reach this card. */
  agenda: Agenda;
  oneOnOne: OneOnOne;
  authorName: string;
  /** The reader's time zone. */
  timeZone: string;
  carriedActions: readonly ActionItem[];
  /**
   * Teams user ids that refresh the card whenever they open it (Universal Actions): the reader's, so a card
   * in their chat never shows more than they may read now (see `refreshSharedAgendaVerb`).
   */
  refreshUserIds?: readonly string[];
}

/** The compact agenda the other person receives when it is shared. */
export function sharedAgendaCard(input: SharedAgendaCardInput): AdaptiveCard {
  const { agenda } = input;
  const who = firstName(input.authorName);
  const carried = new Set(agenda.carriedActionIds);
  const card = renderCard(template, {
    heading: `${input.authorName} shared an agenda for your 1:1`,
    whenText: meetingTime(input.oneOnOne.startsAt, input.timeZone),
    learningText:
      agenda.learningFocus === '' ? `${who} did not say yet; a good first question.` : agenda.learningFocus,
    holders: agenda.knowledgeHolders.map((h) => h.label),
    asks: agenda.asks.map((a) => (a.support === '' ? a.wanted : `${a.wanted}. Support: ${a.support}`)),
    carried: input.carriedActions
      .filter((a) => carried.has(a.id))
      .map((a) => `${a.text} (due ${shortDate(a.dueOn)}${a.status === 'done' ? ', done' : ''})`),
    footer: agenda.sharedAt
      ? `Shared ${meetingTime(agenda.sharedAt, input.timeZone)}, last updated ${meetingTime(agenda.updatedAt, input.timeZone)}.`
      : '',
  });
  return withRefresh(
    card,
    'refreshSharedAgenda',
    { ownerId: agenda.authorId, oneOnOneId: agenda.oneOnOneId },
    input.refreshUserIds ?? [],
  );
}
