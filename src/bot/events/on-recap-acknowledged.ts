import type { RecapContext } from '../../app/recap/recap-context';
import { firstName, meetingDay } from '../../cards/card-format';
import type { BotServices } from '../turn/bot-services';
import { DeliveryTally } from './delivery-failed';
import { RECAP_PURPOSE, updateRecapCards } from './recap-card-updates';
import { sendRecordedToAuthor } from './send-recorded';

/**
 * Both people's cards now show who acknowledged it and when; the author also gets a short message, once per
 * version (it is recorded like a card, so running this again does not repeat it). Nothing is done for a recap
 * that is not acknowledged (the acknowledgement was never saved).
 */
export async function onRecapAcknowledged(services: BotServices, context: RecapContext): Promise<void> {
  if (context.recap.state !== 'acknowledged') return;
  const tally = new DeliveryTally();
  const cards = await updateRecapCards(services, context, undefined, tally);
  const { recap, author } = context;
  const purpose = RECAP_PURPOSE.acknowledged(recap.version);
  const told = cards.some((c) => c.personId === recap.authorId && c.purpose === purpose);
  if (!told) {
    const who = context.recipient?.displayName ?? 'Your colleague';
    const day = meetingDay(context.oneOnOne?.startsAt ?? recap.createdAt, author?.timeZone ?? 'UTC');
    await sendRecordedToAuthor(
      services,
      recap,
      purpose,
      {
        text: `${who} acknowledged your recap of ${day}. ${firstName(who)} has the same list of agreed actions as you now.`,
      },
      tally,
      'the acknowledgement message',
    );
  }
  tally.settle();
}
