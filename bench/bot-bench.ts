/**
 * Bot benchmark (not a timed test): `npm run bench:bot -- [--requests 2000] [--concurrency 50] [--warmup 2000] [--store sqlite|memory] [--json]`
 *
 * Many acknowledge invokes at once, each on its own pre-seeded recap, over HTTP through the real CloudAdapter
 * (`createCareerBot`, demo profile, SQLite store in a temporary file), against the same load on a bare botbuilder
 * bot (JSON body straight into `CloudAdapter.process`) that answers every invoke with a fixed card (the very card
 * ours answers with): the framework floor. Ours loads the Bot Framework packages as the production build does
 * (their async functions rewritten, see src/server/bot-framework-loading.ts); the floor runs them as shipped.
 * Each server runs in its own process, apart from the load generator (lean keep-alive connections, each request's
 * bytes built beforehand: support/http-load.ts), and the two are measured in alternating rounds so other work on
 * the machine weighs on both alike. Card updates for the other person (PUT/POST to a local fake connector, paced
 * at the Teams limits) run in the background during the measurement, as in production. Progress goes to stdout
 * unless --json; the last line is always one JSON object with the figures (`loadAverage1m`: how busy the machine
 * was when the run started; `loadGenerator`: its own CPU per request and event-loop stalls).
 *
 * The figures are those of a running server: both servers first answer `--warmup` requests (2,000 by default),
 * because V8 keeps optimising the turn's code for the first couple of thousand. After only 300 warm-up requests,
 * ours spent 0.87–1.10 ms of CPU per request in the first measured round and 0.44–0.61 ms in the fifth. Under
 * `--no-opt` (no optimising compiler) the rounds did not fall (0.75–1.05 ms, in no order). `cpuMsPerRequestByRound`
 * gives each server's CPU per request during its own stretch of each round: figures that still fall from round
 * to round mean the run was not yet steady.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { Writable } from 'node:stream';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createCareerBot } from '../src/bot';
import type { AdaptiveCard } from '../src/cards/adaptive-card';
import { recapAnswerCard } from '../src/cards/recap-answer/recap-answer-card';
import { toBotResponse } from '../src/bot/hosting/node-response';
import type { OneOnOne } from '../src/core/one-on-one';
import { DEFAULT_WORKING_HOURS } from '../src/core/person';
import { sendRecap, startRecap } from '../src/core/recap';
import { noCareerEvents } from '../src/ports/career-events';
import { ManualClock } from '../src/ports/clock';
import { SequentialIds } from '../src/ports/ids';
import { createLogger } from '../src/server/logger';
import type { CareerStore } from '../src/store/career-store';
import { createCareerStore } from '../src/store/career-store';
import { createMemoryCareerStore } from '../src/store/memory/memory-career-store';
import { openSqliteStore } from '../src/store/sqlite/sqlite-document-store';
import { LoadConnection, postBytes } from './support/http-load';

interface Options {
  requests: number;
  concurrency: number;
  warmup: number;
  store: 'sqlite' | 'memory';
  json: boolean;
  /** Folder for each server's CPU profile of the measured run (`ours.cpuprofile`, `floor.cpuprofile`). */
  cpuProfile: string | null;
}

const USAGE =
  'Usage: npm run bench:bot -- [--requests 2000] [--concurrency 50] [--warmup 2000] [--store sqlite|memory] [--cpu-profile DIR] [--json]';
