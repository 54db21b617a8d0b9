import type { IncomingMessage } from 'node:http';
import { HttpError } from '../server/http/http-error';
import type { Authenticate } from './api-options';

/** Validates an SSO token and says whose it is (the lead wires `SsoTokenValidator.validate` here). */
export type ValidateToken = (token: string) => Promise<{ userId: string }>;

/** Tenant profile: `Authorization: Bearer <SSO token>` from Teams or Outlook, validated on every request. */
export function bearerAuthentication(validate: ValidateToken): Authenticate {
  return async (req: IncomingMessage) => {
    const token = bearerToken(req.headers.authorization);
    if (token === null) {
      throw new HttpError(
        401,
        'missing_token',
        'Sign in first: this request carried no Microsoft 365 sign-in token.',
      );
    }
    try {
      const { userId } = await validate(token);
      return { personId: userId };
    } catch (error) {
      throw refusal(error);
    }
  };
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Identity errors are matched on their stable `code`, so this folder never imports the identity adapter. */
function refusal(error: unknown): unknown {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'consent_required':
      return new HttpError(
        403,
        'consent_required',
        'Career Conversations needs your permission before it can act for you.',
      );
    case 'token_expired':
      return new HttpError(401, 'token_expired', 'Your sign-in has expired. Get a fresh one and try again.');
    case 'signing_keys_unavailable':
      return new HttpError(
        503,
        'sign_in_unavailable',
        'Sign-in cannot be checked right now. Try again in a minute.',
      );
    default:
      if (error instanceof Error && error.name === 'TokenValidationError') {
        return new HttpError(401, 'invalid_token', 'Your sign-in token was not accepted. Sign in again.', {
          reason: typeof code === 'string' ? code : 'invalid',
        });
      }
      return error;
  }
}
