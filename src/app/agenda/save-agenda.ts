import type { Agenda, AgendaInput } from '../../core/agenda';
import { applyAgendaSave, shareStanding, validateAgenda } from '../../core/agenda';
import { careerError } from '../../core/errors';
import type { CareerError } from '../../core/errors';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne } from '../load';
import { saveAndAnnounce } from '../save-and-announce';
import { agendaEvents, expectAgendaEvents } from './agenda-announcements';
import { openActionsWith } from './open-agenda';

export interface SaveAgendaCommand {
  actorId: string;
  oneOnOneId: string;
  input: AgendaInput;
  /** The revision the author's editor was showing; null for a first save. Stale saves are refused. */
  baseRevision: number | null;
}

export class AgendaValidationError extends Error {
  constructor(readonly problems: CareerError[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'AgendaValidationError';
  }
}

/** Saves the author's agenda and private notes; nothing is written when anything is wrong. */
export async function saveAgenda(
  deps: AppDeps,
  command: SaveAgendaCommand,
): Promise<{ agenda: Agenda; privateNotes: string }> {
  const { store } = deps;
  const oneOnOne = await requireOwnOneOnOne(store, command.actorId, command.oneOnOneId);
  const open = await openActionsWith(deps, command.actorId, oneOnOne);
  const previous = await store.getAgenda(command.actorId, command.oneOnOneId);
  const alreadyCarried = new Set(previous?.carriedActionIds ?? []);
  const pickedPeople = command.input.knowledgeHolders.flatMap((h) => (h.personId ? [h.personId] : []));
  const known = new Set<string>();
  for (const id of new Set(pickedPeople)) if (await store.getPerson(id)) known.add(id);

  const validated = validateAgenda(command.input, {
    isKnownPerson: (id) => known.has(id),
    // Actions carried earlier stay allowed after they are done, so a save never drops them by surprise.
    openActionIds: new Set([...open.map((a) => a.id), ...alreadyCarried]),
  });
  if (!validated.ok) throw new AgendaValidationError(validated.error);

  const currentRevision = previous?.revision ?? null;
  if (command.baseRevision !== currentRevision) {
    throw careerError(
      'conflict',
      'This agenda changed somewhere else (another tab, the bot or Outlook). Reload to see the latest before saving.',
    );
  }
  const now = deps.clock.now().toISOString();
  const { privateNotes, ...shareable } = validated.value;
  const agenda = applyAgendaSave(
    previous,
    { ...shareable, privateNotes: '' },
    {
      oneOnOneId: oneOnOne.id,
      authorId: command.actorId,
      counterpartId: oneOnOne.counterpart.personId,
      now,
    },
  );
  // An agenda already shared: the other person's card follows the edit, from whichever surface it was made.
  // Shared before with someone the 1:1 is no longer with: the edit unshares it, and their card says so.
  const sharedWith = agenda.sharedAt ? agenda.counterpartId : null;
  const audience = { sharedWith, withdrawnFrom: shareStanding(previous, sharedWith).sharedEarlierWith };
  return saveAndAnnounce(
    deps,
    async (expect) => {
      // The notes first, so the agenda (what the other person hears about) is the last write.
      await store.savePrivateNote({
        oneOnOneId: oneOnOne.id,
        authorId: command.actorId,
        text: privateNotes,
        updatedAt: now,
      });
      await expectAgendaEvents(expect, oneOnOne, audience);
      await store.saveAgenda(agenda);
      return { agenda, privateNotes };
    },
    (saved) => agendaEvents(saved.agenda, oneOnOne, audience),
  );
}