const NOW = '2026-11-24T12:00:00.000Z';
const ROUNDS = 5;
const EMPLOYEES = 200;
const MANAGERS = 20;

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    requests: 2000,
    concurrency: 50,
    // Enough for a steady state (see the top of this file).
    warmup: 2000,
    store: 'sqlite',
    json: false,
    cpuProfile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const number = (min: number, max: number): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < min || value > max)
        throw new Error(`${String(flag)} takes a whole number from ${min} to ${max}.\n${USAGE}`);
      return value;
    };
    if (flag === '--json') options.json = true;
    else if (flag === '--requests') options.requests = number(1, 1_000_000);
    else if (flag === '--concurrency') options.concurrency = number(1, 10_000);
    else if (flag === '--warmup') options.warmup = number(0, 100_000);
    else if (flag === '--store') {
      const kind = argv[++i];
      if (kind !== 'sqlite' && kind !== 'memory') throw new Error(`--store is sqlite or memory.\n${USAGE}`);
      options.store = kind;
    } else if (flag === '--cpu-profile') {
      const folder = argv[++i];
      if (!folder) throw new Error(`--cpu-profile takes a folder.\n${USAGE}`);
      options.cpuProfile = path.resolve(folder);
    } else throw new Error(`Unknown option ${String(flag)}.\n${USAGE}`);
  }
  return options;
}

/** What a server process tells the load generator once it listens. */
interface Ready {
  type: 'ready';
  botUrl: string;
  serviceUrl: string;
  acknowledgements: { managerId: string; recapId: string }[];
}

// ---------------------------------------------------------------- server processes

const quiet = (): Writable =>
  new Writable({
    write: (_chunk, _encoding, done) => {
      done();
    },
  });

/** A connector that accepts every send and update (the bot's background card updates go here). */
async function startConnector(): Promise<string> {
  let counter = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counter += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `activity-${counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

function openStore(kind: 'sqlite' | 'memory'): { store: CareerStore; folder: string | null } {
  if (kind === 'memory') return { store: createMemoryCareerStore(), folder: null };
  const folder = mkdtempSync(path.join(tmpdir(), 'bot-bench-'));
  return { store: createCareerStore(openSqliteStore({ file: path.join(folder, 'bench.db') })), folder };
}

/** People, their 1:1s, one sent recap per acknowledgement, and the cards already sent about each. */
async function seed(
  store: CareerStore,
  count: number,
  serviceUrl: string,
): Promise<Ready['acknowledgements']> {
  const person = (id: string, name: string, managerId: string | null) => ({
    id,
    email: `${id}@contoso.example`,
    displayName: name,
    jobTitle: null,
    managerId,
    timeZone: 'Europe/London',
    workingHours: DEFAULT_WORKING_HOURS,
  });
  const managerOf = (e: number): string => `manager-${e % MANAGERS}`;
  const people = [
    ...Array.from({ length: MANAGERS }, (_, m) => person(`manager-${m}`, `Manager ${m}`, null)),
    ...Array.from({ length: EMPLOYEES }, (_, e) => person(`employee-${e}`, `Employee ${e}`, managerOf(e))),
  ];
  for (const p of people) {
    await store.savePerson(p);
    await store.saveConversation(p.id, {
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: `a:${p.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
        user: { id: `29:${p.id}`, aadObjectId: p.id },
        bot: { id: '28:bench-bot' },
      },
      installedAt: NOW,
      uninstalledAt: null,
    });
  }
  const acknowledgements: Ready['acknowledgements'] = [];
  for (let i = 0; i < count; i++) {
    const employee = `employee-${i % EMPLOYEES}`;
    const manager = managerOf(i % EMPLOYEES);
    const oneOnOne: OneOnOne = {
      id: `${employee}:evt-${i}`,
      ownerId: employee,
      eventId: `evt-${i}`,
      seriesId: null,
      counterpart: { address: `${manager}@contoso.example`, name: `Manager ${manager}`, personId: manager },
      relationship: 'manager',
      startsAt: '2026-11-24T09:00:00.000Z',
      endsAt: '2026-11-24T09:30:00.000Z',
      status: 'scheduled',
    };
    await store.saveOneOnOne(oneOnOne);
    const draft = startRecap({
      id: `${employee}~recap-${i}`,
      oneOnOneId: oneOnOne.id,
      authorId: employee,
      recipientId: manager,
      requiresAcknowledgement: true,
      content: {
        topics: ['Learning: pricing experiments'],
        actions: [{ id: 'a1', text: 'Book a session', owner: 'author', dueOn: '2026-12-01' }],
      },
      now: '2026-11-24T10:00:00.000Z',
    });
    const sent = sendRecap(draft, employee, '2026-11-24T10:05:00.000Z');
    if (!sent.ok) throw sent.error;
    await store.saveRecap(sent.value.recap, null);
    for (const [personId, purpose] of [
      [employee, 'recap-author:v1'],
      [manager, 'recap-recipient:v1'],
    ] as const) {
      await store.saveCardActivity({
        subjectId: draft.id,
        personId,
        purpose,
        activityId: `card-${i}-${personId}`,
        conversationId: `a:${personId}`,
        version: 1,
      });
    }
    acknowledgements.push({ managerId: manager, recapId: draft.id });
  }
  return acknowledgements;
}

