/**
 * Typed inputs for the identity adapter. Plain data: the central (zod) config module reads the
 * environment and maps onto these interfaces; nothing in `src/identity` reads `process.env`.
 */

/** Entra ID's public-cloud authority host. Sovereign clouds use their own (e.g. `login.microsoftonline.us`). */
export const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';

/** Client secret from the app registration ("Certificates & secrets"). Fine for dev; prefer a certificate. */
export interface ClientSecretCredential {
  kind: 'secret';
  clientSecret: string;
}

/**
 * Certificate registered on the app registration (build it from the PEM file with
 * `certificateCredentialFromPem`, which computes and cross-checks the thumbprint). MSAL signs a `client_assertion` JWT with the private
 * key: PS256 with an `x5t#S256` header when `thumbprintSha256` is given (preferred), RS256 with a
 * SHA-1 `x5t` header when only the legacy `thumbprint` is given.
 */
export interface CertificateCredential {
  kind: 'certificate';
  /** Hex SHA-256 thumbprint of the certificate (preferred). */
  thumbprintSha256?: string;
  /** Hex SHA-1 thumbprint (legacy; only if the SHA-256 one is not available). */
  thumbprint?: string;
  /** PEM private key (`-----BEGIN PRIVATE KEY-----` ...). */
  privateKeyPem: string;
  /** Optional PEM public certificate chain, sent as `x5c` (needed for subject-name/issuer auth). */
  certificateChainPem?: string;
}

/** What MSAL hands to an assertion callback. */
export interface ClientAssertionContext {
  clientId: string;
  /** The token endpoint the assertion will be presented to (its `aud`), when MSAL knows it. */
  tokenEndpoint?: string;
}

/**
 * A signed JWT the app presents instead of a secret: a federated credential. This is how managed
 * identity and workload identity plug in without a secret or a certificate on disk.
 *
 * - **Managed identity as a federated identity credential** (App Service, Container Apps, AKS): add a
 *   federated credential to the app registration whose issuer is
 *   `https://login.microsoftonline.com/{tenant}/v2.0`, subject the managed identity's object id and
 *   audience `api://AzureADTokenExchange`. The callback returns a managed-identity token for the
 *   resource `api://AzureADTokenExchange`, for example with msal-node's own
 *   `ManagedIdentityApplication` (already installed, no `@azure/identity` needed):
 *
 *   ```ts
 *   const mi = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId } });
 *   const credential: ClientAssertionCredential = {
 *     kind: 'assertion',
 *     getAssertion: async () =>
 *       (await mi.acquireToken({ resource: 'api://AzureADTokenExchange' })).accessToken,
 *   };
 *   ```
 *
 * - **Workload identity federation** (AKS workload identity, GitHub Actions): the platform writes a
 *   projected token to a file (`AZURE_FEDERATED_TOKEN_FILE` on AKS); the config module reads the path,
 *   the callback re-reads the file once its cached copy is a few minutes old (the platform rotates it).
 *
 * - **Managed identity alone** (no app registration credential at all) only gives app-only tokens in
 *   the identity's own tenant and cannot do on-behalf-of; that is why it plugs in here, as a
 *   federated credential of the app registration, rather than as a separate token provider.
 *
 * msal-node 7 calls the callback each time it builds a request, including calls then served from its
 * token cache, so the callback must be cheap (the managed-identity application above caches its token).
 */
export interface ClientAssertionCredential {
  kind: 'assertion';
  getAssertion: (context: ClientAssertionContext) => Promise<string>;
}

export type AppCredential = ClientSecretCredential | CertificateCredential | ClientAssertionCredential;

/** The confidential client (the app registration) used for app-only and on-behalf-of tokens. */
export interface EntraAppConfig {
  /** Application (client) id of the app registration. */
  clientId: string;
  /** Home tenant id (GUID or verified domain): app-only Graph tokens are issued for this tenant. */
  tenantId: string;
  credential: AppCredential;
  /**
   * Authority host (`login.microsoftonline.com`) or origin (`https://login.microsoftonline.com`);
   * defaults to {@link DEFAULT_AUTHORITY_HOST}.
   */
  authorityHost?: string;
}

/** Validation of the SSO tokens the Teams tab and Outlook add-in send to our API. */
export interface SsoValidationConfig {
  /** Application (client) id: the `aud` of v2 tokens. */
  clientId: string;
  /** App ID URI, `api://<host>/<clientId>`: the `aud` of v1 tokens. */
  appIdUri?: string;
  /** Tenant ids whose users may call the API, or `'*'` for a multi-tenant app (any tenant). */
  allowedTenants: readonly string[] | '*';
  /** Delegated scope the token must carry in `scp`; defaults to `access_as_user`. */
  requiredScope?: string;
  /** JWKS URL; defaults to `https://login.microsoftonline.com/common/discovery/v2.0/keys`. */
  jwksUrl?: string;
  /** Allowed clock skew on `exp`/`nbf`, in seconds; defaults to 300. */
  clockSkewSeconds?: number;
  /** Timeout of one JWKS fetch, in milliseconds; defaults to 5000. */
  jwksTimeoutMs?: number;
  /** How long fetched keys are trusted before a refetch, in milliseconds; defaults to 12 hours. */
  jwksCacheTtlMs?: number;
  /** Minimum time between two JWKS fetches caused by an unknown `kid`, in milliseconds; defaults to 5 minutes. */
  jwksMinRefetchIntervalMs?: number;
}

/** Everything the tenant profile needs from this adapter. */
export interface IdentityConfig {
  app: EntraAppConfig;
  sso: SsoValidationConfig;
}
