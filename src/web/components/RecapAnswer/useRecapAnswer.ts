import { useState } from 'react';
import { isApiError, messageOf } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import type { RecapAnswerProps, RecapAnswerState } from './RecapAnswer.types';

export interface RecapAnswerHook {
  state: RecapAnswerState;
  acknowledge: () => Promise<void>;
  startSuggesting: () => void;
  setComment: (comment: string) => void;
  cancel: () => void;
  sendSuggestion: () => Promise<void>;
}

/** The recipient confirms the recap at the version shown, or asks for a change with a comment. */
export function useRecapAnswer({ recap, onAnswered }: RecapAnswerProps): RecapAnswerHook {
  const api = useApi();
  const [state, setState] = useState<RecapAnswerState>({ kind: 'waiting' });
  return {
    state,
    acknowledge: async () => {
      setState({ kind: 'busy' });
      try {
        const result = await api.acknowledgeRecap(recap.id, recap.version);
        setState({
          kind: 'answered',
          answer: 'acknowledged',
          at: result.recap.acknowledgedAt ?? result.recap.updatedAt,
        });
        onAnswered?.('acknowledged');
      } catch (error) {
        setState({ kind: 'failed', message: messageOf(error) });
      }
    },
    startSuggesting: () => {
      setState({ kind: 'suggesting', comment: '', problem: null });
    },
    setComment: (comment) => {
      setState({ kind: 'suggesting', comment, problem: null });
    },
    cancel: () => {
      setState({ kind: 'waiting' });
    },
    sendSuggestion: async () => {
      if (state.kind !== 'suggesting') return;
      const comment = state.comment;
      if (comment.trim() === '') {
        setState({ kind: 'suggesting', comment, problem: 'Say what should change so it can be revised.' });
        return;
      }
      setState({ kind: 'busy' });
      try {
        const result = await api.requestRecapChange(recap.id, recap.version, comment);
        setState({
          kind: 'answered',
          answer: 'changeRequested',
          at: result.recap.changeRequest?.at ?? result.recap.updatedAt,
        });
        onAnswered?.('changeRequested');
      } catch (error) {
        if (isApiError(error) && error.problemFor('comment')) {
          setState({ kind: 'suggesting', comment, problem: error.problemFor('comment') ?? error.message });
        } else {
          setState({ kind: 'failed', message: messageOf(error) });
        }
      }
    },
  };
}
