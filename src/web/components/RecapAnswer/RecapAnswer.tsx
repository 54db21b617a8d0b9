import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCalendarDate, formatDay, formatMeeting } from '../../format/format-date';
import type { RecapAnswerProps } from './RecapAnswer.types';
import { useRecapAnswer } from './useRecapAnswer';
import { useRecapAnswerStyles } from './useRecapAnswerStyles.styles';

/** A recap waiting for my confirmation, answered right here: acknowledge, or suggest a change. */
export function RecapAnswer(props: RecapAnswerProps): ReactNode {
  const { recap, authorName, timeZone } = props;
  const hook = useRecapAnswer(props);
  const styles = useRecapAnswerStyles();
  const { state } = hook;
  const first = authorName.split(' ')[0] ?? authorName;
  const when = recap.meetingStartsAt ? formatMeeting(recap.meetingStartsAt, timeZone) : 'your 1:1';
  return (
    <article className={styles.root} aria-label={`Recap from ${authorName} of ${when}`}>
      <Subtitle2 as="h4">
        Recap from {authorName} of {when}
      </Subtitle2>
      {recap.sentAt ? (
        <Caption1 className={styles.label}>
          Sent {formatDay(recap.sentAt, timeZone)} · version {recap.version}
        </Caption1>
      ) : null}
      {recap.topics.length > 0 ? (
        <div>
          <Caption1 className={styles.label}>What you covered</Caption1>
          <ul className={styles.list}>
            {recap.topics.map((t, i) => (
              <li key={`${i}-${t}`}>
                <Body1>{t}</Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recap.actions.length > 0 ? (
        <div>
          <Caption1 className={styles.label}>What you agreed</Caption1>
          <ul className={styles.list}>
            {recap.actions.map((a) => (
              <li key={a.id}>
                <Body1>
                  {a.owner === 'author' ? first : 'You'}: {a.text} (by {formatCalendarDate(a.dueOn)})
                </Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {state.kind === 'answered' ? (
        <Body1 role="status">
          {state.answer === 'acknowledged'
            ? `You acknowledged this recap on ${formatDay(state.at, timeZone)}.`
            : `You asked ${first} for a change; the revised recap will come back to you.`}
        </Body1>
      ) : state.kind === 'suggesting' ? (
        <>
          <Field label="What should change?" validationMessage={state.problem ?? undefined}>
            <Textarea
              value={state.comment}
              resize="vertical"
              onChange={(_e, data) => {
                hook.setComment(data.value);
              }}
            />
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={() => {
                void hook.sendSuggestion();
              }}
            >
              Send suggestion
            </Button>
            <Button onClick={hook.cancel}>Cancel</Button>
          </div>
        </>
      ) : (
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={state.kind === 'busy'}
            onClick={() => {
              void hook.acknowledge();
            }}
          >
            Acknowledge
          </Button>
          <Button disabled={state.kind === 'busy'} onClick={hook.startSuggesting}>
            Suggest a change
          </Button>
        </div>
      )}
      {state.kind === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </article>
  );
}
