import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Title3,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { formatMeeting } from '../../format/format-date';
import { relationshipLabel } from '../../format/relationship-label';
import { RecapStatus } from '../RecapStatus';
import { SaveIndicator } from '../SaveIndicator';
import { RecapContentView } from './RecapContentView';
import type { RecapFormProps } from './RecapEditor.types';
import { useRecapEditor } from './useRecapEditor';
import { useRecapEditorStyles } from './useRecapEditorStyles.styles';

export function RecapForm(props: RecapFormProps): ReactNode {
  const state = useRecapEditor(props);
  const styles = useRecapEditorStyles();
  const headingId = useId();
  const { oneOnOne } = props.initial;
  const them = oneOnOne.counterpart.name;
  const firstName = them.split(' ')[0] ?? them;
  const sendingNow = state.sending.kind === 'sending';
  const { recap, draft, setDraft } = state;
  const revising = recap?.state === 'changeRequested';
  const generalProblems = state.problems.filter(
    (p) => p.field === null || p.field === 'topics' || p.field === 'actions',
  );

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <div className={styles.headingBlock}>
          <Title3 as="h2" id={headingId}>
            Recap: 1:1 with {them}
          </Title3>
          <Caption1 className={styles.meta}>
            {formatMeeting(oneOnOne.startsAt, props.timeZone)} · {relationshipLabel(oneOnOne.relationship)}
          </Caption1>
          <RecapStatus recap={recap} counterpartName={them} timeZone={props.timeZone} />
        </div>
        {state.editable ? (
          <SaveIndicator
            state={state.save}
            timeZone={props.timeZone}
            emptyMessage="Not saved: a recap needs at least one topic or one agreed action"
            onRetry={() => {
              void state.flush();
            }}
          />
        ) : null}
      </div>

      {!state.editable && recap ? (
        <RecapContentView recap={recap} counterpartName={them} />
      ) : (
        <>
          {revising && recap.changeRequest ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{recap.changeRequest.by.displayName} asked for a change</MessageBarTitle>“
                {recap.changeRequest.comment}” Revise the recap below and send it again as version{' '}
                {recap.version + 1}.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {recap === null && props.initial.prefill && props.initial.prefill.topics.length > 0 ? (
            <Body1 className={styles.note}>
              We started the topics from your agenda. Edit them to match what you talked about.
            </Body1>
          ) : null}

          <fieldset className={styles.group}>
            <legend className={styles.legend}>
              <strong>What did you cover?</strong>
            </legend>
            {draft.topics.map((topic, i) => (
              <div key={topic.key} className={styles.topicRow}>
                <Field label={`Topic ${i + 1}`} validationMessage={state.problemFor(`topics[${i}]`)}>
                  <Input
                    value={topic.text}
                    onChange={(_e, data) => {
                      setDraft((d) => ({
                        ...d,
                        topics: d.topics.map((t) => (t.key === topic.key ? { ...t, text: data.value } : t)),
                      }));
                    }}
                  />
                </Field>
                <Button
                  aria-label={`Remove topic ${i + 1}`}
                  onClick={() => {
                    setDraft((d) => ({ ...d, topics: d.topics.filter((t) => t.key !== topic.key) }));
                  }}
                >
                  Remove
                </Button>
              </div>
            ))}
            <Button className={styles.addButton} onClick={state.addTopic}>
              Add a topic
            </Button>
          </fieldset>

          <fieldset className={styles.group}>
            <legend className={styles.legend}>
              <strong>What did you agree?</strong>
            </legend>
            {draft.actions.length === 0 ? <Caption1 className={styles.meta}>No actions yet.</Caption1> : null}
            {draft.actions.map((action, i) => {
              const change = (part: Partial<typeof action>): void => {
                setDraft((d) => ({
                  ...d,
                  actions: d.actions.map((a) => (a.key === action.key ? { ...a, ...part } : a)),
                }));
              };
              return (
                <div key={action.key} className={styles.actionRow}>
                  <Field label={`Action ${i + 1}`} validationMessage={state.problemFor(`actions[${i}].text`)}>
                    <Input
                      value={action.text}
                      onChange={(_e, data) => {
                        change({ text: data.value });
                      }}
                    />
                  </Field>
                  <Field
                    label={`Action ${i + 1}: who`}
                    validationMessage={state.problemFor(`actions[${i}].owner`)}
                  >
                    <Select
                      value={action.owner}
                      onChange={(_e, data) => {
                        change({ owner: data.value === 'recipient' ? 'recipient' : 'author' });
                      }}
                    >
                      <option value="author">Me</option>
                      <option value="recipient">{firstName}</option>
                    </Select>
                  </Field>
                  <Field
                    label={`Action ${i + 1}: due`}
                    validationMessage={state.problemFor(`actions[${i}].dueOn`)}
                  >
                    <Input
                      type="date"
                      min={state.today}
                      value={action.dueOn}
                      onChange={(_e, data) => {
                        change({ dueOn: data.value });
                      }}
                    />
                  </Field>
                  <Button
                    className={styles.removeButton}
                    aria-label={`Remove action ${i + 1}`}
                    onClick={() => {
                      setDraft((d) => ({ ...d, actions: d.actions.filter((a) => a.key !== action.key) }));
                    }}
                  >
                    Remove
                  </Button>
                </div>
              );
            })}
            <Button className={styles.addButton} onClick={state.addAction}>
              Add an action
            </Button>
          </fieldset>

          {state.sending.kind === 'failed' || generalProblems.length > 0 ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {state.sending.kind === 'failed' ? 'Not sent.' : 'Not saved.'}
                </MessageBarTitle>
                {generalProblems.length > 0
                  ? generalProblems.map((p) => p.message).join(' ')
                  : state.sending.kind === 'failed'
                    ? state.sending.message
                    : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={sendingNow}
              onClick={() => {
                void state.send();
              }}
            >
              {sendingNow
                ? 'Sending…'
                : revising
                  ? `Send the revised recap to ${firstName}`
                  : `Send to ${firstName}`}
            </Button>
            <Body1 className={styles.note}>
              {oneOnOne.relationship === 'manager'
                ? `${firstName} will be asked to confirm it.`
                : `${firstName} gets it for reference; no confirmation needed.`}{' '}
              Nothing goes to {firstName} until you send it.
            </Body1>
          </div>
        </>
      )}
    </section>
  );
}
