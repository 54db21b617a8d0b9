import { z } from 'zod';
import type { RecapContent } from '../../core/recap';
import { RECAP_LIMITS } from '../../core/recap';
import { cardNumber, inputText, readData, recordIdField } from './verb-data';

const form = z.object({
  oneOnOneId: recordIdField,
  rows: cardNumber.pipe(z.number().max(RECAP_LIMITS.actions)),
  actionIds: z.array(z.string().max(60)).max(RECAP_LIMITS.actions).default([]),
  topics: inputText(20_000),
});

const owner = z.preprocess(
  (value) => (value === undefined || value === null || value === '' ? 'author' : value),
  z.enum(['author', 'recipient']),
);
const cell = inputText(5_000);

export interface RecapForm {
  oneOnOneId: string;
  content: RecapContent;
}

/** Reads the recap editor's inputs: `topics` (one per line) and rows `action{i}Text`/`Owner`/`Due`. */
export function readRecapForm(data: Record<string, unknown>): RecapForm {
  const base = readData(form, data);
  const topics = base.topics
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const actions = Array.from({ length: base.rows }, (_, i) => ({
    id: base.actionIds[i] ?? '',
    text: readData(cell, data[`action${i}Text`]),
    owner: readData(owner, data[`action${i}Owner`]),
    dueOn: readData(cell, data[`action${i}Due`]).trim(),
  })).filter((action) => action.text.trim() !== '' || action.dueOn !== '');
  return { oneOnOneId: base.oneOnOneId, content: { topics, actions } };
}
