import { daysBetween } from '../../core/calendar-date';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';
import { agendaEditorFor } from '../views/agenda-editor';
import { sendNotice } from './notices';

type AgendaPrompt = Extract<DueItem, { kind: 'agendaPrompt' }>;

const PURPOSE = 'agenda-prompt';

/**
 * Before a 1:1: the agenda card (the light one for a curiosity conversation follows from the 1:1 itself). The
 * card's record keeps which day it was sent for (its `version`: days since 1970), so a 1:1 moved to another day
 * gets a new prompt that says it moved, while one already prompted for that day gets nothing more. A prompt
 * recorded before days were kept (version 0) counts as this day's: nobody is prompted twice for a 1:1 that did
 * not move.
 */
export async function agendaPromptNotice(
  services: BotServices,
  item: AgendaPrompt,
): Promise<DeliveryOutcome> {
  const version = daysBetween('1970-01-01', item.day);
  const earlier = (await services.deps.store.listCardActivities(item.oneOnOneId)).find(
    (card) => card.personId === item.personId && card.purpose === PURPOSE,
  );
  if (earlier && (earlier.version === version || earlier.version === 0)) return 'delivered';
  const card = await agendaEditorFor(services, item.personId, item.oneOnOneId);
  const what = item.light ? 'curiosity conversation' : '1:1';
  return sendNotice(services, item.personId, {
    card,
    summary: earlier ? `Your ${what} moved: get ready for it` : `Get ready for your ${what}`,
    subjectId: item.oneOnOneId,
    purpose: PURPOSE,
    version,
  });
}
