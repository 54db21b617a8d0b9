import type { KnowledgeHolder, PersonSummary } from '../../../api/contract/api-types';

export interface PeoplePickerProps {
  /** The visible label of the field. */
  label: string;
  value: KnowledgeHolder;
  onChange: (value: KnowledgeHolder) => void;
  search: (query: string, signal: AbortSignal) => Promise<PersonSummary[]>;
  validationMessage?: string | undefined;
  hint?: string;
  /** Debounce before searching as the person types. */
  searchDelayMs?: number;
}
