import type { Recap } from '../../core/recap';
import { sendRecap as sendRecapStep } from '../../core/recap';
import type { AppDeps } from '../deps';
import { actionItemsOf } from './recap-actions';
import { transitionRecap } from './transition-recap';

/** Sends (or re-sends a revised) recap; its agreed actions become tracked action items. */
export async function sendRecap(
  deps: AppDeps,
  actorId: string,
  recapId: string,
): Promise<{ recap: Recap; changed: boolean }> {
  const result = await transitionRecap(deps, recapId, (recap, now) => sendRecapStep(recap, actorId, now));
  if (result.changed) {
    await syncActionItems(deps, result.recap);
    await deps.events.publish({ type: 'recapSent', recap: result.recap });
  }
  return result;
}

async function syncActionItems(deps: AppDeps, recap: Recap): Promise<void> {
  const existing = (await deps.store.listActionsForEmployee(recap.authorId)).filter(
    (a) => a.recapId === recap.id,
  );
  const items = actionItemsOf(recap, existing, deps.clock.now().toISOString());
  const kept = new Set(items.map((a) => a.id));
  for (const gone of existing) {
    // A revision that drops an open action removes it; what was already done stays on record.
    if (!kept.has(gone.id) && gone.status === 'open') await deps.store.deleteAction(gone.id);
  }
  await deps.store.saveActions(items);
}
