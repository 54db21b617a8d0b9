import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCalendarDate, formatDay, formatMeeting } from '../../format/format-date';
import type { SharedAgendaViewProps } from './SharedAgendaView.types';
import { useSharedAgendaViewStyles } from './useSharedAgendaViewStyles.styles';

/** A shared agenda as the other person reads it: learning focus, who knows, asks, and what to follow up. */
export function SharedAgendaView({
  agenda,
  authorName,
  timeZone,
  headingLevel = 'h3',
}: SharedAgendaViewProps): ReactNode {
  const styles = useSharedAgendaViewStyles();
  const when = agenda.meetingStartsAt ? formatMeeting(agenda.meetingStartsAt, timeZone) : 'a 1:1';
  return (
    <article className={styles.root} aria-label={`Agenda ${authorName} shared for ${when}`}>
      <Subtitle2 as={headingLevel}>
        {authorName}’s agenda for {when}
      </Subtitle2>
      <Caption1 className={styles.label}>Shared on {formatDay(agenda.sharedAt, timeZone)}</Caption1>
      {agenda.learningFocus ? (
        <div>
          <Caption1 className={styles.label}>Wants to learn</Caption1>
          <Body1 as="p">{agenda.learningFocus}</Body1>
        </div>
      ) : null}
      {agenda.knowledgeHolders.length > 0 ? (
        <div>
          <Caption1 className={styles.label}>Who knows about it</Caption1>
          <ul className={styles.list}>
            {agenda.knowledgeHolders.map((h, i) => (
              <li key={`${h.label}-${i}`}>
                <Body1>{h.label}</Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {agenda.asks.length > 0 ? (
        <div>
          <Caption1 className={styles.label}>Asks</Caption1>
          <ul className={styles.list}>
            {agenda.asks.map((a, i) => (
              <li key={`${a.wanted}-${i}`}>
                <Body1>
                  {a.wanted}
                  {a.support ? ` — support asked: ${a.support}` : ''}
                </Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {agenda.carriedActions.length > 0 ? (
        <div>
          <Caption1 className={styles.label}>To follow up</Caption1>
          <ul className={styles.list}>
            {agenda.carriedActions.map((a) => (
              <li key={a.id}>
                <Body1>
                  {a.text} (due {formatCalendarDate(a.dueOn)}
                  {a.status === 'done' ? ', done' : ''})
                </Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
