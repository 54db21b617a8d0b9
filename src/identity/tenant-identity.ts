import type { INetworkModule } from '@azure/msal-node';
import type { Logger } from 'pino';
import { MsalAppTokenProvider } from './app-token-provider';
import { ConfidentialClientPool } from './confidential-client-pool';
import type { IdentityConfig } from './identity-config';
import { OnBehalfOfTokens } from './on-behalf-of-tokens';
import { SsoTokenValidator } from './sso-token-validator';

/** The identity adapter of the tenant profile, wired once by the composition root. */
export interface TenantIdentity {
  /** App-only Graph tokens for the home tenant (`forTenant` for another one). */
  graphTokens: MsalAppTokenProvider;
  /** On-behalf-of exchange of a validated SSO token. */
  onBehalfOf: OnBehalfOfTokens;
  /** Validation of the SSO tokens the tab and add-in send to the API. */
  ssoValidator: SsoTokenValidator;
  /** The per-tenant MSAL clients shared by the two token flows. */
  clients: ConfidentialClientPool;
}

export interface TenantIdentityOptions {
  logger?: Logger;
  /** Current time for SSO validation and the JWKS cache (the Clock port). */
  now?: () => Date;
  /** Tests and local stand-ins only: MSAL's network seam. Production leaves it out. */
  networkClient?: INetworkModule;
}

export function createTenantIdentity(
  config: IdentityConfig,
  options: TenantIdentityOptions = {},
): TenantIdentity {
  const clients = new ConfidentialClientPool(config.app, {
    logger: options.logger,
    networkClient: options.networkClient,
  });
  return {
    graphTokens: new MsalAppTokenProvider(clients, config.app.tenantId, options.logger),
    onBehalfOf: new OnBehalfOfTokens(clients, options.logger),
    ssoValidator: new SsoTokenValidator(config.sso, { now: options.now, logger: options.logger }),
    clients,
  };
}
