import type { ApiErrorBody, MeetingMatchResponse } from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { startApiTestServer } from './support/api-test-server';

describe('matching an Outlook meeting to my 1:1', () => {
  let api: ApiTestServer;
  let id: string;

  beforeAll(async () => {
    api = await startApiTestServer();
    const { employee, manager } = api.world.people;
    id = (await api.world.addOneOnOne(employee.id, manager, 'manager', '2026-11-26T09:00:00.000Z')).id;
  });
  afterAll(async () => {
    await api.close();
  });

  const match = (query: string) =>
    api.call<MeetingMatchResponse & ApiErrorBody>('GET', `/api/one-on-ones/match?${query}`, { as: 'ava' });
  const at = 'start=2026-11-26T09:00:00Z&end=2026-11-26T09:30:00Z';

  it('finds the 1:1 with the same times and the other attendee, whatever the address case', async () => {
    const res = await match(`${at}&attendees=ava@contoso.example,MAX@contoso.example`);
    expect(res.status).toBe(200);
    expect(res.body.match?.id).toBe(id);
    expect(res.body.match?.agendaState).toBe('none');
    expect(res.body.reason).toBeNull();
  });

  it('tolerates a minute of rounding in the times', async () => {
    const res = await match(
      'start=2026-11-26T09:00:40Z&end=2026-11-26T09:30:00Z&attendees=max@contoso.example',
    );
    expect(res.body.match?.id).toBe(id);
  });

  it('says when the meeting has more than two people', async () => {
    const res = await match(`${at}&attendees=max@contoso.example,pia@contoso.example`);
    expect(res.body.reason?.code).toBe('more_than_two_people');
  });

  it('says when nobody else is invited yet', async () => {
    const res = await match(`${at}&attendees=ava@contoso.example`);
    expect(res.body.reason?.code).toBe('no_other_attendee');
  });

  it('says when my 1:1 at that time is with someone else', async () => {
    const res = await match(`${at}&attendees=pia@contoso.example`);
    expect(res.body.reason?.code).toBe('different_attendees');
  });

  it('says when no 1:1 is known at that time', async () => {
    const res = await match(
      'start=2026-11-27T09:00:00Z&end=2026-11-27T09:30:00Z&attendees=max@contoso.example',
    );
    expect(res.body.match).toBeNull();
    expect(res.body.reason?.code).toBe('no_one_on_one_at_that_time');
  });

  it('refuses bad times and addresses, naming each field', async () => {
    const res = await match('start=tomorrow&end=2026-11-26T09:30:00Z&attendees=not-an-address');
    expect(res.status).toBe(400);
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(
      expect.arrayContaining(['start', 'attendees[0]']),
    );
  });

  it('refuses an end before the start', async () => {
    const res = await match(
      'start=2026-11-26T09:30:00Z&end=2026-11-26T09:00:00Z&attendees=max@contoso.example',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details?.problems?.map((p) => p.field)).toEqual(['end']);
  });
});
