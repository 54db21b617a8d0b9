import type { WorkingHours } from '../../../api/contract/api-types';

export interface OutlookWorkingHoursProps {
  timeZone: string;
  workingHours: WorkingHours;
}
