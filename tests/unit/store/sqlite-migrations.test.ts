import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-document-store';
import { MIGRATIONS, applyMigrations } from '../../../src/store/sqlite/sqlite-migrations';

describe('SQLite store set-up', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'career-sqlite-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the data folder on first open', async () => {
    const file = join(folder, 'data', 'nested', 'career.db');
    const store = openSqliteStore({ file });
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('puts the data file in WAL mode', async () => {
    const file = join(folder, 'career.db');
    await openSqliteStore({ file }).close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('records each applied migration and applies none twice on reopening', async () => {
    const file = join(folder, 'career.db');
    await openSqliteStore({ file }).close();
    await openSqliteStore({ file }).close();
    const db = new Database(file);
    const rows = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('keeps the data across reopening', async () => {
    const file = join(folder, 'career.db');
    const first = openSqliteStore({ file });
    await first.put('people', 'all', 'ava', { name: 'Ava' });
    await first.close();
    const second = openSqliteStore({ file });
    expect((await second.get('people', 'all', 'ava'))?.value).toEqual({ name: 'Ava' });
    await second.close();
  });

  it('refuses a data file written by a newer schema, saying so', () => {
    const file = join(folder, 'career.db');
    const db = new Database(file);
    applyMigrations(db);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    expect(() => openSqliteStore({ file })).toThrow(/schema version 99, newer than this app knows/);
  });

  it('a failing migration changes nothing: its steps and its record roll back together', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: 2, name: 'broken', sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => applyMigrations(db, broken)).toThrow(/no_such_table/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'schema_migrations' }]);
    db.close();
  });

  it('a write waits for another connection’s lock only as long as the busy timeout, then fails', async () => {
    const file = join(folder, 'career.db');
    const store = openSqliteStore({ file, busyTimeoutMs: 150 });
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const started = Date.now();
    await expect(store.put('people', 'all', 'ava', 1)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    other.prepare('ROLLBACK').run();
    other.close();
    await store.close();
  });
});
