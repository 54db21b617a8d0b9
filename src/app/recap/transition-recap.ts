import type { CareerError } from '../../core/errors';
import { careerError } from '../../core/errors';
import type { Recap, RecapTransition } from '../../core/recap';
import type { Result } from '../../core/result';
import type { AppDeps } from '../deps';
import { isStoreConflict } from '../store-conflict';

/**
 * Loads a recap, applies one state-machine step and saves it against the revision it read.
 * When someone else wrote in between, the step is applied again to what they wrote (once).
 */
export async function transitionRecap(
  deps: AppDeps,
  recapId: string,
  step: (recap: Recap, now: string) => Result<RecapTransition, CareerError>,
): Promise<RecapTransition> {
  for (let attempt = 0; ; attempt += 1) {
    const loaded = await deps.store.getRecap(recapId);
    if (!loaded) throw careerError('not_found', 'That recap does not exist (any more).');
    const result = step(loaded.recap, deps.clock.now().toISOString());
    if (!result.ok) throw result.error;
    if (!result.value.changed) return result.value;
    try {
      await deps.store.saveRecap(result.value.recap, loaded.revision);
      return result.value;
    } catch (error) {
      if (!isStoreConflict(error) || attempt >= 2) throw error;
    }
  }
}
