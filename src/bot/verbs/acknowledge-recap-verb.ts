import { acknowledgeRecap } from '../../app/recap/answer-recap';
import { recapContext, recapContextOf } from '../../app/recap/recap-context';
import { firstName } from '../../cards/card-format';
import type { CardNotice } from '../../cards/adaptive-card';
import { recapCardFor } from '../views/recap-cards';
import type { CardReply } from './card-reply';
import { cardReply, isCareerError } from './card-reply';
import { recapAnswerData } from './recap-answer-data';
import type { VerbContext, VerbHandler } from './verb-data';
import { readData } from './verb-data';

/** The recipient confirms the recap at the version their card shows; both people's cards then say so. */
export const acknowledgeRecapVerb: VerbHandler = async (context) => {
  const { recapId, version } = readData(recapAnswerData, context.data);
  try {
    const result = await acknowledgeRecap(context.services.deps, {
      actorId: context.actor.personId,
      recapId,
      version,
    });
    const current = await recapContextOf(context.services.deps, result.recap);
    const who = firstName(current.author?.displayName ?? 'They');
    const notice: CardNotice = result.changed
      ? { text: `Thanks. ${who} can see you acknowledged it.`, tone: 'good' }
      : { text: 'You had already acknowledged this recap.', tone: 'accent' };
    return cardReply(
      await recapCardFor(context.services, current, context.actor, { cardVersion: version, notice }),
    );
  } catch (error) {
    const answered = await staleAnswer(context, recapId, version, error);
    if (answered) return answered;
    throw error;
  }
};

/** A stale or out-of-turn answer changes nothing: the card is redrawn as things stand, with the reason. */
export async function staleAnswer(
  context: VerbContext,
  recapId: string,
  version: number,
  error: unknown,
): Promise<CardReply | null> {
  if (!isCareerError(error, 'recap.stale_version', 'recap.wrong_state')) return null;
  const current = await recapContext(context.services.deps, context.actor.personId, recapId);
  return cardReply(
    await recapCardFor(context.services, current, context.actor, {
      cardVersion: version,
      notice: { text: error.message, tone: 'warning' },
    }),
  );
}
