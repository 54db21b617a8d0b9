import { AgendaValidationError, saveAgenda } from '../../app/agenda/save-agenda';
import { agendaEditorFor } from '../views/agenda-editor';
import { readAgendaForm } from './agenda-form';
import type { AgendaForm } from './agenda-form';
import type { CardReply } from './card-reply';
import { cardReply, isCareerError } from './card-reply';
import type { VerbContext, VerbHandler } from './verb-data';

/** Saves the agenda (the revision shown is the base: a stale save is refused and the latest shown). */
export const saveAgendaVerb: VerbHandler = async (context) => {
  const form = readAgendaForm(context.data);
  const refused = await trySave(context, form);
  if (refused) return refused;
  return cardReply(
    await agendaEditorFor(context.services, context.actor, form.oneOnOneId, {
      notice: { text: 'Saved.', tone: 'good' },
    }),
  );
};

/** Saves; null when it worked, otherwise the card that says why not. */
export async function trySave(context: VerbContext, form: AgendaForm): Promise<CardReply | null> {
  const { services, actor } = context;
  try {
    // An agenda already shared updates the other person's card through the outbox (see saveAgenda).
    await saveAgenda(services.deps, {
      actorId: actor.personId,
      oneOnOneId: form.oneOnOneId,
      input: form.input,
      baseRevision: form.baseRevision,
    });
    return null;
  } catch (error) {
    if (error instanceof AgendaValidationError) {
      return cardReply(
        await agendaEditorFor(services, actor, form.oneOnOneId, {
          draft: form.draft,
          baseRevision: form.baseRevision,
          problems: error.problems.map((p) => p.message),
        }),
      );
    }
    if (isCareerError(error, 'conflict')) {
      return cardReply(
        await agendaEditorFor(services, actor, form.oneOnOneId, {
          notice: {
            text: 'This agenda was changed somewhere else (another chat, the tab or Outlook), so your edits were not saved. Here is the latest version.',
            tone: 'warning',
          },
        }),
      );
    }
    throw error;
  }
}
