/**
 * Calendar sync benchmark (not a timed test): `npm run bench:sync -- [--users N] [--json] [--fault-rate R] ...`
 *
 * One run, against the Graph emulator (in a child process: it stands in for Microsoft's servers, so its memory
 * stays out of the figures; it still shares the cores) with per-request latency (default 20 ms) and Outlook's
 * documented per-mailbox throttling on (4 concurrent, 10,000 per 10 minutes):
 * - ours: the initial sync of N people (directory + calendarView/delta, JSON-batched, 4 per mailbox at most),
 *   then, after the emulator changes ~5% of the calendars, one incremental delta cycle;
 * - naive: the Microsoft-sample way, one calendarView per person at the default page size following
 *   @odata.nextLink, 4 people at a time, no batching, no delta — same people, same emulator.
 * Progress goes to stdout unless --json; the last line is always one JSON object with the figures.
 */
import { getHeapStatistics } from 'node:v8';
import pino from 'pino';
import { syncCalendars } from '../src/app/sync/sync-calendars';
import type { SyncSummary } from '../src/app/sync/sync-calendars';
import { DEFAULT_WINDOW_POLICY, windowFor } from '../src/app/sync/sync-window';
import type { GraphEmulatorStats } from '../src/dev';
import { createGraphAdapters } from '../src/graph/graph-adapters';
import { DemoTokenProvider } from '../src/identity/token-provider';
import { ManualClock } from '../src/ports/clock';
import { noCareerEvents } from '../src/ports/career-events';
import { createLogger } from '../src/server/logger';
import { parseBenchOptions } from './support/bench-options';
import { openBenchStore } from './support/bench-store';
import { naiveCalendarSync } from './support/naive-calendar-sync';
import { peakRssMb } from './support/peak-memory';
import { mainThreadCpuSeconds, processCpuSeconds } from './support/thread-cpu';
import { startBenchEmulator } from './support/bench-emulator';

