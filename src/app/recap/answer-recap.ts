import type { Recap } from '../../core/recap';
import {
  acknowledgeRecap as acknowledgeStep,
  requestRecapChange as requestChangeStep,
} from '../../core/recap';
import type { AppDeps } from '../deps';
import { transitionRecap } from './transition-recap';

/** The recipient confirms the recap at the version their card shows. */
export async function acknowledgeRecap(
  deps: AppDeps,
  command: { actorId: string; recapId: string; version: number },
): Promise<{ recap: Recap; changed: boolean }> {
  const result = await transitionRecap(deps, command.recapId, (recap, now) =>
    acknowledgeStep(recap, command.actorId, command.version, now),
  );
  if (result.changed) await deps.events.publish({ type: 'recapAcknowledged', recap: result.recap });
  return result;
}

/** The recipient asks the author to change the recap, saying what. */
export async function requestRecapChange(
  deps: AppDeps,
  command: { actorId: string; recapId: string; version: number; comment: string },
): Promise<{ recap: Recap; changed: boolean }> {
  const result = await transitionRecap(deps, command.recapId, (recap, now) =>
    requestChangeStep(recap, command.actorId, command.version, command.comment, now),
  );
  if (result.changed) await deps.events.publish({ type: 'recapChangeRequested', recap: result.recap });
  return result;
}
