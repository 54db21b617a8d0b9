import type { GraphEmulator } from '../../../src/dev';
import { createDemoOrganisation, startGraphEmulator } from '../../../src/dev';
import { createGraphAdapters } from '../../../src/graph/graph-adapters';
import { GraphCalendar } from '../../../src/graph/graph-calendar';
import { GraphDirectory } from '../../../src/graph/graph-directory';
import { GraphLinkRefused, GraphRequestError } from '../../../src/graph/graph-errors';
import type { GraphGatewayOptions } from '../../../src/graph/graph-gateway';
import { GraphGateway } from '../../../src/graph/graph-gateway';
import { DEMO_GRAPH_TOKEN, DemoTokenProvider } from '../../../src/identity/token-provider';
import { SyncStateExpired } from '../../../src/ports/calendar';
import type { ScriptedAnswer, ScriptedGraph, SeenRequest } from './support/scripted-graph-server';
import { answerBatch, graphErrorBody, startScriptedGraph } from './support/scripted-graph-server';

const TOKEN = 'test-token-123';
const tokens = { getGraphToken: () => Promise.resolve(TOKEN) };
const user = (id: string) => ({
  id,
  displayName: `User ${id}`,
  mail: `${id}@contoso.example`,
  jobTitle: null,
});
const event = (id: string) => ({
  id,
  subject: 'Private words',
  start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-12-01T09:30:00.0000000', timeZone: 'UTC' },
});

let server: ScriptedGraph | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(
  script: (request: SeenRequest) => ScriptedAnswer | Promise<ScriptedAnswer>,
): Promise<ScriptedGraph> {
  server = await startScriptedGraph(script);
  return server;
}

