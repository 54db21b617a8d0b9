import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RecapStatus } from '../../web/components/RecapStatus';
import { formatCalendarDate, formatDay } from '../../web/format/format-date';
import type { ReadyPane } from './MeetingPane.types';
import { useMeetingPaneStyles } from './useMeetingPaneStyles.styles';

/** What carries over from earlier conversations with the same person: open actions and the last recap. */
export function OneOnOneFollowUp({ pane }: { pane: ReadyPane }): ReactNode {
  const styles = useMeetingPaneStyles();
  const { agenda, lastRecap, oneOnOne, me } = pane;
  const timeZone = me.person.timeZone;
  return (
    <>
      <section className={styles.section} aria-label="Open actions">
        <Subtitle2 as="h3">Open actions with {oneOnOne.counterpart.name}</Subtitle2>
        {agenda.openActions.length === 0 ? (
          <Body1 className={styles.muted}>Nothing open: every agreed action is done.</Body1>
        ) : (
          <ul className={styles.list}>
            {agenda.openActions.map((a) => (
              <li key={a.id}>
                <Body1>{a.text}</Body1>{' '}
                <Caption1 className={a.overdue ? styles.overdue : styles.muted}>
                  {a.owner.displayName}, due {formatCalendarDate(a.dueOn)}
                  {a.overdue ? ' (overdue)' : ''}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-label="Last recap">
        <Subtitle2 as="h3">Last recap</Subtitle2>
        {lastRecap ? (
          <>
            <Caption1 className={styles.muted}>
              Conversation of {formatDay(lastRecap.startsAt, timeZone)}
            </Caption1>
            <RecapStatus
              recap={lastRecap.recap}
              counterpartName={oneOnOne.counterpart.name}
              timeZone={timeZone}
            />
          </>
        ) : (
          <Body1 className={styles.muted}>
            This is your first conversation with {oneOnOne.counterpart.name} here.
          </Body1>
        )}
      </section>
    </>
  );
}
