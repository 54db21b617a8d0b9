/** What every Graph route needs: the organisation, the clock reading, links and delta tokens. */
import type { DeltaTokens } from './delta-tokens';
import { GraphFailure } from './graph-errors';
import { findPerson } from './organisation';
import type { Organisation, Person } from './organisation';

export interface RouteContext {
  org: Organisation;
  /** `http://127.0.0.1:PORT/v1.0`: every link the emulator hands out is absolute. */
  baseUrl: string;
  nowMs: number;
  deltaTokens: DeltaTokens;
}

/** A directory lookup (`/users/{id|upn}`, manager, reports, people): 404 `Request_ResourceNotFound`. */
export function directoryUser(ctx: RouteContext, idOrUpn: string): Person {
  const person = findPerson(ctx.org, idOrUpn);
  if (!person) {
    throw new GraphFailure(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return person;
}

/** A mailbox lookup (calendar, mailbox settings): 404 `ErrorItemNotFound`. */
export function mailboxUser(ctx: RouteContext, idOrUpn: string): Person {
  const person = findPerson(ctx.org, idOrUpn);
  if (!person)
    throw new GraphFailure(404, 'ErrorItemNotFound', `The requested user '${idOrUpn}' is invalid.`);
  return person;
}

/** Builds an absolute link below the base URL with the given query (values encoded). */
export function absoluteLink(ctx: RouteContext, path: string, query: [string, string][]): string {
  const search = query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${ctx.baseUrl}${path}${search === '' ? '' : `?${search}`}`;
}
