import type { Agenda } from '../../core/agenda';
import { shareStanding } from '../../core/agenda';
import { careerError } from '../../core/errors';
import type { OneOnOne } from '../../core/one-on-one';
import type { AppDeps } from '../deps';

/** An agenda shared with someone, with its 1:1 as it is now. */
export interface SharedWithMe {
  agenda: Agenda;
  oneOnOne: OneOnOne;
}

/**
 * Whether `personId` may read this agenda: its author shared it with them, and the 1:1 it was written for is
 * still with them. One shared before the 1:1 moved to someone else is not theirs to read any more, even before
 * the calendar sync withdraws it (`withdrawShareFromFormerCounterpart`).
 */
function readableBy(agenda: Agenda, oneOnOne: OneOnOne | null, personId: string): oneOnOne is OneOnOne {
  return (
    oneOnOne !== null &&
    oneOnOne.ownerId === agenda.authorId &&
    agenda.counterpartId === personId &&
    shareStanding(agenda, oneOnOne.counterpart.personId).sharedAt !== null
  );
}

/** The agenda `authorId` shared with `actorId` for this 1:1, with the 1:1; null when it is not theirs to read. */
export async function sharedAgendaFor(
  deps: AppDeps,
  actorId: string,
  authorId: string,
  oneOnOneId: string,
): Promise<SharedWithMe | null> {
  const [agenda, oneOnOne] = await Promise.all([
    deps.store.getAgenda(authorId, oneOnOneId),
    deps.store.getOneOnOne(oneOnOneId),
  ]);
  return agenda && readableBy(agenda, oneOnOne, actorId) ? { agenda, oneOnOne } : null;
}

/** What the counterpart (usually the manager) may read: agendas shared with them, never private notes. */
export async function readSharedAgenda(
  deps: AppDeps,
  actorId: string,
  authorId: string,
  oneOnOneId: string,
): Promise<SharedWithMe> {
  const shared = await sharedAgendaFor(deps, actorId, authorId, oneOnOneId);
  if (!shared) throw careerError('not_found', 'No agenda was shared with you for that 1:1.');
  return shared;
}

/** Every agenda `personId` may read now (see `readableBy`), each with its 1:1. */
export async function agendasSharedWith(deps: AppDeps, personId: string): Promise<SharedWithMe[]> {
  const agendas = await deps.store.listSharedAgendasFor(personId);
  const shared = await Promise.all(
    agendas.map(async (agenda) => ({ agenda, oneOnOne: await deps.store.getOneOnOne(agenda.oneOnOneId) })),
  );
  return shared.filter((s): s is SharedWithMe => readableBy(s.agenda, s.oneOnOne, personId));
}
