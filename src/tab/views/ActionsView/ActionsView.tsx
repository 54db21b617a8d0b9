import {
  Badge,
  Body1,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ActionDto } from '../../../api/contract/api-types';
import { ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { formatCalendarDate } from '../../../web/format/format-date';
import type { ViewProps } from '../view-props';
import type { ActionsViewState } from './useActionsView';
import { useActionsView } from './useActionsView';
import { useActionsViewStyles } from './useActionsViewStyles.styles';

function ActionList({
  items,
  state,
  empty,
}: {
  items: ActionDto[];
  state: ActionsViewState;
  empty: string;
}): ReactNode {
  const styles = useActionsViewStyles();
  if (items.length === 0) return <Body1 className={styles.intro}>{empty}</Body1>;
  return (
    <ul className={styles.list}>
      {items.map((original) => {
        const action = state.current(original);
        const done = action.status === 'done';
        return (
          <li key={action.id} className={styles.item}>
            <Checkbox
              label={<span className={done ? styles.done : undefined}>{action.text}</span>}
              checked={done}
              disabled={state.busy.has(action.id)}
              onChange={(_e, data) => {
                void state.setStatus(action, data.checked === true ? 'done' : 'open');
              }}
            />
            <Caption1 className={styles.meta}>
              Due {formatCalendarDate(action.dueOn)} · with {action.agreedWith.displayName}
              {action.overdue && !done ? (
                <Badge appearance="filled" color="danger" shape="rounded">
                  Overdue
                </Badge>
              ) : null}
              {done ? (
                <Badge appearance="tint" color="success" shape="rounded">
                  Done
                </Badge>
              ) : null}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
}

/** Actions I own and the ones others agreed with me, overdue first; tick to mark done. */
export function ActionsView(_props: ViewProps): ReactNode {
  const state = useActionsView();
  const styles = useActionsViewStyles();
  const { actions } = state;
  if (actions.status === 'error') {
    return (
      <ErrorState title="Your actions could not be loaded." error={actions.error} onRetry={actions.reload} />
    );
  }
  if (actions.data === null) return <LoadingState label="Loading your actions…" />;
  const { mine, agreedWithOthers } = actions.data;
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Actions</Subtitle1>
      {state.problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={styles.section} aria-labelledby="actions-mine">
        <Subtitle2 as="h3" id="actions-mine">
          Yours
        </Subtitle2>
        <Caption1 className={styles.intro}>What you agreed to do, overdue first.</Caption1>
        <ActionList
          items={mine}
          state={state}
          empty="Nothing on your list. Actions you agree in a recap land here."
        />
      </section>
      <section className={styles.section} aria-labelledby="actions-others">
        <Subtitle2 as="h3" id="actions-others">
          Agreed with others
        </Subtitle2>
        <Caption1 className={styles.intro}>What others took on in your conversations.</Caption1>
        <ActionList items={agreedWithOthers} state={state} empty="Nobody owes you anything right now." />
      </section>
    </div>
  );
}
