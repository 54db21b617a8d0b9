import { Body1, FluentProvider, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiProvider } from '../../../web/api/api-context';
import { ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { fluentTheme } from '../../host/tab-theme';
import { SignInProblem } from '../SignInProblem';
import { TabShell } from '../TabShell';
import { ViewAsPicker } from '../ViewAsPicker';
import type { TabAppProps } from './TabApp.types';
import { useTabApp } from './useTabApp';
import { useTabAppStyles } from './useTabAppStyles.styles';

/** The Teams personal tab: sign-in (or "view as" in the demo), the theme from the host, then the views. */
export function TabApp(props: TabAppProps): ReactNode {
  const state = useTabApp(props);
  const styles = useTabAppStyles();
  const { session } = state;
  return (
    <FluentProvider theme={fluentTheme(state.theme)} className={styles.provider} data-theme={state.theme}>
      {session.kind === 'ready' ? (
        <ApiProvider api={session.api}>
          <TabShell
            me={session.me}
            onSwitchPerson={session.host === 'browser' ? state.switchPerson : undefined}
          />
        </ApiProvider>
      ) : (
        <main className={styles.centred}>
          {session.kind === 'starting' ? <LoadingState label="Starting Career Conversations…" /> : null}
          {session.kind === 'pick-person' ? (
            <ViewAsPicker people={session.people} problem={session.problem} onPick={state.viewAs} />
          ) : null}
          {session.kind === 'not-in-teams' ? (
            <>
              <Title2 as="h1">Open Career Conversations in Microsoft Teams</Title2>
              <Body1 as="p">
                This app signs you in through Teams or Outlook. Open it from the Apps menu in Teams to see
                your 1:1s.
              </Body1>
            </>
          ) : null}
          {session.kind === 'sign-in-problem' ? (
            <SignInProblem problem={session.problem} message={session.message} onRetry={state.retry} />
          ) : null}
          {session.kind === 'failed' ? (
            <>
              <Title2 as="h1">Career Conversations</Title2>
              <ErrorState title="The app could not start." error={session.error} onRetry={state.retry} />
            </>
          ) : null}
        </main>
      )}
    </FluentProvider>
  );
}
