import type { ActionItem } from '../../core/action-item';
import { isOverdue, sortForReview } from '../../core/action-item';
import { localDate } from '../../core/time-zone';
import type { AppDeps } from '../deps';
import { requirePerson } from '../load';

export interface ActionsView {
  today: string;
  /** Actions I own, overdue first. */
  mine: (ActionItem & { overdue: boolean })[];
  /** Actions others own that they agreed with me. */
  agreedWithOthers: (ActionItem & { overdue: boolean })[];
}

export async function myActions(deps: AppDeps, personId: string): Promise<ActionsView> {
  const person = await requirePerson(deps.store, personId);
  const today = localDate(deps.clock.now().getTime(), person.timeZone);
  const [asEmployee, owned, asCounterpart] = await Promise.all([
    deps.store.listActionsForEmployee(personId),
    deps.store.listActionsOwnedBy(personId),
    deps.store.listActionsWithCounterpart(personId),
  ]);
  const all = new Map<string, ActionItem>();
  for (const action of [...asEmployee, ...owned, ...asCounterpart]) all.set(action.id, action);
  const mark = (a: ActionItem): ActionItem & { overdue: boolean } => ({ ...a, overdue: isOverdue(a, today) });
  const items = sortForReview([...all.values()], today);
  return {
    today,
    mine: items.filter((a) => a.ownerId === personId).map(mark),
    agreedWithOthers: items.filter((a) => a.ownerId !== personId).map(mark),
  };
}
