import { recapContext, recapContextOf, recapDraft } from '../../app/recap/recap-context';
import { RecapValidationError } from '../../app/recap/recap-errors';
import { sendRecap } from '../../app/recap/send-recap';
import { writeRecap } from '../../app/recap/write-recap';
import { firstName } from '../../cards/card-format';
import { recapCardFor } from '../views/recap-cards';
import { recapEditorFor } from '../views/recap-editor';
import { cardReply, isCareerError } from './card-reply';
import type { CardReply } from './card-reply';
import { readRecapForm } from './recap-form';
import type { VerbContext, VerbHandler } from './verb-data';

/** Writes what the editor shows and sends it; the other person gets the recap card (a revision as a new version). */
export const sendRecapVerb: VerbHandler = async (context) => {
  const { services, actor } = context;
  const form = readRecapForm(context.data);
  let recapId: string;
  try {
    recapId = (
      await writeRecap(services.deps, {
        actorId: actor.personId,
        oneOnOneId: form.oneOnOneId,
        content: form.content,
      })
    ).id;
  } catch (error) {
    const refused = await refusedWrite(context, form.oneOnOneId, form.content, error);
    if (refused) return refused;
    throw error;
  }
  const { recap } = await sendRecap(services.deps, actor.personId, recapId);
  if (context.source.activityId) {
    await services.deps.store.saveCardActivity({
      subjectId: recap.id,
      personId: actor.personId,
      purpose: `recap-author:v${recap.version}`,
      activityId: context.source.activityId,
      conversationId: context.source.conversationId,
      version: recap.version,
    });
  }
  const recapWithPeople = await recapContextOf(services.deps, recap);
  const who = firstName(recapWithPeople.recipient?.displayName ?? 'them');
  return cardReply(
    await recapCardFor(services, recapWithPeople, actor, {
      notice: { text: `Sent to ${who}.`, tone: 'good' },
    }),
  );
};

/** The editor again with the reasons, or the recap as it stands when it can no longer be edited. */
export async function refusedWrite(
  context: VerbContext,
  oneOnOneId: string,
  content: Parameters<typeof writeRecap>[1]['content'],
  error: unknown,
): Promise<CardReply | null> {
  const { services, actor } = context;
  if (error instanceof RecapValidationError) {
    return cardReply(
      await recapEditorFor(services, actor.personId, oneOnOneId, {
        content,
        problems: error.problems.map((p) => p.message),
      }),
    );
  }
  if (isCareerError(error, 'recap.wrong_state')) {
    const { recap } = await recapDraft(services.deps, actor.personId, oneOnOneId);
    if (recap) {
      const current = await recapContext(services.deps, actor.personId, recap.id);
      return cardReply(
        await recapCardFor(services, current, actor, {
          notice: { text: error.message, tone: 'warning' },
        }),
      );
    }
  }
  return null;
}
