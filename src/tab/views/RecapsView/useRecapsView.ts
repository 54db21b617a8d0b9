import { useState } from 'react';
import type {
  PastOneOnOneDto,
  PastResponse,
  RecapDto,
  RecapSummaryDto,
} from '../../../api/contract/api-types';
import { useApi } from '../../../web/api/api-context';
import type { Resource } from '../../../web/hooks/use-resource';
import { useResource } from '../../../web/hooks/use-resource';
import type { ViewProps } from '../view-props';

export interface RecapsViewState {
  past: Resource<PastResponse>;
  oneOnOnes: PastOneOnOneDto[];
  selectedId: string | null;
  select: (id: string) => void;
  recapOf: (o: PastOneOnOneDto) => RecapSummaryDto | null;
  onRecapChange: (oneOnOneId: string, recap: RecapDto) => void;
}

/** Past career conversations with where their recap stands; the selected one opens in the recap editor. */
export function useRecapsView({ route, navigate }: ViewProps): RecapsViewState {
  const api = useApi();
  const past = useResource(() => api.past(), 'past');
  const [changed, setChanged] = useState<Record<string, RecapSummaryDto>>({});
  const oneOnOnes = past.data?.oneOnOnes ?? [];
  const wanted = route.itemId && oneOnOnes.some((o) => o.id === route.itemId) ? route.itemId : null;
  return {
    past,
    oneOnOnes,
    selectedId: wanted ?? oneOnOnes[0]?.id ?? null,
    select: (id) => {
      navigate({ view: 'recaps', itemId: id });
    },
    recapOf: (o) => changed[o.id] ?? o.recap,
    onRecapChange: (oneOnOneId, recap) => {
      setChanged((c) => ({ ...c, [oneOnOneId]: recap }));
    },
  };
}
