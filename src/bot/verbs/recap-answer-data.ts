import { z } from 'zod';
import { cardNumber, inputText, recordIdField } from './verb-data';

/** What the recipient's card sends back: which recap, at which version the card showed it. */
export const recapAnswerData = z.object({
  recapId: recordIdField,
  version: cardNumber.pipe(z.number().min(1)),
});

export const recapChangeData = recapAnswerData.extend({ comment: inputText(10_000) });
