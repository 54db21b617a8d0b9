import type { Logger } from 'pino';
import type { ConfidentialClientPool } from './confidential-client-pool';
import { TokenAcquisitionError } from './identity-errors';
import { toIdentityError } from './msal-error-mapping';

export interface OnBehalfOfRequest {
  /** The SSO token the tab or add-in sent us, already validated by `SsoTokenValidator`. */
  userAssertion: string;
  /** The user's tenant (`tid` of the validated token): the exchange happens in that tenant. */
  tenantId: string;
  /**
   * Downstream delegated scopes, e.g. `https://graph.microsoft.com/Calendars.ReadBasic`. Prefer explicit
   * scopes to `<resource>/.default`: MSAL's cache matches a request against the scopes listed in Entra's
   * answer, and if Entra lists the granted permissions there instead of the literal `.default`, every
   * call would miss the cache.
   */
  scopes: readonly string[];
}

/**
 * On-behalf-of exchange for the tab and add-in (`acquireTokenOnBehalfOf`). MSAL caches the result in
 * the tenant client's in-memory cache keyed by a hash of the user assertion (and the user's home
 * account from `client_info`), so repeated calls with the same SSO token are served without a network
 * call; a new SSO token for the same user replaces that user's cached token. A prompt Entra asks for
 * (consent, MFA, conditional access) surfaces as `ConsentRequiredError`, for the API's 403 `consent_required`.
 */
export class OnBehalfOfTokens {
  constructor(
    private readonly pool: ConfidentialClientPool,
    private readonly logger?: Logger,
  ) {}

  async getToken(request: OnBehalfOfRequest): Promise<string> {
    if (request.userAssertion === '') {
      throw new TokenAcquisitionError('An on-behalf-of exchange needs the user assertion.', undefined);
    }
    if (request.scopes.length === 0) {
      throw new TokenAcquisitionError(
        'An on-behalf-of exchange needs at least one downstream scope.',
        undefined,
      );
    }
    const scopes = [...request.scopes];
    let result;
    try {
      result = await this.pool
        .clientFor(request.tenantId)
        .acquireTokenOnBehalfOf({ oboAssertion: request.userAssertion, scopes });
    } catch (error) {
      const mapped = toIdentityError(error, 'on-behalf-of');
      this.logger?.info({ tenantId: request.tenantId, code: mapped.code }, 'identity.obo_token_failed');
      throw mapped;
    }
    if (!result?.accessToken) {
      throw new TokenAcquisitionError(
        'Microsoft Entra ID answered without an on-behalf-of access token.',
        undefined,
      );
    }
    this.logger?.debug({ tenantId: request.tenantId, fromCache: result.fromCache }, 'identity.obo_token');
    return result.accessToken;
  }
}
