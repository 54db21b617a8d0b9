/** Dispatches one Graph request (outer or inside `$batch`) to the directory or calendar routes. */
import { calendarRoute } from './calendar-routes';
import { directoryRoute } from './directory-routes';
import { GraphFailure } from './graph-errors';
import type { GraphRequest, GraphResponse } from './graph-exchange';
import { findPerson } from './organisation';
import type { Organisation } from './organisation';
import type { RouteContext } from './route-context';

/** Throws `GraphFailure` for 4xx answers. */
export function routeGraphRequest(ctx: RouteContext, request: GraphRequest): GraphResponse {
  if (request.method !== 'GET') {
    throw new GraphFailure(
      405,
      'Request_BadRequest',
      `The emulator does not support ${request.method} on this resource.`,
    );
  }
  const response = calendarRoute(ctx, request) ?? directoryRoute(ctx, request);
  if (response) return response;
  const unknown = request.segments.find((segment) => segment !== '') ?? '';
  throw new GraphFailure(400, 'BadRequest', `Resource not found for the segment '${unknown}'.`);
}

/** The mailbox (person index) a request is about, for per-mailbox throttling: `/users/{id|upn}/...`. */
export function mailboxOf(org: Organisation, request: Pick<GraphRequest, 'segments'>): number | null {
  const [root, key] = request.segments;
  if (root?.toLowerCase() !== 'users' || key === undefined) return null;
  return findPerson(org, key)?.index ?? null;
}
