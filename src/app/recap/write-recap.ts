import { careerError } from '../../core/errors';
import { needsAcknowledgement } from '../../core/one-on-one';
import type { Recap, RecapContent } from '../../core/recap';
import { editRecap, startRecap, validateRecapContent } from '../../core/recap';
import { localDate } from '../../core/time-zone';
import type { AppDeps } from '../deps';
import { recordId } from '../deps';
import { requireOwnOneOnOne, requirePerson } from '../load';
import { RecapValidationError } from './recap-errors';
import { withStableActionIds } from './recap-actions';

/** Creates the recap of a 1:1, or edits the draft / revises it after a change request. */
export async function writeRecap(
  deps: AppDeps,
  command: { actorId: string; oneOnOneId: string; content: RecapContent },
): Promise<Recap> {
  const { store } = deps;
  const oneOnOne = await requireOwnOneOnOne(store, command.actorId, command.oneOnOneId);
  const recipientId = oneOnOne.counterpart.personId;
  if (!recipientId || (oneOnOne.relationship !== 'manager' && oneOnOne.relationship !== 'peer')) {
    throw careerError(
      'forbidden',
      'Recaps are for conversations with your manager or with colleagues you learn from.',
    );
  }
  const author = await requirePerson(store, command.actorId);
  const now = deps.clock.now();
  const validated = validateRecapContent(
    withStableActionIds(command.content),
    localDate(now.getTime(), author.timeZone),
  );
  if (!validated.ok) throw new RecapValidationError(validated.error);

  const existing = await store.findRecapForOneOnOne(command.actorId, oneOnOne.id);
  if (!existing) {
    const recap = startRecap({
      id: recordId(command.actorId, deps.ids),
      oneOnOneId: oneOnOne.id,
      authorId: command.actorId,
      recipientId,
      requiresAcknowledgement: needsAcknowledgement(oneOnOne.relationship),
      content: validated.value,
      now: now.toISOString(),
    });
    await store.saveRecap(recap, null);
    return recap;
  }
  const loaded = await store.getRecap(existing.id);
  if (!loaded) throw careerError('not_found', 'That recap no longer exists.');
  const edited = editRecap(loaded.recap, command.actorId, validated.value, now.toISOString());
  if (!edited.ok) throw edited.error;
  await store.saveRecap(edited.value.recap, loaded.revision);
  return edited.value.recap;
}
