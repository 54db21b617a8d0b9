import { myActions } from '../../app/views/my-actions';
import { peopleById } from '../../app/views/people-by-id';
import { sharedAgendaCard } from '../../cards/shared-agenda/shared-agenda-card';
import type { Agenda } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { BotServices } from '../turn/bot-services';

const PURPOSE = 'agenda-shared';

/**
 * Sends the shared agenda to the other person, or updates the card they already have. Built from `Agenda`,
 * which has no private notes: they live in another record and never reach this code.
 */
export async function deliverSharedAgenda(
  services: BotServices,
  agenda: Agenda,
  oneOnOne: OneOnOne,
  recipientId: string,
): Promise<void> {
  const { deps, delivery } = services;
  const [people, actions] = await Promise.all([
    peopleById(deps, [agenda.authorId, recipientId]),
    myActions(deps, recipientId),
  ]);
  const card = sharedAgendaCard({
    agenda,
    oneOnOne,
    authorName: people.get(agenda.authorId)?.displayName ?? 'Your colleague',
    timeZone: people.get(recipientId)?.timeZone ?? 'UTC',
    carriedActions: [...actions.mine, ...actions.agreedWithOthers],
  });
  const summary = `${people.get(agenda.authorId)?.displayName ?? 'A colleague'} shared an agenda for your 1:1`;
  const existing = (await deps.store.listCardActivities(oneOnOne.id)).find(
    (c) => c.personId === recipientId && c.purpose === PURPOSE,
  );
  if (existing) {
    await delivery.update(existing, { card, summary });
    return;
  }
  const sent = await delivery.send(recipientId, { card, summary });
  if (sent.outcome !== 'delivered') return;
  await deps.store.saveCardActivity({
    subjectId: oneOnOne.id,
    personId: recipientId,
    purpose: PURPOSE,
    activityId: sent.activityId,
    conversationId: sent.conversationId,
    version: agenda.revision,
  });
}

/** After the author saves an agenda that is already shared, the other person's card follows (in the background). */
export function refreshSharedAgenda(services: BotServices, agenda: Agenda): void {
  const recipientId = agenda.counterpartId;
  if (!recipientId || !agenda.sharedAt) return;
  services.background.run(
    `agenda:${agenda.oneOnOneId}`,
    async () => {
      const oneOnOne = await services.deps.store.getOneOnOne(agenda.oneOnOneId);
      const existing = (await services.deps.store.listCardActivities(agenda.oneOnOneId)).some(
        (c) => c.personId === recipientId && c.purpose === PURPOSE,
      );
      if (oneOnOne && existing) await deliverSharedAgenda(services, agenda, oneOnOne, recipientId);
    },
    'refreshSharedAgenda',
  );
}
