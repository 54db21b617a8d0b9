import { z } from 'zod';
import { updateActionStatus } from '../../app/actions/update-action';
import { isOverdue } from '../../core/action-item';
import { localDate } from '../../core/time-zone';
import { peopleById } from '../../app/views/people-by-id';
import { actionReminderCard } from '../../cards/action-reminder/action-reminder-card';
import { myActionsFor } from '../views/everyday-cards';
import { cardReply } from './card-reply';
import type { VerbHandler } from './verb-data';
import { readData, recordIdField } from './verb-data';

const data = z.object({ actionId: recordIdField, view: z.enum(['list', 'reminder']).default('list') });

/** Marks one of my actions done, from the list or from its reminder (doing it twice changes nothing). */
export const markActionDoneVerb: VerbHandler = async (context) => {
  const { services, actor } = context;
  const { actionId, view } = readData(data, context.data);
  const { action } = await updateActionStatus(services.deps, {
    actorId: actor.personId,
    actionId,
    status: 'done',
  });
  if (view === 'list') {
    return cardReply(
      await myActionsFor(services, actor.personId, { text: `Marked done: ${action.text}`, tone: 'good' }),
    );
  }
  const other = action.employeeId === actor.personId ? action.counterpartId : action.employeeId;
  const people = await peopleById(services.deps, [actor.personId, other]);
  const today = localDate(services.deps.clock.now().getTime(), people.get(actor.personId)?.timeZone ?? 'UTC');
  return cardReply(
    actionReminderCard({
      action,
      overdue: isOverdue(action, today),
      withName: people.get(other)?.displayName ?? 'your colleague',
    }),
  );
};
