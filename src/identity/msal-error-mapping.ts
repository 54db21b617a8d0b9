import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { ConsentRequiredError, TokenAcquisitionError } from './identity-errors';

/** AADSTS65001: consent not granted; AADSTS65004: the user declined consent. */
const CONSENT_AADSTS = new Set(['65001', '65004']);

/**
 * Turns what MSAL throws into our typed errors. For on-behalf-of, Entra's "the user must go through a
 * prompt" answers become {@link ConsentRequiredError}: `invalid_grant` with AADSTS65001/65004 (consent)
 * and every `interaction_required`-style answer MSAL recognises (MFA, conditional access, sign-in).
 * Everything else, and everything in the app-only flow (where no user can be prompted), is a
 * {@link TokenAcquisitionError}. The MSAL error is kept as `cause`; it carries no token or secret.
 */
export function toIdentityError(
  error: unknown,
  flow: 'app-only' | 'on-behalf-of',
): ConsentRequiredError | TokenAcquisitionError {
  if (error instanceof ConsentRequiredError || error instanceof TokenAcquisitionError) return error;
  if (!(error instanceof AuthError)) {
    return new TokenAcquisitionError(`Could not get an ${flow} token from Microsoft Entra ID.`, undefined, {
      cause: error,
    });
  }
  const aadsts = aadstsCode(error);
  if (flow === 'on-behalf-of') {
    const consent =
      (aadsts !== undefined && CONSENT_AADSTS.has(aadsts)) ||
      error.subError === 'consent_required' ||
      error.errorCode === 'consent_required';
    if (consent && (error instanceof InteractionRequiredAuthError || error instanceof ServerError)) {
      return new ConsentRequiredError(
        `The user (or an administrator) must consent to this app's permissions before it can act on their behalf${suffix(aadsts)}.`,
        'consent',
        claimsOf(error),
        aadsts,
        { cause: error },
      );
    }
    if (error instanceof InteractionRequiredAuthError) {
      return new ConsentRequiredError(
        `The user must sign in interactively (for example multi-factor authentication or a conditional access policy) before this app can act on their behalf${suffix(aadsts)}.`,
        'interaction',
        claimsOf(error),
        aadsts,
        { cause: error },
      );
    }
  }
  return new TokenAcquisitionError(
    `Microsoft Entra ID refused the ${flow} token request: ${error.errorCode}${suffix(aadsts)}.`,
    error.errorCode,
    { cause: error },
  );
}

function aadstsCode(error: AuthError): string | undefined {
  const errorNo: unknown = (error as { errorNo?: unknown }).errorNo;
  if (typeof errorNo === 'string' || typeof errorNo === 'number') {
    const text = String(errorNo);
    if (/^\d+$/.test(text)) return text;
  }
  return /AADSTS(\d+)/.exec(error.errorMessage)?.[1];
}

function claimsOf(error: AuthError): string | undefined {
  return error instanceof InteractionRequiredAuthError && error.claims !== '' ? error.claims : undefined;
}

function suffix(aadsts: string | undefined): string {
  return aadsts === undefined ? '' : ` (AADSTS${aadsts})`;
}
