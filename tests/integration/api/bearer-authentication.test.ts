import type { ApiErrorBody, MeResponse } from '../../../src/api/contract/api-types';
import { bearerAuthentication } from '../../../src/api/bearer-authentication';
import type { ApiTestServer } from './support/api-test-server';
import { startApiTestServer } from './support/api-test-server';

/** Stands in for the identity adapter's errors, which carry a stable `code`. */
class FakeIdentityError extends Error {
  constructor(
    override readonly name: string,
    readonly code: string,
  ) {
    super(`refused: ${code}`);
  }
}

const TOKENS: Record<string, () => Promise<{ userId: string }>> = {
  good: () => Promise.resolve({ userId: 'ava' }),
  expired: () => Promise.reject(new FakeIdentityError('TokenValidationError', 'token_expired')),
  forged: () => Promise.reject(new FakeIdentityError('TokenValidationError', 'bad_signature')),
  consent: () => Promise.reject(new FakeIdentityError('ConsentRequiredError', 'consent_required')),
  keys: () =>
    Promise.reject(new FakeIdentityError('SigningKeysUnavailableError', 'signing_keys_unavailable')),
};

describe('bearer authentication (tenant profile)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({
      profile: 'tenant',
      authenticate: bearerAuthentication((token) => (TOKENS[token] ?? TOKENS.forged!)()),
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const me = (headers: Record<string, string>) =>
    api.call<MeResponse & ApiErrorBody>('GET', '/api/me', { headers });

  it('accepts a valid token and answers for its user', async () => {
    const res = await me({ authorization: 'Bearer good' });
    expect(res.status).toBe(200);
    expect(res.body.person.id).toBe('ava');
    expect(res.body.profile).toBe('tenant');
  });

  it('refuses a request without a token with 401 missing_token', async () => {
    const res = await me({});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('missing_token');
  });

  it('ignores x-demo-user outside the demo profile', async () => {
    const res = await me({ 'x-demo-user': 'ava' });
    expect(res.status).toBe(401);
  });

  it('says 401 token_expired for an expired token', async () => {
    const res = await me({ authorization: 'Bearer expired' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('says 403 consent_required when consent is needed', async () => {
    const res = await me({ authorization: 'Bearer consent' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('consent_required');
  });

  it('says 401 invalid_token for any other refused token', async () => {
    const res = await me({ authorization: 'Bearer forged' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('says 503 when the signing keys cannot be fetched', async () => {
    const res = await me({ authorization: 'Bearer keys' });
    expect(res.status).toBe(503);
  });

  it('refuses a malformed Authorization header as missing', async () => {
    const res = await me({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('missing_token');
  });
});
