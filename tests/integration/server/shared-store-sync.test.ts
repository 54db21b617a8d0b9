import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listDemoPeople } from '../../../src/dev';
import { ManualClock } from '../../../src/ports/clock';
import { loadConfig } from '../../../src/server/config';
import { createLogger } from '../../../src/server/logger';
import { startApp } from '../../../src/server/start-app';
import type { RunningApp } from '../../../src/server/start-app';

interface SyncDone {
  event: string;
  users: number;
  claimedShards: number;
  skippedShards: number;
  shards: number;
}

/** An app on the shared data folder whose `sync.done` lines are kept. */
async function startInstance(dataDir: string, clock: ManualClock, done: SyncDone[]): Promise<RunningApp> {
  const loaded = loadConfig({ PORT: '0', DATA_DIR: dataDir, CC_DEMO_PLAYGROUND: 'false', LOG_LEVEL: 'info' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const logger = createLogger({
    level: 'info',
    destination: {
      write(line: string) {
        const entry = JSON.parse(line) as SyncDone;
        if (entry.event === 'sync.done') done.push(entry);
      },
    },
  });
  return startApp(loaded.config, logger, { manualTasks: true, clock });
}

describe('two app instances on one SQLite file', () => {
  let dataDir: string;
  const apps: RunningApp[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cc-shared-'));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('share the calendar sync: each person is synced by one of them per interval', async () => {
    const clock = new ManualClock(new Date());
    const aDone: SyncDone[] = [];
    const bDone: SyncDone[] = [];
    apps.push(await startInstance(dataDir, clock, aDone));
    apps.push(await startInstance(dataDir, clock, bDone));
    const [a, b] = apps as [RunningApp, RunningApp];
    const everyone = listDemoPeople().length;

    await Promise.all([a.syncNow(), b.syncNow()]);
    const [first, second] = [aDone[0]!, bDone[0]!];
    expect(first.users + second.users).toBe(everyone);
    expect(first.claimedShards + second.claimedShards).toBe(first.shards);

    await Promise.all([a.syncNow(), b.syncNow()]);
    expect([aDone[1]!.users, bDone[1]!.users]).toEqual([0, 0]);

    clock.advance(15 * 60_000);
    await b.syncNow();
    expect(bDone[2]).toMatchObject({ users: everyone, skippedShards: 0 });
  });
});
