import type { Agenda } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { CareerEvent } from '../../ports/career-events';
import type { ExpectEvent } from '../save-and-announce';

/** Who hears about an agenda change: the person it is shared with now, and the one it was withdrawn from. */
export interface AgendaAudience {
  sharedWith: string | null;
  withdrawnFrom: string | null;
}

/** Expects the events an agenda change is about to cause (see `saveAndAnnounce`), before it is saved. */
export async function expectAgendaEvents(
  expect: ExpectEvent,
  oneOnOne: OneOnOne,
  audience: AgendaAudience,
): Promise<void> {
  const about = { oneOnOneId: oneOnOne.id, ownerId: oneOnOne.ownerId };
  if (audience.sharedWith) await expect({ type: 'agendaShared', ...about, recipientId: audience.sharedWith });
  if (audience.withdrawnFrom) {
    await expect({ type: 'agendaWithdrawn', ...about, recipientId: audience.withdrawnFrom });
  }
}

/** The events a saved agenda change caused, the same ones `expectAgendaEvents` expected. */
export function agendaEvents(agenda: Agenda, oneOnOne: OneOnOne, audience: AgendaAudience): CareerEvent[] {
  const events: CareerEvent[] = [];
  if (audience.sharedWith)
    events.push({ type: 'agendaShared', agenda, oneOnOne, recipientId: audience.sharedWith });
  if (audience.withdrawnFrom) {
    events.push({ type: 'agendaWithdrawn', agenda, oneOnOne, recipientId: audience.withdrawnFrom });
  }
  return events;
}
