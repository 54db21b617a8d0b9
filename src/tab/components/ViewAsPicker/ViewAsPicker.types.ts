import type { DemoPerson } from '../../../api/contract/api-types';

export interface ViewAsPickerProps {
  people: DemoPerson[];
  /** Why the picker is shown again, e.g. the remembered person no longer exists. */
  problem: string | null;
  onPick: (personId: string) => void;
}
