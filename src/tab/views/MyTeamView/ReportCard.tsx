import { Badge, Body1, Button, Caption1, Checkbox, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { TeamMemberDto } from '../../../api/contract/api-types';
import { useApi } from '../../../web/api/api-context';
import { RecapAnswer } from '../../../web/components/RecapAnswer';
import { formatCalendarDate, formatDay } from '../../../web/format/format-date';
import { ReportAgendas } from './ReportAgendas';
import { useMyTeamViewStyles } from './useMyTeamViewStyles.styles';

/** One direct report: how often we talk, recaps waiting for me, what I owe them, what they shared. */
export function ReportCard({ member, timeZone }: { member: TeamMemberDto; timeZone: string }): ReactNode {
  const api = useApi();
  const styles = useMyTeamViewStyles();
  const [showAgendas, setShowAgendas] = useState(false);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const name = member.person.displayName;
  const headingId = `report-${member.person.id}`;
  const last = member.lastConversationAt
    ? `Last career conversation ${formatDay(member.lastConversationAt, timeZone)} (${member.daysSinceLast ?? 0} days ago)`
    : 'No career conversation yet';
  return (
    <section className={styles.report} aria-labelledby={headingId}>
      <div className={styles.reportHeader}>
        <Subtitle2 as="h3" id={headingId}>
          {name}
        </Subtitle2>
        {member.person.jobTitle ? (
          <Caption1 className={styles.muted}>{member.person.jobTitle}</Caption1>
        ) : null}
      </div>
      <div className={styles.facts}>
        <Body1>{last}</Body1>
        <Body1 className={styles.muted}>
          {member.withManagerPerMonth} per month with you · {member.curiosityPerMonth} curiosity conversations
          per month
        </Body1>
        {member.nudge ? (
          <Badge appearance="tint" color="warning" shape="rounded">
            Due a conversation
          </Badge>
        ) : null}
      </div>

      <div className={styles.block}>
        <Body1>
          <strong>Recaps waiting for you</strong>
        </Body1>
        {member.awaitingMe.length === 0 ? (
          <Caption1 className={styles.muted}>Nothing waiting for your confirmation.</Caption1>
        ) : (
          member.awaitingMe.map((recap) => (
            <RecapAnswer key={recap.id} recap={recap} authorName={name} timeZone={timeZone} />
          ))
        )}
      </div>

      <div className={styles.block}>
        <Body1>
          <strong>Your overdue actions for {name.split(' ')[0]}</strong>
        </Body1>
        {member.myOverdueActions.length === 0 ? (
          <Caption1 className={styles.muted}>You are up to date.</Caption1>
        ) : (
          <ul className={styles.list}>
            {member.myOverdueActions.map((action) => (
              <li key={action.id}>
                <Checkbox
                  label={`${action.text} (was due ${formatCalendarDate(action.dueOn)})`}
                  checked={done.has(action.id)}
                  onChange={(_e, data) => {
                    const status = data.checked === true ? 'done' : 'open';
                    void api.setActionStatus(action.id, status).then(() => {
                      setDone((d) =>
                        status === 'done'
                          ? new Set([...d, action.id])
                          : new Set([...d].filter((id) => id !== action.id)),
                      );
                    });
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className={styles.block}>
        <Button
          className={styles.toggle}
          aria-expanded={showAgendas}
          onClick={() => {
            setShowAgendas((s) => !s);
          }}
        >
          {showAgendas ? 'Hide shared agendas' : `Show shared agendas (${member.sharedAgendaCount})`}
        </Button>
        {showAgendas ? <ReportAgendas reportId={member.person.id} name={name} timeZone={timeZone} /> : null}
      </div>
    </section>
  );
}
