import type { PromptSettings } from '../../core/settings';
import { changeSettings } from '../../core/settings';
import type { AppDeps } from '../deps';

export async function updateSettings(
  deps: AppDeps,
  personId: string,
  change: Partial<PromptSettings>,
): Promise<PromptSettings> {
  const current = await deps.store.getSettings(personId);
  const next = changeSettings(current, change);
  if (!next.ok) throw next.error;
  await deps.store.saveSettings(personId, next.value);
  return next.value;
}
