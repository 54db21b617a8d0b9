import { Body1, Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { AgendaEditor } from '../../../web/components/AgendaEditor';
import { EmptyState, ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { formatMeeting } from '../../../web/format/format-date';
import { relationshipLabel } from '../../../web/format/relationship-label';
import { ConversationList } from '../../components/ConversationList';
import { useMasterDetailStyles } from '../shared/useMasterDetailStyles.styles';
import type { ViewProps } from '../view-props';
import { AgendaStateBadge } from './agenda-state-badge';
import { useNextUpView } from './useNextUpView';

/** My next 1:1s with their agenda state; the selected one opens in the agenda editor. */
export function NextUpView(props: ViewProps): ReactNode {
  const state = useNextUpView(props);
  const styles = useMasterDetailStyles();
  const timeZone = props.me.person.timeZone;
  const { upcoming } = state;
  if (upcoming.status === 'error') {
    return (
      <ErrorState
        title="Your upcoming 1:1s could not be loaded."
        error={upcoming.error}
        onRetry={upcoming.reload}
      />
    );
  }
  if (upcoming.status === 'loading' && upcoming.data === null)
    return <LoadingState label="Loading your upcoming 1:1s…" />;
  if (state.oneOnOnes.length === 0) {
    return (
      <EmptyState title="No 1:1s in the next three weeks">
        <Body1 as="p">
          When a 1:1 with your manager or a colleague appears on your calendar, it shows up here so you can
          prepare. Meanwhile, who could you learn from? A 30-minute curiosity conversation is a good start.
        </Body1>
      </EmptyState>
    );
  }
  return (
    <div className={styles.layout}>
      <div className={styles.listColumn}>
        <Subtitle1 as="h2">Your next 1:1s</Subtitle1>
        <ConversationList
          label="Upcoming 1:1s"
          selectedId={state.selectedId}
          onSelect={state.select}
          items={state.oneOnOnes.map((o) => ({
            id: o.id,
            title: o.counterpart.name,
            subtitle: `${formatMeeting(o.startsAt, timeZone)} · ${relationshipLabel(o.relationship)}`,
            badge: <AgendaStateBadge state={state.stateOf(o)} />,
          }))}
        />
      </div>
      <div className={styles.detail}>
        {state.selectedId ? (
          <AgendaEditor
            key={state.selectedId}
            oneOnOneId={state.selectedId}
            timeZone={timeZone}
            onChange={(agenda) => {
              if (state.selectedId) state.onAgendaChange(state.selectedId, agenda);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
