import { verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { decodeCompactJwt } from './compact-jwt';
import type { SsoValidationConfig } from './identity-config';
import { TokenValidationError } from './identity-errors';
import { JwksKeyStore } from './jwks-key-store';

/** Who called our API, from a validated SSO token. */
export interface SsoUser {
  /** Entra object id (`oid`): stable across apps in the tenant. */
  userId: string;
  /** Tenant id (`tid`). */
  tenantId: string;
  name?: string;
  /** `upn`, else `preferred_username` (v2), else `unique_name` (v1). */
  upn?: string;
}

export interface SsoTokenValidatorOptions {
  /** Current time, for `exp`/`nbf` and the JWKS cache; defaults to the system clock. */
  now?: () => Date;
  logger?: Logger;
  /** A shared key store; by default one is built from the config's JWKS settings. */
  keyStore?: JwksKeyStore;
}

export const DEFAULT_REQUIRED_SCOPE = 'access_as_user';
const DEFAULT_CLOCK_SKEW_SECONDS = 300;

/**
 * Validates the bearer tokens the Teams tab and Outlook add-in get from SSO
 * (`getAuthToken` / `getAccessToken`) and send to our API: RS256 signature against Entra's JWKS,
 * audience (client id or App ID URI), issuer in its v1 or v2 form for the token's tenant, tenant
 * allow-list, lifetime with a clock skew, and the `access_as_user` scope. The signature is checked
 * before any claim, so a forged token only ever learns `bad_signature`.
 */
export class SsoTokenValidator {
  private readonly audiences: ReadonlySet<string>;
  private readonly allowedTenants: ReadonlySet<string> | '*';
  private readonly requiredScope: string;
  private readonly clockSkewSeconds: number;
  private readonly now: () => Date;
  private readonly keyStore: JwksKeyStore;

  constructor(config: SsoValidationConfig, options: SsoTokenValidatorOptions = {}) {
    if (config.clientId.trim() === '') throw new Error('SSO config: clientId is empty.');
    if (config.allowedTenants !== '*' && config.allowedTenants.length === 0) {
      throw new Error("SSO config: allowedTenants is empty; list tenant ids, or '*' for a multi-tenant app.");
    }
    this.audiences = new Set([config.clientId, ...(config.appIdUri ? [config.appIdUri] : [])]);
    this.allowedTenants =
      config.allowedTenants === '*'
        ? '*'
        : new Set(config.allowedTenants.map((tenant) => tenant.toLowerCase()));
    this.requiredScope = config.requiredScope ?? DEFAULT_REQUIRED_SCOPE;
    this.clockSkewSeconds = config.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
    this.now = options.now ?? (() => new Date());
    this.keyStore =
      options.keyStore ??
      new JwksKeyStore({
        url: config.jwksUrl,
        timeoutMs: config.jwksTimeoutMs,
        ttlMs: config.jwksCacheTtlMs,
        minRefetchIntervalMs: config.jwksMinRefetchIntervalMs,
        now: this.now,
        logger: options.logger,
      });
  }

  /** Resolves to the caller, or rejects with a `TokenValidationError` (or `SigningKeysUnavailableError`). */
  async validate(token: string): Promise<SsoUser> {
    const jwt = decodeCompactJwt(token);
    const { header, payload } = jwt;

    if (header.alg !== 'RS256') {
      throw new TokenValidationError(
        'unsupported_alg',
        `Only RS256 tokens are accepted, not ${describe(header.alg)}.`,
      );
    }
    if (header.crit !== undefined) {
      throw new TokenValidationError('malformed_token', 'The token header has critical extensions (crit).');
    }
    const kid = header.kid;
    if (typeof kid !== 'string' || kid === '') {
      throw new TokenValidationError('malformed_token', 'The token header names no signing key (kid).');
    }
    const key = await this.keyStore.getKey(kid);
    if (!key) {
      throw new TokenValidationError(
        'unknown_key',
        'The token is signed with a key Microsoft Entra ID does not publish.',
      );
    }
    if (!signatureVerifies(jwt.signingInput, key, jwt.signature)) {
      throw new TokenValidationError('bad_signature', 'The token signature does not verify.');
    }

    const tid = stringClaim(payload, 'tid');
    const oid = stringClaim(payload, 'oid');
    const iss = stringClaim(payload, 'iss');
    const exp = numberClaim(payload, 'exp');
    const nbf = payload.nbf === undefined ? undefined : numberClaim(payload, 'nbf');
    const aud = payload.aud;

    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (nowSeconds >= exp + this.clockSkewSeconds) {
      throw new TokenValidationError('token_expired', `The token expired at ${isoSeconds(exp)}.`);
    }
    if (nbf !== undefined && nowSeconds < nbf - this.clockSkewSeconds) {
      throw new TokenValidationError(
        'token_not_yet_valid',
        `The token is not valid before ${isoSeconds(nbf)}.`,
      );
    }
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
    if (!audiences.some((value) => typeof value === 'string' && this.audiences.has(value))) {
      throw new TokenValidationError(
        'bad_audience',
        `The token is for another audience (${describe(aud)}), not this app (${[...this.audiences].join(' or ')}).`,
      );
    }
    if (
      iss !== `https://sts.windows.net/${tid}/` &&
      iss !== `https://login.microsoftonline.com/${tid}/v2.0`
    ) {
      throw new TokenValidationError(
        'bad_issuer',
        `The token issuer ${describe(iss)} is not Microsoft Entra ID for tenant ${describe(tid)}.`,
      );
    }
    if (this.allowedTenants !== '*' && !this.allowedTenants.has(tid.toLowerCase())) {
      throw new TokenValidationError(
        'tenant_not_allowed',
        `Tenant ${describe(tid)} is not allowed to use this app.`,
      );
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(this.requiredScope)) {
      throw new TokenValidationError(
        'missing_scope',
        `The token does not carry the delegated scope ${this.requiredScope} (an app-only token or a token for another API).`,
      );
    }

    const upn = firstString(payload.upn, payload.preferred_username, payload.unique_name);
    const name = firstString(payload.name);
    return {
      userId: oid,
      tenantId: tid,
      ...(name === undefined ? {} : { name }),
      ...(upn === undefined ? {} : { upn }),
    };
  }
}

/** The token in an `Authorization: Bearer <token>` header, or a `malformed_token` refusal. */
export function readBearerToken(authorization: string | undefined): string {
  const match = /^Bearer +([^ ]+) *$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new TokenValidationError(
      'malformed_token',
      'The request has no "Authorization: Bearer <token>" header.',
    );
  }
  return match[1];
}

function signatureVerifies(signingInput: string, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify('RSA-SHA256', Buffer.from(signingInput), key, signature);
  } catch {
    return false;
  }
}

function stringClaim(payload: Record<string, unknown>, claim: string): string {
  const value = payload[claim];
  if (typeof value !== 'string' || value === '') {
    throw new TokenValidationError('malformed_token', `The token has no ${claim} claim.`);
  }
  return value;
}

function numberClaim(payload: Record<string, unknown>, claim: string): number {
  const value = payload[claim];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TokenValidationError(
      'malformed_token',
      `The token's ${claim} claim is not a number of seconds.`,
    );
  }
  return value;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'none' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}...` : text;
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
