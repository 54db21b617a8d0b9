import { Body1, Button, Caption1, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { DemoPerson } from '../../../api/contract/api-types';
import type { ViewAsPickerProps } from './ViewAsPicker.types';
import { useViewAsPickerStyles } from './useViewAsPickerStyles.styles';

function roleOf(person: DemoPerson): string {
  const parts: string[] = [];
  if (person.reportCount > 0)
    parts.push(`Manages ${person.reportCount} ${person.reportCount === 1 ? 'person' : 'people'}`);
  if (person.managerName) parts.push(`Reports to ${person.managerName}`);
  return parts.join(' · ') || 'No manager in the demo';
}

/** Demo only: choose whose eyes to see the app through. */
export function ViewAsPicker({ people, problem, onPick }: ViewAsPickerProps): ReactNode {
  const styles = useViewAsPickerStyles();
  return (
    <>
      <Title2 as="h1">Who are you today?</Title2>
      <Body1 as="p">
        This is the demo organisation. Pick someone to see Career Conversations as they would: their 1:1s,
        agendas, recaps and actions. You can switch at any time.
      </Body1>
      {problem ? (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={styles.list} aria-label="Demo people">
        {people.map((person) => (
          <li key={person.id}>
            <Button
              className={styles.person}
              onClick={() => {
                onPick(person.id);
              }}
            >
              <span className={styles.details}>
                <Body1>
                  <strong>{person.displayName}</strong>
                </Body1>
                <Caption1 className={styles.meta}>{person.jobTitle ?? 'No job title'}</Caption1>
                <Caption1 className={styles.meta}>{roleOf(person)}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
