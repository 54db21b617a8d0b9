import type { Recap } from '../../core/recap';
import {
  acknowledgeRecap as acknowledgeStep,
  requestRecapChange as requestChangeStep,
} from '../../core/recap';
import type { AppDeps } from '../deps';
import { announcedRecapTransition } from './transition-recap';

/** The recipient confirms the recap at the version their card shows. */
export function acknowledgeRecap(
  deps: AppDeps,
  command: { actorId: string; recapId: string; version: number },
): Promise<{ recap: Recap; changed: boolean }> {
  return announcedRecapTransition(deps, command.recapId, 'recapAcknowledged', (recap, now) =>
    acknowledgeStep(recap, command.actorId, command.version, now),
  );
}

/** The recipient asks the author to change the recap, saying what. */
export function requestRecapChange(
  deps: AppDeps,
  command: { actorId: string; recapId: string; version: number; comment: string },
): Promise<{ recap: Recap; changed: boolean }> {
  return announcedRecapTransition(deps, command.recapId, 'recapChangeRequested', (recap, now) =>
    requestChangeStep(recap, command.actorId, command.version, command.comment, now),
  );
}
