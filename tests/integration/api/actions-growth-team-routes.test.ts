import type {
  ActionResponse,
  ActionsResponse,
  ApiErrorBody,
  GrowthResponse,
  PastResponse,
  RecapResponse,
  SharedAgendasResponse,
  TeamResponse,
  UpcomingResponse,
} from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { EMPTY_AGENDA, oneOnOnePath, startApiTestServer } from './support/api-test-server';

describe('actions, growth, lists and team routes', () => {
  let api: ApiTestServer;
  let past: string;
  let upcoming: string;

  beforeEach(async () => {
    api = await startApiTestServer();
    const { employee, manager } = api.world.people;
    past = (await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-23T09:00:00.000Z')).id;
    upcoming = (await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-30T09:00:00.000Z')).id;
  });
  afterEach(async () => {
    await api.close();
  });

  async function sendRecapWithActions(): Promise<string> {
    const written = await api.call<RecapResponse>('PUT', oneOnOnePath(past, '/recap'), {
      as: 'ava',
      body: {
        topics: ['Growth'],
        actions: [
          { text: 'Book a session with the data team', owner: 'author', dueOn: '2026-12-01' },
          { text: 'Find a stretch project', owner: 'recipient', dueOn: '2026-11-24' },
        ],
      },
    });
    await api.call('POST', `/api/recaps/${encodeURIComponent(written.body.recap.id)}/send`, { as: 'ava' });
    return written.body.recap.id;
  }

  it('lists upcoming 1:1s with their agenda state and past ones with their recap state', async () => {
    await api.call('PUT', oneOnOnePath(upcoming, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'SQL', baseRevision: null },
    });
    await sendRecapWithActions();
    const next = await api.call<UpcomingResponse>('GET', '/api/one-on-ones/upcoming', { as: 'ava' });
    expect(next.body.oneOnOnes.map((o) => [o.id, o.agendaState])).toEqual([[upcoming, 'written']]);
    const before = await api.call<PastResponse>('GET', '/api/one-on-ones/past', { as: 'ava' });
    expect(before.body.oneOnOnes.map((o) => [o.id, o.recap?.state])).toEqual([[past, 'sent']]);
  });

  it('lists my actions and the ones I agreed with others, each with the other person', async () => {
    await sendRecapWithActions();
    const ava = await api.call<ActionsResponse>('GET', '/api/actions', { as: 'ava' });
    expect(ava.body.mine.map((a) => a.text)).toEqual(['Book a session with the data team']);
    expect(ava.body.agreedWithOthers.map((a) => [a.text, a.owner.displayName])).toEqual([
      ['Find a stretch project', 'Max Moreau'],
    ]);
    const max = await api.call<ActionsResponse>('GET', '/api/actions', { as: 'max' });
    expect(max.body.mine[0]?.agreedWith.displayName).toBe('Ava Chen');
  });

  it('marks an action done, and refuses strangers with 404 and bad statuses with 400', async () => {
    await sendRecapWithActions();
    const ava = await api.call<ActionsResponse>('GET', '/api/actions', { as: 'ava' });
    const id = encodeURIComponent(ava.body.mine[0]!.id);
    const done = await api.call<ActionResponse>('PATCH', `/api/actions/${id}`, {
      as: 'ava',
      body: { status: 'done' },
    });
    expect(done.status).toBe(200);
    expect(done.body.action.status).toBe('done');
    expect(
      (await api.call('PATCH', `/api/actions/${id}`, { as: 'oz', body: { status: 'done' } })).status,
    ).toBe(404);
    const bad = await api.call<ApiErrorBody>('PATCH', `/api/actions/${id}`, {
      as: 'ava',
      body: { status: 'finished' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.problems?.map((p) => p.field)).toEqual(['status']);
  });

  it('shows my growth: learning focus over time and six months of conversations', async () => {
    await api.call('PUT', oneOnOnePath(past, '/agenda'), {
      as: 'ava',
      body: {
        ...EMPTY_AGENDA,
        learningFocus: 'Data modelling',
        asks: [{ wanted: 'Data team rotation', support: '' }],
        baseRevision: null,
      },
    });
    const res = await api.call<GrowthResponse>('GET', '/api/growth', { as: 'ava' });
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e) => [e.learningFocus, e.upcoming])).toEqual([['Data modelling', false]]);
    expect(res.body.cadence.months).toHaveLength(6);
    expect(res.body.cadence.months.at(-1)).toEqual({ month: '2026-11', withManager: 1, curiosity: 0 });
    expect(res.body.cadence.nudge).toBe(false);
  });

  it('refuses My team to someone without reports with 403', async () => {
    const res = await api.call<ApiErrorBody>('GET', '/api/team', { as: 'ava' });
    expect(res.status).toBe(403);
  });

  it('gives a manager their reports with overdue actions they own', async () => {
    await sendRecapWithActions();
    api.world.clock.set('2026-11-26T10:00:00.000Z');
    const res = await api.call<TeamResponse>('GET', '/api/team', { as: 'max' });
    expect(res.status).toBe(200);
    const ava = res.body.reports[0]!;
    expect(ava.person.id).toBe('ava');
    expect(ava.myOverdueActions.map((a) => a.text)).toEqual(['Find a stretch project']);
    expect(ava.lastConversationAt).toBe('2026-11-23T09:30:00.000Z');
  });

  it('lets a manager read only the agendas a report shared, and 404 for anything else', async () => {
    await api.call('PUT', oneOnOnePath(upcoming, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'Shared focus', baseRevision: null },
    });
    await api.call('PUT', oneOnOnePath(past, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'Unshared focus', baseRevision: null },
    });
    const before = await api.call<SharedAgendasResponse>('GET', '/api/team/ava/agendas', { as: 'max' });
    expect(before.body.agendas).toEqual([]);
    expect(
      (await api.call('GET', `/api/team/ava/agendas/${encodeURIComponent(past)}`, { as: 'max' })).status,
    ).toBe(404);

    await api.call('POST', oneOnOnePath(upcoming, '/agenda/share'), { as: 'ava' });
    const after = await api.call<SharedAgendasResponse>('GET', '/api/team/ava/agendas', { as: 'max' });
    expect(after.body.agendas.map((a) => a.learningFocus)).toEqual(['Shared focus']);
    expect(
      (await api.call('GET', `/api/team/ava/agendas/${encodeURIComponent(upcoming)}`, { as: 'max' })).status,
    ).toBe(200);
    expect(
      (await api.call('GET', `/api/team/ava/agendas/${encodeURIComponent(past)}`, { as: 'max' })).status,
    ).toBe(404);
  });

  it('stops showing a manager an agenda once its 1:1 is with someone else, before anyone acts on it', async () => {
    await api.call('PUT', oneOnOnePath(upcoming, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'Shared focus', baseRevision: null },
    });
    await api.call('POST', oneOnOnePath(upcoming, '/agenda/share'), { as: 'ava' });
    const seen = async () => ({
      list: (await api.call<SharedAgendasResponse>('GET', '/api/team/ava/agendas', { as: 'max' })).body
        .agendas.length,
      one: (await api.call('GET', `/api/team/ava/agendas/${encodeURIComponent(upcoming)}`, { as: 'max' }))
        .status,
      count: (await api.call<TeamResponse>('GET', '/api/team', { as: 'max' })).body.reports[0]!
        .sharedAgendaCount,
    });
    expect(await seen()).toEqual({ list: 1, one: 200, count: 1 });

    // The organiser changed who the meeting is with; the calendar sync has not run yet.
    const oneOnOne = (await api.world.store.getOneOnOne(upcoming))!;
    const pia = api.world.people.peer;
    await api.world.store.saveOneOnOne({
      ...oneOnOne,
      relationship: 'peer',
      counterpart: { address: pia.email, name: pia.displayName, personId: pia.id },
    });

    expect(await seen()).toEqual({ list: 0, one: 404, count: 0 });
  });

  it('answers 404 when someone asks for the agendas of a person who does not report to them', async () => {
    await api.call('PUT', oneOnOnePath(upcoming, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'x', baseRevision: null },
    });
    await api.call('POST', oneOnOnePath(upcoming, '/agenda/share'), { as: 'ava' });
    expect((await api.call('GET', '/api/team/ava/agendas', { as: 'oz' })).status).toBe(404);
    expect((await api.call('GET', '/api/team/ava/agendas', { as: 'pia' })).status).toBe(404);
    expect(
      (await api.call('GET', `/api/team/ava/agendas/${encodeURIComponent(upcoming)}`, { as: 'oz' })).status,
    ).toBe(404);
  });
});
