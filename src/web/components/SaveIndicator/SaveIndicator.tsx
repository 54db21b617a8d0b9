import { Button, Caption1, Spinner, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SaveState } from '../../autosave/save-state';
import type { SaveIndicatorProps } from './SaveIndicator.types';
import { useSaveIndicatorStyles } from './useSaveIndicatorStyles.styles';

function describe(state: SaveState, timeZone: string, wording: { idle: string; empty: string }): string {
  switch (state.kind) {
    case 'idle':
      return wording.idle;
    case 'empty':
      return wording.empty;
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `All changes saved at ${new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(state.at))}`;
    case 'invalid':
      return 'Not saved: fix the highlighted fields';
    case 'conflict':
      return 'Not saved: changed somewhere else';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}

/** An autosaved draft's state, announced politely to screen readers as it changes. */
export function SaveIndicator({
  state,
  timeZone,
  onRetry,
  idleMessage = 'Changes save as you type',
  emptyMessage = 'Nothing to save yet: add something to the agenda',
}: SaveIndicatorProps): ReactNode {
  const styles = useSaveIndicatorStyles();
  const failed = state.kind === 'invalid' || state.kind === 'conflict' || state.kind === 'error';
  return (
    <div className={styles.root}>
      {state.kind === 'saving' ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
      <Caption1
        role="status"
        aria-live="polite"
        className={mergeClasses(failed && styles.problem, state.kind === 'saved' && styles.saved)}
      >
        {describe(state, timeZone, { idle: idleMessage, empty: emptyMessage })}
      </Caption1>
      {state.kind === 'error' ? (
        <Button size="small" onClick={onRetry}>
          Retry saving
        </Button>
      ) : null}
    </div>
  );
}
