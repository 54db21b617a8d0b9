import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { ConsentRequiredError, TokenAcquisitionError } from '../../../src/identity/identity-errors';
import { toIdentityError } from '../../../src/identity/msal-error-mapping';

const CONSENT_DESCRIPTION =
  "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'. Trace ID: t";

describe('mapping MSAL errors', () => {
  it('maps invalid_grant with suberror consent_required (an InteractionRequiredAuthError) to consent', () => {
    const error = new InteractionRequiredAuthError(
      'invalid_grant',
      'corr',
      CONSENT_DESCRIPTION,
      'consent_required',
      '',
      '',
      '',
      '65001',
    );

    expect(toIdentityError(error, 'on-behalf-of')).toMatchObject({
      code: 'consent_required',
      reason: 'consent',
      aadstsCode: '65001',
      claims: undefined,
    });
  });

  it('maps a plain invalid_grant ServerError whose description says AADSTS65001 to consent', () => {
    const error = new ServerError('invalid_grant', 'corr', CONSENT_DESCRIPTION);

    const mapped = toIdentityError(error, 'on-behalf-of');

    expect(mapped).toBeInstanceOf(ConsentRequiredError);
    expect(mapped).toMatchObject({ reason: 'consent', aadstsCode: '65001' });
  });

  it('maps AADSTS65004 (user declined consent) to consent', () => {
    const error = new ServerError(
      'invalid_grant',
      'corr',
      'AADSTS65004: User declined to consent.',
      undefined,
      '65004',
    );

    expect(toIdentityError(error, 'on-behalf-of')).toMatchObject({ reason: 'consent', aadstsCode: '65004' });
  });

  it('maps interaction_required with a claims challenge to interaction and keeps the claims', () => {
    const claims = '{"access_token":{"capolids":{"essential":true,"values":["p"]}}}';
    const error = new InteractionRequiredAuthError(
      'interaction_required',
      'corr',
      'AADSTS50076: MFA',
      'basic_action',
      '',
      '',
      claims,
      '50076',
    );

    expect(toIdentityError(error, 'on-behalf-of')).toMatchObject({
      reason: 'interaction',
      claims,
      aadstsCode: '50076',
    });
  });

  it('maps other server errors to TokenAcquisitionError with the MSAL code', () => {
    const error = new ServerError('invalid_client', 'corr', 'AADSTS7000215: Invalid client secret provided.');

    const mapped = toIdentityError(error, 'on-behalf-of');

    expect(mapped).toBeInstanceOf(TokenAcquisitionError);
    expect(mapped).toMatchObject({ msalErrorCode: 'invalid_client' });
    expect(mapped.message).toBe(
      'Microsoft Entra ID refused the on-behalf-of token request: invalid_client (AADSTS7000215).',
    );
  });

  it('never turns an app-only failure into consent_required (no user can be prompted)', () => {
    const error = new InteractionRequiredAuthError(
      'invalid_grant',
      'corr',
      CONSENT_DESCRIPTION,
      'consent_required',
    );

    expect(toIdentityError(error, 'app-only')).toBeInstanceOf(TokenAcquisitionError);
  });

  it('wraps non-MSAL failures and keeps them as cause', () => {
    const cause = new TypeError('fetch failed');
    const authCause = new AuthError('network_error', 'Network request failed');

    expect(toIdentityError(cause, 'app-only')).toMatchObject({ code: 'token_unavailable', cause });
    expect(toIdentityError(authCause, 'app-only')).toMatchObject({
      msalErrorCode: 'network_error',
      cause: authCause,
    });
  });
});
