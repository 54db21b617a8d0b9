import { recapContext } from '../../app/recap/recap-context';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import { RECAP_PURPOSE } from '../events/recap-card-updates';
import type { BotServices } from '../turn/bot-services';
import { recapCardFor } from '../views/recap-cards';
import { sendNotice } from './notices';

type AcknowledgementReminder = Extract<DueItem, { kind: 'acknowledgementReminder' }>;

/** The recipient has not answered a recap: once, the same card again with both buttons. */
export async function acknowledgementReminderNotice(
  services: BotServices,
  item: AcknowledgementReminder,
): Promise<DeliveryOutcome> {
  const context = await recapContext(services.deps, item.personId, item.recapId);
  const { recap } = context;
  if (recap.state !== 'sent' || recap.version !== item.version || recap.recipientId !== item.personId)
    return 'delivered';
  return sendNotice(services, item.personId, {
    card: await recapCardFor(services, context, item.personId, {
      cardVersion: recap.version,
      reminder: true,
    }),
    summary: `${context.author?.displayName ?? 'A colleague'} is waiting for you to acknowledge a recap`,
    subjectId: recap.id,
    purpose: RECAP_PURPOSE.reminder(recap.version),
    version: recap.version,
  });
}
