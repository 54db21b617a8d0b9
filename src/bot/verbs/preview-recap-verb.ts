import { recapEditorFor } from '../views/recap-editor';
import { cardReply } from './card-reply';
import { readRecapForm } from './recap-form';
import type { VerbHandler } from './verb-data';

/** Shows the message the other person would get for what is typed now; nothing is saved. */
export const previewRecapVerb: VerbHandler = async (context) => {
  const form = readRecapForm(context.data);
  return cardReply(
    await recapEditorFor(context.services, context.actor.personId, form.oneOnOneId, {
      content: form.content,
    }),
  );
};
