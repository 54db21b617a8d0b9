import type {
  ActionsResponse,
  RecapResponse,
  TeamResponse,
  UpcomingResponse,
} from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { EMPTY_AGENDA, oneOnOnePath, startApiTestServer } from './support/api-test-server';

const MARKER = 'PRIVATE-NOTE-7f3a9c';

describe('private notes', () => {
  let api: ApiTestServer;
  let employeeSide: string;
  let managerSide: string;

  beforeAll(async () => {
    api = await startApiTestServer();
    const { employee, manager } = api.world.people;
    const past = await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-23T09:00:00.000Z');
    employeeSide = (await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-26T09:00:00.000Z'))
      .id;
    managerSide = (
      await api.world.addOneOnOne(manager.id, employee, 'directReport', '2026-11-26T09:00:00.000Z')
    ).id;
    for (const id of [past.id, employeeSide]) {
      await api.call('PUT', oneOnOnePath(id, '/agenda'), {
        as: 'ava',
        body: {
          ...EMPTY_AGENDA,
          learningFocus: 'Data modelling',
          asks: [{ wanted: 'Platform rotation', support: 'An intro' }],
          privateNotes: `${MARKER} worried about the reorg`,
          baseRevision: null,
        },
      });
      await api.call('POST', oneOnOnePath(id, '/agenda/share'), { as: 'ava' });
    }
    const recap = await api.call<RecapResponse>('PUT', oneOnOnePath(past.id, '/recap'), {
      as: 'ava',
      body: {
        topics: ['Data modelling'],
        actions: [{ text: 'Intro', owner: 'recipient', dueOn: '2026-12-01' }],
      },
    });
    await api.call('POST', `/api/recaps/${encodeURIComponent(recap.body.recap.id)}/send`, { as: 'ava' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('are returned to their author', async () => {
    const own = await api.call('GET', oneOnOnePath(employeeSide, '/agenda'), { as: 'ava' });
    expect(own.text).toContain(MARKER);
  });

  it('never appear in any response the manager can get', async () => {
    const team = await api.call<TeamResponse>('GET', '/api/team', { as: 'max' });
    const recapIds = team.body.reports.flatMap((r) => r.awaitingMe.map((a) => a.id));
    expect(recapIds).toHaveLength(1);
    const upcoming = await api.call<UpcomingResponse>('GET', '/api/one-on-ones/upcoming', { as: 'max' });
    const actions = await api.call<ActionsResponse>('GET', '/api/actions', { as: 'max' });
    const paths = [
      '/api/me',
      '/api/me/export',
      '/api/one-on-ones/upcoming',
      '/api/one-on-ones/past',
      '/api/actions',
      '/api/growth',
      '/api/team',
      '/api/team/ava/agendas',
      `/api/team/ava/agendas/${encodeURIComponent(employeeSide)}`,
      oneOnOnePath(managerSide, '/agenda'),
      oneOnOnePath(managerSide, '/recap'),
      oneOnOnePath(employeeSide, '/agenda'),
      oneOnOnePath(employeeSide, '/recap'),
      ...recapIds.map((id) => `/api/recaps/${encodeURIComponent(id)}`),
      ...upcoming.body.oneOnOnes.map((o) => oneOnOnePath(o.id, '/agenda')),
      '/api/people/search?q=ava',
      '/api/one-on-ones/match?start=2026-11-26T09:00:00Z&end=2026-11-26T09:30:00Z&attendees=ava@contoso.example',
    ];
    const responses = await Promise.all(paths.map((path) => api.call('GET', path, { as: 'max' })));
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(12);
    expect(actions.status).toBe(200);
    for (const [i, res] of responses.entries()) {
      expect({ path: paths[i], leaked: res.text.includes(MARKER) }).toEqual({
        path: paths[i],
        leaked: false,
      });
    }
    expect(
      responses.find((_, i) => paths[i] === `/api/team/ava/agendas/${encodeURIComponent(employeeSide)}`)
        ?.text,
    ).toContain('Data modelling');
  });

  it('never reach the events the bot would send to the manager', () => {
    expect(JSON.stringify(api.world.events.events)).not.toContain(MARKER);
  });
});
