import { Caption1, Subtitle2, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { formatMonth } from '../../format/format-date';
import type { ConversationsChartProps } from './ConversationsChart.types';
import { useConversationsChartStyles } from './useConversationsChartStyles.styles';

/** Career conversations per month as stacked CSS bars; screen readers get the same numbers as a table. */
export function ConversationsChart({ months, caption }: ConversationsChartProps): ReactNode {
  const styles = useConversationsChartStyles();
  const captionId = useId();
  const most = Math.max(1, ...months.map((m) => m.withManager + m.curiosity));
  const share = (n: number): string => `${Math.round((n / most) * 100)}%`;
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <Subtitle2>{caption}</Subtitle2>
      </figcaption>
      <div aria-hidden="true">
        <div className={styles.chart}>
          {months.map((m) => (
            <div key={m.month} className={styles.column}>
              <Caption1 className={styles.count}>{m.withManager + m.curiosity}</Caption1>
              {m.curiosity > 0 ? (
                <div className={styles.curiosity} style={{ height: share(m.curiosity) }} />
              ) : null}
              {m.withManager > 0 ? (
                <div className={styles.manager} style={{ height: share(m.withManager) }} />
              ) : null}
            </div>
          ))}
        </div>
        <div className={styles.labels}>
          {months.map((m) => (
            <Caption1 key={m.month} className={styles.monthLabel}>
              {formatMonth(m.month)}
            </Caption1>
          ))}
        </div>
        <div className={styles.legend}>
          <Caption1 className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles.manager)} /> With your manager
          </Caption1>
          <Caption1 className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles.curiosity)} /> Curiosity conversations
          </Caption1>
        </div>
      </div>
      <table className={styles.visuallyHidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">With your manager</th>
            <th scope="col">Curiosity conversations</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month, true)}</th>
              <td>{m.withManager}</td>
              <td>{m.curiosity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
