import { CareerError } from '../../core/errors';
import { errorName } from '../events/background-queue';
import type { Actor } from '../turn/actor';
import type { BotServices } from '../turn/bot-services';
import type { CardAction } from './card-action';
import type { CardReply } from './card-reply';
import { refusal, refusalFor } from './card-reply';
import { MalformedAction } from './verb-data';
import { verbHandler } from './verbs';

/**
 * Runs one card action for the person who pressed it. Unknown verbs and malformed data are refused with 400;
 * product refusals (not yours, not found) with 403/404; the use cases make sure nothing changes in those cases.
 * Anything else (a store that fails) is an error invoke response (500) with a message, and is logged by name.
 */
export async function handleCardAction(
  services: BotServices,
  action: CardAction,
  actor: Actor | null,
  source: { activityId: string | null; conversationId: string },
): Promise<CardReply> {
  const started = performance.now();
  const reply = await answer(services, action, actor, source);
  const fields = {
    verb: verbHandler(action.verb) ? action.verb : 'unknown',
    outcome: reply.kind === 'card' ? 200 : reply.status,
    ms: Math.round(performance.now() - started),
  };
  // Answered cards are routine (debug); refusals are worth seeing at the default level.
  if (reply.kind === 'card') services.logger.debug(fields, 'bot.card_action');
  else services.logger.info(fields, 'bot.card_action');
  return reply;
}

async function answer(
  services: BotServices,
  action: CardAction,
  actor: Actor | null,
  source: { activityId: string | null; conversationId: string },
): Promise<CardReply> {
  const handler = verbHandler(action.verb);
  if (!handler)
    return refusal(400, 'unknown_verb', 'This card asks for something Career Conversations does not do.');
  if (!actor) return refusal(403, 'unidentified', 'I could not tell who you are, so nothing was changed.');
  try {
    return await handler({ services, actor, data: action.data, source });
  } catch (error) {
    if (error instanceof MalformedAction) return refusal(400, 'malformed_action', error.detail);
    if (error instanceof CareerError) return refusalFor(error);
    // Our failure (the store, a bug): an error invoke response Teams shows on the card, never a bare 500.
    services.logger.error({ verb: action.verb, error: errorName(error) }, 'bot.card_action.failed');
    return refusal(
      500,
      'internal',
      'Career Conversations could not finish this just now. Try again in a moment.',
    );
  }
}
