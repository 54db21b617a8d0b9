import type { CareerError } from '../../core/errors';
import { careerError } from '../../core/errors';
import type { Recap, RecapTransition } from '../../core/recap';
import type { Result } from '../../core/result';
import type { AppDeps } from '../deps';
import { saveAndAnnounce } from '../save-and-announce';
import { isStoreConflict } from '../store-conflict';

type RecapStep = (recap: Recap, now: string) => Result<RecapTransition, CareerError>;

/** The recap events the other person hears about, each caused by one state-machine step. */
export type RecapEventType = 'recapSent' | 'recapAcknowledged' | 'recapChangeRequested';

/**
 * Loads a recap, applies one state-machine step and saves it against the revision it read.
 * When someone else wrote in between, the step is applied again to what they wrote (once).
 * `beforeSave` runs right before each save of a changed recap.
 */
export async function transitionRecap(
  deps: AppDeps,
  recapId: string,
  step: RecapStep,
  beforeSave: (recap: Recap) => Promise<void> = () => Promise.resolve(),
): Promise<RecapTransition> {
  for (let attempt = 0; ; attempt += 1) {
    const loaded = await deps.store.getRecap(recapId);
    if (!loaded) throw careerError('not_found', 'That recap does not exist (any more).');
    const result = step(loaded.recap, deps.clock.now().toISOString());
    if (!result.ok) throw result.error;
    if (!result.value.changed) return result.value;
    await beforeSave(result.value.recap);
    try {
      await deps.store.saveRecap(result.value.recap, loaded.revision);
      return result.value;
    } catch (error) {
      if (!isStoreConflict(error) || attempt >= 2) throw error;
    }
  }
}

/**
 * A transition the other person hears about as `type`, intent first (see `saveAndAnnounce`): the event is
 * expected before the recap is saved, published once it is, and withdrawn when the step changed nothing in
 * the end (someone did it first) or the save failed.
 */
export function announcedRecapTransition(
  deps: AppDeps,
  recapId: string,
  type: RecapEventType,
  step: RecapStep,
): Promise<RecapTransition> {
  return saveAndAnnounce(
    deps,
    (expect) =>
      transitionRecap(deps, recapId, step, (recap) =>
        expect({ type, authorId: recap.authorId, recapId: recap.id }),
      ),
    (result) => (result.changed ? [{ type, recap: result.recap }] : []),
  );
}
