import { generateKeyPairSync } from 'node:crypto';
import { SsoTokenValidator, readBearerToken } from '../../../src/identity/sso-token-validator';
import { SigningKeysUnavailableError, TokenValidationError } from '../../../src/identity/identity-errors';
import type { TokenValidationCode } from '../../../src/identity/identity-errors';
import type { SsoValidationConfig } from '../../../src/identity/identity-config';
import { sendJson, startLocalHttpServer } from './support/local-http-server';
import type { LocalHttpServer } from './support/local-http-server';
import { generateTestKeyPair, jwkOf, signHs256, signRs256, unsigned } from './support/test-jwt';
import type { TestKeyPair } from './support/test-jwt';

const CLIENT_ID = '33333333-3333-3333-3333-333333333333';
const APP_ID_URI = `api://careers.contoso.example/${CLIENT_ID}`;
const TENANT = 'dddddddd-0000-0000-0000-000000000004';
const OTHER_TENANT = 'eeeeeeee-0000-0000-0000-000000000005';
const NOW = new Date('2026-11-25T09:30:00Z');
const NOW_S = NOW.getTime() / 1000;

const signingKey = generateTestKeyPair('key-2026-a');
const rotatedKey = generateTestKeyPair('key-2026-b');
const strangerKey = generateTestKeyPair('key-2026-a'); // same kid, not Entra's key

let jwksServer: LocalHttpServer;
let publishedKeys: TestKeyPair[] = [signingKey];
let jwksFetches = 0;

beforeAll(async () => {
  jwksServer = await startLocalHttpServer((request, _body, response) => {
    if (request.url === '/common/discovery/v2.0/keys') {
      jwksFetches += 1;
      sendJson(response, 200, { keys: publishedKeys.map(jwkOf) });
    } else {
      sendJson(response, 404, {});
    }
  });
});

afterAll(async () => {
  await jwksServer.close();
});

beforeEach(() => {
  publishedKeys = [signingKey];
  jwksFetches = 0;
});

function validator(
  overrides: Partial<SsoValidationConfig> = {},
  clock: { now: Date } = { now: NOW },
): SsoTokenValidator {
  return new SsoTokenValidator(
    {
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      allowedTenants: [TENANT],
      jwksUrl: `${jwksServer.origin}/common/discovery/v2.0/keys`,
      ...overrides,
    },
    { now: () => clock.now },
  );
}

function v2Claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
    oid: 'oid-ada',
    tid: TENANT,
    scp: 'access_as_user',
    name: 'Ada Lovelace',
    preferred_username: 'ada@contoso.example',
    ver: '2.0',
    ...overrides,
  };
}

function v1Claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: APP_ID_URI,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
    oid: 'oid-grace',
    tid: TENANT,
    scp: 'access_as_user',
    name: 'Grace Hopper',
    upn: 'grace@contoso.example',
    ver: '1.0',
    ...overrides,
  };
}

function signed(claims: Record<string, unknown>, key: TestKeyPair = signingKey): string {
  return signRs256({ alg: 'RS256', typ: 'JWT', kid: key.kid }, claims, key.privateKey);
}

