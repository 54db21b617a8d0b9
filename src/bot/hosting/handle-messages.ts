import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { errorName } from '../events/background-queue';
import { isLoopbackAddress } from './loopback';
import { refuse, toBotResponse } from './node-response';
import { readActivity } from './read-activity';

export interface MessagesEndpoint {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Demo: only requests from this machine, answering only to a connector on this machine. */
  loopbackOnly: boolean;
  logger: Logger;
}

/** `POST /api/messages`: the Bot Framework endpoint, with Node's request and response adapted for the CloudAdapter. */
export function messagesHandler(
  endpoint: MessagesEndpoint,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        refuse(res, 405, 'method_not_allowed', 'Send activities with POST.');
        return;
      }
      if (endpoint.loopbackOnly && !isLoopbackAddress(req.socket.remoteAddress)) {
        refuse(res, 403, 'not_loopback', 'The demo bot only accepts activities from this machine.');
        return;
      }
      const read = await readActivity(req, { loopbackServiceUrlOnly: endpoint.loopbackOnly });
      if (!read.ok) {
        endpoint.logger.info({ status: read.status, code: read.code }, 'bot.activity.refused');
        refuse(res, read.status, read.code, read.message);
        return;
      }
      await endpoint.adapter.process(
        { body: read.activity, headers: req.headers, method: 'POST' },
        toBotResponse(res),
        endpoint.logic,
      );
    } catch (error) {
      endpoint.logger.error({ error: errorName(error) }, 'bot.activity.failed');
      if (!res.headersSent) refuse(res, 500, 'internal', 'The bot could not process this activity.');
    }
  };
}
