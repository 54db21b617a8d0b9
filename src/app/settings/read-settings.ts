import type { PromptSettings } from '../../core/settings';
import type { AppDeps } from '../deps';

/** A person's prompt settings (the defaults until they change any). */
export function readSettings(deps: AppDeps, personId: string): Promise<PromptSettings> {
  return deps.store.getSettings(personId);
}
