import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-document-store';
import { MIGRATIONS } from '../../../src/store/sqlite/sqlite-migrations';
import { bundleForPlainNode } from '../../support/sqlite-files';

/**
 * Separate OS processes on one SQLite file, the way two app instances would run: better-sqlite3 is synchronous,
 * so only processes (not promises in one process) really race for the file's locks.
 */
const ROOT = resolve(__dirname, '../../..');
const PROCESSES = 4;
const KEYS = 400;
const INCREMENTS = 300;

const WORKER = `
const [bundle, file, holder, keys, increments, startAt] = process.argv.slice(1);
const { openSqliteStore } = require(bundle);
const { RevisionConflictError } = require(bundle);
(async () => {
  const store = openSqliteStore({ file });
  await new Promise((go) => setTimeout(go, Math.max(0, Number(startAt) - Date.now())));
  const won = [];
  const now = new Date('2026-03-02T09:00:00.000Z');
  for (let k = 0; k < Number(keys); k += 1) {
    if (await store.claim('prompt:' + k, holder, now)) won.push(k);
  }
  let conflicts = 0;
  for (let i = 0; i < Number(increments); i += 1) {
    for (;;) {
      const doc = await store.get('counters', 'all', 'c');
      try {
        await store.put('counters', 'all', 'c', (doc ? doc.value : 0) + 1, { expectedRevision: doc ? doc.revision : null });
        break;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        conflicts += 1;
      }
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify({ won, conflicts }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('SQLite store shared by several processes', () => {
  let folder: string;
  let bundle: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'career-sqlite-processes-'));
    bundle = join(folder, 'sqlite-store.cjs');
    // The adapter and the port's error class, compiled for plain Node (better-sqlite3 stays a normal require).
    bundleForPlainNode(
      bundle,
      `export { openSqliteStore } from './src/store/sqlite/sqlite-document-store';
       export { RevisionConflictError } from './src/ports/document-store';`,
    );
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function runWorker(
    file: string,
    holder: string,
    startAt: number,
  ): Promise<{ won: number[]; conflicts: number }> {
    return new Promise((done, fail) => {
      const args = ['-e', WORKER, bundle, file, holder, String(KEYS), String(INCREMENTS), String(startAt)];
      const child = spawn(process.execPath, args, {
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', fail);
      child.on('exit', (code) => {
        if (code === 0) done(JSON.parse(out) as { won: number[]; conflicts: number });
        else fail(new Error(`worker ${holder} exited with ${code}: ${err}`));
      });
    });
  }

  it(`each of ${KEYS} keys raced by ${PROCESSES} processes is claimed exactly once, and no update is lost`, async () => {
    const file = join(folder, 'data', 'career.db');
    await openSqliteStore({ file }).close(); // the schema exists before the race, as after any first start
    const startAt = Date.now() + 700;
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) => runWorker(file, `instance-${i}`, startAt)),
    );

    const claims = results.flatMap((r) => r.won).sort((a, b) => a - b);
    expect(claims).toEqual(Array.from({ length: KEYS }, (_, k) => k));

    const store = openSqliteStore({ file });
    expect((await store.get('counters', 'all', 'c'))?.value).toBe(PROCESSES * INCREMENTS);
    await store.close();
  }, 30_000);

  it(`${PROCESSES} processes opening a new data file at once all start, and the schema is applied once`, async () => {
    const file = join(folder, 'fresh', 'nested', 'career.db');
    const startAt = Date.now() + 700;
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) => runWorker(file, `instance-${i}`, startAt)),
    );
    expect(results.flatMap((r) => r.won)).toHaveLength(KEYS);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map((migration) => ({ version: migration.version })),
    );
    db.close();
  }, 30_000);
});