function gateway(graph: ScriptedGraph, options: Partial<GraphGatewayOptions> = {}): GraphGateway {
  return new GraphGateway({
    baseUrl: graph.origin,
    tokens,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

const batchPosts = (graph: ScriptedGraph) => graph.seen.filter((r) => r.url === '/v1.0/$batch');
const innerUrls = (graph: ScriptedGraph) =>
  batchPosts(graph).flatMap((r) =>
    (r.body as { requests: { url: string }[] }).requests.map((inner) => inner.url),
  );

describe('Graph gateway middleware chain (real HTTP, scripted Graph)', () => {
  test.each([false, true])(
    'sends Authorization: Bearer <token> to an http:// endpoint (batching %s)',
    async (batched) => {
      const graph = await serve(async (r) =>
        r.url === '/v1.0/$batch'
          ? answerBatch(r.body, (i) => ({ status: 200, body: user(i.url.split(/[/?]/)[2]!) }))
          : { status: 200, body: user('u1') },
      );
      const directory = new GraphDirectory(gateway(graph, batched ? {} : { batching: false }));
      expect(await directory.getUser('u1')).toMatchObject({ id: 'u1', email: 'u1@contoso.example' });
      expect(graph.seen).toHaveLength(1);
      expect(graph.seen[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  test('waits out the Retry-After of a 429 before trying again', async () => {
    let calls = 0;
    const graph = await serve(() =>
      ++calls === 1
        ? { status: 429, headers: { 'Retry-After': '1' }, body: graphErrorBody('TooManyRequests') }
        : { status: 200, body: user('u1') },
    );
    const directory = new GraphDirectory(gateway(graph, { batching: false }));
    await expect(directory.getUser('u1')).resolves.toMatchObject({ id: 'u1' });
    expect(graph.seen).toHaveLength(2);
    expect(graph.seen[1]!.at - graph.seen[0]!.at).toBeGreaterThanOrEqual(990);
  });

  test('reads Retry-After given as an HTTP date', async () => {
    const waits: number[] = [];
    const now = Date.parse('2026-11-25T10:00:00Z');
    let calls = 0;
    const graph = await serve(() =>
      ++calls === 1
        ? { status: 503, headers: { 'Retry-After': 'Wed, 25 Nov 2026 10:00:03 GMT' } }
        : { status: 200, body: user('u1') },
    );
    const tools = {
      now: () => now,
      sleep: (ms: number) => (waits.push(ms), Promise.resolve()),
      random: () => 0.5,
    };
    await new GraphDirectory(gateway(graph, { batching: false, tools })).getUser('u1');
    expect(waits).toEqual([3000]);
  });

  test('gives up after the maximum attempts with an error naming the status and the attempts', async () => {
    const graph = await serve(() => ({ status: 503, body: graphErrorBody('serviceNotAvailable') }));
    const directory = new GraphDirectory(
      gateway(graph, { batching: false, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } }),
    );
    const failure = directory.getUser('u1');
    await expect(failure).rejects.toThrow(GraphRequestError);
    await expect(failure).rejects.toThrow(
      'Microsoft Graph answered 503 (serviceNotAvailable) after 3 attempts.',
    );
    expect(graph.seen).toHaveLength(3);
  });

  test('gives up on a throttled batch item after the maximum attempts too', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({
        status: 429,
        headers: { 'Retry-After': '0' },
        body: graphErrorBody('TooManyRequests'),
      })),
    );
    const gate = gateway(graph, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(new GraphDirectory(gate).getUser('u1')).rejects.toThrow(
      'answered 429 (TooManyRequests) after 2 attempts',
    );
    expect(gate.stats().throttled).toBe(2);
  });

  test.each([false, true])(
    'follows an absolute http:// @odata.nextLink by its path (batching %s)',
    async (batched) => {
      const graph = await serve(async (r) => {
        const page = (url: string): ScriptedAnswer =>
          url.includes('$skiptoken=page2')
            ? {
                status: 200,
                body: {
                  value: [event('e2')],
                  '@odata.deltaLink': `${graph.origin}/v1.0/users/u1/calendarView/delta?$deltatoken=d1`,
                },
              }
            : {
                status: 200,
                body: {
                  value: [event('e1')],
                  '@odata.nextLink': `${graph.origin}/v1.0/users/u1/calendarView/delta?$skiptoken=page2`,
                },
              };
        return r.url === '/v1.0/$batch' ? answerBatch(r.body, (inner) => page(inner.url)) : page(r.url);
      });
      const calendar = new GraphCalendar(gateway(graph, batched ? {} : { batching: false }), { pageSize: 1 });
      const round = await calendar.calendarWindow('u1', {
        start: '2026-11-18T00:00:00.000Z',
        end: '2026-12-30T00:00:00.000Z',
      });
      expect(round.events.map((e) => e.id)).toEqual(['e1', 'e2']);
      expect(round.requests).toBe(2);
      expect(round.deltaLink).toBe(`${graph.origin}/v1.0/users/u1/calendarView/delta?$deltatoken=d1`);
      const urls = batched ? innerUrls(graph).map((u) => `/v1.0${u}`) : graph.seen.map((r) => r.url);
      expect(urls[1]).toBe('/v1.0/users/u1/calendarView/delta?$skiptoken=page2');
      expect(urls[0]).toBe(
        '/v1.0/users/u1/calendarView/delta?startDateTime=2026-11-18T00%3A00%3A00.000Z&endDateTime=2026-12-30T00%3A00%3A00.000Z',
      );
      expect(graph.seen.every((r) => r.prefer === undefined || r.prefer === 'odata.maxpagesize=1')).toBe(
        true,
      );
    },
  );

  test('refuses to follow a link to another host, so the token never leaves', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({
        status: 200,
        body: {
          value: [],
          '@odata.nextLink': 'http://evil.example/v1.0/users/u1/calendarView/delta?$skiptoken=x',
        },
      })),
    );
    const calendar = new GraphCalendar(gateway(graph));
    await expect(
      calendar.calendarDelta('u1', `${graph.origin}/v1.0/users/u1/calendarView/delta?$deltatoken=a`),
    ).rejects.toThrow(GraphLinkRefused);
    expect(graph.seen).toHaveLength(1);
  });

  test('splits more than 20 concurrent requests into $batch calls of at most 20', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, (inner) => ({ status: 200, body: user(inner.url.split(/[/?]/)[2]!) })),
    );
    const gate = gateway(graph);
    const directory = new GraphDirectory(gate);
    const ids = Array.from({ length: 45 }, (_, i) => `u${i}`);
    const users = await Promise.all(ids.map((id) => directory.getUser(id)));
    expect(users.map((u) => u?.id)).toEqual(ids);
    const sizes = batchPosts(graph).map((r) => (r.body as { requests: unknown[] }).requests.length);
    expect(sizes).toEqual([20, 20, 5]);
    expect(gate.stats()).toMatchObject({ graphRequests: 45, httpRoundTrips: 3, batches: 3 });
  });

  test('retries a throttled inner request on its own, after its own Retry-After', async () => {
    let throttledOnce = false;
    const graph = await serve((r) =>
      answerBatch(r.body, (inner) => {
        if (inner.url.startsWith('/users/u7?') && !throttledOnce) {
          throttledOnce = true;
          return { status: 429, headers: { 'Retry-After': '1' }, body: graphErrorBody('TooManyRequests') };
        }
        return { status: 200, body: user(inner.url.split(/[/?]/)[2]!) };
      }),
    );
    const directory = new GraphDirectory(gateway(graph));
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => directory.getUser(`u${i}`)));
    expect(users.every((u) => u !== null)).toBe(true);
    const posts = batchPosts(graph);
    expect(posts).toHaveLength(2);
    expect((posts[1]!.body as { requests: { url: string }[] }).requests.map((i) => i.url)).toEqual([
      expect.stringMatching(/^\/users\/u7\?/),
    ]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(990);
    expect(innerUrls(graph)).toHaveLength(13);
  });

  test('skips and counts events without an id, a start or an end, and never keeps the subject', async () => {
    const { start: _start, ...noStart } = event('e2');
    const { id: _id, ...noId } = event('e3');
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({
        status: 200,
        body: {
          value: [event('e1'), noStart, noId, { id: 'e4', '@removed': { reason: 'deleted' } }],
          '@odata.deltaLink': `${graph.origin}/v1.0/x?$deltatoken=1`,
        },
      })),
    );
    const round = await new GraphCalendar(gateway(graph)).calendarDelta(
      'u1',
      `${graph.origin}/v1.0/users/u1/calendarView/delta?$deltatoken=0`,
    );
    expect(round.events.map((e) => e.id)).toEqual(['e1']);
    expect(round.events[0]).not.toHaveProperty('subject');
    expect(round.removed).toEqual([{ id: 'e4', reason: 'deleted' }]);
    expect(round.skipped).toBe(2);
  });

  test('turns 410 syncStateNotFound into SyncStateExpired', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({ status: 410, body: graphErrorBody('syncStateNotFound') })),
    );
    const calendar = new GraphCalendar(gateway(graph));
    await expect(
      calendar.calendarDelta('u1', `${graph.origin}/v1.0/users/u1/calendarView/delta?$deltatoken=old`),
    ).rejects.toThrow(SyncStateExpired);
  });

  test.each([false, true])(
    'keeps at most 4 requests in flight per mailbox (batching %s)',
    async (batched) => {
      let inFlight = 0;
      let peak = 0;
      const answerSlowly = async (): Promise<ScriptedAnswer> => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= 1;
        return { status: 200, body: { timeZone: 'UTC' } };
      };
      const graph = await serve((r) =>
        r.url === '/v1.0/$batch' ? answerBatch(r.body, answerSlowly) : answerSlowly(),
      );
      const directory = new GraphDirectory(gateway(graph, batched ? {} : { batching: false }));
      await Promise.all(Array.from({ length: 10 }, () => directory.getMailboxSettings('u1')));
      expect(peak).toBe(4);
    },
  );
});

