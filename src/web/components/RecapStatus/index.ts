export { RecapStatus } from './RecapStatus';
export type { RecapStatusProps } from './RecapStatus.types';
export { recapStatusText } from './recap-status-text';
