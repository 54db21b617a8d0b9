import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LoadingStateProps } from './StatusViews.types';
import { useStatusViewsStyles } from './useStatusViewsStyles.styles';

export function LoadingState({ label }: LoadingStateProps): ReactNode {
  const styles = useStatusViewsStyles();
  return (
    <div className={styles.loading}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
