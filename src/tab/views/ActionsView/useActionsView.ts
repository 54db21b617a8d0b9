import { useState } from 'react';
import type { ActionDto, ActionStatus, ActionsResponse } from '../../../api/contract/api-types';
import { messageOf } from '../../../web/api/api-error';
import { useApi } from '../../../web/api/api-context';
import type { Resource } from '../../../web/hooks/use-resource';
import { useResource } from '../../../web/hooks/use-resource';

export interface ActionsViewState {
  actions: Resource<ActionsResponse>;
  current: (action: ActionDto) => ActionDto;
  busy: ReadonlySet<string>;
  problem: string | null;
  setStatus: (action: ActionDto, status: ActionStatus) => Promise<void>;
}

/** My actions and the ones others agreed with me; ticking one marks it done on the server. */
export function useActionsView(): ActionsViewState {
  const api = useApi();
  const actions = useResource(() => api.actions(), 'actions');
  const [updated, setUpdated] = useState<Record<string, ActionDto>>({});
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  return {
    actions,
    current: (action) => updated[action.id] ?? action,
    busy,
    problem,
    setStatus: async (action, status) => {
      setBusy((b) => new Set([...b, action.id]));
      setProblem(null);
      try {
        const result = await api.setActionStatus(action.id, status);
        setUpdated((u) => ({ ...u, [action.id]: result.action }));
      } catch (error) {
        setProblem(`“${action.text}” was not updated: ${messageOf(error)}`);
      } finally {
        setBusy((b) => new Set([...b].filter((id) => id !== action.id)));
      }
    },
  };
}
