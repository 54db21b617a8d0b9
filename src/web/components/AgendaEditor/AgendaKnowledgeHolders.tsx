import { Button, Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { PeoplePicker } from '../PeoplePicker';
import type { AgendaEditorState } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

export function AgendaKnowledgeHolders({ state }: { state: AgendaEditorState }): ReactNode {
  const styles = useAgendaEditorStyles();
  const { draft, update } = state;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <strong>Who knows about it?</strong>
      </legend>
      <Caption1 className={styles.groupHint}>
        People (or roles) you could learn from. Pick from the directory or type freely.
      </Caption1>
      {draft.holders.map((holder, i) => (
        <div className={styles.row} key={holder.key}>
          <PeoplePicker
            label={`Person or role ${i + 1}`}
            value={holder}
            search={state.searchPeople}
            validationMessage={
              state.problemFor(`knowledgeHolders[${i}].label`) ??
              state.problemFor(`knowledgeHolders[${i}].personId`)
            }
            onChange={(value) => {
              update((d) => ({
                ...d,
                holders: d.holders.map((h) => (h.key === holder.key ? { ...value, key: h.key } : h)),
              }));
            }}
          />
          <Button
            aria-label={`Remove person or role ${i + 1}${holder.label ? ` (${holder.label})` : ''}`}
            onClick={() => {
              update((d) => ({ ...d, holders: d.holders.filter((h) => h.key !== holder.key) }));
            }}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button className={styles.addButton} onClick={state.addHolder}>
        Add a person or role
      </Button>
    </fieldset>
  );
}
