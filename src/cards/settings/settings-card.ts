import type { PromptSettings } from '../../core/settings';
import { LEAD_TIME_LIMITS, NUDGE_WEEKS_LIMITS } from '../../core/settings';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { renderCard } from '../render-card';
import template from './settings-card.template.json';

export interface SettingsCardInput {
  settings: PromptSettings;
  problems?: readonly string[];
  notice?: CardNotice | null;
}

/** Lead time, quiet hours, nudge interval and pause, saved with one button. */
export function settingsCard(input: SettingsCardInput): AdaptiveCard {
  const { settings } = input;
  return renderCard(template, {
    leadTimeHours: settings.leadTimeHours,
    respectWorkingHours: String(settings.respectWorkingHours),
    nudgeAfterWeeks: settings.nudgeAfterWeeks,
    promptsPaused: String(settings.promptsPaused),
    leadMin: LEAD_TIME_LIMITS.min,
    leadMax: LEAD_TIME_LIMITS.max,
    nudgeMin: NUDGE_WEEKS_LIMITS.min,
    nudgeMax: NUDGE_WEEKS_LIMITS.max,
    problems: input.problems ?? [],
    ...noticeFields(input.notice),
  });
}
