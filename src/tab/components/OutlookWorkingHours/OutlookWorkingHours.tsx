import { Body1, Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatTimeZone, formatWorkingHours } from '../../../web/format/format-working-hours';
import type { OutlookWorkingHoursProps } from './OutlookWorkingHours.types';
import { useOutlookWorkingHoursStyles } from './useOutlookWorkingHoursStyles.styles';

/** Read-only: the time zone and working hours the app takes from Outlook, and where to change them. */
export function OutlookWorkingHours({ timeZone, workingHours }: OutlookWorkingHoursProps): ReactNode {
  const styles = useOutlookWorkingHoursStyles();
  return (
    <div className={styles.root}>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>
            <Caption1 className={styles.label}>Time zone</Caption1>
          </dt>
          <dd className={styles.value}>
            <Body1>{formatTimeZone(timeZone)}</Body1>
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>
            <Caption1 className={styles.label}>Working hours</Caption1>
          </dt>
          <dd className={styles.value}>
            <Body1>{formatWorkingHours(workingHours)}</Body1>
          </dd>
        </div>
      </dl>
      <Caption1 as="p" className={styles.note}>
        These come from your Outlook settings. Meeting times are shown in this time zone, and quiet hours
        follow these working hours. To change them, change them in Outlook.
      </Caption1>
    </div>
  );
}
