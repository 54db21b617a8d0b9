export { ConversationsChart } from './ConversationsChart';
export type { ConversationsChartProps } from './ConversationsChart.types';
