import type { TurnContext } from 'botbuilder';
import { commandOf } from '../commands/command-text';
import { COMMANDS, notUnderstood } from '../commands/commands';
import { farewell, welcome } from '../conversations/welcome';
import { rememberConversation } from '../conversations/remember-conversation';
import { messageActivity } from '../delivery/message-activity';
import { errorName } from '../events/background-queue';
import { readExecuteAction, readSubmitAction } from '../verbs/card-action';
import { refusal } from '../verbs/card-reply';
import { handleCardAction } from '../verbs/handle-card-action';
import { actorOf } from './actor';
import { isPersonalChat } from './personal-scope';
import type { BotServices } from './bot-services';
import { answerInvoke, answerInvokeStatus } from './invoke-response';

const UNIDENTIFIED =
  'I can only help people signed in with their work account, and could not tell who you are.';
const NOT_HERE =
  'Career conversations are personal: message me in a one-to-one chat and I will help you there.';

/** One turn: typed commands, card actions, install and removal. Nothing thrown here reaches the adapter. */
export function careerTurn(services: BotServices): (context: TurnContext) => Promise<void> {
  return async (context) => {
    try {
      await route(services, context);
    } catch (error) {
      services.logger.error({ activity: context.activity.type, error: errorName(error) }, 'bot.turn.failed');
      if (context.activity.type === 'invoke') {
        await answerInvoke(
          context,
          refusal(500, 'internal', 'Something went wrong on our side. Please try again in a moment.'),
        );
      } else if (context.activity.type === 'message') {
        await context
          .sendActivity('Something went wrong on my side. Please try again in a moment.')
          .catch(() => undefined);
      }
    }
  };
}

async function route(services: BotServices, context: TurnContext): Promise<void> {
  const { activity } = context;
  const actor = actorOf(activity);
  const personal = isPersonalChat(activity);
  switch (activity.type) {
    case 'invoke': {
      if (activity.name !== 'adaptiveCard/action') return answerInvokeStatus(context, 501);
      if (!personal) return answerInvoke(context, refusal(403, 'not_personal', NOT_HERE));
      const read = readExecuteAction(activity);
      const reply = read.ok
        ? await handleCardAction(services, read.action, actor, cardSource(context))
        : refusal(400, 'malformed_action', read.message);
      return answerInvoke(context, reply);
    }
    case 'message': {
      if (!actor || !personal) {
        await context.sendActivity(actor ? NOT_HERE : UNIDENTIFIED);
        return;
      }
      const submitted = readSubmitAction(activity);
      if (submitted) {
        // Action.Submit fallback (clients without Universal Actions): the card is replaced by an update.
        const reply = await handleCardAction(services, submitted, actor, cardSource(context));
        if (reply.kind === 'card' && activity.replyToId) {
          await context.updateActivity({ ...messageActivity({ card: reply.card }), id: activity.replyToId });
        } else {
          await context.sendActivity(
            messageActivity(reply.kind === 'card' ? { card: reply.card } : { text: reply.message }),
          );
        }
        return;
      }
      await rememberConversation(services, actor, activity);
      const command = commandOf(activity);
      const message = command ? await COMMANDS[command](services, actor.personId) : notUnderstood();
      await context.sendActivity(messageActivity(message));
      return;
    }
    case 'installationUpdate': {
      if (!actor || !personal) return;
      if (activity.action === 'add' || activity.action === 'add-upgrade')
        return welcome(services, context, actor);
      if (activity.action === 'remove' || activity.action === 'remove-upgrade')
        return farewell(services, actor);
      return;
    }
    case 'conversationUpdate': {
      const botAdded = activity.membersAdded?.some((member) => member.id === activity.recipient.id) ?? false;
      const personAdded = activity.membersAdded?.some((member) => member.id === activity.from.id) ?? false;
      if (actor && personal && (botAdded || personAdded)) await welcome(services, context, actor);
      return;
    }
    default:
      return;
  }
}

function cardSource(context: TurnContext): { activityId: string | null; conversationId: string } {
  return { activityId: context.activity.replyToId ?? null, conversationId: context.activity.conversation.id };
}
