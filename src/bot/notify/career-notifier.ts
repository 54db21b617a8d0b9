import { CareerError } from '../../core/errors';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome, Notifier } from '../../ports/notifier';
import { errorName } from '../events/background-queue';
import type { BotServices } from '../turn/bot-services';
import { acknowledgementReminderNotice } from './acknowledgement-reminder-notice';
import { actionReminderNotice } from './action-reminder-notice';
import { agendaPromptNotice } from './agenda-prompt-notice';
import { cadenceNudgeNotice } from './cadence-nudge-notice';
import { recapPromptNotice } from './recap-prompt-notice';

/** Renders what the schedule says is due into a card and sends it (the store's claim makes it once only). */
export class CareerNotifier implements Notifier {
  constructor(private readonly services: BotServices) {}

  async deliver(item: DueItem): Promise<DeliveryOutcome> {
    try {
      const outcome = await this.render(item);
      this.services.logger.info({ kind: item.kind, outcome }, 'bot.notice');
      return outcome;
    } catch (error) {
      // The record went away or is no longer this person's: nothing to send, and nothing to retry.
      if (error instanceof CareerError && (error.code === 'not_found' || error.code === 'action.not_found')) {
        this.services.logger.info({ kind: item.kind, outcome: 'skipped' }, 'bot.notice');
        return 'delivered';
      }
      this.services.logger.error({ kind: item.kind, error: errorName(error) }, 'bot.notice.failed');
      return 'failed';
    }
  }

  private render(item: DueItem): Promise<DeliveryOutcome> {
    switch (item.kind) {
      case 'agendaPrompt':
        return agendaPromptNotice(this.services, item);
      case 'recapPrompt':
        return recapPromptNotice(this.services, item);
      case 'acknowledgementReminder':
        return acknowledgementReminderNotice(this.services, item);
      case 'actionReminder':
        return actionReminderNotice(this.services, item);
      case 'cadenceNudge':
        return cadenceNudgeNotice(this.services, item);
    }
  }
}