/** The refusal code, or a description of what happened instead (so a failing test says it). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof TokenValidationError) return error.code;
  return `not refused with a TokenValidationError: ${String(error)}`;
}

describe('SSO token validation', () => {
  it('accepts a v2 token (aud = client id) and returns the user', async () => {
    await expect(validator().validate(signed(v2Claims()))).resolves.toEqual({
      userId: 'oid-ada',
      tenantId: TENANT,
      name: 'Ada Lovelace',
      upn: 'ada@contoso.example',
    });
  });

  it('accepts a v1 token (aud = App ID URI, sts.windows.net issuer)', async () => {
    await expect(validator().validate(signed(v1Claims()))).resolves.toEqual({
      userId: 'oid-grace',
      tenantId: TENANT,
      name: 'Grace Hopper',
      upn: 'grace@contoso.example',
    });
  });

  it('accepts any tenant when configured multi-tenant (*)', async () => {
    const token = signed(
      v2Claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    );

    await expect(validator({ allowedTenants: '*' }).validate(token)).resolves.toMatchObject({
      tenantId: OTHER_TENANT,
    });
  });

  it('accepts a token expired less than the clock skew ago', async () => {
    await expect(validator().validate(signed(v2Claims({ exp: NOW_S - 240 })))).resolves.toMatchObject({
      userId: 'oid-ada',
    });
  });

  it.each<[string, Record<string, unknown>, TokenValidationCode]>([
    ['expired beyond the skew', { exp: NOW_S - 301 }, 'token_expired'],
    ['not yet valid beyond the skew', { nbf: NOW_S + 301 }, 'token_not_yet_valid'],
    [
      'for another audience',
      { aud: 'api://someone-else/44444444-4444-4444-4444-444444444444' },
      'bad_audience',
    ],
    [
      'from a tenant not in the allow-list',
      { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
      'tenant_not_allowed',
    ],
    ['issued by another issuer', { iss: `https://evil.example/${TENANT}/v2.0` }, 'bad_issuer'],
    [
      'issued for another tenant than its tid',
      { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
      'bad_issuer',
    ],
    ['without the access_as_user scope', { scp: 'User.Read' }, 'missing_scope'],
    ['app-only (roles, no scp)', { scp: undefined, roles: ['Calendars.Read'] }, 'missing_scope'],
    ['without an oid', { oid: undefined }, 'malformed_token'],
  ])('refuses a token %s', async (_why, claims, code) => {
    await expect(refusal(validator().validate(signed(v2Claims(claims))))).resolves.toBe(code);
  });

  it('refuses a token signed by another key with the same kid as bad_signature', async () => {
    await expect(refusal(validator().validate(signed(v2Claims(), strangerKey)))).resolves.toBe(
      'bad_signature',
    );
  });

  it('refuses a token whose payload was altered after signing as bad_signature', async () => {
    const [header, , signature] = signed(v2Claims()).split('.');
    const forgedPayload = Buffer.from(JSON.stringify(v2Claims({ oid: 'oid-admin' }))).toString('base64url');

    await expect(refusal(validator().validate(`${header}.${forgedPayload}.${signature}`))).resolves.toBe(
      'bad_signature',
    );
  });

  it('refuses a header with critical extensions as malformed_token', async () => {
    const token = signRs256(
      { alg: 'RS256', kid: signingKey.kid, crit: ['exp'] },
      v2Claims(),
      signingKey.privateKey,
    );

    await expect(refusal(validator().validate(token))).resolves.toBe('malformed_token');
  });

  it('refuses alg none as unsupported_alg', async () => {
    await expect(refusal(validator().validate(unsigned(v2Claims())))).resolves.toBe('unsupported_alg');
  });

  it('refuses HS256 keyed with the public key as unsupported_alg', async () => {
    const publicPem = signingKey.publicKey.export({ type: 'spki', format: 'pem' });
    const token = signHs256(
      { alg: 'HS256', typ: 'JWT', kid: signingKey.kid },
      v2Claims(),
      Buffer.from(publicPem),
    );

    await expect(refusal(validator().validate(token))).resolves.toBe('unsupported_alg');
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['four parts', 'a.b.c.d'],
    ['non-JSON header', 'bm90IGpzb24.e30.c2ln'],
    ['non-base64url characters', 'ey*.ey*.sig'],
  ])('refuses %s as malformed_token', async (_why, token) => {
    await expect(refusal(validator().validate(token))).resolves.toBe('malformed_token');
  });

  it('refuses a kid Entra does not publish as unknown_key', async () => {
    const token = signRs256({ alg: 'RS256', kid: 'kid-nobody-publishes' }, v2Claims(), signingKey.privateKey);

    await expect(refusal(validator().validate(token))).resolves.toBe('unknown_key');
  });

  it('ignores published keys that are not 2048-bit RSA signing keys', async () => {
    const weakKey: TestKeyPair = { kid: 'weak', ...generateKeyPairSync('rsa', { modulusLength: 1024 }) };
    const extraKeys = [
      { ...jwkOf(signingKey), use: 'enc' },
      { kty: 'EC', use: 'sig', kid: signingKey.kid, crv: 'P-256', x: 'AA', y: 'AA' },
      { kty: 'RSA', kid: 'broken', n: '!!', e: 'AQAB' },
      jwkOf(weakKey),
    ];
    const server = await startLocalHttpServer((_request, _body, response) => {
      sendJson(response, 200, { keys: [...extraKeys, jwkOf(rotatedKey)] });
    });
    try {
      const sso = validator({ jwksUrl: `${server.origin}/keys` });

      await expect(refusal(sso.validate(signed(v2Claims())))).resolves.toBe('unknown_key');
      await expect(refusal(sso.validate(signed(v2Claims(), weakKey)))).resolves.toBe('unknown_key');
      await expect(sso.validate(signed(v2Claims(), rotatedKey))).resolves.toMatchObject({
        userId: 'oid-ada',
      });
    } finally {
      await server.close();
    }
  });

  it('fetches the JWKS once for many validations', async () => {
    const sso = validator();

    for (let i = 0; i < 5; i += 1) await sso.validate(signed(v2Claims({ oid: `oid-${i}` })));
    await Promise.all([sso.validate(signed(v1Claims())), sso.validate(signed(v2Claims()))]);

    expect(jwksFetches).toBe(1);
  });

  it('shares one JWKS fetch between concurrent first validations', async () => {
    const sso = validator();

    await Promise.all(Array.from({ length: 5 }, () => sso.validate(signed(v2Claims()))));

    expect(jwksFetches).toBe(1);
  });

  it('refetches once on an unknown kid after rotation, then serves the new key from cache', async () => {
    const clock = { now: NOW };
    const sso = validator({}, clock);
    await sso.validate(signed(v2Claims()));

    publishedKeys = [signingKey, rotatedKey];
    clock.now = new Date(NOW.getTime() + 10 * 60 * 1000);
    const claims = v2Claims({ iat: NOW_S + 540, nbf: NOW_S + 540, exp: NOW_S + 4000 });
    await expect(sso.validate(signed(claims, rotatedKey))).resolves.toMatchObject({ userId: 'oid-ada' });
    await sso.validate(signed(claims, rotatedKey));

    expect(jwksFetches).toBe(2);
  });

  it('rate-limits refetches: unknown kids within the interval cause no new fetch', async () => {
    const sso = validator();
    await sso.validate(signed(v2Claims()));

    for (let i = 0; i < 3; i += 1) {
      const forged = signRs256({ alg: 'RS256', kid: `forged-${i}` }, v2Claims(), signingKey.privateKey);
      await expect(refusal(sso.validate(forged))).resolves.toBe('unknown_key');
    }

    expect(jwksFetches).toBe(1);
  });

  it('refetches the JWKS after the cache TTL', async () => {
    const clock = { now: NOW };
    const sso = validator({ jwksCacheTtlMs: 60 * 60 * 1000 }, clock);
    await sso.validate(signed(v2Claims()));

    clock.now = new Date(NOW.getTime() + 61 * 60 * 1000);
    await sso.validate(signed(v2Claims({ exp: NOW_S + 7200 })));

    expect(jwksFetches).toBe(2);
  });

  it('answers SigningKeysUnavailableError (not a refusal) when the JWKS cannot be fetched', async () => {
    const sso = validator({ jwksUrl: `${jwksServer.origin}/nowhere` });

    const error: unknown = await sso.validate(signed(v2Claims())).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SigningKeysUnavailableError);
    expect(error).toMatchObject({ code: 'signing_keys_unavailable' });
  });

  it('gives each refusal a message that does not echo the token', async () => {
    const token = signed(v2Claims({ exp: NOW_S - 4000 }));

    const error: unknown = await validator()
      .validate(token)
      .catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/^The token expired at 2026-11-25T08:23:20.000Z\.$/);
    expect((error as Error).message).not.toContain(token.split('.')[2]);
  });
});

describe('reading the bearer token', () => {
  it('takes the token from "Authorization: Bearer <token>"', () => {
    expect(readBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it.each([undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b'])(
    'refuses %p as malformed_token',
    (header) => {
      expect(() => readBearerToken(header)).toThrow(
        expect.objectContaining({ code: 'malformed_token' }) as Error,
      );
    },
  );
});
