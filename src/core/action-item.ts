import { careerError } from './errors';
import type { CareerError } from './errors';
import type { Result } from './result';
import { fail, ok } from './result';

export type ActionStatus = 'open' | 'done';

/** Something one side agreed to do, with a date: the tangible outcome of a conversation. */
export interface ActionItem {
  id: string;
  recapId: string;
  oneOnOneId: string;
  /** The employee who wrote the recap; the pair is (employeeId, counterpartId). */
  employeeId: string;
  counterpartId: string;
  ownerId: string;
  text: string;
  /** `YYYY-MM-DD` in the owner's calendar. */
  dueOn: string;
  status: ActionStatus;
  createdAt: string;
  completedAt: string | null;
}

/** Open actions between the same two people, oldest due date first: they open the next agenda. */
export function carriedActions(
  actions: readonly ActionItem[],
  employeeId: string,
  counterpartId: string,
): ActionItem[] {
  return actions
    .filter((a) => a.status === 'open' && a.employeeId === employeeId && a.counterpartId === counterpartId)
    .sort(byDueDate);
}

export function isOverdue(action: ActionItem, today: string): boolean {
  return action.status === 'open' && action.dueOn < today;
}

/** Overdue first, then by due date, then done ones last. */
export function sortForReview(actions: readonly ActionItem[], today: string): ActionItem[] {
  const rank = (a: ActionItem): number => (a.status === 'done' ? 2 : isOverdue(a, today) ? 0 : 1);
  return [...actions].sort((a, b) => rank(a) - rank(b) || byDueDate(a, b));
}

function byDueDate(a: ActionItem, b: ActionItem): number {
  return a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);
}

/** Marks an action done (or reopens it). Either side of the pair may; doing it twice changes nothing. */
export function setActionStatus(
  action: ActionItem,
  actorId: string,
  status: ActionStatus,
  now: string,
): Result<{ action: ActionItem; changed: boolean }, CareerError> {
  if (actorId !== action.employeeId && actorId !== action.counterpartId) {
    return fail(careerError('action.not_owner', 'Only the two people who agreed this action can update it.'));
  }
  if (action.status === status) return ok({ action, changed: false });
  return ok({
    action: { ...action, status, completedAt: status === 'done' ? now : null },
    changed: true,
  });
}
