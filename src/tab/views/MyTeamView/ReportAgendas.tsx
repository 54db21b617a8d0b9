import { Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useApi } from '../../../web/api/api-context';
import { SharedAgendaView } from '../../../web/components/SharedAgendaView';
import { ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { useResource } from '../../../web/hooks/use-resource';
import { useMyTeamViewStyles } from './useMyTeamViewStyles.styles';

/** The agendas a report chose to share with me; anything unshared (and every private note) never reaches here. */
export function ReportAgendas({
  reportId,
  name,
  timeZone,
}: {
  reportId: string;
  name: string;
  timeZone: string;
}): ReactNode {
  const api = useApi();
  const styles = useMyTeamViewStyles();
  const agendas = useResource(() => api.teamAgendas(reportId), reportId);
  if (agendas.status === 'error') {
    return (
      <ErrorState
        title={`${name}’s shared agendas could not be loaded.`}
        error={agendas.error}
        onRetry={agendas.reload}
      />
    );
  }
  if (agendas.data === null) return <LoadingState label={`Loading ${name}’s shared agendas…`} />;
  if (agendas.data.agendas.length === 0)
    return <Body1 className={styles.muted}>{name} has not shared an agenda with you yet.</Body1>;
  return (
    <ul className={styles.list}>
      {agendas.data.agendas.map((agenda) => (
        <li key={agenda.oneOnOneId}>
          <SharedAgendaView agenda={agenda} authorName={name} timeZone={timeZone} headingLevel="h4" />
        </li>
      ))}
    </ul>
  );
}
