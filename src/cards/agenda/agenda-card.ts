import type { ActionItem } from '../../core/action-item';
import type { Ask } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, meetingTime, shortDate } from '../card-format';
import { renderCard, withRefresh } from '../render-card';
import template from './agenda-card.template.json';

/** What the inputs show: the saved agenda, or what the person typed when a save was refused. */
export interface AgendaDraft {
  learningFocus: string;
  knowledgeHolders: string[];
  asks: Ask[];
  carriedActionIds: string[];
  privateNotes: string;
}

export interface AgendaCardInput {
  oneOnOne: OneOnOne;
  timeZone: string;
  draft: AgendaDraft;
  /** The revision the card is based on; a save from an older one is refused. */
  baseRevision: number | null;
  openActions: readonly ActionItem[];
  /** When it was shared with the person the 1:1 is with now (null when it is not). */
  sharedAt: string | null;
  /** Someone it was shared with before the 1:1 moved to another person (they still see it), by name. */
  sharedEarlierWith?: string | null;
  problems?: readonly string[];
  notice?: CardNotice | null;
  /** Teams user ids for whom the card redraws itself when they open it (the author's). */
  refreshUserIds?: readonly string[];
}

export const AGENDA_ASK_ROWS = { full: 2, light: 1, max: 5 };

/** The author's agenda: learning first, what they seek, actions to follow up, private notes. */
export function agendaCard(input: AgendaCardInput): AdaptiveCard {
  const { oneOnOne, draft } = input;
  const light = oneOnOne.relationship === 'peer';
  const who = firstName(oneOnOne.counterpart.name);
  const when = meetingTime(oneOnOne.startsAt, input.timeZone);
  const rows = Math.min(
    AGENDA_ASK_ROWS.max,
    Math.max(light ? AGENDA_ASK_ROWS.light : AGENDA_ASK_ROWS.full, draft.asks.length),
  );
  const carried = new Set(draft.carriedActionIds);
  const openIds = new Set(input.openActions.map((a) => a.id));
  const card = renderCard(template, {
    heading: light
      ? `Get ready for your curiosity conversation with ${oneOnOne.counterpart.name}`
      : `Get ready for your 1:1 with ${oneOnOne.counterpart.name}`,
    intro: light
      ? `It's on ${when}. Keep it light: what do you hope to learn from ${who}?`
      : `It's on ${when}. A few lines now turn it into a conversation about your growth, not just status.`,
    sharedText: sharedText(input, who),
    learningFocus: draft.learningFocus,
    knowledgeHolders: draft.knowledgeHolders.join('\n'),
    asksHeading: light ? 'Anything to ask for?' : 'Say what you seek',
    asks: Array.from({ length: rows }, (_, index) => ({
      index,
      wanted: draft.asks[index]?.wanted ?? '',
      support: draft.asks[index]?.support ?? '',
    })),
    carried: input.openActions.map((action, index) => ({
      index,
      text: action.text,
      dueText: shortDate(action.dueOn),
      value: carried.has(action.id) ? 'true' : 'false',
    })),
    privateNotes: draft.privateNotes,
    revisionText: input.baseRevision === null ? 'Not saved yet.' : `Saved version ${input.baseRevision}.`,
    oneOnOneId: oneOnOne.id,
    baseRevision: input.baseRevision,
    actionIds: input.openActions.map((a) => a.id),
    // Actions carried earlier that are done now stay on the agenda; the toggles only cover open ones.
    keptActionIds: draft.carriedActionIds.filter((id) => !openIds.has(id)),
    askRows: rows,
    shareTitle: shareTitle(oneOnOne, who, input.sharedAt),
    problems: input.problems ?? [],
    ...noticeFields(input.notice),
  });
  return withRefresh(card, 'refreshAgenda', { oneOnOneId: oneOnOne.id }, input.refreshUserIds ?? []);
}

function sharedText(input: AgendaCardInput, who: string): string {
  if (input.sharedAt) return `Shared with ${who} on ${meetingTime(input.sharedAt, input.timeZone)}.`;
  if (!input.sharedEarlierWith) return '';
  return `You shared this agenda with ${input.sharedEarlierWith}, but this 1:1 is now with ${who}. ${firstName(input.sharedEarlierWith)} can no longer open it, but their card in chat still shows it until you share it again or save a change.`;
}

function shareTitle(oneOnOne: OneOnOne, who: string, sharedAt: string | null): string {
  if (sharedAt || oneOnOne.relationship === 'external' || !oneOnOne.counterpart.personId) return '';
  return oneOnOne.relationship === 'manager' ? 'Share with my manager' : `Share with ${who}`;
}