const NOW = new Date('2026-11-25T10:00:00Z');
const HOUR_MS = 3_600_000;

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const say = (line: string): void => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  const seconds = (from: number): number => Math.round((performance.now() - from) / 10) / 100;
  const logger = createLogger({ level: 'warn', destination: pino.destination(2) });

  say(`Starting the Graph emulator (child process) with an organisation of ${options.users} people...`);
  const clock = new ManualClock(NOW);
  const emulator = await startBenchEmulator({
    users: options.users,
    seed: options.seed,
    now: NOW.getTime(),
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
  });
  const { store, dispose } = openBenchStore(options.store);
  const graph = createGraphAdapters({
    baseUrl: emulator.baseUrl,
    tokens: new DemoTokenProvider(),
    logger,
    batching: { maxInFlight: options.batchesInFlight },
  });
  const deps = {
    store,
    calendar: graph.calendar,
    directory: graph.directory,
    clock,
    logger,
    events: noCareerEvents,
  };
  const personIds = emulator.people.map((person) => person.id);
  const sync = (): Promise<SyncSummary> =>
    syncCalendars(deps, { personIds, concurrency: options.concurrency });

  say(
    `ours: initial sync of ${options.users} people (latency ${options.latencyMs} ms, fault rate ${options.faultRate}, ${options.store} store)...`,
  );
  await emulator.resetStats();
  const emulatorBefore = await emulator.usage();
  const cpuBefore = mainThreadCpuSeconds();
  const processCpuBefore = processCpuSeconds();
  const oursStarted = performance.now();
  const initial = await sync();
  const initialSeconds = seconds(oursStarted);
  const initialStats = await emulator.stats();
  say(
    `  ${initialSeconds} s, ${initialStats.graphRequests} Graph requests in ${initialStats.httpRequests} round trips`,
  );

  clock.advance(HOUR_MS);
  await emulator.advance(HOUR_MS);
  const mutations = await emulator.mutate(options.mutate, options.seed + 1);
  say(`ours: delta cycle after ${mutations} calendar changes...`);
  await emulator.resetStats();
  const deltaStarted = performance.now();
  const delta = await sync();
  const deltaSeconds = seconds(deltaStarted);
  const deltaStats = await emulator.stats();
  const oursSeconds = Math.round((initialSeconds + deltaSeconds) * 100) / 100;
  say(
    `  ${deltaSeconds} s, ${deltaStats.graphRequests} Graph requests in ${deltaStats.httpRequests} round trips`,
  );
  const oursPeakRssMb = peakRssMb();
  const cpuAfter = mainThreadCpuSeconds();
  const oursProcessCpuSeconds = Math.round((processCpuSeconds() - processCpuBefore) * 100) / 100;
  const oursCpuSeconds =
    cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) * 100) / 100;

  const emulatorUsage = await emulator.usage();

  let naive: Record<string, unknown> | null = null;
  let speedup: number | null = null;
  if (!options.skipNaive) {
    // A sample is spread evenly over the organisation (its first people are the managers, with fuller calendars).
    const stride = options.users / Math.min(options.users, options.naiveUsers ?? options.users);
    const sample = emulator.people.filter((_, index) => index % stride < 1);
    say(
      `naive: calendarView for ${sample.length} people, 4 at a time, default page size, no batching, no delta...`,
    );
    await emulator.resetStats();
    const naiveStarted = performance.now();
    const result = await naiveCalendarSync(
      graph.gateway,
      sample.map((person) => ({ id: person.id, address: person.mail })),
      windowFor(clock.now(), DEFAULT_WINDOW_POLICY),
    );
    const measured = seconds(naiveStarted);
    const naiveStats = await emulator.stats();
    const scale = options.users / sample.length;
    const wallSeconds = Math.round(measured * scale * 100) / 100;
    speedup = Math.round((wallSeconds / oursSeconds) * 10) / 10;
    naive = {
      wallSeconds,
      measuredSeconds: measured,
      measuredUsers: sample.length,
      extrapolated: scale !== 1,
      graphRequests: naiveStats.graphRequests,
      httpRoundTrips: naiveStats.httpRequests,
      requestsPerUser: round(naiveStats.graphRequests / sample.length),
      throttled: naiveStats.throttled,
      events: result.events,
      oneOnOnes: result.oneOnOnes,
      failedUsers: result.failedUsers,
    };
    say(
      `  ${measured} s for ${sample.length} people${scale !== 1 ? ` (extrapolated to ${wallSeconds} s)` : ''}`,
    );
  }

  const figures = {
    users: options.users,
    events: initial.events,
    oneOnOnes: initial.oneOnOnes,
    settings: {
      latencyMs: options.latencyMs,
      faultRate: options.faultRate,
      throttling: true,
      store: options.store,
      concurrency: options.concurrency,
      batchesInFlight: options.batchesInFlight,
      mutatedCalendars: mutations,
      /** V8 heap limit of the main thread; the emulator's process has its own. */
      mainHeapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1048576),
      /** Node flags of this process (the npm script runs it with the server's: see README, Configuration). */
      nodeFlags: process.execArgv,
    },
    ours: {
      wallSeconds: oursSeconds,
      initialSeconds,
      deltaSeconds,
      mainThreadCpuSeconds: oursCpuSeconds,
      processCpuSeconds: oursProcessCpuSeconds,
      graphRequests: initialStats.graphRequests + deltaStats.graphRequests,
      httpRoundTrips: initialStats.httpRequests + deltaStats.httpRequests,
      initialGraphRequests: initialStats.graphRequests,
      deltaGraphRequests: deltaStats.graphRequests,
      deltaRequestsPerUser: round(deltaStats.graphRequests / options.users),
      throttled: initialStats.throttled + deltaStats.throttled,
      faultsInjected: initialStats.faultsInjected + deltaStats.faultsInjected,
      failedUsers: initial.failedUsers + delta.failedUsers,
      skippedEvents: initial.skippedEvents + delta.skippedEvents,
      delta: {
        events: delta.events,
        created: delta.created,
        updated: delta.updated,
        cancelled: delta.cancelled,
        deleted: delta.deleted,
      },
      statuses: mergeStatuses(initialStats, deltaStats),
      peakRssMb: oursPeakRssMb,
    },
    naive,
    speedup,
    peakRssMb: peakRssMb(),
    memory: {
      mainHeapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576),
    },
    /** The stand-in for Graph, in its own process, as it was after ours ran: CPU during ours (it competes for the same cores). */
    emulator: {
      cpuSeconds: Math.round((emulatorUsage.cpuSeconds - emulatorBefore.cpuSeconds) * 100) / 100,
      peakRssMb: emulatorUsage.peakRssMb,
      heapUsedMb: emulatorUsage.heapUsedMb,
      heapTotalMb: emulatorUsage.heapTotalMb,
    },
  };
  await emulator.close();
  dispose();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mergeStatuses(...stats: GraphEmulatorStats[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const { statuses } of stats) {
    for (const [status, count] of Object.entries(statuses)) merged[status] = (merged[status] ?? 0) + count;
  }
  return merged;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
