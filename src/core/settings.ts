import { careerError } from './errors';
import type { CareerError } from './errors';
import type { Result } from './result';
import { fail, ok } from './result';

/** What a person controls about prompts and reminders. */
export interface PromptSettings {
  /** Hours before a 1:1 when the agenda prompt may arrive. */
  leadTimeHours: number;
  /** Prompts and nudges are held while paused (cards already sent stay). */
  promptsPaused: boolean;
  /** Weeks without a career conversation before a gentle nudge. */
  nudgeAfterWeeks: number;
  /** Quiet hours: nothing is sent outside the person's working hours when true. */
  respectWorkingHours: boolean;
}

export const DEFAULT_PROMPT_SETTINGS: PromptSettings = {
  leadTimeHours: 24,
  promptsPaused: false,
  nudgeAfterWeeks: 4,
  respectWorkingHours: true,
};

export const LEAD_TIME_LIMITS = { min: 1, max: 168 };
export const NUDGE_WEEKS_LIMITS = { min: 1, max: 26 };

/** Applies a partial change to settings, refusing out-of-range values with a specific message. */
export function changeSettings(
  current: PromptSettings,
  change: Partial<PromptSettings>,
): Result<PromptSettings, CareerError> {
  // A key present with the value `undefined` means "no change", not "clear the setting".
  const defined = Object.fromEntries(
    Object.entries(change as Record<string, unknown>).filter(([, value]) => value !== undefined),
  );
  const next: PromptSettings = { ...current, ...(defined as Partial<PromptSettings>) };
  if (
    !Number.isInteger(next.leadTimeHours) ||
    next.leadTimeHours < LEAD_TIME_LIMITS.min ||
    next.leadTimeHours > LEAD_TIME_LIMITS.max
  ) {
    return fail(
      careerError(
        'settings.invalid',
        `Lead time must be a whole number of hours from ${LEAD_TIME_LIMITS.min} to ${LEAD_TIME_LIMITS.max}.`,
        'leadTimeHours',
      ),
    );
  }
  if (
    !Number.isInteger(next.nudgeAfterWeeks) ||
    next.nudgeAfterWeeks < NUDGE_WEEKS_LIMITS.min ||
    next.nudgeAfterWeeks > NUDGE_WEEKS_LIMITS.max
  ) {
    return fail(
      careerError(
        'settings.invalid',
        `The nudge interval must be a whole number of weeks from ${NUDGE_WEEKS_LIMITS.min} to ${NUDGE_WEEKS_LIMITS.max}.`,
        'nudgeAfterWeeks',
      ),
    );
  }
  return ok(next);
}
