import type { Agenda } from '../../core/agenda';
import { careerError } from '../../core/errors';
import type { AppDeps } from '../deps';

/** What the counterpart (usually the manager) may read: agendas shared with them, never private notes. */
export async function readSharedAgenda(
  deps: AppDeps,
  actorId: string,
  authorId: string,
  oneOnOneId: string,
): Promise<Agenda> {
  const agenda = await deps.store.getAgenda(authorId, oneOnOneId);
  if (!agenda || !agenda.sharedAt || agenda.counterpartId !== actorId) {
    throw careerError('not_found', 'No agenda was shared with you for that 1:1.');
  }
  return agenda;
}
