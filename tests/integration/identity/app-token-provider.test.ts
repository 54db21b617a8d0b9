import { X509Certificate, verify } from 'node:crypto';
import { ConfidentialClientPool } from '../../../src/identity/confidential-client-pool';
import { MsalAppTokenProvider } from '../../../src/identity/app-token-provider';
import { createAuthorityRedirect } from '../../../src/identity/authority-redirect-network';
import { certificateCredentialFromPem } from '../../../src/identity/certificate-credential';
import { TokenAcquisitionError } from '../../../src/identity/identity-errors';
import type { AppCredential } from '../../../src/identity/identity-config';
import { LocalEntra } from './support/local-entra';
import { createSelfSignedCertificate } from './support/self-signed-certificate';

const CLIENT_ID = '11111111-1111-1111-1111-111111111111';
const HOME_TENANT = 'aaaaaaaa-0000-0000-0000-000000000001';
const OTHER_TENANT = 'bbbbbbbb-0000-0000-0000-000000000002';
const SECRET = 'local-test-secret';

const certificate = createSelfSignedCertificate('career-conversations-local');
const x509 = new X509Certificate(certificate.certificatePem);
const thumbprintSha256Hex = x509.fingerprint256.replace(/:/g, '').toLowerCase();
const thumbprintSha1Hex = x509.fingerprint.replace(/:/g, '').toLowerCase();
const privateKeyPem = certificate.privateKeyPem;
const FEDERATED_ASSERTION = 'managed-identity-token-for-api://AzureADTokenExchange';

let entra: LocalEntra;

beforeAll(async () => {
  entra = await LocalEntra.start({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    certificate: { publicKey: certificate.publicKey, thumbprintSha256Hex, thumbprintSha1Hex },
    federatedAssertion: FEDERATED_ASSERTION,
  });
});

afterAll(async () => {
  await entra.close();
});

function poolWith(credential: AppCredential): ConfidentialClientPool {
  return new ConfidentialClientPool(
    { clientId: CLIENT_ID, tenantId: HOME_TENANT, credential },
    {
      networkClient: createAuthorityRedirect({
        authorityHost: 'login.microsoftonline.com',
        target: entra.origin,
      }),
    },
  );
}

function tokenCallsSince(before: number): number {
  return entra.tokenRequests().length - before;
}

