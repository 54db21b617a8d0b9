import { createAuthorityRedirect } from '../../../src/identity/authority-redirect-network';
import { ConsentRequiredError } from '../../../src/identity/identity-errors';
import { createTenantIdentity, readBearerToken } from '../../../src/identity';
import type { TenantIdentity } from '../../../src/identity';
import { LocalEntra } from './support/local-entra';
import { sendJson, startLocalHttpServer } from './support/local-http-server';
import type { LocalHttpServer } from './support/local-http-server';
import { generateTestKeyPair, jwkOf, signRs256 } from './support/test-jwt';

const CLIENT_ID = '66666666-6666-6666-6666-666666666666';
const TENANT = 'abababab-0000-0000-0000-000000000007';
const SECRET = 'local-wiring-secret';
const entraKey = generateTestKeyPair('entra-key-1');

let entra: LocalEntra;
let jwks: LocalHttpServer;
let identity: TenantIdentity;

beforeAll(async () => {
  entra = await LocalEntra.start({ clientId: CLIENT_ID, clientSecret: SECRET });
  jwks = await startLocalHttpServer((_request, _body, response) => {
    sendJson(response, 200, { keys: [jwkOf(entraKey)] });
  });
  identity = createTenantIdentity(
    {
      app: { clientId: CLIENT_ID, tenantId: TENANT, credential: { kind: 'secret', clientSecret: SECRET } },
      sso: {
        clientId: CLIENT_ID,
        appIdUri: `api://careers.contoso.example/${CLIENT_ID}`,
        allowedTenants: [TENANT],
        jwksUrl: `${jwks.origin}/common/discovery/v2.0/keys`,
      },
    },
    {
      networkClient: createAuthorityRedirect({
        authorityHost: 'login.microsoftonline.com',
        target: entra.origin,
      }),
    },
  );
});

afterAll(async () => {
  await Promise.all([entra.close(), jwks.close()]);
});

function tabSsoToken(oid: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signRs256(
    { alg: 'RS256', typ: 'JWT', kid: entraKey.kid },
    {
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      oid,
      tid: TENANT,
      scp: 'access_as_user',
      preferred_username: `${oid}@contoso.example`,
    },
    entraKey.privateKey,
  );
}

describe('the tenant identity wiring', () => {
  it('validates the tab token, then exchanges it on behalf of that user in their tenant', async () => {
    const bearer = readBearerToken(`Bearer ${tabSsoToken('oid-katherine')}`);

    const user = await identity.ssoValidator.validate(bearer);
    const graphToken = await identity.onBehalfOf.getToken({
      userAssertion: bearer,
      tenantId: user.tenantId,
      scopes: ['https://graph.microsoft.com/Calendars.ReadBasic'],
    });

    expect(user).toEqual({ userId: 'oid-katherine', tenantId: TENANT, upn: 'oid-katherine@contoso.example' });
    expect(graphToken).toMatch(/^obo-token\.oid-katherine\./);
  });

  it('shares one MSAL client between app-only and on-behalf-of for the tenant', async () => {
    await identity.graphTokens.getGraphToken();
    await identity.onBehalfOf.getToken({
      userAssertion: tabSsoToken('oid-mary'),
      tenantId: TENANT,
      scopes: ['https://graph.microsoft.com/Calendars.ReadBasic'],
    });

    expect(identity.clients.size).toBe(1);
  });

  it('surfaces consent_required for a user who has not consented', async () => {
    entra.requireConsentFor('oid-dorothy');
    const bearer = tabSsoToken('oid-dorothy');
    const user = await identity.ssoValidator.validate(bearer);

    await expect(
      identity.onBehalfOf.getToken({
        userAssertion: bearer,
        tenantId: user.tenantId,
        scopes: ['https://graph.microsoft.com/Calendars.ReadBasic'],
      }),
    ).rejects.toBeInstanceOf(ConsentRequiredError);
  });
});
