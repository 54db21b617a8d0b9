/**
 * Typed errors of the identity adapter. Each has a stable `code` the API maps to an HTTP answer:
 * - {@link TokenValidationError}: 401, the caller's SSO token is refused (`code` says why).
 * - {@link SigningKeysUnavailableError}: 503, we could not fetch Entra's signing keys (not the caller's fault).
 * - {@link ConsentRequiredError}: 403 `consent_required`, the tab/add-in must ask the user (or an admin) to consent.
 * - {@link TokenAcquisitionError}: 502/503, Entra refused or failed to give us a token for another reason.
 * Messages never contain a token, an assertion or a secret.
 */

export type TokenValidationCode =
  | 'malformed_token'
  | 'unsupported_alg'
  | 'unknown_key'
  | 'bad_signature'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'bad_audience'
  | 'bad_issuer'
  | 'tenant_not_allowed'
  | 'missing_scope';

export class TokenValidationError extends Error {
  override readonly name = 'TokenValidationError';
  constructor(
    readonly code: TokenValidationCode,
    message: string,
  ) {
    super(message);
  }
}

export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
  readonly code = 'signing_keys_unavailable';
}

/** Why the user has to go through an interactive prompt before we can act on their behalf. */
export type ConsentReason = 'consent' | 'interaction';

export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
  readonly code = 'consent_required';
  constructor(
    message: string,
    /** `consent`: permissions not granted (AADSTS65001); `interaction`: MFA, conditional access, sign-in. */
    readonly reason: ConsentReason,
    /** Claims challenge from Entra, to pass back to the client so it can request a token that satisfies it. */
    readonly claims: string | undefined,
    /** Entra's AADSTS number, when it sent one (e.g. `65001`). */
    readonly aadstsCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class TokenAcquisitionError extends Error {
  override readonly name = 'TokenAcquisitionError';
  readonly code = 'token_unavailable';
  constructor(
    message: string,
    /** MSAL's error code (e.g. `invalid_client`, `network_error`), when there is one. */
    readonly msalErrorCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
