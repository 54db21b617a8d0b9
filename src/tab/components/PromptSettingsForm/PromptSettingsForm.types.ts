import type { PromptSettings } from '../../../api/contract/api-types';

export interface PromptSettingsFormProps {
  /** The settings as the server holds them. */
  initial: PromptSettings;
  /** The reader's time zone, for "saved at". */
  timeZone: string;
  /** Quiet time after typing a number before it is saved (switches save at once). */
  saveDelayMs?: number;
}
