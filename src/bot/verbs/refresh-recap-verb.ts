import { recapContext } from '../../app/recap/recap-context';
import { recapCardFor } from '../views/recap-cards';
import { cardReply } from './card-reply';
import { recapAnswerData } from './recap-answer-data';
import type { VerbHandler } from './verb-data';
import { readData } from './verb-data';

/** Universal Actions refresh: the recap card as it stands now, for whichever of the two people opened it. */
export const refreshRecapVerb: VerbHandler = async (context) => {
  const { recapId, version } = readData(recapAnswerData, context.data);
  const current = await recapContext(context.services.deps, context.actor.personId, recapId);
  return cardReply(await recapCardFor(context.services, current, context.actor, { cardVersion: version }));
};
