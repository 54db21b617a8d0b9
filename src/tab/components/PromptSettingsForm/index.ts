export { PromptSettingsForm } from './PromptSettingsForm';
export type { PromptSettingsFormProps } from './PromptSettingsForm.types';
