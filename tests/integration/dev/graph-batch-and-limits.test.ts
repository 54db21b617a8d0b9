import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { startGraphEmulator } from '../../../src/dev/graph-emulator';
import type { GraphEmulator, GraphEmulatorOptions } from '../../../src/dev/graph-emulator';
import { graphGet, graphPost, TOKEN } from './graph-http';
import type { Page, WireEvent } from './graph-http';

const NOW = new Date('2026-03-10T17:20:00Z');
const WINDOW = 'startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-16T00:00:00Z';

interface BatchReply {
  responses: {
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: Record<string, unknown>;
  }[];
}
interface GraphErrorBody {
  error: { code: string; message: string };
}

const org = generateOrganisation({ size: 30, seed: 9, now: NOW });
const started: GraphEmulator[] = [];
async function emulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const emulatorInstance = await startGraphEmulator({ now: () => NOW, organisation: org, ...options });
  started.push(emulatorInstance);
  return emulatorInstance;
}
afterAll(async () => {
  await Promise.all(started.map((e) => e.close()));
});

describe('$batch', () => {
  it('answers 20 requests, each on its own, with absolute inner nextLinks', async () => {
    const graph = await emulator();
    const requests = org.people.slice(0, 20).map((p, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: i === 0 ? `/users/${p.id}/calendarView?${WINDOW}&$top=1` : `/users/${p.id}`,
    }));
    const reply = await graphPost<BatchReply>(`${graph.baseUrl}/$batch`, { requests });
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(reply.body.responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    const firstPage = reply.body.responses[0]!.body as unknown as Page<WireEvent>;
    expect(firstPage['@odata.nextLink']!.startsWith(`${graph.baseUrl}/users/`)).toBe(true);
    expect(graph.stats()).toMatchObject({ httpRequests: 1, graphRequests: 20, batches: 1 });
  });

  it('answers 400 for 21 requests', async () => {
    const graph = await emulator();
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `/users/${org.people[0]!.id}`,
    }));
    const reply = await graphPost<GraphErrorBody>(`${graph.baseUrl}/$batch`, { requests });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
  });

  it('answers 424 for a request whose dependency failed, and runs one whose dependency succeeded', async () => {
    const graph = await emulator();
    const reply = await graphPost<BatchReply>(`${graph.baseUrl}/$batch`, {
      requests: [
        { id: 'missing', method: 'GET', url: '/users/nobody@contoso.example' },
        { id: 'after-missing', method: 'GET', url: `/users/${org.people[1]!.id}`, dependsOn: ['missing'] },
        { id: 'fine', method: 'GET', url: `users/${org.people[2]!.id}` },
        { id: 'after-fine', method: 'GET', url: `/users/${org.people[3]!.id}/manager`, dependsOn: ['fine'] },
      ],
    });
    expect(Object.fromEntries(reply.body.responses.map((r) => [r.id, r.status]))).toEqual({
      missing: 404,
      'after-missing': 424,
      fine: 200,
      'after-fine': 200,
    });
  });

  it('answers 400 for a dependency on an unknown request id', async () => {
    const graph = await emulator();
    const reply = await graphPost(`${graph.baseUrl}/$batch`, {
      requests: [{ id: '1', method: 'GET', url: `/users/${org.people[1]!.id}`, dependsOn: ['7'] }],
    });
    expect(reply.status).toBe(400);
  });

  it('throttles inner requests per mailbox and gives each inner 429 a Retry-After', async () => {
    const graph = await emulator({ latencyMs: 40 });
    const mailbox = org.people[4]!.id;
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `/users/${mailbox}/mailboxSettings`,
    }));
    const reply = await graphPost<BatchReply>(`${graph.baseUrl}/$batch`, { requests });
    const throttled = reply.body.responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    for (const inner of throttled) {
      expect(inner.headers['Retry-After']).toBe('1');
      expect((inner.body as unknown as GraphErrorBody).error.code).toBe('ApplicationThrottled');
    }
    expect(graph.stats().throttled).toBe(2);
  });
});

