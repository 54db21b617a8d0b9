import { generateOrganisation } from '../../../src/dev/generate-organisation';
import { listDemoPeople } from '../../../src/dev/demo-organisation';
import { startGraphEmulator } from '../../../src/dev/graph-emulator';
import type { GraphEmulator } from '../../../src/dev/graph-emulator';
import { followPages, graphGet } from './graph-http';
import type { Page, WireEvent } from './graph-http';

const NOW = new Date('2026-03-10T17:20:00Z');
const WEEK = 7 * 86_400_000;
const windowQuery = (fromMs: number, toMs: number) =>
  `startDateTime=${new Date(fromMs).toISOString()}&endDateTime=${new Date(toMs).toISOString()}`;
const FOUR_WEEKS = windowQuery(NOW.getTime() - 2 * WEEK, NOW.getTime() + 2 * WEEK);

interface WireUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
}
interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string } };
}

let demo: GraphEmulator;
let big: GraphEmulator;
const person = (name: string) => {
  const found = listDemoPeople(demo.org).find((p) => p.name === name);
  if (!found) throw new Error(`no demo person ${name}`);
  return found;
};

beforeAll(async () => {
  demo = await startGraphEmulator({ now: () => NOW });
  big = await startGraphEmulator({
    now: () => NOW,
    organisation: generateOrganisation({ size: 40, seed: 5, now: NOW }),
  });
});
afterAll(async () => {
  await demo.close();
  await big.close();
});

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a bearer token', async () => {
    const response = await fetch(`${demo.baseUrl}/users/${person('Avery Chen').id}`);
    const body = (await response.json()) as GraphErrorBody;
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toEqual(expect.any(String));
  });

  it('answers 401 when acceptToken refuses the token', async () => {
    const strict = await startGraphEmulator({ now: () => NOW, acceptToken: (token) => token === 'good' });
    try {
      const id = listDemoPeople(strict.org)[0]!.id;
      expect((await graphGet(`${strict.baseUrl}/users/${id}`, { Authorization: 'Bearer bad' })).status).toBe(
        401,
      );
      expect((await graphGet(`${strict.baseUrl}/users/${id}`, { Authorization: 'Bearer good' })).status).toBe(
        200,
      );
    } finally {
      await strict.close();
    }
  });
});

