import type { AgendaInputDto, AgendaResponse } from '../../../api/contract/api-types';
import type { AgendaDraft } from './AgendaEditor.types';

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function draftOf(response: AgendaResponse): AgendaDraft {
  const agenda = response.agenda;
  return {
    learningFocus: agenda?.learningFocus ?? '',
    holders: (agenda?.knowledgeHolders ?? []).map((h) => ({ ...h, key: rowKey() })),
    asks: (agenda?.asks ?? []).map((a) => ({ ...a, key: rowKey() })),
    carriedActionIds: agenda?.carriedActionIds ?? [],
    privateNotes: response.privateNotes,
  };
}

/** What is sent: every row as shown (blank ones included) so problem paths like `asks[1]` match the form. */
export function inputOf(draft: AgendaDraft): AgendaInputDto {
  return {
    learningFocus: draft.learningFocus,
    knowledgeHolders: draft.holders.map(({ label, personId }) => ({ label, personId })),
    asks: draft.asks.map(({ wanted, support }) => ({ wanted, support })),
    carriedActionIds: draft.carriedActionIds,
    privateNotes: draft.privateNotes,
  };
}

export function isBlank(draft: AgendaDraft): boolean {
  return (
    draft.learningFocus.trim() === '' &&
    draft.holders.every((h) => h.label.trim() === '' && h.personId === null) &&
    draft.asks.every((a) => a.wanted.trim() === '' && a.support.trim() === '') &&
    draft.carriedActionIds.length === 0 &&
    draft.privateNotes.trim() === ''
  );
}
