import { Badge } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgendaState } from '../../../api/contract/api-types';

const TEXT: Record<AgendaState, { label: string; color: 'subtle' | 'informative' | 'success' }> = {
  none: { label: 'No agenda yet', color: 'subtle' },
  written: { label: 'Agenda written', color: 'informative' },
  shared: { label: 'Agenda shared', color: 'success' },
};

export function AgendaStateBadge({ state }: { state: AgendaState }): ReactNode {
  const { label, color } = TEXT[state];
  return (
    <Badge appearance="tint" shape="rounded" color={color}>
      {label}
    </Badge>
  );
}
