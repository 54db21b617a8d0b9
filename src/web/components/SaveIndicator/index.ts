export { SaveIndicator } from './SaveIndicator';
export type { SaveIndicatorProps } from './SaveIndicator.types';
