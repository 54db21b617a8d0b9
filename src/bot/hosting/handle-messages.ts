import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from 'pino';
import { errorName } from '../events/background-queue';
import type { CareerCloudAdapter } from './career-adapter';
import { isLoopbackAddress } from './loopback';
import { refuse, toBotResponse } from './node-response';
import { readActivity } from './read-activity';

export interface MessagesEndpoint {
  adapter: CareerCloudAdapter;
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
        // The rest of an oversized body is not worth reading: the connection closes after the refusal.
        if (read.status === 413) res.setHeader('connection', 'close');
        refuse(res, read.status, read.code, read.message);
        return;
      }
      // Straight to the adapter's turn (authentication, middleware, the invoke's answer): `CloudAdapter.process`
      // would only check again what readActivity checked, and it builds three zod schemas per request to do so,
      // whose leftovers the young-generation GC keeps and promotes (`npm run bench:bot` saw 6-15 ms scavenges).
      let answer: InvokeResponse | undefined;
      try {
        answer = await endpoint.adapter.runTurn(
          req.headers.authorization ?? '',
          read.activity,
          endpoint.logic,
        );
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        endpoint.logger.info({ status: 401 }, 'bot.activity.unauthenticated');
        refuse(res, 401, 'unauthenticated', 'The activity carries no valid Bot Framework token.');
        return;
      }
      // As `process` answers: the invoke's status and body, or 200 with no body.
      const response = toBotResponse(res);
      response.status(answer?.status ?? 200);
      if (answer?.body) response.send(answer.body);
      response.end();
    } catch (error) {
      endpoint.logger.error({ error: errorName(error) }, 'bot.activity.failed');
      if (!res.headersSent) refuse(res, 500, 'internal', 'The bot could not process this activity.');
    }
  };
}
