import type { RecapSummaryDto } from '../../../api/contract/api-types';

export interface RecapStatusProps {
  /** Null when no recap was written yet. */
  recap: RecapSummaryDto | null;
  /** The other person of the conversation, e.g. "Maya Ortiz". */
  counterpartName: string;
  timeZone: string;
  /** `badge`: the badge only (lists); `full`: badge and a sentence. */
  variant?: 'badge' | 'full';
}
