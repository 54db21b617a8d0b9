import type { PromptSettings } from '../../../api/contract/api-types';

/** The form as shown: numbers as typed (so a half-typed or refused value stays in its box). */
export interface SettingsDraft {
  leadTimeHours: string;
  nudgeAfterWeeks: string;
  respectWorkingHours: boolean;
  promptsPaused: boolean;
}

export type NumberSetting = 'leadTimeHours' | 'nudgeAfterWeeks';
export type SwitchSetting = 'respectWorkingHours' | 'promptsPaused';

export function settingsDraftOf(settings: PromptSettings): SettingsDraft {
  return {
    leadTimeHours: String(settings.leadTimeHours),
    nudgeAfterWeeks: String(settings.nudgeAfterWeeks),
    respectWorkingHours: settings.respectWorkingHours,
    promptsPaused: settings.promptsPaused,
  };
}

/** The number in a box, or null when it holds none. Whether it is in range is the server's call. */
export function numberIn(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** An empty box cannot be sent: the server only reads numbers. */
export function hasEmptyNumber(draft: SettingsDraft): boolean {
  return numberIn(draft.leadTimeHours) === null || numberIn(draft.nudgeAfterWeeks) === null;
}

/** Only what differs from what is saved; null when nothing does. */
export function changeFrom(saved: PromptSettings, draft: SettingsDraft): Partial<PromptSettings> | null {
  const change: Partial<PromptSettings> = {};
  const leadTimeHours = numberIn(draft.leadTimeHours);
  const nudgeAfterWeeks = numberIn(draft.nudgeAfterWeeks);
  if (leadTimeHours !== null && leadTimeHours !== saved.leadTimeHours) change.leadTimeHours = leadTimeHours;
  if (nudgeAfterWeeks !== null && nudgeAfterWeeks !== saved.nudgeAfterWeeks)
    change.nudgeAfterWeeks = nudgeAfterWeeks;
  if (draft.respectWorkingHours !== saved.respectWorkingHours)
    change.respectWorkingHours = draft.respectWorkingHours;
  if (draft.promptsPaused !== saved.promptsPaused) change.promptsPaused = draft.promptsPaused;
  return Object.keys(change).length > 0 ? change : null;
}

/** One change per setting, switches first: a refused number then never holds back anything else. */
export function oneByOne(change: Partial<PromptSettings>): Partial<PromptSettings>[] {
  const parts: Partial<PromptSettings>[] = [];
  if (change.promptsPaused !== undefined) parts.push({ promptsPaused: change.promptsPaused });
  if (change.respectWorkingHours !== undefined)
    parts.push({ respectWorkingHours: change.respectWorkingHours });
  if (change.leadTimeHours !== undefined) parts.push({ leadTimeHours: change.leadTimeHours });
  if (change.nudgeAfterWeeks !== undefined) parts.push({ nudgeAfterWeeks: change.nudgeAfterWeeks });
  return parts;
}
