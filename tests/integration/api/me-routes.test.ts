import type {
  ApiErrorBody,
  DemoPeopleResponse,
  MeResponse,
  PeopleSearchResponse,
  SettingsResponse,
} from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { EMPTY_AGENDA, oneOnOnePath, startApiTestServer } from './support/api-test-server';

describe('me, people and settings routes', () => {
  let api: ApiTestServer;

  beforeEach(async () => {
    api = await startApiTestServer();
  });
  afterEach(async () => {
    await api.close();
  });

  it('says who I am, who my manager is and whether I have reports', async () => {
    const ava = await api.call<MeResponse>('GET', '/api/me', { as: 'ava' });
    expect(ava.status).toBe(200);
    expect(ava.body.person.displayName).toBe('Ava Chen');
    expect(ava.body.manager?.id).toBe('max');
    expect(ava.body.hasReports).toBe(false);
    expect(ava.body.profile).toBe('demo');
    const max = await api.call<MeResponse>('GET', '/api/me', { as: 'max' });
    expect(max.body.hasReports).toBe(true);
  });

  it('asks for a demo person when no x-demo-user is sent', async () => {
    const res = await api.call<ApiErrorBody>('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('demo_user_required');
  });

  it('refuses a demo person who does not exist', async () => {
    const res = await api.call<ApiErrorBody>('GET', '/api/me', { as: 'mallory' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unknown_demo_user');
  });

  it('lists the demo people for the "view as" picker, managers first', async () => {
    const res = await api.call<DemoPeopleResponse>('GET', '/api/demo/people');
    expect(res.status).toBe(200);
    expect(res.body.people[0]?.id).toBe('max');
    expect(res.body.people.find((p) => p.id === 'ava')?.managerName).toBe('Max Moreau');
  });

  it('finds people by the start of a name or address, never myself', async () => {
    const res = await api.call<PeopleSearchResponse>('GET', '/api/people/search?q=no', { as: 'ava' });
    expect(res.status).toBe(200);
    expect(res.body.people.map((p) => p.id)).toEqual(['pia']);
    const self = await api.call<PeopleSearchResponse>('GET', '/api/people/search?q=ava', { as: 'ava' });
    expect(self.body.people).toEqual([]);
  });

  it('refuses a search without q, naming the field', async () => {
    const res = await api.call<ApiErrorBody>('GET', '/api/people/search', { as: 'ava' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['q']);
  });

  it('refuses a search longer than 100 characters', async () => {
    const res = await api.call<ApiErrorBody>('GET', `/api/people/search?q=${'a'.repeat(101)}`, { as: 'ava' });
    expect(res.status).toBe(400);
  });

  it('reads and changes my settings', async () => {
    const before = await api.call<SettingsResponse>('GET', '/api/settings', { as: 'ava' });
    expect(before.body.settings.leadTimeHours).toBe(24);
    const after = await api.call<SettingsResponse>('PATCH', '/api/settings', {
      as: 'ava',
      body: { leadTimeHours: 48, promptsPaused: true },
    });
    expect(after.status).toBe(200);
    expect(after.body.settings).toMatchObject({ leadTimeHours: 48, promptsPaused: true, nudgeAfterWeeks: 4 });
  });

  it('refuses an out-of-range setting on its field and changes nothing', async () => {
    const res = await api.call<ApiErrorBody>('PATCH', '/api/settings', {
      as: 'ava',
      body: { leadTimeHours: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('settings.invalid');
    expect(res.body.error.details?.field).toBe('leadTimeHours');
    const now = await api.call<SettingsResponse>('GET', '/api/settings', { as: 'ava' });
    expect(now.body.settings.leadTimeHours).toBe(24);
  });

  it('refuses an unknown setting and an empty change', async () => {
    const unknown = await api.call<ApiErrorBody>('PATCH', '/api/settings', {
      as: 'ava',
      body: { theme: 'dark' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.problems?.[0]?.code).toBe('unrecognized_keys');
    const empty = await api.call<ApiErrorBody>('PATCH', '/api/settings', { as: 'ava', body: {} });
    expect(empty.status).toBe(400);
  });

  it('exports all my data as a JSON download, my private notes included', async () => {
    const { employee, manager } = api.world.people;
    const o = await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-26T09:00:00.000Z');
    await api.call('PUT', oneOnOnePath(o.id, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'SQL', privateNotes: 'mine alone', baseRevision: null },
    });
    const res = await api.call<{ person: { id: string }; agendas: { privateNotes: string }[] }>(
      'GET',
      '/api/me/export',
      {
        as: 'ava',
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.body.person.id).toBe('ava');
    expect(res.body.agendas[0]?.privateNotes).toBe('mine alone');
  });
});

describe('demo people in the tenant profile', () => {
  it('does not exist (404)', async () => {
    const api = await startApiTestServer({ profile: 'tenant' });
    try {
      expect((await api.call('GET', '/api/demo/people')).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});

describe('people search through the directory', () => {
  it('uses the directory search when one is given', async () => {
    const api = await startApiTestServer({
      directorySearch: (_me, q) =>
        Promise.resolve([
          { id: 'd1', displayName: `Directory ${q}`, jobTitle: 'Architect', email: 'd1@contoso.example' },
        ]),
    });
    try {
      const res = await api.call<PeopleSearchResponse>('GET', '/api/people/search?q=arch', { as: 'ava' });
      expect(res.body.people.map((p) => p.displayName)).toEqual(['Directory arch']);
    } finally {
      await api.close();
    }
  });
});
