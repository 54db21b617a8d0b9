import type { PromptSettings } from '../../../src/core';
import {
  DEFAULT_PROMPT_SETTINGS,
  LEAD_TIME_LIMITS,
  NUDGE_WEEKS_LIMITS,
  changeSettings,
} from '../../../src/core';

function refusal(change: Partial<PromptSettings>): { code: string; field: string | undefined } | null {
  const result = changeSettings(DEFAULT_PROMPT_SETTINGS, change);
  return result.ok ? null : { code: result.error.code, field: result.error.field };
}

describe('changeSettings', () => {
  it('keeps every setting the change does not mention', () => {
    expect(changeSettings(DEFAULT_PROMPT_SETTINGS, { leadTimeHours: 48 })).toEqual({
      ok: true,
      value: { ...DEFAULT_PROMPT_SETTINGS, leadTimeHours: 48 },
    });
  });

  it('pauses and resumes prompts', () => {
    const paused = changeSettings(DEFAULT_PROMPT_SETTINGS, { promptsPaused: true });

    expect(paused.ok && paused.value.promptsPaused).toBe(true);
  });

  it('turns quiet hours off', () => {
    const result = changeSettings(DEFAULT_PROMPT_SETTINGS, { respectWorkingHours: false });

    expect(result.ok && result.value.respectWorkingHours).toBe(false);
  });

  it('treats a key given as undefined as "no change"', () => {
    const result = changeSettings(DEFAULT_PROMPT_SETTINGS, {
      promptsPaused: undefined,
      leadTimeHours: undefined,
    });

    expect(result).toEqual({ ok: true, value: DEFAULT_PROMPT_SETTINGS });
  });

  it('does not modify the current settings object', () => {
    const current = { ...DEFAULT_PROMPT_SETTINGS };
    changeSettings(current, { leadTimeHours: 2, promptsPaused: true });

    expect(current).toEqual(DEFAULT_PROMPT_SETTINGS);
  });

  it.each([LEAD_TIME_LIMITS.min, LEAD_TIME_LIMITS.max])('accepts a lead time of %i hours', (hours) => {
    expect(refusal({ leadTimeHours: hours })).toBeNull();
  });

  it.each([LEAD_TIME_LIMITS.min - 1, LEAD_TIME_LIMITS.max + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a lead time of %p hours with settings.invalid on leadTimeHours',
    (hours) => {
      expect(refusal({ leadTimeHours: hours })).toEqual({ code: 'settings.invalid', field: 'leadTimeHours' });
    },
  );

  it.each([NUDGE_WEEKS_LIMITS.min, NUDGE_WEEKS_LIMITS.max])('accepts a nudge after %i weeks', (weeks) => {
    expect(refusal({ nudgeAfterWeeks: weeks })).toBeNull();
  });

  it.each([NUDGE_WEEKS_LIMITS.min - 1, NUDGE_WEEKS_LIMITS.max + 1, 2.5, -4])(
    'refuses a nudge after %p weeks with settings.invalid on nudgeAfterWeeks',
    (weeks) => {
      expect(refusal({ nudgeAfterWeeks: weeks })).toEqual({
        code: 'settings.invalid',
        field: 'nudgeAfterWeeks',
      });
    },
  );

  it('says the allowed range in the refusal', () => {
    const result = changeSettings(DEFAULT_PROMPT_SETTINGS, { leadTimeHours: 200 });

    expect(result.ok ? '' : result.error.message).toContain('from 1 to 168');
  });
});
