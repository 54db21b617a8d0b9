import { shareAgenda } from '../../app/agenda/share-agenda';
import { firstName } from '../../cards/card-format';
import { agendaEditorFor } from '../views/agenda-editor';
import { readAgendaForm } from './agenda-form';
import { cardReply } from './card-reply';
import type { VerbHandler } from './verb-data';
import { trySave } from './save-agenda-verb';

/** Saves what the card shows, then shares the agenda (never the private notes) with the other person. */
export const shareAgendaVerb: VerbHandler = async (context) => {
  const form = readAgendaForm(context.data);
  const refused = await trySave(context, form);
  if (refused) return refused;
  const shared = await shareAgenda(context.services.deps, context.actor.personId, form.oneOnOneId);
  const who = firstName(shared.oneOnOne.counterpart.name);
  return cardReply(
    await agendaEditorFor(context.services, context.actor, form.oneOnOneId, {
      notice: { text: `Shared with ${who}. Your private notes stay with you.`, tone: 'good' },
    }),
  );
};
