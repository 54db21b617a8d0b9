import { z } from 'zod';
import { recapContext, recapDraft } from '../../app/recap/recap-context';
import { recapCardFor } from '../views/recap-cards';
import { recapEditorFrom } from '../views/recap-editor';
import { cardReply } from './card-reply';
import type { CardReply } from './card-reply';
import type { BotServices } from '../turn/bot-services';
import type { VerbHandler } from './verb-data';
import { readData, recordIdField } from './verb-data';

const data = z.object({ oneOnOneId: recordIdField });

/** The recap of one of my 1:1s: the editor while it can change, otherwise where it stands. */
export const openRecapVerb: VerbHandler = async (context) => {
  const { oneOnOneId } = readData(data, context.data);
  return recapOf(context.services, context.actor.personId, oneOnOneId);
};

export async function recapOf(
  services: BotServices,
  authorId: string,
  oneOnOneId: string,
): Promise<CardReply> {
  const draft = await recapDraft(services.deps, authorId, oneOnOneId);
  if (!draft.recap || draft.recap.state === 'draft' || draft.recap.state === 'changeRequested') {
    return cardReply(await recapEditorFrom(services, draft));
  }
  return cardReply(
    await recapCardFor(services, await recapContext(services.deps, authorId, draft.recap.id), authorId),
  );
}
