import { Body1, Button, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SignInProblemProps } from './SignInProblem.types';

const TITLES = {
  consent_required: 'Career Conversations needs your permission',
  token_expired: 'Your sign-in has expired',
  sign_in_failed: 'Signing you in did not work',
} as const;

const ADVICE = {
  consent_required:
    'The app reads your calendar to find your 1:1s. Select "Try again" to give permission; if nothing happens, ask your Microsoft 365 administrator to approve the app for your organisation.',
  token_expired:
    'This happens after a while away. Select "Try again" to sign in afresh; nothing you wrote is lost.',
  sign_in_failed: 'Check that you are signed in to Teams, then select "Try again".',
} as const;

/** Consent needed, an expired token, or Teams refusing a token: said plainly, with a way forward. */
export function SignInProblem({ problem, message, onRetry }: SignInProblemProps): ReactNode {
  return (
    <>
      <Title2 as="h1">{TITLES[problem]}</Title2>
      <Body1 as="p">{message}</Body1>
      <Body1 as="p">{ADVICE[problem]}</Body1>
      <div>
        <Button appearance="primary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </>
  );
}
