import type { Agenda } from '../../core/agenda';
import { shareStanding } from '../../core/agenda';
import { careerError } from '../../core/errors';
import type { OneOnOne } from '../../core/one-on-one';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne } from '../load';
import { saveAndAnnounce } from '../save-and-announce';
import { agendaEvents, expectAgendaEvents } from './agenda-announcements';

export interface SharedAgendaResult {
  agenda: Agenda;
  oneOnOne: OneOnOne;
  recipientId: string;
  /** False when it was already shared (sharing twice sends nothing new). */
  changed: boolean;
  /** Whom it was shared with before, when that was someone else: their card now says it is no longer shared. */
  withdrawnFrom: string | null;
}

/**
 * Shares the agenda (never the private notes) with the other person of the 1:1 as it stands now. An agenda
 * shared earlier with someone the 1:1 is no longer with is shared anew with the current person: the author
 * pressed Share for this 1:1. The earlier person stops seeing it, and their card says so.
 */
export function shareAgenda(deps: AppDeps, actorId: string, oneOnOneId: string): Promise<SharedAgendaResult> {
  return saveAndAnnounce(
    deps,
    async (expect) => {
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
      const standing = shareStanding(agenda, recipientId);
      if (standing.sharedAt) return { agenda, oneOnOne, recipientId, changed: false, withdrawnFrom: null };
      const withdrawnFrom = standing.sharedEarlierWith;
      const shared: Agenda = {
        ...agenda,
        counterpartId: recipientId,
        sharedAt: deps.clock.now().toISOString(),
        revision: agenda.revision + 1,
      };
      await expectAgendaEvents(expect, oneOnOne, { sharedWith: recipientId, withdrawnFrom });
      await deps.store.saveAgenda(shared);
      return { agenda: shared, oneOnOne, recipientId, changed: true, withdrawnFrom };
    },
    ({ agenda, oneOnOne, recipientId, changed, withdrawnFrom }) =>
      changed ? agendaEvents(agenda, oneOnOne, { sharedWith: recipientId, withdrawnFrom }) : [],
  );
}
