import type { ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { useResource } from '../../hooks/use-resource';
import { ErrorState, LoadingState } from '../StatusViews';
import { AgendaForm } from './AgendaForm';
import type { AgendaEditorProps } from './AgendaEditor.types';

/** The employee's agenda for one 1:1, saved as they type. Used by the Teams tab and the Outlook add-in. */
export function AgendaEditor({ oneOnOneId, ...props }: AgendaEditorProps): ReactNode {
  const api = useApi();
  const resource = useResource(() => api.agenda(oneOnOneId), oneOnOneId);
  if (resource.status === 'error') {
    return (
      <ErrorState title="The agenda could not be opened." error={resource.error} onRetry={resource.reload} />
    );
  }
  if (resource.status === 'loading' || resource.data.oneOnOne.id !== oneOnOneId) {
    return <LoadingState label="Opening the agenda…" />;
  }
  return (
    <AgendaForm key={oneOnOneId} initial={resource.data} reload={() => api.agenda(oneOnOneId)} {...props} />
  );
}