describe('Graph directory adapter (scripted Graph)', () => {
  test('searches people by name or address prefix, asks only for the fields it reads, and leaves out the searcher', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({
        status: 200,
        body: {
          value: [
            user('lena'),
            user('leo'),
            { ...user('me'), displayName: 'Le Me' },
            { ...user('x'), displayName: 'Unrelated' },
          ],
        },
      })),
    );
    const directory = new GraphDirectory(gateway(graph));
    await directory.searchPeople('me', "O'Le", 5);
    expect(innerUrls(graph)).toEqual([
      "/users?$filter=startswith(displayName%2C'O''Le')%20or%20startswith(mail%2C'O''Le')&$top=6&$select=id,displayName,mail,userPrincipalName,jobTitle",
    ]);
    const found = await directory.searchPeople('me', 'le', 5);
    expect(found.map((p) => p.id)).toEqual(['lena', 'leo']);
  });

  test('reads mailbox settings as an IANA zone and working hours, asking only for those two', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({
        status: 200,
        body: {
          timeZone: 'W. Europe Standard Time',
          workingHours: {
            daysOfWeek: ['Tuesday', 'monday'],
            startTime: '08:30:00.0000000',
            endTime: '16:00:00.0000000',
          },
        },
      })),
    );
    const settings = await new GraphDirectory(gateway(graph)).getMailboxSettings('u1');
    expect(settings).toEqual({
      timeZone: 'Europe/Berlin',
      workingHours: { days: [1, 2], start: '08:30', end: '16:00' },
    });
    expect(innerUrls(graph)).toEqual(['/users/u1/mailboxSettings?$select=timeZone,workingHours']);
  });

  test('a user and their manager come back from one request with $expand=manager', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, (inner) =>
        inner.url.startsWith('/users/u1?')
          ? {
              status: 200,
              body: { ...user('u1'), manager: { '@odata.type': '#microsoft.graph.user', ...user('m1') } },
            }
          : { status: 200, body: user('u2') },
      ),
    );
    const directory = new GraphDirectory(gateway(graph));
    await expect(directory.getUserAndManager('u1')).resolves.toEqual({
      user: { id: 'u1', email: 'u1@contoso.example', displayName: 'User u1', jobTitle: null },
      manager: { id: 'm1', email: 'm1@contoso.example', displayName: 'User m1', jobTitle: null },
    });
    await expect(directory.getUserAndManager('u2')).resolves.toMatchObject({ manager: null });
    expect(innerUrls(graph)).toEqual([
      '/users/u1?$select=id,displayName,mail,userPrincipalName,jobTitle&$expand=manager($select=id,displayName,mail,userPrincipalName,jobTitle)',
      '/users/u2?$select=id,displayName,mail,userPrincipalName,jobTitle&$expand=manager($select=id,displayName,mail,userPrincipalName,jobTitle)',
    ]);
  });

  test('an unknown user and their manager read as null (404)', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, () => ({ status: 404, body: graphErrorBody('Request_ResourceNotFound') })),
    );
    await expect(new GraphDirectory(gateway(graph)).getUserAndManager('nobody')).resolves.toBeNull();
  });

  test('a user without a manager has none (404), and contacts among direct reports are left out', async () => {
    const graph = await serve((r) =>
      answerBatch(r.body, (inner) =>
        inner.url.includes('/manager')
          ? { status: 404, body: graphErrorBody('Request_ResourceNotFound') }
          : {
              status: 200,
              body: { value: [user('r1'), { '@odata.type': '#microsoft.graph.orgContact', ...user('c1') }] },
            },
      ),
    );
    const directory = new GraphDirectory(gateway(graph));
    await expect(directory.getManager('u1')).resolves.toBeNull();
    await expect(directory.getDirectReports('u1')).resolves.toEqual([
      { id: 'r1', email: 'r1@contoso.example', displayName: 'User r1', jobTitle: null },
    ]);
  });
});

