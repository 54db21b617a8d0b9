import { ConfidentialClientPool } from '../../../src/identity/confidential-client-pool';
import { createAuthorityRedirect } from '../../../src/identity/authority-redirect-network';
import { ConsentRequiredError } from '../../../src/identity/identity-errors';
import { OnBehalfOfTokens } from '../../../src/identity/on-behalf-of-tokens';
import { generateTestKeyPair, signRs256 } from './support/test-jwt';
import { LocalEntra } from './support/local-entra';

const CLIENT_ID = '22222222-2222-2222-2222-222222222222';
const TENANT = 'cccccccc-0000-0000-0000-000000000003';
const SECRET = 'local-obo-secret';
const CALENDAR_SCOPE = 'https://graph.microsoft.com/Calendars.ReadBasic';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const userKey = generateTestKeyPair('user-token-key');

let entra: LocalEntra;

beforeAll(async () => {
  entra = await LocalEntra.start({ clientId: CLIENT_ID, clientSecret: SECRET });
});

afterAll(async () => {
  await entra.close();
});

function oboTokens(): OnBehalfOfTokens {
  const pool = new ConfidentialClientPool(
    { clientId: CLIENT_ID, tenantId: TENANT, credential: { kind: 'secret', clientSecret: SECRET } },
    {
      networkClient: createAuthorityRedirect({
        authorityHost: 'login.microsoftonline.com',
        target: entra.origin,
      }),
    },
  );
  return new OnBehalfOfTokens(pool);
}

/** An SSO token as the tab would send it (the stand-in only reads its claims). */
function ssoToken(oid: string, issuedAt = Math.floor(Date.now() / 1000)): string {
  return signRs256(
    { alg: 'RS256', typ: 'JWT', kid: userKey.kid },
    {
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + 3600,
      oid,
      tid: TENANT,
      scp: 'access_as_user',
      name: `User ${oid}`,
      upn: `${oid}@contoso.example`,
    },
    userKey.privateKey,
  );
}

function oboCalls(): number {
  return entra.tokenRequests({ tenant: TENANT, grantType: JWT_BEARER }).length;
}

describe('on-behalf-of tokens through msal-node', () => {
  it('exchanges the user assertion for a Graph token in the user tenant', async () => {
    const assertion = ssoToken('user-ada');

    const token = await oboTokens().getToken({
      userAssertion: assertion,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });

    expect(token).toMatch(/^obo-token\.user-ada\.\d+$/);
    const form = entra.tokenRequests({ grantType: JWT_BEARER }).at(-1)?.form;
    expect(form?.get('requested_token_use')).toBe('on_behalf_of');
    expect(form?.get('assertion')).toBe(assertion);
    expect(form?.get('scope')?.split(' ')).toContain(CALENDAR_SCOPE);
  });

  it('serves a second call with the same user assertion from MSAL cache', async () => {
    const tokens = oboTokens();
    const assertion = ssoToken('user-grace');
    const before = oboCalls();

    const first = await tokens.getToken({
      userAssertion: assertion,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });
    const second = await tokens.getToken({
      userAssertion: assertion,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });

    expect(second).toBe(first);
    expect(oboCalls() - before).toBe(1);
  });

  it('caches per user: two users each cost one exchange and neither evicts the other', async () => {
    const tokens = oboTokens();
    const ada = ssoToken('user-ada-2');
    const alan = ssoToken('user-alan');
    const before = oboCalls();

    const adaToken = await tokens.getToken({
      userAssertion: ada,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });
    const alanToken = await tokens.getToken({
      userAssertion: alan,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });
    const adaAgain = await tokens.getToken({
      userAssertion: ada,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });
    const alanAgain = await tokens.getToken({
      userAssertion: alan,
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });

    expect(adaToken).toContain('user-ada-2');
    expect(alanToken).toContain('user-alan');
    expect([adaAgain, alanAgain]).toEqual([adaToken, alanToken]);
    expect(oboCalls() - before).toBe(2);
  });

  it('exchanges again when the same user arrives with a new SSO token', async () => {
    const tokens = oboTokens();
    const before = oboCalls();

    await tokens.getToken({
      userAssertion: ssoToken('user-linus', 1_700_000_000),
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });
    await tokens.getToken({
      userAssertion: ssoToken('user-linus', 1_700_000_100),
      tenantId: TENANT,
      scopes: [CALENDAR_SCOPE],
    });

    expect(oboCalls() - before).toBe(2);
  });

  it('maps invalid_grant AADSTS65001 to ConsentRequiredError (consent_required, reason consent)', async () => {
    entra.requireConsentFor('user-no-consent');

    const error: unknown = await oboTokens()
      .getToken({ userAssertion: ssoToken('user-no-consent'), tenantId: TENANT, scopes: [CALENDAR_SCOPE] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'consent_required', reason: 'consent', aadstsCode: '65001' });
  });

  it('maps an MFA claims challenge to ConsentRequiredError (reason interaction) carrying the claims', async () => {
    entra.requireInteractionFor('user-needs-mfa');

    const error: unknown = await oboTokens()
      .getToken({ userAssertion: ssoToken('user-needs-mfa'), tenantId: TENANT, scopes: [CALENDAR_SCOPE] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: 'consent_required', reason: 'interaction', aadstsCode: '50076' });
    expect((error as ConsentRequiredError).claims).toContain('capolids');
  });
});
