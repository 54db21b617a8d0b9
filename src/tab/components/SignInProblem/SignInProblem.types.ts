import type { SignInProblemKind } from '../TabApp/TabApp.types';

export interface SignInProblemProps {
  problem: SignInProblemKind;
  message: string;
  onRetry: () => void;
}
