import { recapContext } from '../../app/recap/recap-context';
import type { CareerEvent, CareerEvents } from '../../ports/career-events';
import type { BotServices } from '../turn/bot-services';
import { deliverSharedAgenda } from './on-agenda-shared';
import { onRecapAcknowledged } from './on-recap-acknowledged';
import { onRecapChangeRequested } from './on-recap-change-requested';
import { onRecapSent } from './on-recap-sent';

/**
 * Turns what happened (from chat, the tab or Outlook) into cards for the other person. Publishing only queues
 * the work, so no surface waits on Teams; events about one record are handled in the order they happened.
 */
export class CareerEventListener implements CareerEvents {
  private services: BotServices | null = null;

  attach(services: BotServices): void {
    this.services = services;
  }

  publish(event: CareerEvent): Promise<void> {
    const services = this.services;
    if (!services) return Promise.reject(new Error('The bot listener is not attached yet.'));
    services.background.run(subjectOf(event), () => handle(services, event), event.type);
    return Promise.resolve();
  }
}

function subjectOf(event: CareerEvent): string {
  return event.type === 'agendaShared' ? `agenda:${event.oneOnOne.id}` : `recap:${event.recap.id}`;
}

async function handle(services: BotServices, event: CareerEvent): Promise<void> {
  switch (event.type) {
    case 'agendaShared':
      return deliverSharedAgenda(services, event.agenda, event.oneOnOne, event.recipientId);
    case 'recapSent':
      // The state is read again when the job runs: a later event about the same recap may already have landed.
      return onRecapSent(services, await recapContext(services.deps, event.recap.authorId, event.recap.id));
    case 'recapAcknowledged':
      return onRecapAcknowledged(
        services,
        await recapContext(services.deps, event.recap.authorId, event.recap.id),
      );
    case 'recapChangeRequested':
      return onRecapChangeRequested(
        services,
        await recapContext(services.deps, event.recap.authorId, event.recap.id),
      );
  }
}
