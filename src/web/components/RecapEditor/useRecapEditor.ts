import { useState } from 'react';
import type { ApiProblem, RecapDto } from '../../../api/contract/api-types';
import { isApiError, messageOf } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { addDaysTo } from './due-date';
import { recapDraftOf, recapRequestOf, recapRowKey } from './recap-draft';
import type { RecapDraft, RecapFormProps, RecapWriteState } from './RecapEditor.types';

export interface RecapEditorState {
  recap: RecapDto | null;
  draft: RecapDraft;
  write: RecapWriteState;
  problems: ApiProblem[];
  editable: boolean;
  today: string;
  problemFor: (field: string) => string | undefined;
  setDraft: (change: (draft: RecapDraft) => RecapDraft) => void;
  addTopic: () => void;
  addAction: () => void;
  saveDraft: () => Promise<void>;
  send: () => Promise<void>;
}

/** Writing, revising and sending a recap: every refused field shown where it belongs, nothing lost on failure. */
export function useRecapEditor({ initial, onChange }: RecapFormProps): RecapEditorState {
  const api = useApi();
  const oneOnOneId = initial.oneOnOne.id;
  const [recap, setRecap] = useState<RecapDto | null>(initial.recap);
  const [draft, setDraftState] = useState<RecapDraft>(() =>
    recapDraftOf(initial.recap ?? initial.prefill ?? { topics: [], actions: [] }),
  );
  const [write, setWrite] = useState<RecapWriteState>({ kind: 'editing' });
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const editable = recap === null || recap.state === 'draft' || recap.state === 'changeRequested';

  const fail = (error: unknown): void => {
    setProblems(isApiError(error) ? error.problems : []);
    setWrite({ kind: 'failed', message: messageOf(error) });
  };

  const save = async (): Promise<RecapDto | null> => {
    try {
      const { recap: saved } = await api.writeRecap(oneOnOneId, recapRequestOf(draft));
      setRecap(saved);
      setProblems([]);
      onChange?.(saved);
      return saved;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  return {
    recap,
    draft,
    write,
    problems,
    editable,
    today: initial.today,
    problemFor: (field) => problems.find((p) => p.field === field)?.message,
    setDraft: (change) => {
      setDraftState(change);
      if (write.kind === 'saved') setWrite({ kind: 'editing' });
    },
    addTopic: () => {
      setDraftState((d) => ({ ...d, topics: [...d.topics, { key: recapRowKey(), text: '' }] }));
    },
    addAction: () => {
      setDraftState((d) => ({
        ...d,
        actions: [
          ...d.actions,
          { key: recapRowKey(), text: '', owner: 'author', dueOn: addDaysTo(initial.today, 14) },
        ],
      }));
    },
    saveDraft: async () => {
      setWrite({ kind: 'saving' });
      if (await save()) setWrite({ kind: 'saved' });
    },
    send: async () => {
      setWrite({ kind: 'sending' });
      const saved = await save();
      if (!saved) return;
      try {
        const { recap: sent } = await api.sendRecap(saved.id);
        setRecap(sent);
        onChange?.(sent);
        setWrite({ kind: 'editing' });
      } catch (error) {
        fail(error);
      }
    },
  };
}
