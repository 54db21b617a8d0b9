import { Button, Field, MessageBar, MessageBarBody, Select, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { DemoPerson } from '../../api/contract/api-types';
import { useMeetingPaneStyles } from './useMeetingPaneStyles.styles';

export interface ViewAsPickerProps {
  people: DemoPerson[];
  problem: string | null;
  onPick: (personId: string) => void;
}

/** Demo only, as in the tab: choose whose calendar and 1:1s the pane shows. */
export function ViewAsPicker({ people, problem, onPick }: ViewAsPickerProps): ReactNode {
  const styles = useMeetingPaneStyles();
  const [picked, setPicked] = useState(people[0]?.id ?? '');
  return (
    <form
      className={styles.section}
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) onPick(picked);
      }}
    >
      <Subtitle2 as="h2">Demo: whose meeting is this?</Subtitle2>
      {problem ? (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="View as">
        <Select
          value={picked}
          onChange={(_, data) => {
            setPicked(data.value);
          }}
        >
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
              {p.jobTitle ? ` — ${p.jobTitle}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={!picked}>
          Open this meeting
        </Button>
      </div>
    </form>
  );
}
