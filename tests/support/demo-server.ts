/**
 * A demo server for browser tests and the tab bench: the real API router, the built tab under /tab, and an
 * in-memory store seeded with the demo organisation's people and a few weeks of 1:1s, agendas and recaps
 * (written through the use cases, so the data is what the product itself would have stored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApiRouter } from '../../src/api/create-api-router';
import { demoAuthentication } from '../../src/api/demo-authentication';
import { mountStaticFiles } from '../../src/api/static-files';
import { shareAgenda } from '../../src/app/agenda/share-agenda';
import { saveAgenda } from '../../src/app/agenda/save-agenda';
import type { AppDeps } from '../../src/app/deps';
import { acknowledgeRecap } from '../../src/app/recap/answer-recap';
import { sendRecap } from '../../src/app/recap/send-recap';
import { writeRecap } from '../../src/app/recap/write-recap';
import { updateActionStatus } from '../../src/app/actions/update-action';
import type { AgendaInput } from '../../src/core/agenda';
import type { OneOnOne, Relationship } from '../../src/core/one-on-one';
import type { Person } from '../../src/core/person';
import { DEFAULT_WORKING_HOURS } from '../../src/core/person';
import type { RecapContent } from '../../src/core/recap';
import { demoPeople } from '../../src/dev/demo-people';
import { RecordedCareerEvents } from '../../src/ports/career-events';
import { ManualClock } from '../../src/ports/clock';
import { SequentialIds } from '../../src/ports/ids';
import { createHttpServer } from '../../src/server/http/http-server';
import { Router } from '../../src/server/http/router';
import { createLogger } from '../../src/server/logger';
import type { CareerStore } from '../../src/store/career-store';
import { createMemoryCareerStore } from '../../src/store/memory/memory-career-store';

const ROOT = path.resolve(__dirname, '../..');

/** Tuesday 24 November 2026, 09:00 in Seattle: the demo's "now". */
export const DEMO_NOW = '2026-11-24T17:00:00.000Z';

export interface DemoCast {
  avery: Person;
  jordan: Person;
  sam: Person;
  riley: Person;
  lena: Person;
  priya: Person;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Where the tab is: `${origin}/tab/`. */
  tabUrl: string;
  store: CareerStore;
  clock: ManualClock;
  cast: DemoCast;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** The built tab to serve; when absent, one is built for this server and removed on close. */
  tabDir?: string;
}

/** Builds the production tab (child process: the build script is an ES module) and returns its folder. */
export function buildTab(outDir = path.join(ROOT, `test-results/tab-build-${process.pid}`)): string {
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs', '--out', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`Building the tab failed:\n${built.stderr}${built.stdout}`);
  return outDir;
}

export interface TabBuildInfo {
  entry: string;
  initialFiles: string[];
  allFiles: string[];
  hostOnlyFiles: string[];
}

