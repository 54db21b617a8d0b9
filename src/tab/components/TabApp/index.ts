export { TabApp } from './TabApp';
export type { TabAppProps, TabSession } from './TabApp.types';
