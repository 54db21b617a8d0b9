import type { ActionItem } from '../../core/action-item';
import type { ActionDto } from '../contract/api-types';
import type { NameBook } from '../queries/name-book';

/** An action as `viewerId` sees it: who owns it and who the other person of the pair is. */
export async function actionDto(
  action: ActionItem,
  viewerId: string,
  names: NameBook,
  today: string,
): Promise<ActionDto> {
  const otherId = action.employeeId === viewerId ? action.counterpartId : action.employeeId;
  const [owner, agreedWith] = await Promise.all([names.ref(action.ownerId), names.ref(otherId)]);
  return {
    id: action.id,
    text: action.text,
    dueOn: action.dueOn,
    status: action.status,
    overdue: action.status === 'open' && action.dueOn < today,
    completedAt: action.completedAt,
    owner,
    agreedWith,
    oneOnOneId: action.oneOnOneId,
    recapId: action.recapId,
  };
}
