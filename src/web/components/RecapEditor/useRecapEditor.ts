import { useEffect, useRef, useState } from 'react';
import type { ApiProblem, RecapDto, RecapResponse } from '../../../api/contract/api-types';
import { isApiError, messageOf } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { DraftSaver } from '../../autosave/draft-saver';
import type { SaveState } from '../../autosave/save-state';
import { useSaveBeforeLeaving } from '../../hooks/use-save-before-leaving';
import { addDaysTo } from './due-date';
import { isBlankRecap, recapDraftOf, recapRequestOf, recapRowKey } from './recap-draft';
import type { RecapDraft, RecapFormProps, RecapSendState } from './RecapEditor.types';

export interface RecapEditorState {
  recap: RecapDto | null;
  draft: RecapDraft;
  save: SaveState;
  sending: RecapSendState;
  /** Field problems from the last refused save or send. */
  problems: ApiProblem[];
  editable: boolean;
  today: string;
  problemFor: (field: string) => string | undefined;
  setDraft: (change: (draft: RecapDraft) => RecapDraft) => void;
  addTopic: () => void;
  addAction: () => void;
  /** Saves now (the "retry" of a failed save). */
  flush: () => Promise<void>;
  send: () => Promise<void>;
}

/**
 * Writing, revising and sending a recap: the draft saves as it is typed (and on its way as the page closes),
 * every refused field is shown where it belongs, and nothing is lost on failure.
 */
export function useRecapEditor({ initial, saveDelayMs = 800, onChange }: RecapFormProps): RecapEditorState {
  const api = useApi();
  const oneOnOneId = initial.oneOnOne.id;
  const [recap, setRecap] = useState<RecapDto | null>(initial.recap);
  const [draft, setDraftState] = useState<RecapDraft>(() =>
    recapDraftOf(initial.recap ?? initial.prefill ?? { topics: [], actions: [] }),
  );
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [sending, setSending] = useState<RecapSendState>({ kind: 'idle' });
  const recapRef = useRef(recap);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editable = recap === null || recap.state === 'draft' || recap.state === 'changeRequested';

  const [saver] = useState(
    () =>
      new DraftSaver<RecapDraft, RecapResponse>({
        draft,
        isBlank: isBlankRecap,
        savedAt: (result) => result.recap.updatedAt,
        delayMs: saveDelayMs,
        send: (snapshot, how) =>
          api.writeRecap(
            oneOnOneId,
            recapRequestOf(snapshot),
            how.keepalive ? { keepalive: true } : undefined,
          ),
        onSaved: ({ recap: saved }) => {
          recapRef.current = saved;
          setRecap(saved);
          onChangeRef.current?.(saved);
        },
        onState: setSave,
      }),
  );

  useEffect(
    () => () => {
      saver.dispose();
    },
    [saver],
  );
  useSaveBeforeLeaving(() => {
    saver.saveBeforeLeaving();
  });

  const change = (next: (draft: RecapDraft) => RecapDraft): void => {
    const changed = next(saver.currentDraft);
    setDraftState(changed);
    saver.edit(changed);
  };

  /** Everything typed is saved first; a recap never saved (still the agenda's prefill) is saved as it stands. */
  const saveBeforeSending = async (): Promise<RecapDto | null> => {
    await saver.saveNow();
    if (recapRef.current === null && saver.isSaved) {
      saver.rebase(null);
      await saver.saveNow();
    }
    return saver.isSaved ? recapRef.current : null;
  };

  const problems =
    save.kind === 'invalid' ? save.problems : sending.kind === 'failed' ? sending.problems : [];

  return {
    recap,
    draft,
    save,
    sending,
    problems,
    editable,
    today: initial.today,
    problemFor: (field) => problems.find((p) => p.field === field)?.message,
    setDraft: change,
    addTopic: () => {
      change((d) => ({ ...d, topics: [...d.topics, { key: recapRowKey(), text: '' }] }));
    },
    addAction: () => {
      change((d) => ({
        ...d,
        actions: [
          ...d.actions,
          { key: recapRowKey(), text: '', owner: 'author', dueOn: addDaysTo(initial.today, 14) },
        ],
      }));
    },
    flush: () => saver.saveNow(),
    send: async () => {
      setSending({ kind: 'sending' });
      const saved = await saveBeforeSending();
      if (!saved) {
        setSending({ kind: 'idle' });
        return;
      }
      try {
        const { recap: sent } = await api.sendRecap(saved.id);
        recapRef.current = sent;
        setRecap(sent);
        onChangeRef.current?.(sent);
        setSending({ kind: 'idle' });
      } catch (error) {
        setSending({
          kind: 'failed',
          message: messageOf(error),
          problems: isApiError(error) ? error.problems : [],
        });
      }
    },
  };
}
