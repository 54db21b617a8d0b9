import { careerError } from '../../core/errors';
import type { Recap } from '../../core/recap';
import type { AppDeps } from '../deps';

/** A recap, for its author or its recipient only. */
export async function readRecap(deps: AppDeps, actorId: string, recapId: string): Promise<Recap> {
  const loaded = await deps.store.getRecap(recapId);
  if (!loaded || (loaded.recap.authorId !== actorId && loaded.recap.recipientId !== actorId)) {
    throw careerError('not_found', 'That recap is not one of yours.');
  }
  return loaded.recap;
}
