import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ReadyPane } from './MeetingPane.types';
import { useInsertAgenda } from './useInsertAgenda';
import { useMeetingPaneStyles } from './useMeetingPaneStyles.styles';

/** Compose mode only: the organizer can put the agenda into the invitation both people receive. */
export function InsertAgendaButton({ pane }: { pane: ReadyPane }): ReactNode {
  const styles = useMeetingPaneStyles();
  const { state, insert } = useInsertAgenda(pane);
  const intent = state.kind === 'done' ? 'success' : state.kind === 'error' ? 'error' : 'info';
  return (
    <section className={styles.section} aria-label="Invitation">
      <div className={styles.row}>
        <Button appearance="primary" onClick={insert} disabled={state.kind === 'inserting'}>
          Add agenda to the invitation
        </Button>
        {state.kind === 'inserting' ? <Spinner size="tiny" label="Adding…" /> : null}
      </div>
      {state.kind === 'done' || state.kind === 'error' || state.kind === 'nothing' ? (
        <MessageBar intent={intent}>
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <span className={styles.muted}>Only the shared agenda goes in. Private notes stay with you.</span>
    </section>
  );
}
