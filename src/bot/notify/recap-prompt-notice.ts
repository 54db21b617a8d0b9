import { recapDraft } from '../../app/recap/recap-context';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';
import { recapEditorFrom } from '../views/recap-editor';
import { sendNotice } from './notices';

type RecapPrompt = Extract<DueItem, { kind: 'recapPrompt' }>;

/** After a 1:1: the recap editor, prefilled from the agenda (learning, asks, actions followed up). */
export async function recapPromptNotice(services: BotServices, item: RecapPrompt): Promise<DeliveryOutcome> {
  const draft = await recapDraft(services.deps, item.personId, item.oneOnOneId);
  if (draft.recap && draft.recap.state !== 'draft') return 'delivered';
  return sendNotice(services, item.personId, {
    card: await recapEditorFrom(services, draft),
    summary: `Recap your 1:1 with ${draft.oneOnOne.counterpart.name}`,
    subjectId: item.oneOnOneId,
    purpose: 'recap-prompt',
    version: 0,
  });
}
