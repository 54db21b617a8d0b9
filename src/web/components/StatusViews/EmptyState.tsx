import { Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { EmptyStateProps } from './StatusViews.types';
import { useStatusViewsStyles } from './useStatusViewsStyles.styles';

export function EmptyState({ title, children, action }: EmptyStateProps): ReactNode {
  const styles = useStatusViewsStyles();
  return (
    <div className={styles.empty}>
      <Subtitle2 as="p">{title}</Subtitle2>
      {children}
      {action}
    </div>
  );
}
