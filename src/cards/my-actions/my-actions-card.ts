import type { ActionItem } from '../../core/action-item';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, shortDate } from '../card-format';
import { renderCard } from '../render-card';
import template from './my-actions-card.template.json';

export type ReviewedAction = ActionItem & { overdue: boolean };

export interface MyActionsCardInput {
  /** Actions I own, overdue first (done ones are left out). */
  mine: readonly ReviewedAction[];
  /** Open actions others own towards me. */
  others: readonly ReviewedAction[];
  /** Display names by person id, for "with Max". */
  names: ReadonlyMap<string, string>;
  viewerId: string;
  notice?: CardNotice | null;
}

const SHOWN = 15;

/** My open actions, overdue first, each with Mark done; and what others owe me. */
export function myActionsCard(input: MyActionsCardInput): AdaptiveCard {
  const name = (id: string): string => firstName(input.names.get(id) ?? 'them');
  return renderCard(template, {
    mine: input.mine
      .filter((a) => a.status === 'open')
      .slice(0, SHOWN)
      .map((a) => {
        const other = a.employeeId === input.viewerId ? a.counterpartId : a.employeeId;
        return {
          actionId: a.id,
          text: a.text,
          detail: `${a.overdue ? 'Overdue: was due' : 'Due'} ${shortDate(a.dueOn)} · agreed with ${name(other)}`,
          style: a.overdue ? 'attention' : 'default',
        };
      }),
    others: input.others
      .filter((a) => a.status === 'open')
      .slice(0, SHOWN)
      .map(
        (a) =>
          `${name(a.ownerId)}: ${a.text} (${a.overdue ? 'overdue, was due' : 'due'} ${shortDate(a.dueOn)})`,
      ),
    ...noticeFields(input.notice),
  });
}
