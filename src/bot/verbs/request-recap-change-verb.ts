import { requestRecapChange } from '../../app/recap/answer-recap';
import { recapContext, recapContextOf } from '../../app/recap/recap-context';
import { firstName } from '../../cards/card-format';
import { recapCardFor } from '../views/recap-cards';
import { staleAnswer } from './acknowledge-recap-verb';
import { cardReply, isCareerError } from './card-reply';
import { recapChangeData } from './recap-answer-data';
import type { VerbHandler } from './verb-data';
import { readData } from './verb-data';

/** The recipient says what should change; the comment goes back to the author to revise. */
export const requestRecapChangeVerb: VerbHandler = async (context) => {
  const { services, actor } = context;
  const { recapId, version, comment } = readData(recapChangeData, context.data);
  let changed;
  try {
    changed = await requestRecapChange(services.deps, { actorId: actor.personId, recapId, version, comment });
  } catch (error) {
    if (isCareerError(error, 'recap.comment_required', 'recap.too_long')) {
      const current = await recapContext(services.deps, actor.personId, recapId);
      return cardReply(
        await recapCardFor(services, current, actor, {
          cardVersion: version,
          notice: { text: error.message, tone: 'attention' },
        }),
      );
    }
    const answered = await staleAnswer(context, recapId, version, error);
    if (answered) return answered;
    throw error;
  }
  const current = await recapContextOf(services.deps, changed.recap);
  const who = firstName(current.author?.displayName ?? 'They');
  return cardReply(
    await recapCardFor(services, current, actor, {
      cardVersion: version,
      notice: { text: `Sent to ${who}. The revised recap will come as a new card.`, tone: 'good' },
    }),
  );
};
