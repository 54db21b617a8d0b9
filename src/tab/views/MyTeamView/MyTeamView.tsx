import { Body1, Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useApi } from '../../../web/api/api-context';
import { EmptyState, ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { useResource } from '../../../web/hooks/use-resource';
import type { ViewProps } from '../view-props';
import { ReportCard } from './ReportCard';
import { useMyTeamViewStyles } from './useMyTeamViewStyles.styles';

/** For managers: each direct report's rhythm, recaps to confirm, and actions owed to them. */
export function MyTeamView({ me }: ViewProps): ReactNode {
  const api = useApi();
  const styles = useMyTeamViewStyles();
  const team = useResource(() => api.team(), 'team');
  if (team.status === 'error') {
    return <ErrorState title="Your team could not be loaded." error={team.error} onRetry={team.reload} />;
  }
  if (team.data === null) return <LoadingState label="Loading your team…" />;
  const waiting = team.data.reports.reduce((n, r) => n + r.awaitingMe.length, 0);
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">My team</Subtitle1>
      <Body1 className={styles.muted}>
        {waiting === 0
          ? 'No recaps are waiting for you.'
          : `${waiting} ${waiting === 1 ? 'recap is' : 'recaps are'} waiting for you.`}{' '}
        You see only what your reports share with you; their private notes stay theirs.
      </Body1>
      {team.data.reports.length === 0 ? (
        <EmptyState title="Nobody reports to you in the directory" />
      ) : (
        team.data.reports.map((member) => (
          <ReportCard key={member.person.id} member={member} timeZone={me.person.timeZone} />
        ))
      )}
    </div>
  );
}
