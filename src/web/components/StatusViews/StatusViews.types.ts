import type { ReactNode } from 'react';

export interface LoadingStateProps {
  /** What is loading, e.g. "Loading your 1:1s". */
  label: string;
}

export interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}
