import type { MonthCountDto } from '../../../api/contract/api-types';

export interface ConversationsChartProps {
  months: MonthCountDto[];
  /** The chart's caption, also its accessible name. */
  caption: string;
}
