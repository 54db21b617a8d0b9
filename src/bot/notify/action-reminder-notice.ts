import { myActions } from '../../app/views/my-actions';
import { peopleById } from '../../app/views/people-by-id';
import { actionReminderCard } from '../../cards/action-reminder/action-reminder-card';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';
import { sendNotice } from './notices';

type ActionReminder = Extract<DueItem, { kind: 'actionReminder' }>;

/** An action the person owns is due (or overdue): the action with Mark done. */
export async function actionReminderNotice(
  services: BotServices,
  item: ActionReminder,
): Promise<DeliveryOutcome> {
  const view = await myActions(services.deps, item.personId);
  const action = view.mine.find((a) => a.id === item.actionId);
  if (!action || action.status !== 'open') return 'delivered';
  const other = action.employeeId === item.personId ? action.counterpartId : action.employeeId;
  const names = await peopleById(services.deps, [other]);
  return sendNotice(services, item.personId, {
    card: actionReminderCard({
      action,
      overdue: action.overdue,
      withName: names.get(other)?.displayName ?? 'your colleague',
    }),
    summary: action.overdue ? 'An action you agreed is overdue' : 'An action you agreed is due today',
    subjectId: action.id,
    purpose: `action-reminder:${action.dueOn}`,
    version: 0,
  });
}
