import type { ActionItem } from '../../core/action-item';
import type { Recap, RecapAction, RecapContent } from '../../core/recap';

const ACTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Keeps the ids a client sent back when they are sane and unique, so actions stay the same across edits. */
export function withStableActionIds(content: RecapContent): RecapContent {
  const seen = new Set<string>();
  const actions: RecapAction[] = content.actions.map((action, i) => {
    let id = ACTION_ID.test(action.id) && !seen.has(action.id) ? action.id : `a${i + 1}`;
    while (seen.has(id)) id = `${id}x`;
    seen.add(id);
    return { ...action, id };
  });
  return { topics: content.topics, actions };
}

export function actionItemId(recap: Recap, action: RecapAction): string {
  return `${recap.id}.${action.id}`;
}

/** The action items a sent recap stands for; ones already done keep their state. */
export function actionItemsOf(recap: Recap, existing: readonly ActionItem[], now: string): ActionItem[] {
  const byId = new Map(existing.map((a) => [a.id, a]));
  return recap.actions.map((action) => {
    const id = actionItemId(recap, action);
    const before = byId.get(id);
    return {
      id,
      recapId: recap.id,
      oneOnOneId: recap.oneOnOneId,
      employeeId: recap.authorId,
      counterpartId: recap.recipientId,
      ownerId: action.owner === 'author' ? recap.authorId : recap.recipientId,
      text: action.text,
      dueOn: action.dueOn,
      status: before?.status ?? 'open',
      createdAt: before?.createdAt ?? now,
      completedAt: before?.completedAt ?? null,
    };
  });
}
