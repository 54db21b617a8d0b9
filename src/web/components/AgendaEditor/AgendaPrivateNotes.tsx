import { Badge, Field, Textarea } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgendaEditorState } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

/** Visibly apart from the shareable agenda: these notes are never shown to anyone else. */
export function AgendaPrivateNotes({ state }: { state: AgendaEditorState }): ReactNode {
  const styles = useAgendaEditorStyles();
  return (
    <div className={styles.private}>
      <Field
        label={
          <span className={styles.privateLabel}>
            Private notes
            <Badge appearance="tint" color="informative">
              Only you can see these
            </Badge>
          </span>
        }
        hint="Never shared, never sent in chat, not part of the agenda your manager or colleague sees."
        validationMessage={state.problemFor('privateNotes')}
      >
        <Textarea
          value={state.draft.privateNotes}
          resize="vertical"
          rows={3}
          onChange={(_e, data) => {
            state.update((d) => ({ ...d, privateNotes: data.value }));
          }}
        />
      </Field>
    </div>
  );
}
