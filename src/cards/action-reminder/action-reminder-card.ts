import type { ActionItem } from '../../core/action-item';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, shortDate } from '../card-format';
import { renderCard } from '../render-card';
import template from './action-reminder-card.template.json';

export interface ActionReminderCardInput {
  action: ActionItem;
  overdue: boolean;
  /** The other person of the pair. */
  withName: string;
  notice?: CardNotice | null;
}

/** A nudge about one action the reader owns, with Mark done. */
export function actionReminderCard(input: ActionReminderCardInput): AdaptiveCard {
  const { action } = input;
  const open = action.status === 'open';
  return renderCard(template, {
    heading: !open
      ? 'Done: nice work'
      : input.overdue
        ? 'This action is overdue'
        : 'This action is due today',
    text: action.text,
    detail: `${open ? 'Due' : 'Was due'} ${shortDate(action.dueOn)} · agreed with ${firstName(input.withName)}`,
    style: !open ? 'good' : input.overdue ? 'attention' : 'emphasis',
    open,
    actionId: action.id,
    ...noticeFields(input.notice),
  });
}
