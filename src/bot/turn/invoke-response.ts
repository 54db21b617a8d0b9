import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { CardReply } from '../verbs/card-reply';

/** Answers an `adaptiveCard/action` invoke: the card that replaces the clicked one, or an error the client shows. */
export async function answerInvoke(context: TurnContext, reply: CardReply): Promise<void> {
  const body =
    reply.kind === 'card'
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
      : {
          statusCode: reply.status,
          type: 'application/vnd.microsoft.error',
          value: { code: reply.code, message: reply.message },
        };
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: body.statusCode, body },
  });
}

export async function answerInvokeStatus(context: TurnContext, status: number): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status } });
}
