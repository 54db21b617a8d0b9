import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Logger } from 'pino';
import { CareerError } from '../../core/errors';
import type { CareerErrorCode } from '../../core/errors';
import { HttpError } from './http-error';
import { sendError } from './respond';
import type { Router } from './router';

/** Maps product errors to HTTP: refusals on permission are 403, stale writes 409, the rest 400. */
export function statusForCareerError(code: CareerErrorCode): number {
  switch (code) {
    case 'agenda.not_author':
    case 'recap.not_author':
    case 'recap.not_recipient':
    case 'action.not_owner':
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'action.not_found':
      return 404;
    case 'recap.stale_version':
    case 'recap.wrong_state':
    case 'action.wrong_state':
    case 'conflict':
      return 409;
    case 'agenda.empty':
    case 'agenda.too_long':
    case 'agenda.too_many':
    case 'agenda.unknown_person':
    case 'agenda.unknown_action':
    case 'recap.empty':
    case 'recap.too_long':
    case 'recap.too_many':
    case 'recap.bad_due_date':
    case 'recap.bad_owner':
    case 'recap.comment_required':
    case 'settings.invalid':
    case 'event.invalid':
      return 400;
  }
}

export function createHttpServer(router: Router, logger: Logger): Server {
  return createServer((req, res) => {
    void handle(router, logger, req, res);
  });
}

async function handle(
  router: Router,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  res.setHeader('x-request-id', requestId);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  const url = new URL(req.url ?? '/', 'http://localhost');
  let route = 'unmatched';
  try {
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match === null) throw new HttpError(404, 'not_found', `Nothing is served at ${url.pathname}.`);
    if (match === 'method_not_allowed') {
      throw new HttpError(
        405,
        'method_not_allowed',
        `${req.method ?? ''} is not allowed on ${url.pathname}.`,
      );
    }
    route = url.pathname.startsWith('/api/')
      ? url.pathname.split('/').slice(0, 3).join('/')
      : (url.pathname.split('/')[1] ?? '');
    await match.handler({ req, res, url, params: match.params });
  } catch (error) {
    if (res.headersSent) {
      logger.error({ requestId, err: errorSummary(error) }, 'http.error_after_headers');
      res.destroy();
    } else if (error instanceof HttpError) {
      sendError(res, error.status, error.code, error.message, error.details);
    } else if (error instanceof CareerError) {
      sendError(
        res,
        statusForCareerError(error.code),
        error.code,
        error.message,
        error.field ? { field: error.field } : undefined,
      );
    } else {
      logger.error({ requestId, err: errorSummary(error) }, 'http.unhandled');
      sendError(res, 500, 'internal', `Something went wrong on our side. Reference: ${requestId}`);
    }
  } finally {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.debug(
      { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
      'http.request',
    );
  }
}

/** Error name and stack only: messages may carry user text or tokens from a downstream service. */
export function errorSummary(error: unknown): { name: string; stack?: string } {
  if (error instanceof Error)
    return {
      name: error.name,
      ...(error.stack ? { stack: error.stack.split('\n').slice(1, 6).join('\n') } : {}),
    };
  return { name: typeof error };
}
