import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AgendaDto,
  AgendaResponse,
  PersonSummary,
  SaveAgendaResponse,
} from '../../../api/contract/api-types';
import { isApiError, messageOf } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { DraftSaver } from '../../autosave/draft-saver';
import { useSaveBeforeLeaving } from '../../hooks/use-save-before-leaving';
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
 * keystroke, sent on its way even as the page closes), refused saves shown on their fields, and a conflict
 * offered as "load latest" or "keep mine".
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
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const revisionRef = useRef<number | null>(initial.agenda?.revision ?? null);
  /** The revision the server will be at once every save on its way has landed. */
  const expectedRevisionRef = useRef<number | null>(revisionRef.current);
  const [saver] = useState(
    () =>
      new DraftSaver<AgendaDraft, SaveAgendaResponse>({
        draft,
        isBlank,
        savedAt: (result) => result.agenda.updatedAt,
        delayMs: saveDelayMs,
        send: async (snapshot, how) => {
          // Following a save still on its way (the page is closing): build on the revision it will create.
          const base = how.following ? expectedRevisionRef.current : revisionRef.current;
          expectedRevisionRef.current = (base ?? 0) + 1;
          try {
            return await api.saveAgenda(
              oneOnOneId,
              { ...inputOf(snapshot), baseRevision: base },
              how.keepalive ? { keepalive: true } : undefined,
            );
          } catch (error) {
            expectedRevisionRef.current = revisionRef.current;
            throw error;
          }
        },
        onSaved: (result) => {
          moveTo(result.agenda.revision);
          setAgenda(result.agenda);
          onChangeRef.current?.(result.agenda);
        },
        onState: setSave,
        // A save that guessed its base revision and overtook the save before it is simply sent again.
        refusal: (error, how) =>
          isApiError(error, 'conflict') ? (how.following ? 'send-again' : 'conflict') : null,
      }),
  );

  function moveTo(revision: number | null): void {
    if (revision !== null && revision <= (revisionRef.current ?? 0)) return;
    revisionRef.current = revision;
    expectedRevisionRef.current = revision;
  }

  // Leaving the editor (another 1:1, another view) keeps what was typed; so does closing the page.
  useEffect(
    () => () => {
      saver.dispose();
    },
    [saver],
  );
  useSaveBeforeLeaving(() => {
    saver.saveBeforeLeaving();
  });

  const update = useCallback(
    (change: (draft: AgendaDraft) => AgendaDraft) => {
      const next = change(saver.currentDraft);
      setDraft(next);
      saver.edit(next);
    },
    [saver],
  );

  const replaceWith = (latest: AgendaResponse, keepDraft: boolean): void => {
    setResponse(latest);
    setAgenda(latest.agenda);
    revisionRef.current = latest.agenda?.revision ?? null;
    expectedRevisionRef.current = revisionRef.current;
    if (keepDraft) {
      saver.rebase(null);
      return;
    }
    const fresh = draftOf(latest);
    saver.rebase(fresh);
    setDraft(fresh);
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
    flush: () => saver.saveNow(),
    shareNow: async () => {
      await saver.saveNow();
      if (saver.inConflict || revisionRef.current === null) return;
      setShare({ kind: 'sharing' });
      try {
        const result = await api.shareAgenda(oneOnOneId);
        moveTo(result.agenda.revision);
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
      await saver.saveNow();
    },
    searchPeople: async (query, signal) => (await api.searchPeople(query, signal)).people,
  };
}
