import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';
import { agendaEditorFor } from '../views/agenda-editor';
import { sendNotice } from './notices';

type AgendaPrompt = Extract<DueItem, { kind: 'agendaPrompt' }>;

/** Before a 1:1: the agenda card (the light one for a curiosity conversation follows from the 1:1 itself). */
export async function agendaPromptNotice(
  services: BotServices,
  item: AgendaPrompt,
): Promise<DeliveryOutcome> {
  const card = await agendaEditorFor(services, item.personId, item.oneOnOneId);
  return sendNotice(services, item.personId, {
    card,
    summary: item.light ? 'Get ready for your curiosity conversation' : 'Get ready for your 1:1',
    subjectId: item.oneOnOneId,
    purpose: 'agenda-prompt',
    version: 0,
  });
}
