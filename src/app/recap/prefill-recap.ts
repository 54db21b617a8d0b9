import type { RecapContent } from '../../core/recap';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne } from '../load';
import { openActionsWith } from '../agenda/open-agenda';

/** A first draft of the recap from the agenda: what I wanted to learn, what I asked for, what was open. */
export async function prefillRecap(
  deps: AppDeps,
  actorId: string,
  oneOnOneId: string,
): Promise<RecapContent> {
  const oneOnOne = await requireOwnOneOnOne(deps.store, actorId, oneOnOneId);
  const agenda = await deps.store.getAgenda(actorId, oneOnOneId);
  const topics: string[] = [];
  if (agenda?.learningFocus) topics.push(`Learning: ${agenda.learningFocus}`);
  for (const ask of agenda?.asks ?? []) {
    topics.push(ask.support ? `Ask: ${ask.wanted} (support: ${ask.support})` : `Ask: ${ask.wanted}`);
  }
  const carried = new Set(agenda?.carriedActionIds ?? []);
  for (const action of await openActionsWith(deps, actorId, oneOnOne)) {
    if (carried.size === 0 || carried.has(action.id)) topics.push(`Follow-up: ${action.text}`);
  }
  return { topics: topics.map((t) => t.slice(0, 300)).slice(0, 10), actions: [] };
}
