import type { ApiErrorBody } from '../../../src/api/contract/api-types';
import type { ApiTestServer } from './support/api-test-server';
import { oneOnOnePath, startApiTestServer } from './support/api-test-server';

describe('HTTP edges of the API', () => {
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

  const put = (options: { rawBody: string; headers?: Record<string, string> }) =>
    api.call<ApiErrorBody>('PUT', oneOnOnePath(id, '/agenda'), { as: 'ava', ...options });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const res = await put({ rawBody: '{"learningFocus": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await put({
      rawBody: 'learningFocus=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses an empty body with 400 empty_body', async () => {
    const res = await put({ rawBody: '', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('empty_body');
  });

  it('refuses a body over 256 KiB with 413', async () => {
    const huge = JSON.stringify({ learningFocus: 'x'.repeat(300 * 1024), baseRevision: null });
    const res = await put({ rawBody: huge, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });

  it('refuses a JSON array where an object belongs', async () => {
    const res = await put({ rawBody: '[]', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    expect((await api.call('GET', '/api/nothing-here', { as: 'ava' })).status).toBe(404);
    expect((await api.call('DELETE', '/api/me', { as: 'ava' })).status).toBe(405);
  });

  it('authenticates before reading the body', async () => {
    const res = await api.call<ApiErrorBody>('PUT', oneOnOnePath(id, '/agenda'), {
      rawBody: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('never caches API answers', async () => {
    const res = await api.call('GET', '/api/me', { as: 'ava' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
