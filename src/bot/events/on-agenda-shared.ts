import type { Agenda } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { OutboxEvent } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { sharedAgendaView } from '../views/shared-agenda-view';
import { DeliveryTally } from './delivery-failed';

/** The purpose the shared agenda card is recorded under, per 1:1 and recipient. */
export const SHARED_AGENDA_PURPOSE = 'agenda-shared';

/**
 * The outbox's handler for `agendaShared`: reads the agenda and the 1:1 again by id and delivers what is shared
 * now. Nothing is sent when the agenda or the 1:1 is gone, or the agenda is not (or no longer) shared with
 * this recipient (the same rule as `readSharedAgenda`).
 */
export async function onAgendaShared(
  services: BotServices,
  event: Extract<OutboxEvent, { type: 'agendaShared' }>,
): Promise<void> {
  const { store } = services.deps;
  const [oneOnOne, agenda] = await Promise.all([
    store.getOneOnOne(event.oneOnOneId),
    store.getAgenda(event.ownerId, event.oneOnOneId),
  ]);
  if (!oneOnOne || oneOnOne.ownerId !== event.ownerId || !agenda) return;
  if (!agenda.sharedAt || agenda.counterpartId !== event.recipientId) return;
  await deliverSharedAgenda(services, agenda, oneOnOne, event.recipientId);
}

/**
 * Sends the shared agenda to the other person, or updates the card they already have (see `sharedAgendaView`).
 * Throws `DeliveryFailedError` when the send or update failed (the outbox tries again).
 */
export async function deliverSharedAgenda(
  services: BotServices,
  agenda: Agenda,
  oneOnOne: OneOnOne,
  recipientId: string,
): Promise<void> {
  const { deps, delivery } = services;
  const message = await sharedAgendaView(services, agenda, oneOnOne, recipientId);
  const existing = (await deps.store.listCardActivities(oneOnOne.id)).find(
    (c) => c.personId === recipientId && c.purpose === SHARED_AGENDA_PURPOSE,
  );
  const tally = new DeliveryTally();
  if (existing) {
    tally.note(await delivery.update(existing, message), 'the shared agenda card update');
    tally.settle();
    return;
  }
  const sent = await delivery.send(recipientId, message);
  tally.note(sent.outcome, 'the shared agenda card');
  tally.settle();
  if (sent.outcome !== 'delivered') return;
  await deps.store.saveCardActivity({
    subjectId: oneOnOne.id,
    personId: recipientId,
    purpose: SHARED_AGENDA_PURPOSE,
    activityId: sent.activityId,
    conversationId: sent.conversationId,
    version: agenda.revision,
  });
}
