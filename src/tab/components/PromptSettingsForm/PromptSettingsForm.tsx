import { Caption1, Field, Input, Switch } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { LEAD_TIME_LIMITS, NUDGE_WEEKS_LIMITS } from '../../../core/settings';
import { SaveIndicator } from '../../../web/components/SaveIndicator';
import type { PromptSettingsFormProps } from './PromptSettingsForm.types';
import type { NumberSetting, SwitchSetting } from './settings-draft';
import { usePromptSettingsForm } from './usePromptSettingsForm';
import { usePromptSettingsFormStyles } from './usePromptSettingsFormStyles.styles';

/** When prompts may arrive, and whether at all; every change is saved as it is made. */
export function PromptSettingsForm(props: PromptSettingsFormProps): ReactNode {
  const state = usePromptSettingsForm(props);
  const styles = usePromptSettingsFormStyles();
  const pausedHint = useId();
  const quietHoursHint = useId();
  const { draft } = state;

  const numberBox = (setting: NumberSetting, limits: { min: number; max: number }, unit: string) => (
    <Input
      className={styles.number}
      type="number"
      inputMode="numeric"
      min={limits.min}
      max={limits.max}
      step={1}
      value={draft[setting]}
      contentAfter={<span className={styles.unit}>{unit}</span>}
      onChange={(_e, data) => {
        state.typeNumber(setting, data.value);
      }}
      onBlur={state.flush}
      onKeyDown={(e) => {
        if (e.key === 'Enter') state.flush();
      }}
    />
  );

  const switchSetting = (setting: SwitchSetting, label: string, hintId: string, hint: string) => (
    <div className={styles.setting}>
      <Switch
        label={label}
        checked={draft[setting]}
        aria-describedby={hintId}
        onChange={(_e, data) => {
          state.switchTo(setting, data.checked);
        }}
      />
      <Caption1 id={hintId} className={styles.hint}>
        {hint}
      </Caption1>
    </div>
  );

  return (
    <div className={styles.root}>
      <SaveIndicator
        state={state.save}
        timeZone={props.timeZone}
        idleMessage="Changes save as soon as you make them"
        emptyMessage="Not saved: a number is missing"
        onRetry={state.flush}
      />

      {switchSetting(
        'promptsPaused',
        'Pause all prompts',
        pausedHint,
        draft.promptsPaused
          ? 'Paused: no prompts, reminders or nudges until you switch this off. You still hear when someone shares an agenda or a recap with you, or answers yours.'
          : 'Holds agenda and recap prompts, reminders and nudges, for a holiday or a busy spell. You still hear when someone shares an agenda or a recap with you, or answers yours.',
      )}

      <Field
        label="Lead time for agenda prompts"
        hint={`How long before a 1:1 you are invited to prepare its agenda: ${LEAD_TIME_LIMITS.min} to ${LEAD_TIME_LIMITS.max} hours (${LEAD_TIME_LIMITS.max} is a week).`}
        validationMessage={state.problemFor('leadTimeHours')}
      >
        {numberBox('leadTimeHours', LEAD_TIME_LIMITS, 'hours')}
      </Field>

      {switchSetting(
        'respectWorkingHours',
        'Respect my working hours (quiet hours)',
        quietHoursHint,
        draft.respectWorkingHours
          ? 'Prompts and reminders wait for your working hours (shown below). Only an agenda prompt in the last hour before a 1:1 may arrive outside them.'
          : 'Prompts and reminders can arrive at any time of day or night.',
      )}

      <Field
        label="Nudge me after"
        hint={`When this many weeks pass without a career conversation and no 1:1 with your manager is booked, you get a gentle reminder: ${NUDGE_WEEKS_LIMITS.min} to ${NUDGE_WEEKS_LIMITS.max} weeks.`}
        validationMessage={state.problemFor('nudgeAfterWeeks')}
      >
        {numberBox('nudgeAfterWeeks', NUDGE_WEEKS_LIMITS, 'weeks')}
      </Field>
    </div>
  );
}
