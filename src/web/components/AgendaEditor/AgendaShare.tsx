import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDay } from '../../format/format-date';
import type { AgendaEditorState } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

export function AgendaShare({ state, timeZone }: { state: AgendaEditorState; timeZone: string }): ReactNode {
  const styles = useAgendaEditorStyles();
  const shareWith = state.response.shareWith;
  if (!shareWith) {
    return (
      <div className={styles.share}>
        <Body1 className={styles.sharedNote}>
          This agenda stays with you: the other person is not in your organisation.
        </Body1>
      </div>
    );
  }
  const sharedAt = state.agenda?.sharedAt ?? null;
  const earlier = state.agenda?.sharedEarlierWith ?? null;
  const who = state.response.oneOnOne.relationship === 'manager' ? 'my manager' : shareWith.displayName;
  return (
    <div className={styles.share}>
      {sharedAt ? (
        <Body1 className={styles.sharedNote}>
          Shared with {shareWith.displayName} on {formatDay(sharedAt, timeZone)}. They see each change you
          save (never your private notes).
        </Body1>
      ) : (
        <>
          <Button
            appearance="primary"
            disabled={state.agenda === null || state.share.kind === 'sharing'}
            onClick={() => {
              void state.shareNow();
            }}
          >
            {state.share.kind === 'sharing' ? 'Sharing…' : `Share with ${who}`}
          </Button>
          <Body1 className={styles.sharedNote}>
            {state.agenda === null
              ? 'Write something first; sharing sends the agenda, never your private notes.'
              : `${shareWith.displayName} will see the agenda, never your private notes.`}
          </Body1>
          {earlier ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                You shared this agenda with {earlier.displayName}, but this 1:1 is now with{' '}
                {shareWith.displayName}. {earlier.displayName} can no longer open it, but their card in chat
                still shows it until you share it again or save a change.
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      )}
      {state.share.kind === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.share.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
