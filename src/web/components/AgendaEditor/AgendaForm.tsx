import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  Title3,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { formatMeeting } from '../../format/format-date';
import { relationshipLabel } from '../../format/relationship-label';
import { SaveIndicator } from '../SaveIndicator';
import { SharedAgendaView } from '../SharedAgendaView';
import { AgendaAsks } from './AgendaAsks';
import { AgendaCarriedActions } from './AgendaCarriedActions';
import type { AgendaFormProps } from './AgendaEditor.types';
import { AgendaKnowledgeHolders } from './AgendaKnowledgeHolders';
import { AgendaPrivateNotes } from './AgendaPrivateNotes';
import { AgendaShare } from './AgendaShare';
import { useAgendaEditor } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

export function AgendaForm(props: AgendaFormProps): ReactNode {
  const state = useAgendaEditor(props);
  const styles = useAgendaEditorStyles();
  const headingId = useId();
  const { oneOnOne, sharedWithMe } = state.response;
  const wholeFormProblems =
    state.save.kind === 'invalid' ? state.save.problems.filter((p) => p.field === null) : [];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <div className={styles.headingBlock}>
          <Title3 as="h2" id={headingId}>
            Agenda: 1:1 with {oneOnOne.counterpart.name}
          </Title3>
          <Caption1 className={styles.meta}>
            {formatMeeting(oneOnOne.startsAt, props.timeZone)} · {relationshipLabel(oneOnOne.relationship)}
          </Caption1>
        </div>
        <SaveIndicator
          state={state.save}
          timeZone={props.timeZone}
          onRetry={() => {
            void state.flush();
          }}
        />
      </div>

      {state.save.kind === 'conflict' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This agenda changed somewhere else.</MessageBarTitle> It was saved from another
            tab, the bot or Outlook while you were typing. Load that version, or keep yours and save it over
            the other.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                void state.loadLatest();
              }}
            >
              Load the latest
            </Button>
            <Button
              appearance="primary"
              onClick={() => {
                void state.keepMine();
              }}
            >
              Keep mine
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {wholeFormProblems.map((p) => (
        <MessageBar key={p.code} intent="warning">
          <MessageBarBody>{p.message}</MessageBarBody>
        </MessageBar>
      ))}

      {sharedWithMe ? (
        <SharedAgendaView
          agenda={sharedWithMe}
          authorName={oneOnOne.counterpart.name}
          timeZone={props.timeZone}
        />
      ) : null}

      <Field
        label={<strong>What do you want to learn?</strong>}
        hint="A skill, an area or a way of working. Start from learning, not from job titles."
        validationMessage={state.problemFor('learningFocus')}
      >
        <Textarea
          value={state.draft.learningFocus}
          resize="vertical"
          rows={3}
          onChange={(_e, data) => {
            state.update((d) => ({ ...d, learningFocus: data.value }));
          }}
        />
      </Field>

      <AgendaKnowledgeHolders state={state} />
      <AgendaAsks state={state} />
      <AgendaCarriedActions state={state} />
      <AgendaPrivateNotes state={state} />
      <AgendaShare state={state} timeZone={props.timeZone} />
    </section>
  );
}