export function readBuildInfo(tabDir: string): TabBuildInfo {
  return JSON.parse(readFileSync(path.join(tabDir, 'build-info.json'), 'utf8')) as TabBuildInfo;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const tabDir = options.tabDir ?? buildTab();
  const ownBuild = options.tabDir === undefined;
  if (!existsSync(path.join(tabDir, 'index.html'))) throw new Error(`No built tab in ${tabDir}.`);
  const store = createMemoryCareerStore();
  const clock = new ManualClock(DEMO_NOW);
  const deps: AppDeps = { store, clock, ids: new SequentialIds('demo'), events: new RecordedCareerEvents() };
  const cast = await seedDemoWorld(deps, clock);

  const router = new Router();
  createApiRouter({ deps, authenticate: demoAuthentication(store), profile: 'demo', router });
  mountStaticFiles(router, { root: tabDir, urlPrefix: '/tab' });
  const server: Server = createHttpServer(router, createLogger({ level: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tabUrl: `${origin}/tab/`,
    store,
    clock,
    cast,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (ownBuild) rmSync(tabDir, { recursive: true, force: true });
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** The demo's people, and the history that makes every view worth looking at. */
export async function seedDemoWorld(deps: AppDeps, clock: ManualClock): Promise<DemoCast> {
  const people = demoPeople().map((p): Person => ({
    id: p.id,
    email: p.mail,
    displayName: p.displayName,
    jobTitle: p.jobTitle,
    managerId: p.managerIndex === null ? null : (demoPeople()[p.managerIndex]?.id ?? null),
    timeZone: p.zone,
    workingHours: DEFAULT_WORKING_HOURS,
  }));
  for (const person of people) await deps.store.savePerson(person);
  const byName = (first: string): Person => {
    const found = people.find((p) => p.displayName.startsWith(`${first} `));
    if (!found) throw new Error(`The demo organisation has no ${first}.`);
    return found;
  };
  const cast: DemoCast = {
    avery: byName('Avery'),
    jordan: byName('Jordan'),
    sam: byName('Sam'),
    riley: byName('Riley'),
    lena: byName('Lena'),
    priya: byName('Priya'),
  };
  const { avery, jordan, sam, lena, priya } = cast;

  let event = 0;
  const meet = async (
    owner: Person,
    other: Person,
    relationship: Relationship,
    startsAt: string,
  ): Promise<OneOnOne> => {
    event += 1;
    const oneOnOne: OneOnOne = {
      id: `${owner.id}:demo-event-${event}`,
      ownerId: owner.id,
      eventId: `demo-event-${event}`,
      seriesId: null,
      counterpart: { address: other.email, name: other.displayName, personId: other.id },
      relationship,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      status: 'scheduled',
    };
    await deps.store.saveOneOnOne(oneOnOne);
    return oneOnOne;
  };
  /** Both calendars show a 1:1 between an employee and their manager. */
  const managerOneOnOne = async (employee: Person, startsAt: string): Promise<OneOnOne> => {
    const mine = await meet(employee, jordan, 'manager', startsAt);
    await meet(jordan, employee, 'directReport', startsAt);
    return mine;
  };
  const agenda = (input: Partial<AgendaInput>): AgendaInput => ({
    learningFocus: '',
    knowledgeHolders: [],
    asks: [],
    carriedActionIds: [],
    privateNotes: '',
    ...input,
  });
  const recap = async (
    author: Person,
    oneOnOne: OneOnOne,
    content: RecapContent,
    send = true,
  ): Promise<string> => {
    const written = await writeRecap(deps, { actorId: author.id, oneOnOneId: oneOnOne.id, content });
    if (send) await sendRecap(deps, author.id, written.id);
    return written.id;
  };

  // Three weeks ago: Avery and Jordan talk about moving towards data work; Jordan confirms the recap.
  clock.set('2026-11-03T17:00:00.000Z');
  const early = await managerOneOnOne(avery, '2026-11-03T17:30:00.000Z');
  await saveAgenda(deps, {
    actorId: avery.id,
    oneOnOneId: early.id,
    baseRevision: null,
    input: agenda({
      learningFocus: 'How our data platform models events end to end',
      knowledgeHolders: [{ label: priya.displayName, personId: priya.id }],
      asks: [{ wanted: 'A rotation on the data platform team', support: 'An introduction to their lead' }],
    }),
  });
  clock.set('2026-11-03T18:30:00.000Z');
  const firstRecap = await recap(avery, early, {
    topics: ['Interest in data platform work', 'What a rotation could look like'],
    actions: [
      {
        id: 'a1',
        text: 'Introduce Avery to the data platform lead',
        owner: 'recipient',
        dueOn: '2026-11-10',
      },
      { id: 'a2', text: 'Read the event modelling guide', owner: 'author', dueOn: '2026-11-20' },
    ],
  });
  clock.set('2026-11-04T17:00:00.000Z');
  const firstVersion = (await deps.store.getRecap(firstRecap))?.recap.version ?? 1;
  await acknowledgeRecap(deps, { actorId: jordan.id, recapId: firstRecap, version: firstVersion });
  await updateActionStatus(deps, { actorId: jordan.id, actionId: `${firstRecap}.a1`, status: 'done' });

  // A curiosity conversation with Priya (Data), recapped for reference.
  clock.set('2026-11-10T19:00:00.000Z');
  const coffee = await meet(avery, priya, 'peer', '2026-11-10T19:00:00.000Z');
  await saveAgenda(deps, {
    actorId: avery.id,
    oneOnOneId: coffee.id,
    baseRevision: null,
    input: agenda({ learningFocus: 'How Priya plans schema changes without breaking consumers' }),
  });
  clock.set('2026-11-10T20:00:00.000Z');
  await recap(avery, coffee, {
    topics: ['Schema versioning habits', 'Where the team keeps its design notes'],
    actions: [
      { id: 'a1', text: 'Send Priya my questions on event contracts', owner: 'author', dueOn: '2026-11-13' },
    ],
  });

  // Last week: the recap is sent and waits for Jordan.
  clock.set('2026-11-17T17:00:00.000Z');
  const lastWeek = await managerOneOnOne(avery, '2026-11-17T17:30:00.000Z');
  clock.set('2026-11-17T18:30:00.000Z');
  await recap(avery, lastWeek, {
    topics: ['Progress on the event modelling guide', 'Possible start date for the rotation'],
    actions: [
      {
        id: 'a1',
        text: 'Check rotation timing with the platform lead',
        owner: 'recipient',
        dueOn: '2026-11-27',
      },
      { id: 'a2', text: 'Draft a learning plan for the rotation', owner: 'author', dueOn: '2026-12-04' },
    ],
  });

  // Sam shares an agenda for the next 1:1 and has an old recap Jordan never answered.
  clock.set('2026-11-16T15:00:00.000Z');
  const samPast = await managerOneOnOne(sam, '2026-11-16T15:00:00.000Z');
  clock.set('2026-11-16T16:00:00.000Z');
  await recap(sam, samPast, {
    topics: ['Mentoring a new joiner'],
    actions: [
      { id: 'a1', text: 'Find Sam a mentee for the next quarter', owner: 'recipient', dueOn: '2026-11-20' },
    ],
  });

  clock.set(DEMO_NOW);
  // Coming up: Avery with Jordan on Thursday, a curiosity conversation with Lena on Friday; Sam with Jordan.
  await managerOneOnOne(avery, '2026-11-26T17:30:00.000Z');
  await meet(avery, lena, 'peer', '2026-11-27T19:00:00.000Z');
  const samNext = await managerOneOnOne(sam, '2026-11-25T15:00:00.000Z');
  await saveAgenda(deps, {
    actorId: sam.id,
    oneOnOneId: samNext.id,
    baseRevision: null,
    input: agenda({
      learningFocus: 'Leading a design review on my own',
      asks: [{ wanted: 'Own the next architecture review', support: 'Feedback on my first draft' }],
      privateNotes: 'Not sure I am ready: ask how others prepared.',
    }),
  });
  await shareAgenda(deps, sam.id, samNext.id);
  return cast;
}
