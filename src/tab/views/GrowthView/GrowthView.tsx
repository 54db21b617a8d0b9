import {
  Badge,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Title3,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { GrowthResponse } from '../../../api/contract/api-types';
import { useApi } from '../../../web/api/api-context';
import { ConversationsChart } from '../../../web/components/ConversationsChart';
import { EmptyState, ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { formatDay } from '../../../web/format/format-date';
import { useResource } from '../../../web/hooks/use-resource';
import type { ViewProps } from '../view-props';
import { useGrowthViewStyles } from './useGrowthViewStyles.styles';

function Nudge({ cadence }: { cadence: GrowthResponse['cadence'] }): ReactNode {
  if (!cadence.nudge) return null;
  const since =
    cadence.daysSinceLast === null
      ? 'You have not had a career conversation yet.'
      : `Your last career conversation was ${cadence.daysSinceLast} days ago.`;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Time for a conversation?</MessageBarTitle>
        {since} Growth comes from talking to people who know what you want to learn: ask a colleague for 30
        minutes, or put a career topic on your next 1:1.
      </MessageBarBody>
    </MessageBar>
  );
}

/** What I said I want to learn and asked for over time, and how often I have career conversations. */
export function GrowthView({ me }: ViewProps): ReactNode {
  const api = useApi();
  const growth = useResource(() => api.growth(), 'growth');
  const styles = useGrowthViewStyles();
  const timeZone = me.person.timeZone;
  if (growth.status === 'error') {
    return (
      <ErrorState
        title="Your growth overview could not be loaded."
        error={growth.error}
        onRetry={growth.reload}
      />
    );
  }
  if (growth.data === null) return <LoadingState label="Loading your growth overview…" />;
  const { entries, cadence } = growth.data;
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Growth</Subtitle1>
      <Nudge cadence={cadence} />
      <section className={styles.panel} aria-labelledby="growth-rhythm">
        <Subtitle2 as="h3" id="growth-rhythm">
          Your rhythm
        </Subtitle2>
        <dl className={styles.stats}>
          <div className={styles.stat}>
            <dt className={styles.statLabel}>
              <Caption1>With your manager, per month</Caption1>
            </dt>
            <dd className={styles.statValue}>
              <Title3>{cadence.withManagerPerMonth}</Title3>
            </dd>
          </div>
          <div className={styles.stat}>
            <dt className={styles.statLabel}>
              <Caption1>Curiosity conversations, per month</Caption1>
            </dt>
            <dd className={styles.statValue}>
              <Title3>{cadence.curiosityPerMonth}</Title3>
            </dd>
          </div>
          <div className={styles.stat}>
            <dt className={styles.statLabel}>
              <Caption1>Last career conversation</Caption1>
            </dt>
            <dd className={styles.statValue}>
              <Title3>
                {cadence.lastConversationAt ? formatDay(cadence.lastConversationAt, timeZone) : 'None yet'}
              </Title3>
            </dd>
          </div>
        </dl>
        <ConversationsChart months={cadence.months} caption="Career conversations per month, last 6 months" />
      </section>
      <section className={styles.panel} aria-labelledby="growth-learning">
        <Subtitle2 as="h3" id="growth-learning">
          What you set out to learn, and what you asked for
        </Subtitle2>
        {entries.length === 0 ? (
          <EmptyState title="Nothing written down yet">
            <Body1 as="p">
              When you add a learning focus or an ask to an agenda, it is kept here so you can see how it
              went.
            </Body1>
          </EmptyState>
        ) : (
          <ul className={styles.entries}>
            {entries.map((entry) => (
              <li key={entry.oneOnOneId} className={styles.entry}>
                <div className={styles.entryHeader}>
                  <Body1>
                    <strong>{formatDay(entry.date, timeZone)}</strong> with {entry.counterpartName}
                  </Body1>
                  {entry.upcoming ? (
                    <Badge appearance="tint" shape="rounded" color="informative">
                      Coming up
                    </Badge>
                  ) : (
                    <Badge appearance="tint" shape="rounded" color={entry.answered ? 'success' : 'warning'}>
                      {entry.answered ? 'Followed up in a recap' : 'No confirmed recap yet'}
                    </Badge>
                  )}
                </div>
                {entry.learningFocus ? <Body1>Wanted to learn: {entry.learningFocus}</Body1> : null}
                {entry.asks.length > 0 ? (
                  <ul className={styles.asks} aria-label={`Asks on ${formatDay(entry.date, timeZone)}`}>
                    {entry.asks.map((ask, i) => (
                      <li key={`${ask.wanted}-${i}`}>
                        <Body1>
                          Asked for {ask.wanted}
                          {ask.support ? (
                            <span className={styles.muted}> (support: {ask.support})</span>
                          ) : null}
                        </Body1>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