describe('directory', () => {
  it('finds a user by id and by user principal name with the profile fields', async () => {
    const avery = person('Avery Chen');
    const byId = await graphGet<WireUser>(`${demo.baseUrl}/users/${avery.id}`);
    const byUpn = await graphGet<WireUser>(`${demo.baseUrl}/users/${encodeURIComponent(avery.email)}`);
    expect(byId.status).toBe(200);
    expect(byUpn.body.id).toBe(avery.id);
    expect(byId.body).toMatchObject({
      displayName: 'Avery Chen',
      mail: 'avery.chen@contoso.example',
      userPrincipalName: 'avery.chen@contoso.example',
      jobTitle: 'Software Engineer',
      department: 'Engineering',
      officeLocation: 'Seattle',
    });
  });

  it('trims a user to the $select fields (and id)', async () => {
    const reply = await graphGet(`${demo.baseUrl}/users/${person('Avery Chen').id}?$select=displayName,mail`);
    const fields = Object.keys(reply.body).filter((key) => !key.startsWith('@'));
    expect(fields.sort()).toEqual(['displayName', 'id', 'mail']);
  });

  it("answers a report's manager", async () => {
    const reply = await graphGet<WireUser>(`${demo.baseUrl}/users/${person('Avery Chen').id}/manager`);
    expect(reply.body.displayName).toBe('Jordan Rivera');
  });

  it('inlines the manager, with its own $select, on a user read with $expand=manager', async () => {
    const reply = await graphGet<WireUser & { manager?: Record<string, unknown> }>(
      `${demo.baseUrl}/users/${person('Avery Chen').id}?$select=id,displayName&$expand=manager($select=id,displayName,mail)`,
    );
    expect(reply.body.displayName).toBe('Avery Chen');
    expect(reply.body.manager).toMatchObject({
      '@odata.type': '#microsoft.graph.user',
      displayName: 'Jordan Rivera',
    });
    expect(Object.keys(reply.body.manager ?? {}).sort()).toEqual([
      '@odata.type',
      'displayName',
      'id',
      'mail',
    ]);
  });

  it('leaves the manager out of an expanded user read for the top of the tree', async () => {
    const reply = await graphGet<WireUser & { manager?: unknown }>(
      `${demo.baseUrl}/users/${person('Morgan Blake').id}?$select=id,displayName&$expand=manager`,
    );
    expect(reply.status).toBe(200);
    expect('manager' in reply.body).toBe(false);
  });

  it('answers 400 for an $expand of a navigation property it does not know', async () => {
    const reply = await graphGet<GraphErrorBody>(
      `${demo.baseUrl}/users/${person('Avery Chen').id}?$expand=memberOf`,
    );
    expect(reply.status).toBe(400);
  });

  it('answers 404 Request_ResourceNotFound for the manager of the top of the tree', async () => {
    const reply = await graphGet<GraphErrorBody>(
      `${demo.baseUrl}/users/${person('Morgan Blake').id}/manager`,
    );
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('pages direct reports with absolute nextLinks', async () => {
    const { items: found, links } = await followPages(
      `${demo.baseUrl}/users/${person('Jordan Rivera').id}/directReports?$top=2`,
    );
    const items = found as WireUser[];
    expect(items.map((u) => u.displayName).sort()).toEqual(['Avery Chen', 'Riley Novak', 'Sam Patel']);
    expect(links).toHaveLength(1);
    expect(links[0]!.startsWith(`${demo.baseUrl}/`)).toBe(true);
  });

  it('answers mailbox settings with time zone and working hours', async () => {
    const reply = await graphGet<{
      timeZone: string;
      workingHours: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone: { name: string } };
    }>(`${demo.baseUrl}/users/${person('Avery Chen').id}/mailboxSettings`);
    expect(reply.body.timeZone).toBe('Pacific Standard Time');
    expect(reply.body.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'Pacific Standard Time' },
    });
    const lena = await graphGet<{ timeZone: string }>(
      `${demo.baseUrl}/users/${person('Lena Fischer').id}/mailboxSettings`,
    );
    expect(lena.body.timeZone).toBe('Europe/Berlin');
  });

  it('orders people by relevance: manager first, then reports', async () => {
    const avery = await graphGet<Page<WireUser>>(`${demo.baseUrl}/users/${person('Avery Chen').id}/people`);
    expect(avery.body.value[0]!.displayName).toBe('Jordan Rivera');
    const jordan = await graphGet<Page<WireUser>>(
      `${demo.baseUrl}/users/${person('Jordan Rivera').id}/people?$top=4`,
    );
    const names = jordan.body.value.map((p) => p.displayName);
    expect(names[0]).toBe('Morgan Blake');
    expect(names.slice(1).sort()).toEqual(['Avery Chen', 'Riley Novak', 'Sam Patel']);
    expect(jordan.body.value).toHaveLength(4);
  });

  it('answers 404 for an unknown user in the directory and in the calendar', async () => {
    const user = await graphGet<GraphErrorBody>(`${demo.baseUrl}/users/nobody@contoso.example`);
    const calendar = await graphGet<GraphErrorBody>(
      `${demo.baseUrl}/users/nobody@contoso.example/calendarView?${FOUR_WEEKS}`,
    );
    expect([user.status, user.body.error.code]).toEqual([404, 'Request_ResourceNotFound']);
    expect([calendar.status, calendar.body.error.code]).toEqual([404, 'ErrorItemNotFound']);
  });
});

