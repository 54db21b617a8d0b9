import { writeRecap } from '../../app/recap/write-recap';
import { recapEditorFor } from '../views/recap-editor';
import { cardReply } from './card-reply';
import { readRecapForm } from './recap-form';
import { refusedWrite } from './send-recap-verb';
import type { VerbHandler } from './verb-data';

/** Keeps the recap as a draft without sending it. */
export const saveRecapVerb: VerbHandler = async (context) => {
  const form = readRecapForm(context.data);
  try {
    await writeRecap(context.services.deps, {
      actorId: context.actor.personId,
      oneOnOneId: form.oneOnOneId,
      content: form.content,
    });
  } catch (error) {
    const refused = await refusedWrite(context, form.oneOnOneId, form.content, error);
    if (refused) return refused;
    throw error;
  }
  return cardReply(
    await recapEditorFor(context.services, context.actor.personId, form.oneOnOneId, {
      notice: { text: 'Draft saved. Send it when it reads right.', tone: 'good' },
    }),
  );
};
