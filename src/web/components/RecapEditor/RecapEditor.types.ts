import type { ActionOwnerSide, RecapDto, RecapForOneOnOneResponse } from '../../../api/contract/api-types';

export interface RecapEditorProps {
  oneOnOneId: string;
  timeZone: string;
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

export type RecapWriteState =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'sending' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };
