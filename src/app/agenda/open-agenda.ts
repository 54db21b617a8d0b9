import type { ActionItem } from '../../core/action-item';
import { carriedActions } from '../../core/action-item';
import type { Agenda, PrivateNote } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne } from '../load';

export interface AgendaForAuthor {
  oneOnOne: OneOnOne;
  agenda: Agenda | null;
  privateNotes: string;
  /** Open actions with the same counterpart, ready to carry into this agenda. */
  openActions: ActionItem[];
}

/** The author's view of an agenda: the shareable part, their private notes, and what is still open. */
export async function openAgenda(
  deps: AppDeps,
  actorId: string,
  oneOnOneId: string,
): Promise<AgendaForAuthor> {
  const oneOnOne = await requireOwnOneOnOne(deps.store, actorId, oneOnOneId);
  const [agenda, note, actions] = await Promise.all([
    deps.store.getAgenda(actorId, oneOnOneId),
    deps.store.getPrivateNote(actorId, oneOnOneId),
    openActionsWith(deps, actorId, oneOnOne),
  ]);
  return { oneOnOne, agenda, privateNotes: noteText(note), openActions: actions };
}

export async function openActionsWith(
  deps: AppDeps,
  employeeId: string,
  oneOnOne: OneOnOne,
): Promise<ActionItem[]> {
  const counterpartId = oneOnOne.counterpart.personId;
  if (!counterpartId) return [];
  return carriedActions(await deps.store.listActionsForEmployee(employeeId), employeeId, counterpartId);
}

function noteText(note: PrivateNote | null): string {
  return note?.text ?? '';
}
