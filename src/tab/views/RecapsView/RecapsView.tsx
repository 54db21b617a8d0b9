import { Body1, Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RecapEditor } from '../../../web/components/RecapEditor';
import { RecapStatus } from '../../../web/components/RecapStatus';
import { EmptyState, ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { formatMeeting } from '../../../web/format/format-date';
import { relationshipLabel } from '../../../web/format/relationship-label';
import { ConversationList } from '../../components/ConversationList';
import { useMasterDetailStyles } from '../shared/useMasterDetailStyles.styles';
import type { ViewProps } from '../view-props';
import { useRecapsView } from './useRecapsView';

/** Past career conversations and their recaps: write, revise, send, and see who acknowledged what. */
export function RecapsView(props: ViewProps): ReactNode {
  const state = useRecapsView(props);
  const styles = useMasterDetailStyles();
  const timeZone = props.me.person.timeZone;
  const { past } = state;
  if (past.status === 'error') {
    return (
      <ErrorState
        title="Your past conversations could not be loaded."
        error={past.error}
        onRetry={past.reload}
      />
    );
  }
  if (past.status === 'loading' && past.data === null) return <LoadingState label="Loading your recaps…" />;
  if (state.oneOnOnes.length === 0) {
    return (
      <EmptyState title="No conversations to recap yet">
        <Body1 as="p">
          After a 1:1 with your manager or a curiosity conversation, it appears here. A short recap of what
          you covered and agreed keeps both of you on the same page.
        </Body1>
      </EmptyState>
    );
  }
  return (
    <div className={styles.layout}>
      <div className={styles.listColumn}>
        <Subtitle1 as="h2">Past conversations</Subtitle1>
        <ConversationList
          label="Past conversations"
          selectedId={state.selectedId}
          onSelect={state.select}
          items={state.oneOnOnes.map((o) => ({
            id: o.id,
            title: o.counterpart.name,
            subtitle: `${formatMeeting(o.startsAt, timeZone)} · ${relationshipLabel(o.relationship)}`,
            badge: (
              <RecapStatus
                recap={state.recapOf(o)}
                counterpartName={o.counterpart.name}
                timeZone={timeZone}
                variant="badge"
              />
            ),
          }))}
        />
      </div>
      <div className={styles.detail}>
        {state.selectedId ? (
          <RecapEditor
            key={state.selectedId}
            oneOnOneId={state.selectedId}
            timeZone={timeZone}
            onChange={(recap) => {
              state.onRecapChange(recap.oneOnOneId, recap);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
