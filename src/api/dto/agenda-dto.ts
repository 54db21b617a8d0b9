import type { Agenda } from '../../core/agenda';
import type { AgendaDto } from '../contract/api-types';

/** The author's agenda without private notes (they are never part of `Agenda`). */
export function agendaDto(agenda: Agenda): AgendaDto {
  return {
    learningFocus: agenda.learningFocus,
    knowledgeHolders: agenda.knowledgeHolders,
    asks: agenda.asks,
    carriedActionIds: agenda.carriedActionIds,
    sharedAt: agenda.sharedAt,
    updatedAt: agenda.updatedAt,
    revision: agenda.revision,
  };
}
