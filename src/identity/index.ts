/**
 * Identity adapter: Microsoft Entra ID through `@azure/msal-node` (app-only and on-behalf-of tokens)
 * and validation of the SSO tokens the Teams tab and Outlook add-in send to our API.
 * Only this folder and `src/graph` import MSAL.
 */
export type {
  AppCredential,
  CertificateCredential,
  ClientAssertionContext,
  ClientAssertionCredential,
  ClientSecretCredential,
  EntraAppConfig,
  IdentityConfig,
  SsoValidationConfig,
} from './identity-config';
export { DEFAULT_AUTHORITY_HOST } from './identity-config';

export type { ConsentReason, TokenValidationCode } from './identity-errors';
export {
  ConsentRequiredError,
  SigningKeysUnavailableError,
  TokenAcquisitionError,
  TokenValidationError,
} from './identity-errors';

export type { TokenProvider } from './token-provider';
export { DEMO_GRAPH_TOKEN, DemoTokenProvider } from './token-provider';

export { certificateCredentialFromPem } from './certificate-credential';

export type { ConfidentialClientPoolOptions } from './confidential-client-pool';
export { ConfidentialClientPool } from './confidential-client-pool';
export { GRAPH_APP_SCOPE, MsalAppTokenProvider } from './app-token-provider';
export type { OnBehalfOfRequest } from './on-behalf-of-tokens';
export { OnBehalfOfTokens } from './on-behalf-of-tokens';

export type { SsoTokenValidatorOptions, SsoUser } from './sso-token-validator';
export { DEFAULT_REQUIRED_SCOPE, readBearerToken, SsoTokenValidator } from './sso-token-validator';
export type { JwksKeyStoreOptions } from './jwks-key-store';
export { DEFAULT_JWKS_URL, JwksKeyStore } from './jwks-key-store';

export type { TenantIdentity, TenantIdentityOptions } from './tenant-identity';
export { createTenantIdentity } from './tenant-identity';

export type { AuthorityRedirectOptions } from './authority-redirect-network';
export { AuthorityRedirectRefusedError, createAuthorityRedirect } from './authority-redirect-network';