describe('mailbox limits', () => {
  it('answers the 5th concurrent request to one mailbox with 429 and Retry-After, but not another mailbox', async () => {
    const graph = await emulator({ latencyMs: 150 });
    const one = org.people[5]!.id;
    const other = org.people[6]!.id;
    const replies = await Promise.all([
      ...Array.from({ length: 5 }, () => graphGet(`${graph.baseUrl}/users/${one}/calendarView?${WINDOW}`)),
      graphGet(`${graph.baseUrl}/users/${other}/calendarView?${WINDOW}`),
    ]);
    const statuses = replies.slice(0, 5).map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    const throttled = replies.find((r) => r.status === 429)!;
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((throttled.body as unknown as GraphErrorBody).error.code).toBe('ApplicationThrottled');
    expect(replies[5]!.status).toBe(200);
  });

  it('answers 429 over the requests-per-window limit with the seconds left in the window', async () => {
    const graph = await emulator({ limits: { requestsPerWindow: 3 } });
    const url = `${graph.baseUrl}/users/${org.people[7]!.id}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphGet(url)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await graphGet(url)).headers.get('retry-after')).toBe('600');
  });

  it('does not throttle when throttling is off', async () => {
    const graph = await emulator({ throttling: false, limits: { requestsPerWindow: 1 } });
    const url = `${graph.baseUrl}/users/${org.people[7]!.id}`;
    expect([(await graphGet(url)).status, (await graphGet(url)).status]).toEqual([200, 200]);
  });
});

describe('fault injection', () => {
  async function statusesFor(seed: number): Promise<number[]> {
    const graph = await emulator({
      seed,
      faultRate: 0.4,
      faultKinds: ['too-many-requests', 'internal-error', 'service-unavailable', 'gateway-timeout'],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await graphGet(`${graph.baseUrl}/users/${org.people[i % 10]!.id}`)).status);
    expect(graph.stats().faultsInjected).toBe(statuses.filter((s) => s !== 200).length);
    return statuses;
  }

  it('injects the same faults for the same seed, and different ones for another seed', async () => {
    const first = await statusesFor(42);
    const again = await statusesFor(42);
    const other = await statusesFor(43);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(new Set(first.filter((s) => s !== 200)).size).toBeGreaterThan(1);
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(3);
  });

  it('gives an injected 429 a Retry-After of 1 second', async () => {
    const graph = await emulator({ faultRate: 1, faultKinds: ['too-many-requests'] });
    const reply = await graphGet<GraphErrorBody>(`${graph.baseUrl}/users/${org.people[0]!.id}`);
    expect([reply.status, reply.headers.get('retry-after'), reply.body.error.code]).toEqual([
      429,
      '1',
      'TooManyRequests',
    ]);
  });

  it('hangs, then drops the socket, on a timeout fault', async () => {
    const graph = await emulator({ faultRate: 1, faultKinds: ['timeout'], faultHangMs: 50 });
    await expect(fetch(`${graph.baseUrl}/users/${org.people[0]!.id}`, { headers: TOKEN })).rejects.toThrow();
  });

  it('answers an inner timeout fault with an inner 504', async () => {
    const graph = await emulator({ faultRate: 1, faultKinds: ['timeout'], faultHangMs: 20 });
    const reply = await graphPost<BatchReply>(`${graph.baseUrl}/$batch`, {
      requests: [{ id: '1', method: 'GET', url: `/users/${org.people[0]!.id}` }],
    });
    expect(reply.body.responses[0]!.status).toBe(504);
  });
});

describe('lifecycle', () => {
  it('adds latency to each request', async () => {
    const graph = await emulator({ latencyMs: 60 });
    const started = Date.now();
    await graphGet(`${graph.baseUrl}/users/${org.people[0]!.id}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('closes with keep-alive connections open', async () => {
    const graph = await emulator();
    await graphGet(`${graph.baseUrl}/users/${org.people[0]!.id}`);
    await expect(graph.close()).resolves.toBeUndefined();
    await expect(fetch(`${graph.baseUrl}/users/${org.people[0]!.id}`, { headers: TOKEN })).rejects.toThrow();
  });

  it('closes while a request hangs', async () => {
    const graph = await emulator({ faultRate: 1, faultKinds: ['timeout'], faultHangMs: 60_000 });
    const pending = fetch(`${graph.baseUrl}/users/${org.people[0]!.id}`, { headers: TOKEN }).catch(
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await graph.close();
    await expect(pending).resolves.toBe('dropped');
  });
});
