import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { bearerAuthentication, createApiRouter, demoAuthentication, mountStaticFiles } from '../api';
import { repairMovedShares } from '../app/agenda/repair-moved-shares';
import type { AppDeps } from '../app/deps';
import { ensurePerson } from '../app/people/ensure-person';
import { runSchedule } from '../app/schedule/run-schedule';
import { syncInShards } from '../app/sync/sync-shards';
import { createCareerBot } from '../bot';
import type { CareerBot } from '../bot';
import { noCareerEvents } from '../ports/career-events';
import { systemClock } from '../ports/clock';
import type { Clock } from '../ports/clock';
import { randomIds } from '../ports/ids';
import type { CareerStore } from '../store/career-store';
import type { AppConfig } from './config';
import { seedDemoPeople } from './demo-seed';
import { openGraph } from './graph-profile';
import type { GraphProfile } from './graph-profile';
import {
  HOUSEKEEPING_FIRST_RUN_DELAY_MS,
  HOUSEKEEPING_INTERVAL_MS,
  claimRetentions,
  pruneOldClaims,
} from './housekeeping';
import { createHttpServer, errorSummary } from './http/http-server';
import { sendJson } from './http/respond';
import { Router } from './http/router';
import { openStore } from './open-store';
import { PeriodicTask } from './periodic-task';
import { mountPolicyPages } from './policy-pages';

