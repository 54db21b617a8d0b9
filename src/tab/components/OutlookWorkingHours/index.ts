export { OutlookWorkingHours } from './OutlookWorkingHours';
export type { OutlookWorkingHoursProps } from './OutlookWorkingHours.types';
