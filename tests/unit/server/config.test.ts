import { loadConfig } from '../../../src/server/config';

const tenantEnv = {
  CC_PROFILE: 'tenant',
  PUBLIC_URL: 'https://cc.contoso.example',
  AAD_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AAD_APP_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
  AAD_APP_CLIENT_SECRET: 'not-a-real-secret',
  AAD_APP_ID_URI: 'api://cc.contoso.example/66666666-7777-8888-9999-000000000000',
  BOT_ID: '66666666-7777-8888-9999-000000000000',
  BOT_PASSWORD: 'not-a-real-password',
};

describe('loadConfig', () => {
  it('defaults to the demo profile on port 3978 with SQLite under data/', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.profile).toBe('demo');
    expect(result.config.port).toBe(3978);
    expect(result.config.host).toBe('127.0.0.1');
    expect(result.config.store).toMatchObject({ kind: 'sqlite' });
    expect(
      result.config.store.kind === 'sqlite' &&
        result.config.store.file.endsWith('data/career-conversations.db'),
    ).toBe(true);
  });

  it('treats blank variables as unset', () => {
    const result = loadConfig({ PORT: '', CC_PROFILE: ' ' });
    expect(result.ok && result.config.port).toBe(3978);
  });

  it('accepts a complete tenant configuration', () => {
    const result = loadConfig(tenantEnv);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.profile).toBe('tenant');
    if (result.config.profile !== 'tenant') return;
    expect(result.config.entra.allowedTenants).toEqual(['11111111-2222-3333-4444-555555555555']);
    expect(result.config.bot.tenantId).toBe('11111111-2222-3333-4444-555555555555');
    expect(result.config.host).toBe('0.0.0.0');
  });

  it('lists every missing tenant variable instead of falling back to demo', () => {
    const result = loadConfig({ CC_PROFILE: 'tenant' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const names = result.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PUBLIC_URL',
        'AAD_APP_TENANT_ID',
        'AAD_APP_CLIENT_ID',
        'AAD_APP_ID_URI',
        'BOT_ID',
      ]),
    );
  });

  it('requires a credential for the Entra app', () => {
    const { AAD_APP_CLIENT_SECRET: _unused, ...env } = tenantEnv;
    const result = loadConfig(env);
    expect(!result.ok && result.problems.some((p) => p.startsWith('AAD_APP_CLIENT_SECRET:'))).toBe(true);
  });

  it('refuses a plain http public URL', () => {
    const result = loadConfig({ ...tenantEnv, PUBLIC_URL: 'http://cc.contoso.example' });
    expect(
      !result.ok && result.problems.some((p) => p.startsWith('PUBLIC_URL:') && p.includes('https')),
    ).toBe(true);
  });

  it('names each malformed allowed tenant', () => {
    const result = loadConfig({
      ...tenantEnv,
      CC_ALLOWED_TENANTS: '11111111-2222-3333-4444-555555555555,contoso',
    });
    expect(!result.ok && result.problems.some((p) => p.includes('"contoso" is not a tenant GUID'))).toBe(
      true,
    );
  });

  it('refuses an unknown profile and a non-numeric port together', () => {
    const result = loadConfig({ CC_PROFILE: 'staging', PORT: 'eighty' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.some((p) => p.startsWith('CC_PROFILE'))).toBe(true);
  });

  it('requires a connection string for the Azure Tables store', () => {
    const result = loadConfig({ CC_STORE: 'tables' });
    expect(!result.ok && result.problems).toEqual([
      'CC_TABLES_CONNECTION_STRING: is required when CC_STORE=tables',
    ]);
  });

  it('refuses a port out of range', () => {
    const result = loadConfig({ PORT: '70000' });
    expect(!result.ok && result.problems[0]?.startsWith('PORT:')).toBe(true);
  });
});
