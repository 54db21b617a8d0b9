import { Caption1, Checkbox } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCalendarDate } from '../../format/format-date';
import type { AgendaEditorState } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

export function AgendaCarriedActions({ state }: { state: AgendaEditorState }): ReactNode {
  const styles = useAgendaEditorStyles();
  const actions = state.response.openActions;
  if (actions.length === 0) return null;
  const carried = new Set(state.draft.carriedActionIds);
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <strong>Follow up from earlier conversations</strong>
      </legend>
      <Caption1 className={styles.groupHint}>Tick the open actions you want to bring up this time.</Caption1>
      {actions.map((action, i) => {
        const who = action.owner.id === action.agreedWith.id ? action.owner.displayName : 'you';
        const label = `${action.text} (${who}, due ${formatCalendarDate(action.dueOn)}${action.status === 'done' ? ', done' : action.overdue ? ', overdue' : ''})`;
        return (
          <Checkbox
            key={action.id}
            label={label}
            checked={carried.has(action.id)}
            aria-invalid={state.problemFor(`carriedActionIds[${i}]`) ? true : undefined}
            onChange={(_e, data) => {
              state.update((d) => ({
                ...d,
                carriedActionIds:
                  data.checked === true
                    ? [...d.carriedActionIds, action.id]
                    : d.carriedActionIds.filter((id) => id !== action.id),
              }));
            }}
          />
        );
      })}
    </fieldset>
  );
}
