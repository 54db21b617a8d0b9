import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { startGraphEmulator } from '../../../src/dev/graph-emulator';
import type { GraphEmulator } from '../../../src/dev/graph-emulator';
import { createGraphAdapters } from '../../../src/graph/graph-adapters';
import { DEMO_GRAPH_TOKEN, DemoTokenProvider } from '../../../src/identity/token-provider';
import { followPages, graphGet, graphPost } from './graph-http';
import type { Page } from './graph-http';

const NOW = new Date('2026-03-10T17:20:00Z');
const USER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle';

interface WireUser {
  id: string;
  displayName: string;
  mail: string;
}
interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}
interface BatchReply {
  responses: { id: string; status: number; body: unknown }[];
}

/** The people search's request path, built as `GraphDirectory.searchPeople` builds it. */
function peopleSearchPath(text: string, top: number): string {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  const filter = encodeURIComponent(`startswith(displayName,${quoted}) or startswith(mail,${quoted})`);
  return `/users?$filter=${filter}&$top=${Math.min(top + 1, 999)}&$select=${USER_FIELDS}`;
}

let demo: GraphEmulator;
let generated: GraphEmulator;
beforeAll(async () => {
  demo = await startGraphEmulator({ now: () => NOW });
  generated = await startGraphEmulator({
    now: () => NOW,
    acceptToken: (token) => token === DEMO_GRAPH_TOKEN,
    organisation: generateOrganisation({ size: 150, seed: 11, now: NOW }),
  });
});
afterAll(async () => {
  await demo.close();
  await generated.close();
});

describe('GET /users?$filter', () => {
  it('answers the people search with only the people whose name or address starts with the text', async () => {
    const reply = await graphGet<Page<WireUser>>(`${demo.baseUrl}${peopleSearchPath('mo', 10)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.value.map((user) => user.displayName)).toEqual(
      demo.org.people
        .filter((p) => p.displayName.toLowerCase().startsWith('mo') || p.mail.startsWith('mo'))
        .map((p) => p.displayName),
    );
    expect(reply.body.value.map((user) => user.displayName)).toContain('Morgan Blake');
    expect(reply.body.value.every((user) => Object.keys(user).length === 6)).toBe(true);
  });

  it('answers the people search with nobody when only a surname matches', async () => {
    const reply = await graphGet<Page<WireUser>>(`${demo.baseUrl}${peopleSearchPath('Garcia', 10)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  it('answers a malformed filter with 400 and Graph’s error body', async () => {
    const filter = encodeURIComponent("startswith(displayName,'Mo)");
    const reply = await graphGet<GraphErrorBody>(`${demo.baseUrl}/users?$filter=${filter}`, {
      'client-request-id': 'search-1',
    });
    expect(reply.status).toBe(400);
    const { code, message, innerError } = reply.body.error;
    expect({ code, message }).toEqual({
      code: 'BadRequest',
      message:
        "Invalid filter clause: There is an unterminated string literal at position 23 in 'startswith(displayName,'Mo)'.",
    });
    expect(innerError['client-request-id']).toBe('search-1');
    expect(innerError['request-id']).toBe(reply.headers.get('request-id'));
    expect(Number.isNaN(Date.parse(innerError.date))).toBe(false);
  });

  it('answers a filter Graph runs only as an advanced query with 400 Request_UnsupportedQuery', async () => {
    const filter = encodeURIComponent("displayName ne 'Morgan Blake'");
    const reply = await graphGet<GraphErrorBody>(`${demo.baseUrl}/users?$filter=${filter}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('Request_UnsupportedQuery');
    expect(reply.body.error.message).toMatch(/^Operator 'ne' is not supported/);
  });

  it('pages through the filtered people, every next link carrying the filter', async () => {
    const chosen = generated.org.people.filter((_, index) => index % 20 === 3);
    const filter = chosen.map((p) => `id eq '${p.id}'`).join(' or ');
    const first = `${generated.baseUrl}/users?$filter=${encodeURIComponent(filter)}&$top=3&$select=displayName`;
    const { items, links } = await followPages(first, { Authorization: `Bearer ${DEMO_GRAPH_TOKEN}` });
    expect(items).toEqual(
      chosen.map((p) => ({ '@odata.type': '#microsoft.graph.user', id: p.id, displayName: p.displayName })),
    );
    expect(links).toHaveLength(Math.ceil(chosen.length / 3) - 1);
    for (const link of links) expect(new URL(link).searchParams.get('$filter')).toBe(filter);
  });

  it('honours the filter in a $batch inner request, and refuses a bad one there on its own', async () => {
    const reply = await graphPost<BatchReply>(`${demo.baseUrl}/$batch`, {
      requests: [
        { id: 'search', method: 'GET', url: peopleSearchPath('Sam', 5) },
        {
          id: 'bad',
          method: 'GET',
          url: `/users?$filter=${encodeURIComponent("contains(displayName,'a')")}`,
        },
      ],
    });
    expect(reply.status).toBe(200);
    const search = reply.body.responses.find((r) => r.id === 'search');
    const bad = reply.body.responses.find((r) => r.id === 'bad');
    expect(search?.status).toBe(200);
    expect((search?.body as Page<WireUser>).value.map((user) => user.displayName)).toEqual(['Sam Patel']);
    expect(bad?.status).toBe(400);
    expect((bad?.body as GraphErrorBody).error.code).toBe('Request_UnsupportedQuery');
  });
});

describe('the Graph directory adapter against the emulator', () => {
  it('finds someone far down the directory by a name prefix, within the page it asks for', async () => {
    const { directory } = createGraphAdapters({
      baseUrl: generated.baseUrl,
      tokens: new DemoTokenProvider(),
    });
    const [searcher] = generated.org.people;
    const target = generated.org.people.at(-1);
    if (!searcher || !target) throw new Error('the generated organisation is empty');
    const prefix = target.displayName.slice(0, -1);
    const found = await directory.searchPeople(searcher.id, prefix, 3);
    expect(found.map((user) => user.id)).toContain(target.id);
    expect(found.length).toBeLessThanOrEqual(3);
    for (const user of found)
      expect(
        [user.displayName, user.email].some((text) => text.toLowerCase().startsWith(prefix.toLowerCase())),
      ).toBe(true);
  });
});
