import { shareStanding } from '../../core/agenda';
import type { OutboxEvent } from '../../ports/store';
import type { BotServices } from '../turn/bot-services';
import { withdrawnAgendaView } from '../views/shared-agenda-view';
import { DeliveryTally } from './delivery-failed';
import { SHARED_AGENDA_PURPOSE } from './on-agenda-shared';

/**
 * The outbox's handler for `agendaWithdrawn`: the agenda is no longer shared with this person (the 1:1 is now
 * with someone else), so the shared agenda card they have is replaced, in place, by a card that says so and
 * shows none of the agenda. Nothing happens when they never got a card, or when the agenda is shared with them
 * again by now (the `agendaShared` handler draws it then). Throws `DeliveryFailedError` when the update failed
 * (the outbox tries again).
 */
export async function onAgendaWithdrawn(
  services: BotServices,
  event: Extract<OutboxEvent, { type: 'agendaWithdrawn' }>,
): Promise<void> {
  const { deps, delivery } = services;
  const { store } = deps;
  const agenda = await store.getAgenda(event.ownerId, event.oneOnOneId);
  if (shareStanding(agenda, event.recipientId).sharedAt) return;
  const card = (await store.listCardActivities(event.oneOnOneId)).find(
    (c) => c.personId === event.recipientId && c.purpose === SHARED_AGENDA_PURPOSE,
  );
  if (!card) return;
  const tally = new DeliveryTally();
  tally.note(
    await delivery.update(card, await withdrawnAgendaView(services, event.ownerId)),
    'the withdrawn agenda card update',
  );
  tally.settle();
}
