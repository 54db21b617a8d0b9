import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { UpcomingResponse } from '../../../src/api/contract/api-types';
import { MOVED_SHARES_REPAIR_CLAIM } from '../../../src/app/agenda/repair-moved-shares';
import { listDemoPeople } from '../../../src/dev';
import { loadConfig } from '../../../src/server/config';
import { createLogger } from '../../../src/server/logger';
import { startApp } from '../../../src/server/start-app';
import type { RunningApp } from '../../../src/server/start-app';

describe('the app in demo mode', () => {
  let app: RunningApp;
  let dataDir: string;
  const avery = listDemoPeople()[0]!;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cc-demo-'));
    const loaded = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      CC_DEMO_PLAYGROUND: 'false',
      LOG_LEVEL: 'silent',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    app = await startApp(loaded.config, createLogger({ level: 'silent' }), {
      manualTasks: true,
    });
    await app.syncNow();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the health check', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', profile: 'demo' });
  });

  it('keeps its data in a SQLite file under the data folder', () => {
    expect(app.config.store).toEqual({ kind: 'sqlite', file: path.join(dataDir, 'career-conversations.db') });
  });

  it('finds the demo employee a 1:1 with the manager inside the next day', async () => {
    const res = await fetch(`${app.url}/api/one-on-ones/upcoming`, { headers: { 'x-demo-user': avery.id } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as UpcomingResponse;
    const soon = body.oneOnOnes.filter(
      (o) => o.relationship === 'manager' && Date.parse(o.startsAt) - Date.now() < 24 * 3_600_000,
    );
    expect(soon.length).toBeGreaterThan(0);
  });

  it('drains the event outbox on every scheduler tick (work a crash or restart left behind)', async () => {
    const past = new Date(Date.now() - 5 * 60_000).toISOString();
    const entry = {
      id: 'left-behind-1',
      // A recap that is gone by now: the handler finds nothing to send, and the entry is done.
      event: { type: 'recapSent' as const, authorId: 'nobody', recapId: 'nobody~r1' },
      createdAt: past,
      attempts: 0,
      nextAttemptAt: past,
      lastError: null,
    };
    await app.store.saveOutboxEntry(entry);
    expect(await app.store.listDueOutbox(new Date(), 10)).toEqual([entry]);
    await app.tickNow();
    expect(await app.store.listDueOutbox(new Date(), 10)).toEqual([]);
  });

  it('housekeeping prunes week-old sync-shard and outbox claims, never the scheduler’s, and runs the one-time repair', async () => {
    const DAY = 86_400_000;
    const weekAgo = new Date(Date.now() - 8 * DAY);
    const recent = new Date(Date.now() - DAY);
    const keys = {
      oldShard: `sync-shard:32/0:${weekAgo.toISOString()}`,
      recentShard: `sync-shard:32/0:${recent.toISOString()}`,
      oldOutbox: 'outbox:housekeeping-1:0',
      reminder: 'ack-reminder:housekeeping-recap',
    };
    for (const [name, key] of Object.entries(keys)) {
      const at = name === 'recentShard' ? recent : weekAgo;
      expect(await app.store.claim(key, 'old-instance', at)).toBe(true);
      await app.store.completeClaim(key, 'old-instance');
    }
    await app.housekeepNow();
    const now = new Date();
    expect(await app.store.claim(keys.oldShard, 'probe', now)).toBe(true);
    expect(await app.store.claim(keys.oldOutbox, 'probe', now)).toBe(true);
    expect(await app.store.claim(keys.recentShard, 'probe', now)).toBe(false);
    expect(await app.store.claim(keys.reminder, 'probe', now)).toBe(false);
    // The one-time repair of moved shares ran with it, and is marked done for every instance on this store.
    expect(await app.store.claim(MOVED_SHARES_REPAIR_CLAIM, 'probe', now)).toBe(false);
  });

  it('refuses API calls that do not say who is asking', async () => {
    const res = await fetch(`${app.url}/api/one-on-ones/upcoming`);
    expect(res.status).toBe(401);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${app.url}/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers a malformed escape in a path with a 404, not a 500', async () => {
    const res = await fetch(`${app.url}/api/recaps/%E0%A4%A/send`, { method: 'POST' });
    expect(res.status).toBe(404);
  });

  it('serves the privacy statement and terms the app manifest links to', async () => {
    for (const page of ['/privacy', '/terms']) {
      const res = await fetch(`${app.url}${page}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<h1>Career Conversations');
    }
  });
});
