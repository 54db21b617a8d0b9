import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RecapDto } from '../../../api/contract/api-types';
import { formatCalendarDate } from '../../format/format-date';
import { useRecapEditorStyles } from './useRecapEditorStyles.styles';

/** A sent recap, read-only: the topics and who agreed to do what by when. */
export function RecapContentView({
  recap,
  counterpartName,
}: {
  recap: RecapDto;
  counterpartName: string;
}): ReactNode {
  const styles = useRecapEditorStyles();
  return (
    <>
      <div>
        <Subtitle2 as="h3">What we covered</Subtitle2>
        {recap.topics.length === 0 ? (
          <Body1 as="p">No topics listed.</Body1>
        ) : (
          <ul className={styles.list}>
            {recap.topics.map((topic, i) => (
              <li key={`${i}-${topic}`}>
                <Body1>{topic}</Body1>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <Subtitle2 as="h3">What we agreed</Subtitle2>
        {recap.actions.length === 0 ? (
          <Body1 as="p">No actions agreed.</Body1>
        ) : (
          <ul className={styles.list}>
            {recap.actions.map((action) => (
              <li key={action.id}>
                <Body1>
                  {action.owner === 'author' ? 'You' : counterpartName}: {action.text} (by{' '}
                  {formatCalendarDate(action.dueOn)})
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
