export { TabShell } from './TabShell';
export type { TabShellProps } from './TabShell.types';