describe('Graph gateway against the Graph emulator', () => {
  const NOW = new Date('2026-11-25T10:00:00Z');
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await startGraphEmulator({
      organisation: createDemoOrganisation({ now: NOW }),
      now: () => NOW,
      acceptToken: (token) => token === DEMO_GRAPH_TOKEN,
    });
  });
  afterAll(() => emulator.close());

  test('its requests carry the bearer token the emulator checks', async () => {
    const { directory } = createGraphAdapters({ baseUrl: emulator.baseUrl, tokens: new DemoTokenProvider() });
    const avery = emulator.org.people[0]!;
    await expect(directory.getUser(avery.id)).resolves.toMatchObject({ id: avery.id, email: avery.mail });
    const { directory: stranger } = createGraphAdapters({
      baseUrl: emulator.baseUrl,
      tokens: new DemoTokenProvider('wrong'),
    });
    await expect(stranger.getUser(avery.id)).rejects.toThrow(
      'Microsoft Graph answered 401 (InvalidAuthenticationToken).',
    );
  });

  test.each([false, true])(
    'a window read over many small pages (batching %s) equals a one-page read',
    async (batched) => {
      const window = { start: '2026-11-18T00:00:00.000Z', end: '2026-12-30T00:00:00.000Z' };
      const avery = emulator.org.people[0]!.id;
      const paged = createGraphAdapters({
        baseUrl: emulator.baseUrl,
        tokens: new DemoTokenProvider(),
        calendar: { pageSize: 2 },
        ...(batched ? {} : { batching: false as const }),
      });
      const whole = createGraphAdapters({
        baseUrl: emulator.baseUrl,
        tokens: new DemoTokenProvider(),
        calendar: { pageSize: 1000 },
      });
      const [small, big] = await Promise.all([
        paged.calendar.calendarWindow(avery, window),
        whole.calendar.calendarWindow(avery, window),
      ]);
      expect(small.requests).toBeGreaterThan(3);
      expect(big.requests).toBe(1);
      expect(small.events.map((e) => e.id)).toEqual(big.events.map((e) => e.id));
      expect(paged.gateway.stats().graphRequests).toBe(small.requests);
    },
  );
});
