/**
 * The production Graph code uses @microsoft/microsoft-graph-client with its own middleware chain over
 * plain http. These tests drive the emulator through that SDK to prove the wire format fits it.
 */
import { Client, GraphError, HTTPMessageHandler, PageIterator } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { startGraphEmulator } from '../../../src/dev/graph-emulator';
import type { GraphEmulator } from '../../../src/dev/graph-emulator';

const NOW = new Date('2026-03-10T17:20:00Z');
const WINDOW = { startDateTime: '2026-02-01T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z' };

/** The SDK's own AuthenticationHandler only signs https hosts, so a plain-http chain adds the header itself. */
class BearerToken implements Middleware {
  private next: Middleware | undefined;
  async execute(context: Context): Promise<void> {
    const headers = {
      ...(context.options?.headers as Record<string, string> | undefined),
      Authorization: 'Bearer t',
    };
    context.options = { ...context.options, headers };
    if (!this.next) throw new Error('BearerToken needs a next middleware.');
    await this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

let graph: GraphEmulator;
let client: Client;
beforeAll(async () => {
  graph = await startGraphEmulator({
    now: () => NOW,
    organisation: generateOrganisation({ size: 20, seed: 4, now: NOW }),
  });
  const chain = new BearerToken();
  chain.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `http://127.0.0.1:${graph.port}/`,
    defaultVersion: 'v1.0',
  });
});
afterAll(() => graph.close());

it('pages calendarView with the SDK PageIterator, every event once', async () => {
  const mailbox = graph.org.people[3]!.id;
  const expected = (await client
    .api(`/users/${mailbox}/calendarView`)
    .query(WINDOW)
    .top(1000)
    .select('id')
    .get()) as {
    value: { id: string }[];
  };
  const first: unknown = await client
    .api(`/users/${mailbox}/calendarView`)
    .query(WINDOW)
    .top(4)
    .select('id,start')
    .get();
  const seen: string[] = [];
  await new PageIterator(client, first as never, (event: { id: string }) => {
    seen.push(event.id);
    return true;
  }).iterate();
  expect(seen).toEqual(expected.value.map((event) => event.id));
  expect(seen.length).toBeGreaterThan(4);
});

it('runs a delta sync with the SDK PageIterator to a deltaLink', async () => {
  const mailbox = graph.org.people[5]!.id;
  const preferSmallPages = { Prefer: 'odata.maxpagesize=3' };
  const first: unknown = await client
    .api(`/users/${mailbox}/calendarView/delta`)
    .query(WINDOW)
    .headers(preferSmallPages)
    .get();
  let count = 0;
  const iterator = new PageIterator(client, first as never, () => ++count > 0, { headers: preferSmallPages });
  await iterator.iterate();
  expect(count).toBeGreaterThan(3);
  const again = (await client.api(iterator.getDeltaLink()!).get()) as { value: unknown[] };
  expect(again.value).toEqual([]);
});

it('surfaces Graph error codes through the SDK', async () => {
  const mailbox = graph.org.people[5]!.id;
  const failure: unknown = await client
    .api(`/users/${mailbox}/calendarView/delta`)
    .query({ $deltatoken: 'stale' })
    .get()
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(GraphError);
  expect(failure).toMatchObject({ statusCode: 410, code: 'syncStateNotFound' });
});
