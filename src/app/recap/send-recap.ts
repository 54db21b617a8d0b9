import type { Recap } from '../../core/recap';
import { sendRecap as sendRecapStep } from '../../core/recap';
import type { AppDeps } from '../deps';
import { actionItemsOf } from './recap-actions';
import { announcedRecapTransition } from './transition-recap';

/** Sends (or re-sends a revised) recap; its agreed actions become tracked action items. */
export async function sendRecap(
  deps: AppDeps,
  actorId: string,
  recapId: string,
): Promise<{ recap: Recap; changed: boolean }> {
  const result = await announcedRecapTransition(deps, recapId, 'recapSent', (recap, now) =>
    sendRecapStep(recap, actorId, now),
  );
  // After the event is published: the recap is saved as sent by now, so a failure here must not hold it up.
  // Sending again what is already sent re-syncs its actions (the same items, done ones kept): a crash between
  // the save and this sync is healed by the author's next press of Send.
  await syncActionItems(deps, result.recap);
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
