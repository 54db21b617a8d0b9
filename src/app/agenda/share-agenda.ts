import type { Agenda } from '../../core/agenda';
import { careerError } from '../../core/errors';
import type { OneOnOne } from '../../core/one-on-one';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne } from '../load';

export interface SharedAgendaResult {
  agenda: Agenda;
  oneOnOne: OneOnOne;
  recipientId: string;
  /** False when it was already shared (sharing twice sends nothing new). */
  changed: boolean;
}

/** Shares the agenda (never the private notes) with the other person of the 1:1. */
export async function shareAgenda(
  deps: AppDeps,
  actorId: string,
  oneOnOneId: string,
): Promise<SharedAgendaResult> {
  const oneOnOne = await requireOwnOneOnOne(deps.store, actorId, oneOnOneId);
  const recipientId = oneOnOne.counterpart.personId;
  if (!recipientId || oneOnOne.relationship === 'external') {
    throw careerError(
      'forbidden',
      'Agendas can be shared only with people in your organisation who use Career Conversations.',
    );
  }
  const agenda = await deps.store.getAgenda(actorId, oneOnOneId);
  if (!agenda) throw careerError('agenda.empty', 'Write the agenda before sharing it.');
  if (agenda.sharedAt) return { agenda, oneOnOne, recipientId, changed: false };
  const shared: Agenda = {
    ...agenda,
    sharedAt: deps.clock.now().toISOString(),
    revision: agenda.revision + 1,
  };
  await deps.store.saveAgenda(shared);
  await deps.events.publish({ type: 'agendaShared', agenda: shared, oneOnOne, recipientId });
  return { agenda: shared, oneOnOne, recipientId, changed: true };
}
