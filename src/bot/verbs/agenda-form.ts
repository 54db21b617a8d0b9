import { z } from 'zod';
import type { AgendaDraft } from '../../cards/agenda/agenda-card';
import { AGENDA_ASK_ROWS } from '../../cards/agenda/agenda-card';
import type { AgendaInput } from '../../core/agenda';
import { cardNumber, inputText, readData, recordIdField } from './verb-data';

const form = z.object({
  oneOnOneId: recordIdField,
  baseRevision: cardNumber.nullable(),
  actionIds: z.array(recordIdField).max(50).default([]),
  keptActionIds: z.array(recordIdField).max(50).default([]),
  askRows: cardNumber.pipe(z.number().max(AGENDA_ASK_ROWS.max)).default(AGENDA_ASK_ROWS.full),
  learningFocus: inputText(10_000),
  knowledgeHolders: inputText(10_000),
  privateNotes: inputText(20_000),
});

const askText = inputText(5_000);
const toggle = z.preprocess(
  (value) =>
    value === undefined || value === null ? 'false' : typeof value === 'boolean' ? String(value) : value,
  z.enum(['true', 'false']),
);

export interface AgendaForm {
  oneOnOneId: string;
  baseRevision: number | null;
  input: AgendaInput;
  /** The same input as the card shows it again when a save is refused. */
  draft: AgendaDraft;
}

/** Reads the agenda card's inputs: rows `ask{i}Wanted`/`ask{i}Support`, toggles `carry{i}` for `actionIds[i]`. */
export function readAgendaForm(data: Record<string, unknown>): AgendaForm {
  const base = readData(form, data);
  const asks = Array.from({ length: base.askRows }, (_, i) => ({
    wanted: readData(askText, data[`ask${i}Wanted`]),
    support: readData(askText, data[`ask${i}Support`]),
  }));
  const carried = base.actionIds.filter((_, i) => readData(toggle, data[`carry${i}`]) === 'true');
  const carriedActionIds = [...carried, ...base.keptActionIds];
  const holders = base.knowledgeHolders
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    oneOnOneId: base.oneOnOneId,
    baseRevision: base.baseRevision,
    input: {
      learningFocus: base.learningFocus,
      knowledgeHolders: holders.map((label) => ({ label, personId: null })),
      asks,
      carriedActionIds,
      privateNotes: base.privateNotes,
    },
    draft: {
      learningFocus: base.learningFocus,
      knowledgeHolders: holders,
      asks: asks.filter((a) => a.wanted.trim() !== '' || a.support.trim() !== ''),
      carriedActionIds,
      privateNotes: base.privateNotes,
    },
  };
}
