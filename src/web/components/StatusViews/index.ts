export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { LoadingState } from './LoadingState';
export type { EmptyStateProps, ErrorStateProps, LoadingStateProps } from './StatusViews.types';
