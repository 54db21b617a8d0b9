import type {
  ActionOwnerSide,
  ApiProblem,
  RecapDto,
  RecapForOneOnOneResponse,
} from '../../../api/contract/api-types';

export interface RecapEditorProps {
  oneOnOneId: string;
  timeZone: string;
  /** Quiet time after the last keystroke before saving the draft. */
  saveDelayMs?: number;
  /** Told after each save or send, so a list can update its status. */
  onChange?: (recap: RecapDto) => void;
}

export interface RecapFormProps extends Omit<RecapEditorProps, 'oneOnOneId'> {
  initial: RecapForOneOnOneResponse;
}

export interface TopicRow {
  key: string;
  text: string;
}

export interface ActionRow {
  key: string;
  /** The id the server gave the action; absent for a new row. */
  id?: string;
  text: string;
  owner: ActionOwnerSide;
  dueOn: string;
}

export interface RecapDraft {
  topics: TopicRow[];
  actions: ActionRow[];
}

export type RecapSendState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'failed'; message: string; problems: ApiProblem[] };
