import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { Configuration, INetworkModule, NodeAuthOptions } from '@azure/msal-node';
import type { Logger } from 'pino';
import type { AppCredential, EntraAppConfig } from './identity-config';
import { DEFAULT_AUTHORITY_HOST } from './identity-config';
import { TokenAcquisitionError } from './identity-errors';

export interface ConfidentialClientPoolOptions {
  /**
   * Replaces MSAL's network client (tests and local stand-ins only, see `createAuthorityRedirect`).
   * Left out in production, so MSAL uses its default HTTP client.
   */
  networkClient?: INetworkModule;
  /** Receives MSAL's warnings and errors (never PII: MSAL's PII logging stays off). */
  logger?: Logger;
  /** Most tenants kept at once; the least recently used client (and its token cache) is dropped beyond. Default 500. */
  maxTenants?: number;
}

/** GUID or verified domain; never `common`/`organizations`/`consumers`, never a path. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;
const NOT_A_TENANT = new Set(['common', 'organizations', 'consumers']);
const AUTHORITY_HOST = /^[a-z0-9][a-z0-9.-]*(:\d{1,5})?$/;

/**
 * One MSAL `ConfidentialClientApplication` per tenant, each with its own in-memory token cache:
 * app-only tokens and on-behalf-of tokens are served from that cache until they near expiry, so keep
 * one pool per process (the composition root owns it).
 */
export class ConfidentialClientPool {
  private readonly clients = new Map<string, ConfidentialClientApplication>();
  private readonly authorityHost: string;
  private readonly maxTenants: number;

  constructor(
    private readonly app: EntraAppConfig,
    private readonly options: ConfidentialClientPoolOptions = {},
  ) {
    if (app.clientId.trim() === '') throw new Error('Entra app config: clientId is empty.');
    assertTenantId(app.tenantId);
    assertCredential(app.credential);
    this.authorityHost = authorityHostOf(app.authorityHost ?? DEFAULT_AUTHORITY_HOST);
    this.maxTenants = options.maxTenants ?? 500;
  }

  get clientId(): string {
    return this.app.clientId;
  }

  get homeTenantId(): string {
    return this.app.tenantId;
  }

  /** Number of tenants with a live client. */
  get size(): number {
    return this.clients.size;
  }

  /** The client for a tenant, created on first use and reused afterwards. */
  clientFor(tenantId: string): ConfidentialClientApplication {
    assertTenantId(tenantId);
    const key = tenantId.toLowerCase();
    const existing = this.clients.get(key);
    if (existing) {
      // Map keeps insertion order: re-inserting marks the tenant as most recently used.
      this.clients.delete(key);
      this.clients.set(key, existing);
      return existing;
    }
    const client = new ConfidentialClientApplication(this.configurationFor(key));
    this.clients.set(key, client);
    if (this.clients.size > this.maxTenants) {
      const oldest = this.clients.keys().next();
      if (oldest.done !== true) this.clients.delete(oldest.value);
    }
    return client;
  }

  private configurationFor(tenantId: string): Configuration {
    const logger = this.options.logger;
    const configuration: Configuration = {
      auth: {
        clientId: this.app.clientId,
        authority: `https://${this.authorityHost}/${tenantId}`,
        ...credentialOptions(this.app.credential),
      },
      system: {
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (level, detail, containsPii) => {
            if (!logger || containsPii) return;
            if (level === LogLevel.Error) logger.error({ tenantId, detail }, 'identity.msal_error');
            else if (level === LogLevel.Warning) logger.warn({ tenantId, detail }, 'identity.msal_warning');
          },
        },
      },
    };
    if (this.options.networkClient && configuration.system) {
      configuration.system.networkClient = this.options.networkClient;
    }
    return configuration;
  }
}

function credentialOptions(credential: AppCredential): Partial<NodeAuthOptions> {
  switch (credential.kind) {
    case 'secret':
      return { clientSecret: credential.clientSecret };
    case 'certificate':
      return {
        clientCertificate: {
          thumbprintSha256: credential.thumbprintSha256,
          thumbprint: credential.thumbprintSha256 ? undefined : credential.thumbprint,
          privateKey: credential.privateKeyPem,
          x5c: credential.certificateChainPem,
        },
      };
    case 'assertion':
      return {
        clientAssertion: (config) =>
          credential.getAssertion({ clientId: config.clientId, tokenEndpoint: config.tokenEndpoint }),
      };
  }
}

/** Accepts `login.microsoftonline.com` or `https://login.microsoftonline.com[/]`; returns the host. */
function authorityHostOf(value: string): string {
  let host = value.trim().toLowerCase();
  if (host.includes('://')) {
    const url = new URL(host);
    if (url.protocol !== 'https:' || url.pathname !== '/' || url.search !== '') {
      throw new Error(
        'Entra app config: authorityHost must be an https origin such as https://login.microsoftonline.com.',
      );
    }
    host = url.host;
  }
  if (!AUTHORITY_HOST.test(host)) {
    throw new Error('Entra app config: authorityHost must be a host name such as login.microsoftonline.com.');
  }
  return host;
}

function assertTenantId(tenantId: string): void {
  if (!TENANT_ID.test(tenantId) || NOT_A_TENANT.has(tenantId.toLowerCase())) {
    throw new TokenAcquisitionError(
      'A tenant id must be a GUID or a verified domain of one tenant (not common, organizations or consumers).',
      undefined,
    );
  }
}

function assertCredential(credential: AppCredential): void {
  switch (credential.kind) {
    case 'secret':
      if (credential.clientSecret === '') throw new Error('Entra app config: the client secret is empty.');
      return;
    case 'certificate':
      if (!credential.thumbprintSha256 && !credential.thumbprint) {
        throw new Error(
          'Entra app config: a certificate needs its thumbprintSha256 (or legacy SHA-1 thumbprint).',
        );
      }
      if (credential.thumbprintSha256 && !/^[0-9a-fA-F]{64}$/.test(credential.thumbprintSha256)) {
        throw new Error('Entra app config: thumbprintSha256 must be 64 hex digits.');
      }
      if (!credential.thumbprintSha256 && !/^[0-9a-fA-F]{40}$/.test(credential.thumbprint ?? '')) {
        throw new Error(
          'Entra app config: thumbprint (SHA-1) must be 40 hex digits; a SHA-256 one goes in thumbprintSha256.',
        );
      }
      if (!credential.privateKeyPem.includes('PRIVATE KEY-----')) {
        throw new Error('Entra app config: the certificate private key must be a PEM private key.');
      }
      return;
    case 'assertion':
      return;
  }
}
