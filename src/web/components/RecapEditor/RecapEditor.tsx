import type { ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { useResource } from '../../hooks/use-resource';
import { ErrorState, LoadingState } from '../StatusViews';
import type { RecapEditorProps } from './RecapEditor.types';
import { RecapForm } from './RecapForm';

/** The recap of one 1:1: written (or revised) and sent by the employee, read-only once it is out. */
export function RecapEditor({ oneOnOneId, ...props }: RecapEditorProps): ReactNode {
  const api = useApi();
  const resource = useResource(() => api.recapFor(oneOnOneId), oneOnOneId);
  if (resource.status === 'error') {
    return (
      <ErrorState title="The recap could not be opened." error={resource.error} onRetry={resource.reload} />
    );
  }
  if (resource.status === 'loading' || resource.data.oneOnOne.id !== oneOnOneId) {
    return <LoadingState label="Opening the recap…" />;
  }
  return <RecapForm key={oneOnOneId} initial={resource.data} {...props} />;
}
