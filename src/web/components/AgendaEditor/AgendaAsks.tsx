import { Button, Caption1, Field, Input, Textarea } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgendaEditorState } from './useAgendaEditor';
import { useAgendaEditorStyles } from './useAgendaEditorStyles.styles';

export function AgendaAsks({ state }: { state: AgendaEditorState }): ReactNode {
  const styles = useAgendaEditorStyles();
  const { draft, update } = state;
  const change = (key: string, part: { wanted?: string; support?: string }): void => {
    update((d) => ({ ...d, asks: d.asks.map((a) => (a.key === key ? { ...a, ...part } : a)) }));
  };
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <strong>What are you asking for?</strong>
      </legend>
      <Caption1 className={styles.groupHint}>
        Name the role, project or area you want, and the support that would help. Nobody can back a goal they
        have not heard.
      </Caption1>
      {draft.asks.map((ask, i) => (
        <div className={styles.askRow} key={ask.key}>
          <Field
            label={`Ask ${i + 1}: what you want`}
            validationMessage={state.problemFor(`asks[${i}].wanted`)}
          >
            <Input
              value={ask.wanted}
              placeholder="A role, project or area"
              onChange={(_e, data) => {
                change(ask.key, { wanted: data.value });
              }}
            />
          </Field>
          <Field
            label={`Ask ${i + 1}: support you need`}
            validationMessage={state.problemFor(`asks[${i}].support`)}
          >
            <Textarea
              value={ask.support}
              resize="vertical"
              placeholder="An introduction, time, a stretch task…"
              onChange={(_e, data) => {
                change(ask.key, { support: data.value });
              }}
            />
          </Field>
          <Button
            className={styles.removeButton}
            aria-label={`Remove ask ${i + 1}${ask.wanted ? ` (${ask.wanted})` : ''}`}
            onClick={() => {
              update((d) => ({ ...d, asks: d.asks.filter((a) => a.key !== ask.key) }));
            }}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button className={styles.addButton} onClick={state.addAsk}>
        Add an ask
      </Button>
    </fieldset>
  );
}