describe('app-only Graph tokens through msal-node client credentials', () => {
  it('returns the token Entra issued for the home tenant and Graph .default scope', async () => {
    const before = entra.requests.length;
    const provider = new MsalAppTokenProvider(poolWith({ kind: 'secret', clientSecret: SECRET }));

    const token = await provider.getGraphToken();

    expect(token).toMatch(new RegExp(`^app-token\\.${HOME_TENANT}\\.\\d+$`));
    const calls = entra.requests.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /${HOME_TENANT}/oauth2/v2.0/token`]);
    expect(calls[0]?.form.get('grant_type')).toBe('client_credentials');
    expect(calls[0]?.form.get('scope')).toBe('https://graph.microsoft.com/.default');
  });

  it('serves a second call from MSAL cache without another token request', async () => {
    const provider = new MsalAppTokenProvider(poolWith({ kind: 'secret', clientSecret: SECRET }));
    const before = entra.tokenRequests().length;

    const first = await provider.getGraphToken();
    const second = await provider.getGraphToken();

    expect(second).toBe(first);
    expect(tokenCallsSince(before)).toBe(1);
  });

  it('signs a PS256 client_assertion with the certificate key and the certificate SHA-256 thumbprint', async () => {
    const before = entra.clientAssertions.length;
    const credential = certificateCredentialFromPem(`${privateKeyPem}${certificate.certificatePem}`);
    const provider = new MsalAppTokenProvider(poolWith(credential));

    await expect(provider.getGraphToken()).resolves.toMatch(/^app-token\./);

    const request = entra.tokenRequests().at(-1);
    expect(request?.form.get('client_secret')).toBeNull();
    expect(request?.form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const assertion = entra.clientAssertions[before];
    expect(assertion?.header).toMatchObject({
      alg: 'PS256',
      'x5t#S256': Buffer.from(thumbprintSha256Hex, 'hex').toString('base64url'),
    });
    expect(assertion?.payload).toMatchObject({
      aud: `https://login.microsoftonline.com/${HOME_TENANT}/oauth2/v2.0/token`,
      iss: CLIENT_ID,
      sub: CLIENT_ID,
    });
  });

  it('signs an RS256 client_assertion with the legacy SHA-1 thumbprint when no SHA-256 one is given', async () => {
    const provider = new MsalAppTokenProvider(
      poolWith({ kind: 'certificate', thumbprint: thumbprintSha1Hex, privateKeyPem }),
    );
    const before = entra.clientAssertions.length;

    await provider.getGraphToken();

    const raw = entra.tokenRequests().at(-1)?.form.get('client_assertion') ?? '';
    const [header, payload, signature] = raw.split('.');
    expect(
      verify(
        'RSA-SHA256',
        Buffer.from(`${header}.${payload}`),
        certificate.publicKey,
        Buffer.from(signature ?? '', 'base64url'),
      ),
    ).toBe(true);
    expect(entra.clientAssertions[before]?.header).toMatchObject({
      alg: 'RS256',
      x5t: Buffer.from(thumbprintSha1Hex, 'hex').toString('base64url'),
    });
  });

  it("presents the callback's federated assertion, given the token endpoint, and caches the token", async () => {
    const contexts: Array<{ clientId: string; tokenEndpoint?: string }> = [];
    const provider = new MsalAppTokenProvider(
      poolWith({
        kind: 'assertion',
        getAssertion: (context) => {
          contexts.push(context);
          return Promise.resolve(FEDERATED_ASSERTION);
        },
      }),
    );

    const before = entra.tokenRequests().length;
    await expect(provider.getGraphToken()).resolves.toMatch(/^app-token\./);
    await provider.getGraphToken();

    expect(entra.tokenRequests().at(-1)?.form.get('client_assertion')).toBe(FEDERATED_ASSERTION);
    expect(tokenCallsSince(before)).toBe(1);
    expect(contexts[0]).toEqual({
      clientId: CLIENT_ID,
      tokenEndpoint: `https://login.microsoftonline.com/${HOME_TENANT}/oauth2/v2.0/token`,
    });
  });

  it('keeps one MSAL client per tenant, each with its own token and cache', async () => {
    const pool = poolWith({ kind: 'secret', clientSecret: SECRET });
    const home = new MsalAppTokenProvider(pool);
    const other = home.forTenant(OTHER_TENANT);
    const beforeOther = entra.tokenRequests({ tenant: OTHER_TENANT }).length;

    const homeToken = await home.getGraphToken();
    const otherToken = await other.getGraphToken();
    await other.getGraphToken();

    expect(pool.clientFor(HOME_TENANT)).not.toBe(pool.clientFor(OTHER_TENANT));
    expect(pool.clientFor(OTHER_TENANT)).toBe(pool.clientFor(OTHER_TENANT));
    expect(pool.size).toBe(2);
    expect(homeToken).toContain(HOME_TENANT);
    expect(otherToken).toContain(OTHER_TENANT);
    expect(entra.tokenRequests({ tenant: OTHER_TENANT }).length - beforeOther).toBe(1);
  });

  it('never asks the discovery endpoints: msal-node 7 knows login.microsoftonline.com metadata', async () => {
    const provider = new MsalAppTokenProvider(poolWith({ kind: 'secret', clientSecret: SECRET }));
    const before = entra.discoveryRequests().length;

    await provider.getGraphToken();

    expect(entra.discoveryRequests().length - before).toBe(0);
  });

  it('maps a wrong secret to TokenAcquisitionError with MSAL error code invalid_client', async () => {
    const provider = new MsalAppTokenProvider(poolWith({ kind: 'secret', clientSecret: 'wrong-secret' }));

    const error: unknown = await provider.getGraphToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TokenAcquisitionError);
    expect(error).toMatchObject({ code: 'token_unavailable', msalErrorCode: 'invalid_client' });
    expect((error as Error).message).toContain('AADSTS7000215');
    expect((error as Error).message).not.toContain('wrong-secret');
  });
});
