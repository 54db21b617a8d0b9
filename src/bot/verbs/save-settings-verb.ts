import { z } from 'zod';
import { readSettings } from '../../app/settings/read-settings';
import { updateSettings } from '../../app/settings/update-settings';
import type { PromptSettings } from '../../core/settings';
import { settingsFor } from '../views/everyday-cards';
import { cardReply, isCareerError } from './card-reply';
import type { VerbHandler } from './verb-data';
import { readData } from './verb-data';

// Inputs arrive as strings; a blank or non-numeric number becomes NaN so the domain rule explains it.
// A value the client left out means "no change".
const number = z.preprocess(numberInput, z.number()).optional();
const flag = z
  .preprocess(
    (value) =>
      value === undefined || value === null ? undefined : typeof value === 'boolean' ? String(value) : value,
    z.enum(['true', 'false']).optional(),
  )
  .transform((value) => (value === undefined ? undefined : value === 'true'));

const data = z.object({
  leadTimeHours: number,
  nudgeAfterWeeks: number,
  respectWorkingHours: flag,
  promptsPaused: flag,
});

/** Saves the settings card; a value out of range is explained on the card and nothing changes. */
export const saveSettingsVerb: VerbHandler = async (context) => {
  const { services, actor } = context;
  const change: Partial<PromptSettings> = readData(data, context.data);
  try {
    await updateSettings(services.deps, actor.personId, change);
  } catch (error) {
    if (!isCareerError(error, 'settings.invalid')) throw error;
    const current = await readSettings(services.deps, actor.personId);
    const shown: PromptSettings = {
      leadTimeHours: finiteOr(change.leadTimeHours, current.leadTimeHours),
      nudgeAfterWeeks: finiteOr(change.nudgeAfterWeeks, current.nudgeAfterWeeks),
      respectWorkingHours: change.respectWorkingHours ?? current.respectWorkingHours,
      promptsPaused: change.promptsPaused ?? current.promptsPaused,
    };
    return cardReply(await settingsFor(services, actor.personId, { shown, problems: [error.message] }));
  }
  return cardReply(
    await settingsFor(services, actor.personId, {
      notice: { text: 'Saved. New prompts follow these settings.', tone: 'good' },
    }),
  );
};

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

function numberInput(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? Number.NaN : Number(value);
  return value;
}
