export { SignInProblem } from './SignInProblem';
export type { SignInProblemProps } from './SignInProblem.types';
