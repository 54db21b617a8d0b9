import { Body1, Button, Caption1, Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiProvider } from '../../web/api/api-context';
import { AgendaEditor } from '../../web/components/AgendaEditor';
import { SharedAgendaView } from '../../web/components/SharedAgendaView';
import { EmptyState, ErrorState, LoadingState } from '../../web/components/StatusViews';
import { formatMeeting } from '../../web/format/format-date';
import { relationshipLabel } from '../../web/format/relationship-label';
import { InsertAgendaButton } from './InsertAgendaButton';
import type { MeetingPaneModel, MeetingPaneProps, ReadyPane } from './MeetingPane.types';
import { OneOnOneFollowUp } from './OneOnOneFollowUp';
import { useMeetingPane } from './useMeetingPane';
import { useMeetingPaneStyles } from './useMeetingPaneStyles.styles';
import { ViewAsPicker } from './ViewAsPicker';

/** The task pane on a meeting in Outlook's calendar. */
export function MeetingPane(props: MeetingPaneProps): ReactNode {
  const styles = useMeetingPaneStyles();
  const model = useMeetingPane(props);
  return <main className={styles.root}>{content(model)}</main>;
}

function content(model: MeetingPaneModel): ReactNode {
  const { state } = model;
  switch (state.kind) {
    case 'loading':
      return <LoadingState label={state.label} />;
    case 'not-a-meeting':
      return (
        <EmptyState title="Open this from a meeting">
          <Body1>Career Conversations shows here when you open a 1:1 in your Outlook calendar.</Body1>
        </EmptyState>
      );
    case 'pick-person':
      return <ViewAsPicker people={state.people} problem={state.problem} onPick={model.viewAs} />;
    case 'not-a-one-on-one':
      return (
        <EmptyState title="Not a 1:1" action={<SwitchPerson model={model} name={state.viewingAs} />}>
          <Body1>{state.message}</Body1>
        </EmptyState>
      );
    case 'failed':
      return <ErrorState title={state.title} error={state.error} onRetry={model.retry} />;
    case 'ready':
      return <ReadyMeeting pane={state} model={model} />;
  }
}

function SwitchPerson({ model, name }: { model: MeetingPaneModel; name: string | null }): ReactNode {
  if (!model.switchPerson) return null;
  return (
    <Button appearance="subtle" onClick={model.switchPerson}>
      {name ? `Viewing as ${name}: switch person` : 'Switch person'}
    </Button>
  );
}

function ReadyMeeting({ pane, model }: { pane: ReadyPane; model: MeetingPaneModel }): ReactNode {
  const styles = useMeetingPaneStyles();
  const { oneOnOne, me, agenda } = pane;
  const timeZone = me.person.timeZone;
  const writesAgenda = oneOnOne.relationship === 'manager' || oneOnOne.relationship === 'peer';
  return (
    <ApiProvider api={pane.api}>
      <header className={styles.header}>
        <Subtitle1 as="h1">1:1 with {oneOnOne.counterpart.name}</Subtitle1>
        <Caption1 className={styles.muted}>
          {relationshipLabel(oneOnOne.relationship)} · {formatMeeting(oneOnOne.startsAt, timeZone)}
        </Caption1>
        {model.switchPerson ? <SwitchPerson model={model} name={me.person.displayName} /> : null}
      </header>
      {pane.item.mode === 'compose' ? <InsertAgendaButton pane={pane} /> : null}
      {agenda.sharedWithMe ? (
        <SharedAgendaView
          agenda={agenda.sharedWithMe}
          authorName={oneOnOne.counterpart.name}
          timeZone={timeZone}
          headingLevel="h3"
        />
      ) : null}
      {writesAgenda ? (
        <section className={styles.section} aria-label="Your agenda">
          <AgendaEditor oneOnOneId={oneOnOne.id} timeZone={timeZone} />
        </section>
      ) : agenda.sharedWithMe ? null : (
        <Body1 className={styles.muted}>
          {oneOnOne.counterpart.name} has not shared an agenda for this 1:1 yet.
        </Body1>
      )}
      <OneOnOneFollowUp pane={pane} />
    </ApiProvider>
  );
}
