import { notFound } from '../server/http/http-error';
import type { RouteContext, RouteHandler } from '../server/http/router';
import type { Authenticate } from './api-options';
import { toHttpError } from './api-errors';

export interface ApiRequest extends RouteContext {
  /** The authenticated caller's person id. */
  me: string;
}

/** A route that needs a caller: authentication runs first, product errors become HTTP errors. */
export function authenticated(
  authenticate: Authenticate,
  handler: (request: ApiRequest) => Promise<void>,
): RouteHandler {
  return async (ctx) => {
    try {
      const caller = await authenticate(ctx.req);
      await handler({ ...ctx, me: caller.personId });
    } catch (error) {
      throw toHttpError(error);
    }
  };
}

/** A route anyone may call (the demo's "view as" list). */
export function open(handler: (ctx: RouteContext) => Promise<void>): RouteHandler {
  return async (ctx) => {
    try {
      await handler(ctx);
    } catch (error) {
      throw toHttpError(error);
    }
  };
}

/** The id in a path segment; an absurd one cannot name anything, so it is simply not found. */
export function pathId(ctx: RouteContext, name: string): string {
  const value = ctx.params[name] ?? '';
  if (value.length === 0 || value.length > 300) throw notFound('There is nothing with that id.');
  return value;
}
