import { withdrawnFromFormerCounterpart } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { CareerEvents } from '../../ports/career-events';
import type { Store } from '../../ports/store';
import { saveAndAnnounce } from '../save-and-announce';
import { isStoreConflict } from '../store-conflict';
import { agendaEvents, expectAgendaEvents } from './agenda-announcements';

export interface WithdrawDeps {
  store: Pick<Store, 'getAgenda' | 'saveAgenda'>;
  events: CareerEvents;
}

/**
 * The 1:1 is now with someone else (the organiser changed who it is with): an agenda its owner shared with the
 * person it was with is withdrawn from them. The record no longer names them (the tab and Outlook already stopped
 * showing it to them: `readSharedAgenda`), and the shared agenda card in their chat is replaced by one that says
 * so, showing none of it (`agendaWithdrawn`). The calendar sync calls this with the 1:1 as it is about to be
 * saved, before saving it. Returns whom it was withdrawn from, or null when there was nothing to withdraw. An
 * author saving at the same moment wins; the withdrawal is then judged again on what they saved (their save
 * withdraws it too, see `saveAgenda`).
 */
export async function withdrawShareFromFormerCounterpart(
  deps: WithdrawDeps,
  oneOnOne: OneOnOne,
): Promise<string | null> {
  for (let attempt = 0; ; attempt += 1) {
    const agenda = await deps.store.getAgenda(oneOnOne.ownerId, oneOnOne.id);
    const withdrawn = agenda && withdrawnFromFormerCounterpart(agenda, oneOnOne.counterpart.personId);
    if (!agenda || !withdrawn) return null;
    const audience = { sharedWith: null, withdrawnFrom: agenda.counterpartId };
    try {
      await saveAndAnnounce(
        deps,
        async (expect) => {
          await expectAgendaEvents(expect, oneOnOne, audience);
          await deps.store.saveAgenda(withdrawn);
          return withdrawn;
        },
        (saved) => agendaEvents(saved, oneOnOne, audience),
      );
      return audience.withdrawnFrom;
    } catch (error) {
      if (!isStoreConflict(error) || attempt >= 2) throw error;
    }
  }
}
