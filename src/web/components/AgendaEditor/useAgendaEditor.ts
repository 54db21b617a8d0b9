import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaDto, AgendaResponse, PersonSummary } from '../../../api/contract/api-types';
import { isApiError, messageOf } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { draftOf, inputOf, isBlank, rowKey } from './agenda-draft';
import type { AgendaDraft, AgendaFormProps, SaveState, ShareState } from './AgendaEditor.types';

export interface AgendaEditorState {
  draft: AgendaDraft;
  save: SaveState;
  share: ShareState;
  agenda: AgendaDto | null;
  response: AgendaResponse;
  problemFor: (field: string) => string | undefined;
  update: (change: (draft: AgendaDraft) => AgendaDraft) => void;
  addHolder: () => void;
  addAsk: () => void;
  /** Saves now (on blur, before sharing). */
  flush: () => Promise<void>;
  shareNow: () => Promise<void>;
  loadLatest: () => Promise<void>;
  keepMine: () => Promise<void>;
  searchPeople: (query: string, signal: AbortSignal) => Promise<PersonSummary[]>;
}

/**
 * The agenda as the author edits it: saved as they type (debounced, one save at a time, never a lost
 * keystroke), refused saves shown on their fields, and a conflict offered as "load latest" or "keep mine".
 */
export function useAgendaEditor({
  initial,
  reload,
  saveDelayMs = 800,
  onChange,
}: AgendaFormProps): AgendaEditorState {
  const api = useApi();
  const oneOnOneId = initial.oneOnOne.id;
  const [response, setResponse] = useState(initial);
  const [draft, setDraft] = useState<AgendaDraft>(() => draftOf(initial));
  const [agenda, setAgenda] = useState<AgendaDto | null>(initial.agenda);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });

  const draftRef = useRef(draft);
  const revisionRef = useRef<number | null>(initial.agenda?.revision ?? null);
  const savedRef = useRef<AgendaDraft>(draft);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const againRef = useRef(false);
  const conflictRef = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const saveNow = useCallback(async (): Promise<void> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (conflictRef.current) return;
    if (inFlightRef.current) {
      againRef.current = true;
      return inFlightRef.current;
    }
    const snapshot = draftRef.current;
    if (snapshot === savedRef.current) return;
    if (isBlank(snapshot)) {
      setSave({ kind: 'empty' });
      return;
    }
    setSave({ kind: 'saving' });
    const run = (async () => {
      try {
        const result = await api.saveAgenda(oneOnOneId, {
          ...inputOf(snapshot),
          baseRevision: revisionRef.current,
        });
        revisionRef.current = result.agenda.revision;
        savedRef.current = snapshot;
        setAgenda(result.agenda);
        onChangeRef.current?.(result.agenda);
        setSave(
          draftRef.current === snapshot
            ? { kind: 'saved', at: result.agenda.updatedAt }
            : { kind: 'pending' },
        );
      } catch (error) {
        if (isApiError(error, 'conflict')) {
          conflictRef.current = true;
          setSave({ kind: 'conflict' });
        } else if (isApiError(error) && error.status === 400) {
          setSave({ kind: 'invalid', message: error.message, problems: error.problems });
        } else {
          setSave({ kind: 'error', message: messageOf(error) });
        }
        againRef.current = false;
      }
    })();
    inFlightRef.current = run;
    await run;
    inFlightRef.current = null;
    if (againRef.current) {
      againRef.current = false;
      await saveNow();
    }
  }, [api, oneOnOneId]);

  const update = useCallback(
    (change: (draft: AgendaDraft) => AgendaDraft) => {
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      if (conflictRef.current) return;
      setSave({ kind: 'pending' });
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        void saveNow();
      }, saveDelayMs);
    },
    [saveDelayMs, saveNow],
  );

  // Leaving the editor (another 1:1, another view) keeps what was typed.
  useEffect(
    () => () => {
      if (timerRef.current) void saveNow();
    },
    [saveNow],
  );

  const replaceWith = (latest: AgendaResponse, keepDraft: boolean): void => {
    setResponse(latest);
    setAgenda(latest.agenda);
    revisionRef.current = latest.agenda?.revision ?? null;
    conflictRef.current = false;
    if (!keepDraft) {
      const fresh = draftOf(latest);
      draftRef.current = fresh;
      savedRef.current = fresh;
      setDraft(fresh);
      setSave({ kind: 'idle' });
    }
  };

  return {
    draft,
    save,
    share,
    agenda,
    response,
    problemFor: (field) =>
      save.kind === 'invalid' ? save.problems.find((p) => p.field === field)?.message : undefined,
    update,
    addHolder: () => {
      update((d) => ({ ...d, holders: [...d.holders, { label: '', personId: null, key: rowKey() }] }));
    },
    addAsk: () => {
      update((d) => ({ ...d, asks: [...d.asks, { wanted: '', support: '', key: rowKey() }] }));
    },
    flush: saveNow,
    shareNow: async () => {
      await saveNow();
      if (conflictRef.current || revisionRef.current === null) return;
      setShare({ kind: 'sharing' });
      try {
        const result = await api.shareAgenda(oneOnOneId);
        revisionRef.current = result.agenda.revision;
        setAgenda(result.agenda);
        onChangeRef.current?.(result.agenda);
        setShare({ kind: 'idle' });
      } catch (error) {
        setShare({ kind: 'error', message: messageOf(error) });
      }
    },
    loadLatest: async () => {
      replaceWith(await reload(), false);
    },
    keepMine: async () => {
      replaceWith(await reload(), true);
      savedRef.current = { ...savedRef.current };
      await saveNow();
    },
    searchPeople: async (query, signal) => (await api.searchPeople(query, signal)).people,
  };
}
