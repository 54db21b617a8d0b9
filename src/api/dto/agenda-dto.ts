import type { Agenda } from '../../core/agenda';
import type { AgendaDto, PersonRef } from '../contract/api-types';

/**
 * The author's agenda without private notes (they are never part of `Agenda`). `sharedAt` is when it was shared
 * with the person the 1:1 is with now; `sharedEarlierWith`, whom it was shared with before the 1:1 moved to
 * someone else (see `shareStanding`), named by the caller.
 */
export function agendaDto(
  agenda: Agenda,
  standing: { sharedAt: string | null; sharedEarlierWith: PersonRef | null },
): AgendaDto {
  return {
    learningFocus: agenda.learningFocus,
    knowledgeHolders: agenda.knowledgeHolders,
    asks: agenda.asks,
    carriedActionIds: agenda.carriedActionIds,
    sharedAt: standing.sharedAt,
    sharedEarlierWith: standing.sharedEarlierWith,
    updatedAt: agenda.updatedAt,
    revision: agenda.revision,
  };
}

/** Right after a save or a share the agenda names the person the 1:1 is with now: its sharing is as stored. */
export function savedAgendaDto(agenda: Agenda): AgendaDto {
  return agendaDto(agenda, { sharedAt: agenda.sharedAt, sharedEarlierWith: null });
}
