import type {
  AgendaDto,
  AgendaResponse,
  Ask,
  KnowledgeHolder,
  SharedAgendaDto,
} from '../../../api/contract/api-types';

export type { SaveState } from '../../autosave/save-state';

export interface AgendaEditorProps {
  oneOnOneId: string;
  /** The reader's time zone, for meeting times. */
  timeZone: string;
  /** Quiet time after the last keystroke before saving. */
  saveDelayMs?: number;
  /** Told after each save or share, so a list can update its badge. */
  onChange?: (agenda: AgendaDto) => void;
}

export interface AgendaFormProps extends Omit<AgendaEditorProps, 'oneOnOneId'> {
  initial: AgendaResponse;
  /** Fetches the latest from the server (conflict handling). */
  reload: () => Promise<AgendaResponse>;
}

export type HolderRow = KnowledgeHolder & { key: string };
export type AskRow = Ask & { key: string };

/** The editor's working copy: rows carry a key so React keeps focus on the right input. */
export interface AgendaDraft {
  learningFocus: string;
  holders: HolderRow[];
  asks: AskRow[];
  carriedActionIds: string[];
  privateNotes: string;
}

export type ShareState = { kind: 'idle' } | { kind: 'sharing' } | { kind: 'error'; message: string };

export interface AgendaSharedView {
  shared: SharedAgendaDto;
  authorName: string;
}
