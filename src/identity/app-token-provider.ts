import type { Logger } from 'pino';
import type { ConfidentialClientPool } from './confidential-client-pool';
import { TokenAcquisitionError } from './identity-errors';
import { toIdentityError } from './msal-error-mapping';
import type { TokenProvider } from './token-provider';

/** App-only (application permission) scope for Microsoft Graph. */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * App-only Graph tokens for one tenant through MSAL's client-credentials flow
 * (`acquireTokenByClientCredential`). MSAL serves repeated calls from the tenant client's in-memory
 * cache and only goes back to Entra when the token nears expiry.
 */
export class MsalAppTokenProvider implements TokenProvider {
  constructor(
    private readonly pool: ConfidentialClientPool,
    private readonly tenantId: string = pool.homeTenantId,
    private readonly logger?: Logger,
  ) {}

  /** The same provider for another tenant (a multi-tenant app reading a customer tenant). */
  forTenant(tenantId: string): MsalAppTokenProvider {
    return new MsalAppTokenProvider(this.pool, tenantId, this.logger);
  }

  getGraphToken(): Promise<string> {
    return this.getToken(GRAPH_APP_SCOPE);
  }

  /** An app-only token for any `<resource>/.default` scope. */
  async getToken(scope: string): Promise<string> {
    let result;
    try {
      result = await this.pool.clientFor(this.tenantId).acquireTokenByClientCredential({ scopes: [scope] });
    } catch (error) {
      const mapped = toIdentityError(error, 'app-only');
      this.logger?.warn({ tenantId: this.tenantId, code: mapped.code }, 'identity.app_token_failed');
      throw mapped;
    }
    if (!result?.accessToken) {
      throw new TokenAcquisitionError(
        'Microsoft Entra ID answered without an app-only access token.',
        undefined,
      );
    }
    this.logger?.debug(
      { tenantId: this.tenantId, fromCache: result.fromCache, expiresOn: result.expiresOn?.toISOString() },
      'identity.app_token',
    );
    return result.accessToken;
  }
}
