import { useState } from 'react';
import type { AgendaDto, AgendaState, UpcomingOneOnOneDto } from '../../../api/contract/api-types';
import { useApi } from '../../../web/api/api-context';
import type { Resource } from '../../../web/hooks/use-resource';
import { useResource } from '../../../web/hooks/use-resource';
import type { UpcomingResponse } from '../../../api/contract/api-types';
import type { ViewProps } from '../view-props';

export interface NextUpViewState {
  upcoming: Resource<UpcomingResponse>;
  oneOnOnes: UpcomingOneOnOneDto[];
  selectedId: string | null;
  select: (id: string) => void;
  stateOf: (o: UpcomingOneOnOneDto) => AgendaState;
  onAgendaChange: (id: string, agenda: AgendaDto) => void;
}

/** Upcoming 1:1s, the selected one (from the URL, else the soonest), and agenda states as they change. */
export function useNextUpView({ route, navigate }: ViewProps): NextUpViewState {
  const api = useApi();
  const upcoming = useResource(() => api.upcoming(), 'upcoming');
  const [changed, setChanged] = useState<Record<string, AgendaState>>({});
  const oneOnOnes = upcoming.data?.oneOnOnes ?? [];
  const wanted = route.itemId && oneOnOnes.some((o) => o.id === route.itemId) ? route.itemId : null;
  return {
    upcoming,
    oneOnOnes,
    selectedId: wanted ?? oneOnOnes[0]?.id ?? null,
    select: (id) => {
      navigate({ view: 'next-up', itemId: id });
    },
    stateOf: (o) => changed[o.id] ?? o.agendaState,
    onAgendaChange: (id, agenda) => {
      setChanged((c) => ({ ...c, [id]: agenda.sharedAt ? 'shared' : 'written' }));
    },
  };
}
