import type {
  AgendaResponse,
  ApiErrorBody,
  SaveAgendaResponse,
  ShareAgendaResponse,
  UpcomingResponse,
} from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { EMPTY_AGENDA, oneOnOnePath, startApiTestServer } from './support/api-test-server';

describe('agenda routes', () => {
  let api: ApiTestServer;
  let withManager: string;

  beforeEach(async () => {
    api = await startApiTestServer();
    const { employee, manager } = api.world.people;
    withManager = (await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-26T09:00:00.000Z'))
      .id;
  });
  afterEach(async () => {
    await api.close();
  });

  const save = (body: Record<string, unknown>, as = 'ava') =>
    api.call<SaveAgendaResponse & ApiErrorBody>('PUT', oneOnOnePath(withManager, '/agenda'), { as, body });

  it('opens an empty agenda for my own 1:1 with the person to share it with', async () => {
    const res = await api.call<AgendaResponse>('GET', oneOnOnePath(withManager, '/agenda'), { as: 'ava' });
    expect(res.status).toBe(200);
    expect(res.body.agenda).toBeNull();
    expect(res.body.privateNotes).toBe('');
    expect(res.body.shareWith).toEqual({ id: 'max', displayName: 'Max Moreau' });
    expect(res.body.oneOnOne.counterpart.name).toBe('Max Moreau');
  });

  it('saves a first agenda and returns revision 1 with the private notes kept apart', async () => {
    const res = await save({
      ...EMPTY_AGENDA,
      learningFocus: 'Data modelling',
      privateNotes: 'nervous',
      baseRevision: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.agenda.revision).toBe(1);
    expect(res.body.agenda).not.toHaveProperty('privateNotes');
    expect(res.body.privateNotes).toBe('nervous');
    const reread = await api.call<AgendaResponse>('GET', oneOnOnePath(withManager, '/agenda'), { as: 'ava' });
    expect(reread.body.agenda?.learningFocus).toBe('Data modelling');
    expect(reread.body.privateNotes).toBe('nervous');
  });

  it('refuses a save based on an old revision with 409 conflict', async () => {
    await save({ ...EMPTY_AGENDA, learningFocus: 'first', baseRevision: null });
    await save({ ...EMPTY_AGENDA, learningFocus: 'second', baseRevision: 1 });
    const stale = await save({ ...EMPTY_AGENDA, learningFocus: 'from another tab', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
  });

  it('lists every field problem of an invalid agenda with its path', async () => {
    const res = await save({
      ...EMPTY_AGENDA,
      learningFocus: 'x'.repeat(1001),
      asks: [{ wanted: '', support: 'an introduction' }],
      knowledgeHolders: [{ label: 'Ghost', personId: 'nobody-here' }],
      carriedActionIds: ['not-an-action'],
      baseRevision: null,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.details?.problems?.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'learningFocus',
        'asks[0].wanted',
        'knowledgeHolders[0].personId',
        'carriedActionIds[0]',
      ]),
    );
  });

  it('refuses an empty agenda with agenda.empty', async () => {
    const res = await save({ ...EMPTY_AGENDA, baseRevision: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details?.problems?.[0]?.code).toBe('agenda.empty');
  });

  it('refuses a body without baseRevision, naming the field', async () => {
    const res = await save({ ...EMPTY_AGENDA, learningFocus: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['baseRevision']);
  });

  it('refuses wrongly typed fields and unknown fields, each named', async () => {
    const res = await save({
      ...EMPTY_AGENDA,
      learningFocus: 42,
      asks: 'lots',
      surprise: true,
      baseRevision: null,
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details?.problems?.map((p) => p.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['learningFocus', 'asks']));
    expect(res.body.error.details?.problems?.some((p) => p.code === 'unrecognized_keys')).toBe(true);
  });

  it('answers 404 for another person’s 1:1, whatever the method', async () => {
    expect((await api.call('GET', oneOnOnePath(withManager, '/agenda'), { as: 'oz' })).status).toBe(404);
    expect((await save({ ...EMPTY_AGENDA, learningFocus: 'x', baseRevision: null }, 'max')).status).toBe(404);
    expect((await api.call('POST', oneOnOnePath(withManager, '/agenda/share'), { as: 'oz' })).status).toBe(
      404,
    );
  });

  it('answers 404 for a 1:1 that does not exist', async () => {
    expect((await api.call('GET', oneOnOnePath('ava:nope', '/agenda'), { as: 'ava' })).status).toBe(404);
  });

  it('shares the agenda with the manager, once', async () => {
    await save({ ...EMPTY_AGENDA, learningFocus: 'Data modelling', baseRevision: null });
    const first = await api.call<ShareAgendaResponse>('POST', oneOnOnePath(withManager, '/agenda/share'), {
      as: 'ava',
    });
    expect(first.status).toBe(200);
    expect(first.body.changed).toBe(true);
    expect(first.body.sharedWith.displayName).toBe('Max Moreau');
    expect(first.body.agenda.sharedAt).toBe('2026-11-24T10:00:00.000Z');
    const again = await api.call<ShareAgendaResponse>('POST', oneOnOnePath(withManager, '/agenda/share'), {
      as: 'ava',
    });
    expect(again.body.changed).toBe(false);
  });

  it('after the 1:1 moved to someone else, names whom it was shared with, offers the share again, and shares it anew', async () => {
    await save({ ...EMPTY_AGENDA, learningFocus: 'Data modelling', baseRevision: null });
    await api.call('POST', oneOnOnePath(withManager, '/agenda/share'), { as: 'ava' });
    const o = await api.world.store.getOneOnOne(withManager);
    const { peer } = api.world.people;
    await api.world.store.saveOneOnOne({
      ...o!,
      counterpart: { address: peer.email, name: peer.displayName, personId: peer.id },
      relationship: 'peer',
    });

    const opened = await api.call<AgendaResponse>('GET', oneOnOnePath(withManager, '/agenda'), { as: 'ava' });
    expect(opened.body.shareWith).toEqual({ id: 'pia', displayName: 'Pia Novak' });
    expect(opened.body.agenda?.sharedAt).toBeNull();
    expect(opened.body.agenda?.sharedEarlierWith).toEqual({ id: 'max', displayName: 'Max Moreau' });
    const upcoming = await api.call<UpcomingResponse>('GET', '/api/one-on-ones/upcoming', { as: 'ava' });
    expect(upcoming.body.oneOnOnes.find((u) => u.id === withManager)?.agendaState).toBe('written');

    const shared = await api.call<ShareAgendaResponse>('POST', oneOnOnePath(withManager, '/agenda/share'), {
      as: 'ava',
    });
    expect([shared.body.changed, shared.body.sharedWith.id]).toEqual([true, 'pia']);
    expect(shared.body.agenda.sharedEarlierWith).toBeNull();
    const reread = await api.call<AgendaResponse>('GET', oneOnOnePath(withManager, '/agenda'), { as: 'ava' });
    expect(reread.body.agenda?.sharedAt).toBe(shared.body.agenda.sharedAt);
    expect(reread.body.agenda?.sharedEarlierWith).toBeNull();
  });

  it('refuses to share an agenda that was never written', async () => {
    const res = await api.call<ApiErrorBody>('POST', oneOnOnePath(withManager, '/agenda/share'), {
      as: 'ava',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('agenda.empty');
  });

  it('shows the agenda my counterpart shared for the same meeting inside my own agenda', async () => {
    const { employee, manager } = api.world.people;
    const managersSide = await api.world.addOneOnOne(
      manager.id,
      employee,
      'directReport',
      '2026-11-26T09:00:00.000Z',
    );
    await save({
      ...EMPTY_AGENDA,
      learningFocus: 'Data modelling',
      privateNotes: 'PRIVATE-abc',
      baseRevision: null,
    });
    await api.call('POST', oneOnOnePath(withManager, '/agenda/share'), { as: 'ava' });
    const res = await api.call<AgendaResponse>('GET', oneOnOnePath(managersSide.id, '/agenda'), {
      as: 'max',
    });
    expect(res.status).toBe(200);
    expect(res.body.sharedWithMe?.learningFocus).toBe('Data modelling');
    expect(res.text).not.toContain('PRIVATE-abc');
  });
});
