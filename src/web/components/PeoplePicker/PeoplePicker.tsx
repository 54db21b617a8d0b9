import { Combobox, Field, Option } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PeoplePickerProps } from './PeoplePicker.types';
import { usePeoplePicker } from './usePeoplePicker';
import { usePeoplePickerStyles } from './usePeoplePickerStyles.styles';

/** A name or role typed freely, or someone picked from the organisation's directory. */
export function PeoplePicker(props: PeoplePickerProps): ReactNode {
  const state = usePeoplePicker(props);
  const styles = usePeoplePickerStyles();
  const fromDirectory = props.value.personId !== null;
  return (
    <Field
      label={props.label}
      validationMessage={props.validationMessage}
      hint={fromDirectory ? 'Picked from your organisation’s directory' : props.hint}
    >
      <Combobox
        className={styles.combobox}
        freeform
        value={state.text}
        placeholder="Type a name or a role"
        open={state.open}
        onOpenChange={(_event, data) => {
          state.onOpenChange(data.open);
        }}
        onInput={(event) => {
          state.onTextChange((event.target as HTMLInputElement).value);
        }}
        onOptionSelect={(_event, data) => {
          state.onPick(data.optionValue);
        }}
      >
        {state.results.map((person) => (
          <Option key={person.id} value={person.id} text={person.displayName}>
            {person.displayName}
            {person.jobTitle ? <span className={styles.optionTitle}>{person.jobTitle}</span> : null}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