describe('calendarView', () => {
  const someone = () => big.org.people[1]!;

  it('returns every event exactly once when following absolute nextLinks', async () => {
    const url = `${big.baseUrl}/users/${someone().id}/calendarView?${FOUR_WEEKS}`;
    const all = await graphGet<Page<WireEvent>>(`${url}&$top=1000`);
    const pages = await followPages(`${url}&$top=3`);
    const paged = { ...pages, items: pages.items as WireEvent[] };
    expect(all.body['@odata.nextLink']).toBeUndefined();
    expect(all.body.value.length).toBeGreaterThan(6);
    expect(paged.items.map((e) => e.id)).toEqual(all.body.value.map((e) => e.id));
    expect(new Set(paged.items.map((e) => e.id)).size).toBe(paged.items.length);
    expect(paged.links.every((link) => link.startsWith(`${big.baseUrl}/users/`))).toBe(true);
  });

  it('pages 10 events at a time by default', async () => {
    const reply = await graphGet<Page<WireEvent>>(
      `${big.baseUrl}/users/${someone().id}/calendarView?${windowQuery(NOW.getTime() - 8 * WEEK, NOW.getTime() + 8 * WEEK)}`,
    );
    expect(reply.body.value).toHaveLength(10);
    expect(reply.body['@odata.nextLink']).toContain('$skip=10');
  });

  it('trims events to the $select fields (and id)', async () => {
    const reply = await graphGet<Page<Record<string, unknown>>>(
      `${big.baseUrl}/users/${someone().id}/calendarView?${FOUR_WEEKS}&$select=subject,start`,
    );
    for (const event of reply.body.value) {
      expect(
        Object.keys(event)
          .filter((key) => !key.startsWith('@'))
          .sort(),
      ).toEqual(['id', 'start', 'subject']);
    }
  });

  it('answers in UTC when Prefer asks for UTC, in the organizer zone for some events without it', async () => {
    const url = `${big.baseUrl}/users/${someone().id}/calendarView?${windowQuery(NOW.getTime() - 8 * WEEK, NOW.getTime() + 8 * WEEK)}&$top=1000`;
    const utc = await graphGet<Page<WireEvent>>(url, { Prefer: 'outlook.timezone="UTC"' });
    const plain = await graphGet<Page<WireEvent>>(url);
    expect(utc.headers.get('preference-applied')).toBe('outlook.timezone="UTC"');
    expect(utc.body.value.every((e) => e.start.timeZone === 'UTC' && e.end.timeZone === 'UTC')).toBe(true);
    expect(plain.body.value.some((e) => e.start.timeZone !== 'UTC')).toBe(true);
  });

  it('converts times to the zone Prefer names', async () => {
    const url = `${demo.baseUrl}/users/${person('Avery Chen').id}/calendarView?${FOUR_WEEKS}&$top=1000`;
    const utc = await graphGet<Page<WireEvent>>(url, { Prefer: 'outlook.timezone="UTC"' });
    const pacific = await graphGet<Page<WireEvent>>(url, {
      Prefer: 'outlook.timezone="Pacific Standard Time"',
    });
    // After 2026-03-08 Seattle is on PDT (UTC-7).
    const first = utc.body.value.find((e) => !e.isAllDay && e.start.dateTime > '2026-03-09')!;
    const same = pacific.body.value.find((e) => e.id === first.id)!;
    expect(same.start.timeZone).toBe('Pacific Standard Time');
    const hours =
      (Date.parse(`${first.start.dateTime.slice(0, 19)}Z`) -
        Date.parse(`${same.start.dateTime.slice(0, 19)}Z`)) /
      3_600_000;
    expect(hours).toBe(7);
  });

  it('expands recurring meetings as occurrences and moved ones as exceptions of a series master', async () => {
    const events: WireEvent[] = [];
    for (const someoneElse of big.org.people.slice(0, 10)) {
      const reply = await graphGet<Page<WireEvent>>(
        `${big.baseUrl}/users/${someoneElse.id}/calendarView?${windowQuery(NOW.getTime() - 20 * WEEK, NOW.getTime())}&$top=1000`,
      );
      events.push(...reply.body.value);
    }
    const occurrences = events.filter((e) => e.type === 'occurrence');
    const exceptions = events.filter((e) => e.type === 'exception');
    expect(occurrences.length).toBeGreaterThan(0);
    expect(exceptions.length).toBeGreaterThan(0);
    expect([...occurrences, ...exceptions].every((e) => typeof e.seriesMasterId === 'string')).toBe(true);
    expect(events.some((e) => e.type === 'singleInstance' && e.seriesMasterId === null)).toBe(true);
    expect(events.some((e) => e.isCancelled && e.subject.startsWith('Canceled: '))).toBe(true);
  });

  it.each([
    ['a missing startDateTime', `endDateTime=${NOW.toISOString()}`],
    ['an end before the start', windowQuery(NOW.getTime(), NOW.getTime() - WEEK)],
    ['an unparseable date', 'startDateTime=yesterday&endDateTime=today'],
    ['an unknown $select property', `${FOUR_WEEKS}&$select=subject,colour`],
    ['a $top that is not a number', `${FOUR_WEEKS}&$top=many`],
  ])('answers 400 ErrorInvalidParameter for %s', async (_label, query) => {
    const reply = await graphGet<GraphErrorBody>(
      `${demo.baseUrl}/users/${person('Avery Chen').id}/calendarView?${query}`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ErrorInvalidParameter');
    expect(reply.body.error.innerError.date).toBe('2026-03-10T17:20:00Z');
  });
});

describe('calendarView delta', () => {
  const window = windowQuery(NOW.getTime() - WEEK, NOW.getTime() + 5 * WEEK);

  it('syncs in pages, then answers only what changed, then 410 once tokens expire', async () => {
    const org = big.org;
    const mailbox = org.people[2]!;
    const deltaUrl = `${big.baseUrl}/users/${mailbox.id}/calendarView/delta?${window}`;
    const pageSize = { Prefer: 'odata.maxpagesize=4' };

    const firstSync = await followPages(deltaUrl, pageSize);
    const initial = { ...firstSync, items: firstSync.items as WireEvent[] };
    const view = await graphGet<Page<WireEvent>>(
      `${big.baseUrl}/users/${mailbox.id}/calendarView?${window}&$top=1000`,
    );
    expect(initial.links.length).toBeGreaterThan(0);
    expect(initial.items.map((e) => e.id).sort()).toEqual(view.body.value.map((e) => e.id).sort());
    expect(initial.deltaLink).toMatch(
      new RegExp(`^${big.baseUrl}/users/.+/calendarView/delta\\?\\$deltatoken=`),
    );

    const quiet = await graphGet<Page<WireEvent>>(initial.deltaLink!);
    expect(quiet.body.value).toEqual([]);
    expect(quiet.body['@odata.nextLink']).toBeUndefined();
    expect(quiet.body['@odata.deltaLink']).toEqual(expect.any(String));

    const mutations = big.mutate({ fraction: 1, seed: 3 });
    const mine = new Map<string, string>();
    for (const mutation of mutations.filter((m) => m.participantIds.includes(mailbox.id))) {
      mine.set(mutation.iCalUId, mutation.kind);
    }
    expect(mine.size).toBeGreaterThan(0);

    const secondSync = await followPages(quiet.body['@odata.deltaLink']!, pageSize);
    const changes = { ...secondSync, items: secondSync.items as WireEvent[] };
    const removed = changes.items.filter((e) => e['@removed']);
    const changed = changes.items.filter((e) => !e['@removed']);
    expect(changed.map((e) => e.iCalUId).sort()).toEqual(
      [...mine]
        .filter(([, kind]) => kind !== 'removed')
        .map(([uid]) => uid)
        .sort(),
    );
    expect(removed).toHaveLength([...mine.values()].filter((kind) => kind === 'removed').length);
    for (const entry of removed)
      expect(entry).toEqual({
        '@odata.type': '#microsoft.graph.event',
        id: entry.id,
        '@removed': { reason: 'deleted' },
      });
    for (const event of changed) {
      if (mine.get(event.iCalUId) === 'cancelled') expect(event.isCancelled).toBe(true);
    }

    const after = await graphGet<Page<WireEvent>>(changes.deltaLink!);
    expect(after.body.value).toEqual([]);

    big.expireDeltaTokens();
    const expired = await graphGet<GraphErrorBody>(after.body['@odata.deltaLink']!);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('syncStateNotFound');
  });

  it('answers 410 syncStateNotFound for a token it never issued', async () => {
    const reply = await graphGet<GraphErrorBody>(
      `${big.baseUrl}/users/${big.org.people[0]!.id}/calendarView/delta?$deltatoken=bm90LWEtdG9rZW4`,
    );
    expect(reply.status).toBe(410);
    expect(reply.body.error.code).toBe('syncStateNotFound');
  });

  it("answers 410 for another mailbox's token", async () => {
    const first = await graphGet<Page<WireEvent>>(
      `${big.baseUrl}/users/${big.org.people[0]!.id}/calendarView/delta?${window}`,
    );
    const token = new URL(first.body['@odata.deltaLink']!).searchParams.get('$deltatoken')!;
    const reply = await graphGet(
      `${big.baseUrl}/users/${big.org.people[1]!.id}/calendarView/delta?$deltatoken=${token}`,
    );
    expect(reply.status).toBe(410);
  });

  it('shows a moved meeting at its new time on both calendars', async () => {
    const mutations = big.mutate({ fraction: 1, seed: 11 });
    const moved = mutations.find(
      (m, i) =>
        m.kind === 'moved' &&
        m.participantIds.length >= 2 &&
        !mutations.slice(i + 1).some((later) => later.iCalUId === m.iCalUId),
    )!;
    expect(moved).toBeDefined();
    const starts: string[] = [];
    for (const id of moved.participantIds) {
      const reply = await graphGet<Page<WireEvent>>(
        `${big.baseUrl}/users/${id}/calendarView?${window}&$top=1000`,
        {
          Prefer: 'outlook.timezone="UTC"',
        },
      );
      const event = reply.body.value.find((e) => e.iCalUId === moved.iCalUId);
      starts.push(event ? `${event.start.dateTime.slice(0, 19)}Z` : 'missing');
    }
    expect(new Set(starts)).toEqual(new Set([new Date(moved.start).toISOString().replace('.000', '')]));
  });
});
