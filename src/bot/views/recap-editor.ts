import { peopleById } from '../../app/views/people-by-id';
import type { RecapDraft } from '../../app/recap/recap-context';
import { recapDraft } from '../../app/recap/recap-context';
import type { AdaptiveCard, CardNotice } from '../../cards/adaptive-card';
import { recapEditorCard } from '../../cards/recap-editor/recap-editor-card';
import { needsAcknowledgement } from '../../core/one-on-one';
import type { RecapContent } from '../../core/recap';
import { localDate } from '../../core/time-zone';
import type { BotServices } from '../turn/bot-services';

export interface RecapEditorExtras {
  /** What to show in the inputs instead of the stored draft (a refused send keeps what was typed). */
  content?: RecapContent;
  problems?: readonly string[];
  notice?: CardNotice | null;
}

/** The recap editor for one of the author's 1:1s, with the change asked for when there is one. */
export async function recapEditorFor(
  services: BotServices,
  authorId: string,
  oneOnOneId: string,
  extras: RecapEditorExtras = {},
): Promise<AdaptiveCard> {
  return recapEditorFrom(services, await recapDraft(services.deps, authorId, oneOnOneId), extras);
}

export async function recapEditorFrom(
  services: BotServices,
  draft: RecapDraft,
  extras: RecapEditorExtras = {},
): Promise<AdaptiveCard> {
  const { oneOnOne, author, recap } = draft;
  const changeRequest = recap?.state === 'changeRequested' ? recap.changeRequest : null;
  const names = changeRequest
    ? await peopleById(services.deps, [changeRequest.byId])
    : new Map<string, never>();
  return recapEditorCard({
    oneOnOne,
    authorName: author.displayName,
    timeZone: author.timeZone,
    today: localDate(services.deps.clock.now().getTime(), author.timeZone),
    content: extras.content ?? draft.content,
    requiresAcknowledgement: recap?.requiresAcknowledgement ?? needsAcknowledgement(oneOnOne.relationship),
    changeRequest: changeRequest
      ? {
          byName: names.get(changeRequest.byId)?.displayName.split(/\s+/)[0] ?? oneOnOne.counterpart.name,
          comment: changeRequest.comment,
        }
      : null,
    problems: extras.problems ?? [],
    notice: extras.notice ?? null,
  });
}