async function serveOurs(options: Options, count: number): Promise<void> {
  const serviceUrl = await startConnector();
  const { store, folder } = openStore(options.store);
  const acknowledgements = await seed(store, count, serviceUrl);
  const bot = createCareerBot({
    deps: { store, clock: new ManualClock(NOW), ids: new SequentialIds('bench'), events: noCareerEvents },
    auth: { profile: 'demo' },
    logger: createLogger({ level: 'info', destination: quiet() }),
  });
  const botUrl = await listen((req, res) => void bot.handleMessages(req, res));
  answerReports(options.cpuProfile && path.join(options.cpuProfile, 'ours.cpuprofile'), () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  process.send?.({ type: 'ready', botUrl, serviceUrl, acknowledgements } satisfies Ready);
}

/**
 * The floor: Node's HTTP server and botbuilder's CloudAdapter as shipped, with a turn that only answers with a
 * fixed card: the very card ours answers with (rendered once here), so the difference is our work, not the payload.
 */
async function serveFloor(options: Options): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const card = fixedCard();
  const botUrl = await listen((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      await adapter.process(
        { body, headers: req.headers, method: 'POST' },
        toBotResponse(res),
        async (context) => {
          await context.sendActivity({
            type: 'invokeResponse',
            value: {
              status: 200,
              body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
            },
          });
        },
      );
    })();
  });
  answerReports(options.cpuProfile && path.join(options.cpuProfile, 'floor.cpuprofile'), () => undefined);
  process.send?.({
    type: 'ready',
    botUrl,
    serviceUrl: 'http://127.0.0.1:9/',
    acknowledgements: [],
  } satisfies Ready);
}

/**
 * `mark` starts the CPU count and the event-loop delay histogram for the measured run (and the CPU profiler,
 * with `--cpu-profile`); `stop` answers with peak RSS, CPU use and how long the loop was held up, then exits.
 */
function answerReports(profileFile: string | null, cleanUp: () => void): void {
  let since = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  const profiler = profileFile ? new inspector.Session() : null;
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      profiler?.post(method, (error, result) => {
        if (error) reject(error);
        else resolve(result);
      });
    });
  process.on('message', (message) => {
    if ((message as { type?: string }).type === 'cpu') {
      const cpu = process.cpuUsage();
      process.send?.({ type: 'cpu', cpuMs: (cpu.user + cpu.system) / 1000 } satisfies CpuReading);
      return;
    }
    if ((message as { type?: string }).type === 'mark') {
      if (profiler) {
        profiler.connect();
        void post('Profiler.enable').then(() => post('Profiler.start'));
      }
      since = process.cpuUsage();
      loopDelay.reset();
      loopDelay.enable();
      return;
    }

    loopDelay.disable();
    const cpu = process.cpuUsage(since);
    const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
    const report: ServerStats = {
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      loopDelayP99Ms: ms(loopDelay.percentile(99)),
      loopDelayMaxMs: ms(loopDelay.max),
    };
    const saveProfile = async (): Promise<void> => {
      if (!profiler || !profileFile) return;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      mkdirSync(path.dirname(profileFile), { recursive: true });
      writeFileSync(profileFile, JSON.stringify(profile));
    };
    void saveProfile().then(() => {
      process.send?.({ type: 'report', ...report }, () => {
        cleanUp();
        process.exit(0);
      });
    });
  });
}

