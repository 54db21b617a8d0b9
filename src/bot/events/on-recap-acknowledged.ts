import type { RecapContext } from '../../app/recap/recap-context';
import { firstName, meetingDay } from '../../cards/card-format';
import type { BotServices } from '../turn/bot-services';
import { updateRecapCards } from './recap-card-updates';

/** Both people's cards now show who acknowledged it and when; the author also gets a short message. */
export async function onRecapAcknowledged(services: BotServices, context: RecapContext): Promise<void> {
  await updateRecapCards(services, context);
  const { recap, author } = context;
  const who = context.recipient?.displayName ?? 'Your colleague';
  const day = meetingDay(context.oneOnOne?.startsAt ?? recap.createdAt, author?.timeZone ?? 'UTC');
  await services.delivery.send(recap.authorId, {
    text: `${who} acknowledged your recap of ${day}. ${firstName(who)} has the same list of agreed actions as you now.`,
  });
}
