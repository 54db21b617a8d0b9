import type {
  ApiErrorBody,
  RecapForOneOnOneResponse,
  RecapResponse,
  TeamResponse,
} from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { EMPTY_AGENDA, oneOnOnePath, startApiTestServer } from './support/api-test-server';

describe('recap routes', () => {
  let api: ApiTestServer;
  let pastWithManager: string;
  let pastWithPeer: string;

  beforeEach(async () => {
    api = await startApiTestServer();
    const { employee, manager, peer } = api.world.people;
    pastWithManager = (
      await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-23T09:00:00.000Z')
    ).id;
    pastWithPeer = (await api.world.addOneOnOne(employee.id, peer, 'peer', '2026-11-20T14:00:00.000Z')).id;
  });
  afterEach(async () => {
    await api.close();
  });

  const write = (body: unknown, id = pastWithManager, as = 'ava') =>
    api.call<RecapResponse & ApiErrorBody>('PUT', oneOnOnePath(id, '/recap'), { as, body });

  const validRecap = {
    topics: ['Moving towards data engineering'],
    actions: [
      { text: 'Introduce Ava to the data platform team', owner: 'recipient', dueOn: '2026-12-05' },
      { text: 'Pair with the platform team for a day', owner: 'author', dueOn: '2026-12-12' },
    ],
  };

  async function sentRecap(): Promise<{ id: string; version: number }> {
    const written = await write(validRecap);
    const sent = await api.call<RecapResponse>(
      'POST',
      `/api/recaps/${encodeURIComponent(written.body.recap.id)}/send`,
      {
        as: 'ava',
      },
    );
    return { id: sent.body.recap.id, version: sent.body.recap.version };
  }

  it('offers a prefill from the agenda when there is no recap yet', async () => {
    await api.call('PUT', oneOnOnePath(pastWithManager, '/agenda'), {
      as: 'ava',
      body: { ...EMPTY_AGENDA, learningFocus: 'Data modelling', baseRevision: null },
    });
    const res = await api.call<RecapForOneOnOneResponse>('GET', oneOnOnePath(pastWithManager, '/recap'), {
      as: 'ava',
    });
    expect(res.status).toBe(200);
    expect(res.body.recap).toBeNull();
    expect(res.body.prefill?.topics).toEqual(['Learning: Data modelling']);
    expect(res.body.today).toBe('2026-11-24');
  });

  it('writes a draft recap, then returns it instead of a prefill', async () => {
    const written = await write(validRecap);
    expect(written.status).toBe(200);
    expect(written.body.recap.state).toBe('draft');
    expect(written.body.recap.recipient.displayName).toBe('Max Moreau');
    const res = await api.call<RecapForOneOnOneResponse>('GET', oneOnOnePath(pastWithManager, '/recap'), {
      as: 'ava',
    });
    expect(res.body.recap?.id).toBe(written.body.recap.id);
    expect(res.body.prefill).toBeNull();
  });

  it('refuses a due date in the past on the action’s field', async () => {
    const res = await write({
      topics: [],
      actions: [{ text: 'Too late', owner: 'author', dueOn: '2026-11-01' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['actions[0].dueOn']);
  });

  it('refuses an owner that is neither side, naming the field', async () => {
    const res = await write({ topics: [], actions: [{ text: 'x', owner: 'boss', dueOn: '2026-12-01' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['actions[0].owner']);
  });

  it('refuses an empty recap with recap.empty', async () => {
    const res = await write({ topics: ['  '], actions: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.problems?.[0]?.code).toBe('recap.empty');
  });

  it('answers 404 when someone else writes the recap of my 1:1', async () => {
    expect((await write(validRecap, pastWithManager, 'max')).status).toBe(404);
  });

  it('sends a recap to the manager, who then sees it waiting in My team', async () => {
    const { id } = await sentRecap();
    const recap = await api.call<RecapResponse>('GET', `/api/recaps/${encodeURIComponent(id)}`, {
      as: 'max',
    });
    expect(recap.status).toBe(200);
    expect(recap.body.recap.state).toBe('sent');
    const team = await api.call<TeamResponse>('GET', '/api/team', { as: 'max' });
    expect(team.body.reports[0]?.awaitingMe.map((r) => r.id)).toEqual([id]);
  });

  it('lets the manager acknowledge, and the author sees who and when', async () => {
    const { id, version } = await sentRecap();
    const ack = await api.call<RecapResponse>('POST', `/api/recaps/${encodeURIComponent(id)}/acknowledge`, {
      as: 'max',
      body: { version },
    });
    expect(ack.status).toBe(200);
    expect(ack.body.changed).toBe(true);
    const mine = await api.call<RecapForOneOnOneResponse>('GET', oneOnOnePath(pastWithManager, '/recap'), {
      as: 'ava',
    });
    expect(mine.body.recap?.state).toBe('acknowledged');
    expect(mine.body.recap?.acknowledgedBy).toEqual({ id: 'max', displayName: 'Max Moreau' });
    expect(mine.body.recap?.acknowledgedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('refuses the author acknowledging their own recap with 403', async () => {
    const { id, version } = await sentRecap();
    const res = await api.call<ApiErrorBody>('POST', `/api/recaps/${encodeURIComponent(id)}/acknowledge`, {
      as: 'ava',
      body: { version },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('recap.not_recipient');
  });

  it('answers 404 to a stranger reading, sending or answering the recap', async () => {
    const { id, version } = await sentRecap();
    const path = `/api/recaps/${encodeURIComponent(id)}`;
    expect((await api.call('GET', path, { as: 'oz' })).status).toBe(404);
    expect((await api.call('POST', `${path}/send`, { as: 'oz' })).status).toBe(404);
    expect((await api.call('POST', `${path}/acknowledge`, { as: 'oz', body: { version } })).status).toBe(404);
    expect(
      (await api.call('POST', `${path}/request-change`, { as: 'oz', body: { version, comment: 'x' } }))
        .status,
    ).toBe(404);
  });

  it('refuses an acknowledgement of an old version with 409', async () => {
    const { id } = await sentRecap();
    const res = await api.call<ApiErrorBody>('POST', `/api/recaps/${encodeURIComponent(id)}/acknowledge`, {
      as: 'max',
      body: { version: 7 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('recap.stale_version');
  });

  it('refuses an acknowledgement without a version, naming the field', async () => {
    const { id } = await sentRecap();
    const res = await api.call<ApiErrorBody>('POST', `/api/recaps/${encodeURIComponent(id)}/acknowledge`, {
      as: 'max',
      body: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['version']);
  });

  it('refuses a change request without a comment on the comment field', async () => {
    const { id, version } = await sentRecap();
    const res = await api.call<ApiErrorBody>('POST', `/api/recaps/${encodeURIComponent(id)}/request-change`, {
      as: 'max',
      body: { version, comment: '   ' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('recap.comment_required');
    expect(res.body.error.details?.field).toBe('comment');
  });

  it('carries a change request back to the author, who revises and sends version 2', async () => {
    const { id, version } = await sentRecap();
    const asked = await api.call<RecapResponse>(
      'POST',
      `/api/recaps/${encodeURIComponent(id)}/request-change`,
      {
        as: 'max',
        body: { version, comment: 'The intro is mine to do by Friday' },
      },
    );
    expect(asked.body.recap.state).toBe('changeRequested');
    const mine = await api.call<RecapForOneOnOneResponse>('GET', oneOnOnePath(pastWithManager, '/recap'), {
      as: 'ava',
    });
    expect(mine.body.recap?.changeRequest?.comment).toBe('The intro is mine to do by Friday');
    expect(mine.body.recap?.changeRequest?.by.displayName).toBe('Max Moreau');
    await write(validRecap);
    const resent = await api.call<RecapResponse>('POST', `/api/recaps/${encodeURIComponent(id)}/send`, {
      as: 'ava',
    });
    expect(resent.body.recap.state).toBe('sent');
    expect(resent.body.recap.version).toBe(2);
  });

  it('sends a curiosity-conversation recap that needs no acknowledgement', async () => {
    const written = await write({ topics: ['How the platform team plans'], actions: [] }, pastWithPeer);
    const sent = await api.call<RecapResponse>(
      'POST',
      `/api/recaps/${encodeURIComponent(written.body.recap.id)}/send`,
      {
        as: 'ava',
      },
    );
    expect(sent.body.recap.state).toBe('sent');
    expect(sent.body.recap.requiresAcknowledgement).toBe(false);
  });
});