function fixedCard(): AdaptiveCard {
  const sent = sendRecap(
    startRecap({
      id: 'employee-0~recap-0',
      oneOnOneId: 'employee-0:evt-0',
      authorId: 'employee-0',
      recipientId: 'manager-0',
      requiresAcknowledgement: true,
      content: {
        topics: ['Learning: pricing experiments'],
        actions: [{ id: 'a1', text: 'Book a session', owner: 'author', dueOn: '2026-12-01' }],
      },
      now: '2026-11-24T10:00:00.000Z',
    }),
    'employee-0',
    '2026-11-24T10:05:00.000Z',
  );
  if (!sent.ok) throw sent.error;
  const recap = {
    ...sent.value.recap,
    state: 'acknowledged' as const,
    acknowledgedAt: NOW,
    acknowledgedBy: 'manager-0',
  };
  return recapAnswerCard(
    {
      recap,
      oneOnOne: null,
      authorName: 'Employee 0',
      recipientName: 'Manager 0',
      timeZone: 'Europe/London',
      refreshUserIds: ['29:employee-0', '29:manager-0'],
    },
    { cardVersion: 1, notice: { text: 'Thanks. Employee can see you acknowledged it.', tone: 'good' } },
  );
}

// ---------------------------------------------------------------- load generator

interface Measured {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  rps: number;
  errors: number;
}

/** What one stretch of load saw. */
interface Stretch {
  latencies: number[];
  seconds: number;
  errors: number;
}

/** Both servers run with the Node flags the app's server runs with (`npm start`, infra/azure.bicep). */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=150'];

function startServer(
  role: 'ours' | 'floor',
  argv: readonly string[],
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      path.resolve(__dirname, '../scripts/run-ts.cjs'),
      // Ours loads the Bot Framework as the app's build does (src/server/bot-framework-loading.ts); the floor
      // is botbuilder as shipped.
      ...(role === 'floor' ? ['--bot-framework-as-shipped'] : []),
      __filename,
      '--serve',
      role,
      ...argv,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      resolve({ child, ready: message as Ready });
    });
    child.once('exit', (code) => {
      reject(new Error(`The ${role} server exited early (${String(code)}).`));
    });
  });
}

interface ServerStats {
  peakRssMb: number;
  /** CPU time the server spent since `mark`, in milliseconds. */
  cpuMs: number;
  /** How late the server's event loop ran its timers during the measured run (a held-up loop delays every request). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** A server's CPU time since it started (all its threads), in milliseconds. */
interface CpuReading {
  type: 'cpu';
  cpuMs: number;
}

function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const listener = (message: unknown): void => {
      if ((message as { type?: string }).type !== 'cpu') return;
      child.off('message', listener);
      resolve((message as CpuReading).cpuMs);
    };
    child.on('message', listener);
    child.send({ type: 'cpu' });
  });
}

/** A stretch of load on one server, with how many requests it sent and the CPU the server spent meanwhile. */
type ServerStretch = Stretch & { requests: number; cpuMs: number };

async function measuredStretch(
  server: { child: ChildProcess },
  connections: readonly LoadConnection[],
  requests: readonly Buffer[],
  concurrency: number,
): Promise<ServerStretch> {
  const before = await cpuOf(server.child);
  const stretch = await load(connections, requests, concurrency);
  return { ...stretch, requests: requests.length, cpuMs: (await cpuOf(server.child)) - before };
}

function stopServer(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('message', (message) => {
      resolve(message as ServerStats);
    });
    child.send({ type: 'stop' });
  });
}

