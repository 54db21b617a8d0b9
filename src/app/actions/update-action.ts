import type { ActionItem, ActionStatus } from '../../core/action-item';
import { setActionStatus } from '../../core/action-item';
import { careerError } from '../../core/errors';
import type { AppDeps } from '../deps';

/** Marks an action done or open again; only the two people who agreed it may. */
export async function updateActionStatus(
  deps: AppDeps,
  command: { actorId: string; actionId: string; status: ActionStatus },
): Promise<{ action: ActionItem; changed: boolean }> {
  const action = await deps.store.getAction(command.actionId);
  if (!action || (action.employeeId !== command.actorId && action.counterpartId !== command.actorId)) {
    throw careerError('action.not_found', 'That action is not one of yours.');
  }
  const result = setActionStatus(action, command.actorId, command.status, deps.clock.now().toISOString());
  if (!result.ok) throw result.error;
  if (result.value.changed) await deps.store.saveActions([result.value.action]);
  return result.value;
}