export interface RunningApp {
  url: string;
  config: AppConfig;
  store: CareerStore;
  graph: GraphProfile;
  bot: CareerBot;
  deps: AppDeps;
  /** Runs one calendar sync now (tests, the demo's first minute). */
  syncNow(): Promise<void>;
  /** Runs one scheduler tick now. */
  tickNow(): Promise<void>;
  /** Runs the daily housekeeping now (pruning old completed claims). */
  housekeepNow(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** The folder with the built tab and add-in (`dist/web`). */
  webRoot?: string;
  /** Do not start the periodic sync and scheduler (tests drive them with syncNow/tickNow). */
  manualTasks?: boolean;
}

/** The composition root: every adapter chosen by configuration, wired to the use cases and the surfaces. */
export async function startApp(
  config: AppConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningApp> {
  const clock = options.clock ?? systemClock;
  const { store, documents } = await openStore(config);
  const graph = await openGraph(config, clock, logger);
  if (graph.emulator) await seedDemoPeople(store, graph.emulator);

  const baseDeps = { store, clock, ids: randomIds };
  const holder = `instance-${randomUUID()}`;
  const bot = createCareerBot({
    deps: { ...baseDeps, events: noCareerEvents },
    auth:
      config.profile === 'demo'
        ? { profile: 'demo' }
        : {
            profile: 'tenant',
            appId: config.bot.appId,
            password: config.bot.password,
            tenantId: config.bot.tenantId,
            type: config.bot.type,
          },
    logger,
    holder,
    ...(config.profile === 'tenant' ? { publicUrl: config.publicUrl } : {}),
  });
  const deps: AppDeps = { ...baseDeps, events: bot.events };

  const router = new Router();
  router.on('GET', '/healthz', ({ res }) => {
    sendJson(res, 200, { status: 'ok', profile: config.profile });
    return Promise.resolve();
  });
  router.on('POST', '/api/messages', ({ req, res }) => bot.handleMessages(req, res));
  mountPolicyPages(router);
  createApiRouter({
    deps,
    router,
    profile: config.profile,
    // In a tenant people search goes to Graph (relevance-ranked); the demo searches the people the store knows.
    ...(config.profile === 'tenant'
      ? {
          directorySearch: async (personId: string, query: string) =>
            (await graph.graph.directory.searchPeople(personId, query, 10)).map((u) => ({
              id: u.id,
              displayName: u.displayName,
              jobTitle: u.jobTitle,
              email: u.email,
            })),
        }
      : {}),
    authenticate:
      config.profile === 'demo'
        ? demoAuthentication(store)
        : bearerAuthentication(async (token) => {
            const identity = graph.identity;
            if (!identity) throw new Error('tenant identity is not configured');
            const user = await identity.ssoValidator.validate(token);
            // Someone who opens the tab or the add-in before the bot becomes known now; the next sync completes them.
            await ensurePerson(deps, { id: user.userId, displayName: user.name ?? '', timeZone: null });
            return user;
          }),
  });
  const webRoot = options.webRoot ?? path.resolve('dist/web');
  mountStaticFiles(router, { root: path.join(webRoot, 'tab'), urlPrefix: '/tab' });
  mountStaticFiles(router, { root: path.join(webRoot, 'addin'), urlPrefix: '/addin' });

  const organisationDomains = graph.emulator ? [graph.emulator.org.domain] : undefined;
  const sync = async (): Promise<void> => {
    // Instances sharing the store split the people between them: each shard is synced by one instance per interval.
    const summary = await syncInShards(
      { ...deps, calendar: graph.graph.calendar, directory: graph.graph.directory, logger },
      {
        holder,
        now: clock.now(),
        intervalMs: config.sync.intervalMinutes * 60_000,
        window: { daysBack: config.sync.daysBack, daysAhead: config.sync.daysAhead },
        ...(organisationDomains ? { organisationDomains } : {}),
      },
    );
    logger.info(
      {
        users: summary.users,
        oneOnOnes: summary.oneOnOnes,
        failedUsers: summary.failedUsers,
        graphRequests: summary.graphRequests,
        shards: summary.shards,
        claimedShards: summary.claimedShards,
        skippedShards: summary.skippedShards,
        takenOverShards: summary.takenOverShards,
      },
      'sync.done',
    );
  };
  const tick = async (): Promise<void> => {
    // Event work a crash, restart or failure left in the outbox first: it is older than anything due now.
    // A failing drain (the store unreachable) must not hold up the prompts: it is logged and tried next tick.
    try {
      const drained = await bot.drainOutbox(clock.now());
      if (drained.due > 0) logger.info({ ...drained }, 'outbox.drain');
    } catch (error) {
      logger.error({ err: errorSummary(error) }, 'outbox.drain_failed');
    }
    const run = await runSchedule({ ...deps, notifier: bot.notifier, holder });
    if (run.due > 0) logger.info({ ...run }, 'schedule.tick');
  };
  const retentions = claimRetentions(config.sync.intervalMinutes * 60_000);
  const housekeep = async (): Promise<void> => {
    // Counts only: claim keys name entries and slots, never people, but there is no need to log them.
    const pruned = await pruneOldClaims(store, clock.now(), retentions);
    // Once per store (a claim marks it done): agendas left shared with someone a 1:1 had moved away from.
    const movedShares = await repairMovedShares(deps, holder);
    logger.info({ prunedClaims: pruned, ...(movedShares ? { movedShares } : {}) }, 'housekeeping.done');
  };
  const syncTask = new PeriodicTask('calendar-sync', config.sync.intervalMinutes * 60_000, sync, logger);
  const scheduleTask = new PeriodicTask('prompts', config.scheduler.tickSeconds * 1000, tick, logger);
  const housekeepingTask = new PeriodicTask('housekeeping', HOUSEKEEPING_INTERVAL_MS, housekeep, logger);

  const server = createHttpServer(router, logger);
  await listen(server, config.port, config.host);
  const address = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;

  if (!options.manualTasks) {
    // The first sync runs before the first tick, so prompts see today's calendars.
    void syncTask.tick().then(() => {
      syncTask.start(false);
      scheduleTask.start(true);
    });
    housekeepingTask.startAfter(HOUSEKEEPING_FIRST_RUN_DELAY_MS);
  }

  return {
    url,
    config,
    store,
    graph,
    bot,
    deps,
    syncNow: sync,
    tickNow: tick,
    housekeepNow: housekeep,
    async close() {
      await Promise.all([syncTask.stop(), scheduleTask.stop(), housekeepingTask.stop()]);
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      await bot.close(2000);
      await graph.close();
      await documents.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