function invokeBody(ready: Ready, ack: { managerId: string; recapId: string }, n: number): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${n}`,
    channelId: 'msteams',
    serviceUrl: ready.serviceUrl,
    from: { id: `29:${ack.managerId}`, aadObjectId: ack.managerId },
    recipient: { id: '28:bench-bot' },
    conversation: { id: `a:${ack.managerId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    replyToId: `card-${n}`,
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'acknowledgeRecap',
        data: { recapId: ack.recapId, version: 1 },
      },
      trigger: 'manual',
    },
  });
}

/** What an acknowledge answer must say (checked on every answer, ours and the floor's: the same card). */
const ACKNOWLEDGED = Buffer.from('You acknowledged this recap.');

async function load(
  connections: readonly LoadConnection[],
  requests: readonly Buffer[],
  concurrency: number,
): Promise<Stretch> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (connection: LoadConnection): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const t0 = performance.now();
      try {
        const answer = await connection.send(request);
        latencies.push(performance.now() - t0);
        if (answer.status !== 200 || !answer.body.includes(ACKNOWLEDGED)) errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(connections.slice(0, Math.min(concurrency, requests.length)).map(worker));
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

function summarise(stretches: readonly Stretch[]): Measured {
  const latencies = stretches.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = stretches.reduce((sum, s) => sum + s.seconds, 0);
  const at = (q: number): number =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100) /
    100;
  return {
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: at(1),
    rps: Math.round(latencies.length / seconds),
    errors: stretches.reduce((sum, s) => sum + s.errors, 0),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const serveAt = argv.indexOf('--serve');
  if (serveAt >= 0) {
    const role = argv[serveAt + 1];
    const options = parseOptions(argv.filter((_, i) => i !== serveAt && i !== serveAt + 1));
    if (role === 'floor') return serveFloor(options);
    return serveOurs(options, options.requests + options.warmup);
  }
  const options = parseOptions(argv);
  const say = (line: string): void => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  // Both figures are CPU-bound: a busy machine (other processes on the same cores) lowers them, so say how busy.
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  say(
    `Seeding ${options.requests + options.warmup} sent recaps (${options.store}); starting our bot and the floor...`,
  );
  const ours = await startServer('ours', argv);
  const floor = await startServer('floor', argv);
  const bodies = ours.ready.acknowledgements.map((ack, n) => invokeBody(ours.ready, ack, n));
  // Each request's bytes are built now, for each server, so the measured run only writes and reads them.
  const requestsFor = (botUrl: string): Buffer[] => {
    const url = new URL(botUrl);
    return bodies.map((body) => postBytes(url, body));
  };
  const requests = { ours: requestsFor(ours.ready.botUrl), floor: requestsFor(floor.ready.botUrl) };
  // One keep-alive connection per concurrent caller, opened during the warm-up: the measured run sees requests,
  // not TCP connection set-up (a burst of new connections is served one per event-loop turn).
  const connectionsTo = (botUrl: string): LoadConnection[] =>
    Array.from({ length: options.concurrency }, () => new LoadConnection(new URL(botUrl)));
  const connections = { ours: connectionsTo(ours.ready.botUrl), floor: connectionsTo(floor.ready.botUrl) };
  say(`Warming up with ${options.warmup} requests each...`);
  await load(connections.ours, requests.ours.slice(0, options.warmup), options.concurrency);
  await load(connections.floor, requests.floor.slice(0, options.warmup), options.concurrency);

  // Alternating rounds, so whatever else the machine is doing weighs on both about the same.
  say(
    `${options.requests} acknowledge invokes each at concurrency ${options.concurrency}, in ${ROUNDS} alternating rounds...`,
  );
  ours.child.send({ type: 'mark' });
  floor.child.send({ type: 'mark' });
  // The load generator's own cost and stalls (on the same cores as the servers), reported beside theirs.
  const generatorLoop = monitorEventLoopDelay({ resolution: 1 });
  generatorLoop.enable();
  const generatorCpu = process.cpuUsage();
  const measured = { ours: requests.ours.slice(options.warmup), floor: requests.floor.slice(options.warmup) };
  const oursStretches: ServerStretch[] = [];
  const floorStretches: ServerStretch[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const from = Math.floor((round * options.requests) / ROUNDS);
    const to = Math.floor(((round + 1) * options.requests) / ROUNDS);
    oursStretches.push(
      await measuredStretch(ours, connections.ours, measured.ours.slice(from, to), options.concurrency),
    );
    floorStretches.push(
      await measuredStretch(floor, connections.floor, measured.floor.slice(from, to), options.concurrency),
    );
  }
  generatorLoop.disable();
  const generatorCpuMs = ((cpu) => (cpu.user + cpu.system) / 1000)(process.cpuUsage(generatorCpu));
  const loadGenerator = {
    cpuMsPerRequest: Math.round((generatorCpuMs / (2 * options.requests)) * 1000) / 1000,
    loopDelayP99Ms: Math.round(generatorLoop.percentile(99) / 1e4) / 100,
  };
  for (const connection of [...connections.ours, ...connections.floor]) connection.close();
  const oursStats = await stopServer(ours.child);
  const floorStats = await stopServer(floor.child);
  const oursResult = summarise(oursStretches);
  const floorResult = summarise(floorStretches);
  const peakRssMb = oursStats.peakRssMb;
  const perRequest = (stats: ServerStats): number =>
    Math.round((stats.cpuMs / options.requests) * 1000) / 1000;
  // Each server's CPU during its own stretches only, per request: a run still warming up shows falling figures.
  const byRound = (stretches: readonly ServerStretch[]): number[] =>
    stretches.map((s) => Math.round((s.cpuMs / Math.max(1, s.requests)) * 1000) / 1000);
  const cpuByRound = { ours: byRound(oursStretches), floor: byRound(floorStretches) };
  say(
    `server CPU per request: ours ${perRequest(oursStats)} ms (background card updates included), floor ${perRequest(floorStats)} ms`,
  );
  say(
    `  in each round's own stretch: ours ${cpuByRound.ours.join(' / ')} ms, floor ${cpuByRound.floor.join(' / ')} ms`,
  );

  const ratio = Math.round((oursResult.rps / floorResult.rps) * 100) / 100;
  say(
    `ours:  p50 ${oursResult.p50Ms} ms, p90 ${oursResult.p90Ms} ms, p99 ${oursResult.p99Ms} ms, max ${oursResult.maxMs} ms, ${oursResult.rps} req/s, ${oursResult.errors} errors`,
  );
  say(
    `floor: p50 ${floorResult.p50Ms} ms, p90 ${floorResult.p90Ms} ms, p99 ${floorResult.p99Ms} ms, max ${floorResult.maxMs} ms, ${floorResult.rps} req/s, ${floorResult.errors} errors`,
  );
  say(`ratio ${ratio} (target >= 0.7), ours p99 target <= 50 ms, peak RSS of ours ${peakRssMb} MB`);
  process.stdout.write(
    `${JSON.stringify({
      requests: options.requests,
      concurrency: options.concurrency,
      store: options.store,
      ours: {
        ...oursResult,
        loopDelayP99Ms: oursStats.loopDelayP99Ms,
        loopDelayMaxMs: oursStats.loopDelayMaxMs,
      },
      floor: {
        ...floorResult,
        loopDelayP99Ms: floorStats.loopDelayP99Ms,
        loopDelayMaxMs: floorStats.loopDelayMaxMs,
      },
      ratio,
      peakRssMb,
      cpuMsPerRequest: { ours: perRequest(oursStats), floor: perRequest(floorStats) },
      cpuMsPerRequestByRound: cpuByRound,
      warmup: options.warmup,
      loadAverage1m: loadBefore,
      loadGenerator,
      serverNodeFlags: SERVER_NODE_FLAGS,
    })}\n`,
  );
}

if (process.argv[1] === __filename)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
