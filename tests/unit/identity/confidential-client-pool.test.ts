import { ConfidentialClientPool } from '../../../src/identity/confidential-client-pool';
import { createAuthorityRedirect } from '../../../src/identity/authority-redirect-network';
import { TokenAcquisitionError } from '../../../src/identity/identity-errors';
import type { EntraAppConfig } from '../../../src/identity/identity-config';

const APP: EntraAppConfig = {
  clientId: '55555555-5555-5555-5555-555555555555',
  tenantId: 'ffffffff-0000-0000-0000-000000000006',
  credential: { kind: 'secret', clientSecret: 'unit-secret' },
};

/** MSAL keeps its effective configuration on the instance; read the one field this test is about. */
function networkClientOf(client: object): unknown {
  return (client as { config?: { system?: { networkClient?: unknown } } }).config?.system?.networkClient;
}

function authorityOf(client: object): unknown {
  return (client as { config?: { auth?: { authority?: unknown } } }).config?.auth?.authority;
}

describe('the per-tenant MSAL client pool', () => {
  it('keeps MSAL default network client when no seam is given (production wiring)', () => {
    const client = new ConfidentialClientPool(APP).clientFor(APP.tenantId);

    const network = networkClientOf(client);
    expect(network?.constructor.name).toBe('HttpClient');
  });

  it('hands the optional seam to MSAL when given', () => {
    const seam = createAuthorityRedirect({
      authorityHost: 'login.microsoftonline.com',
      target: 'http://127.0.0.1:9',
    });

    const client = new ConfidentialClientPool(APP, { networkClient: seam }).clientFor(APP.tenantId);

    expect(networkClientOf(client)).toBe(seam);
  });

  it('creates one client per tenant and reuses it, tenant ids compared case-insensitively', () => {
    const pool = new ConfidentialClientPool(APP);

    const first = pool.clientFor('Contoso.onmicrosoft.com');

    expect(pool.clientFor('contoso.onmicrosoft.com')).toBe(first);
    expect(pool.clientFor('fabrikam.onmicrosoft.com')).not.toBe(first);
    expect(pool.size).toBe(2);
  });

  it.each([
    'login.microsoftonline.us',
    'https://login.microsoftonline.us',
    'https://login.microsoftonline.us/',
  ])('builds the tenant authority from authorityHost %p', (authorityHost) => {
    const client = new ConfidentialClientPool({ ...APP, authorityHost }).clientFor(APP.tenantId);

    expect(authorityOf(client)).toBe(`https://login.microsoftonline.us/${APP.tenantId}`);
  });

  it('drops the least recently used tenant beyond maxTenants', () => {
    const pool = new ConfidentialClientPool(APP, { maxTenants: 2 });
    const a = pool.clientFor('tenant-a.example');
    pool.clientFor('tenant-b.example');
    pool.clientFor('tenant-a.example');

    pool.clientFor('tenant-c.example');

    expect(pool.size).toBe(2);
    expect(pool.clientFor('tenant-a.example')).toBe(a);
  });

  it.each(['common', 'organizations', 'consumers', '', '../evil', 'tenant/oauth2', 'x?y'])(
    'refuses %p as a tenant id',
    (tenantId) => {
      expect(() => new ConfidentialClientPool(APP).clientFor(tenantId)).toThrow(TokenAcquisitionError);
    },
  );

  it.each<[string, EntraAppConfig, RegExp]>([
    ['an empty client id', { ...APP, clientId: ' ' }, /clientId is empty/],
    [
      'an empty secret',
      { ...APP, credential: { kind: 'secret', clientSecret: '' } },
      /client secret is empty/,
    ],
    [
      'a certificate without thumbprint',
      { ...APP, credential: { kind: 'certificate', privateKeyPem: '-----BEGIN PRIVATE KEY-----' } },
      /thumbprintSha256/,
    ],
    [
      'a certificate whose key is not PEM',
      {
        ...APP,
        credential: { kind: 'certificate', thumbprintSha256: 'ab'.repeat(32), privateKeyPem: 'not a key' },
      },
      /PEM private key/,
    ],
    ['a multi-tenant alias as home tenant', { ...APP, tenantId: 'organizations' }, /tenant id/],
    [
      'a SHA-256 thumbprint in the SHA-1 field',
      {
        ...APP,
        credential: {
          kind: 'certificate',
          thumbprint: 'ab'.repeat(32),
          privateKeyPem: '-----BEGIN PRIVATE KEY-----',
        },
      },
      /thumbprintSha256/,
    ],
    [
      'an authority URL with a path',
      { ...APP, authorityHost: 'https://login.microsoftonline.com/t' },
      /https origin/,
    ],
    ['an http authority', { ...APP, authorityHost: 'http://login.microsoftonline.com' }, /https origin/],
    ['an authority host with a path', { ...APP, authorityHost: 'login.microsoftonline.com/t' }, /host name/],
  ])('refuses a config with %s at start-up', (_what, config, message) => {
    expect(() => new ConfidentialClientPool(config)).toThrow(message);
  });
});
