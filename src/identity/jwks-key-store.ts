import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { SigningKeysUnavailableError } from './identity-errors';

/** Entra's signing keys for tokens of every tenant (v1 and v2 tokens are signed with the same keys). */
export const DEFAULT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface JwksKeyStoreOptions {
  url?: string;
  /** Timeout of one fetch, ms. Default 5000. */
  timeoutMs?: number;
  /** How long a fetched key set is trusted, ms. Default 12 hours. */
  ttlMs?: number;
  /** Minimum time between two fetches caused by an unknown `kid`, ms. Default 5 minutes. */
  minRefetchIntervalMs?: number;
  /** Current time; defaults to the system clock. */
  now?: () => Date;
  logger?: Logger;
}

/** Entra signs with 2048-bit RSA keys; a shorter published key is ignored. */
const MIN_RSA_BITS = 2048;

interface JsonWebKeyLike {
  kty?: unknown;
  use?: unknown;
  alg?: unknown;
  kid?: unknown;
  n?: unknown;
  e?: unknown;
}

/**
 * Entra's JWKS, fetched over HTTP with a timeout and cached by `kid`. The set is refetched when its TTL
 * has passed, and once more when a token names an unknown `kid` (key rotation), at most once per
 * `minRefetchIntervalMs` so forged `kid`s cannot turn into a flood of fetches. Concurrent callers
 * share one fetch. If a refetch fails, the keys already known stay in use.
 */
export class JwksKeyStore {
  private keys = new Map<string, KeyObject>();
  private fetchedAt: number | undefined;
  private lastAttemptAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly minRefetchIntervalMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: JwksKeyStoreOptions = {}) {
    this.url = options.url ?? DEFAULT_JWKS_URL;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.ttlMs = options.ttlMs ?? 12 * 60 * 60 * 1000;
    this.minRefetchIntervalMs = options.minRefetchIntervalMs ?? 5 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The public key for `kid`, or `undefined` when Entra does not publish it (even after a refetch).
   * Throws {@link SigningKeysUnavailableError} when no key set could be fetched at all.
   */
  async getKey(kid: string): Promise<KeyObject | undefined> {
    const now = this.now().getTime();
    const expired = this.fetchedAt === undefined || now - this.fetchedAt >= this.ttlMs;
    if (this.keys.size === 0 || (expired && this.mayRefetch(now))) {
      await this.refresh('expired');
    } else if (!this.keys.has(kid)) {
      if (this.inFlight) await this.inFlight.catch(() => undefined);
      else if (this.mayRefetch(now)) await this.refresh('unknown_kid');
    }
    return this.keys.get(kid);
  }

  private mayRefetch(now: number): boolean {
    return this.lastAttemptAt === undefined || now - this.lastAttemptAt >= this.minRefetchIntervalMs;
  }

  private async refresh(reason: 'expired' | 'unknown_kid'): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    try {
      await this.inFlight;
    } catch (error) {
      if (this.keys.size === 0) {
        throw new SigningKeysUnavailableError(
          `Could not fetch Microsoft Entra ID signing keys from ${this.url}.`,
          { cause: error },
        );
      }
      this.options.logger?.warn(
        { url: this.url, reason, error: error instanceof Error ? error.message : String(error) },
        'identity.jwks_refresh_failed',
      );
    }
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttemptAt = this.now().getTime();
    const response = await fetch(this.url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`JWKS endpoint answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    const keys = parseKeys(body.keys);
    if (keys.size === 0) throw new Error('JWKS endpoint published no usable RSA signing key');
    this.keys = keys;
    this.fetchedAt = this.now().getTime();
    this.options.logger?.debug({ url: this.url, kids: [...keys.keys()] }, 'identity.jwks_fetched');
  }
}

function parseKeys(keys: unknown): Map<string, KeyObject> {
  const parsed = new Map<string, KeyObject>();
  if (!Array.isArray(keys)) return parsed;
  for (const candidate of keys as unknown[]) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const jwk = candidate as JsonWebKeyLike;
    if (
      jwk.kty !== 'RSA' ||
      typeof jwk.kid !== 'string' ||
      typeof jwk.n !== 'string' ||
      typeof jwk.e !== 'string'
    ) {
      continue;
    }
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS) parsed.set(jwk.kid, key);
    } catch {
      // A key node cannot read is skipped; tokens naming it are refused as `unknown_key`.
    }
  }
  return parsed;
}
