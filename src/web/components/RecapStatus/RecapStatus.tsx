import { Badge, Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { recapStatusText } from './recap-status-text';
import type { RecapStatusProps } from './RecapStatus.types';
import { useRecapStatusStyles } from './useRecapStatusStyles.styles';

/** Where a recap stands: draft, sent, acknowledged (by whom, when) or a change asked for (with the comment). */
export function RecapStatus({
  recap,
  counterpartName,
  timeZone,
  variant = 'full',
}: RecapStatusProps): ReactNode {
  const styles = useRecapStatusStyles();
  const text = recapStatusText(recap, counterpartName, timeZone);
  const badge = (
    <Badge appearance="tint" color={text.color} shape="rounded">
      {text.badge}
    </Badge>
  );
  if (variant === 'badge') return badge;
  return (
    <div className={styles.root}>
      {badge}
      <Body1 className={styles.sentence}>{text.sentence}</Body1>
    </div>
  );
}
