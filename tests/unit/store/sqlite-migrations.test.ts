import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RevisionConflictError } from '../../../src/ports/document-store';
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
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => applyMigrations(db, broken)).toThrow(/no_such_table/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'schema_migrations' }]);
    db.close();
  });

  it('moving documents to a rowid table (version 2) keeps every document, revision and value as they were', async () => {
    const file = join(folder, 'career.db');
    const v1 = new Database(file);
    applyMigrations(
      v1,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    const insert = v1.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?)');
    const long = 'ü'.repeat(3000); // bigger than a WITHOUT ROWID row keeps in its page
    const rows = [
      ['recaps', 'ava', 'recap-1', 'rev-1', JSON.stringify({ topics: [long] })],
      ['recaps', 'ava', 'recap-2', 'rev-2', JSON.stringify({ topics: ['short'] })],
      ['people', 'all', 'ava', 'rev-3', JSON.stringify({ name: 'Ava' })],
    ];
    for (const row of rows) insert.run(...row);
    v1.prepare('INSERT INTO claims VALUES (?, ?, ?, ?)').run('prompt:1', 'me', 5, 1);
    v1.close();

    const store = openSqliteStore({ file });
    expect(await store.get('recaps', 'ava', 'recap-1')).toEqual({
      partition: 'ava',
      key: 'recap-1',
      revision: 'rev-1',
      value: { topics: [long] },
    });
    expect((await store.list('recaps', 'ava')).map((doc) => [doc.key, doc.revision])).toEqual([
      ['recap-1', 'rev-1'],
      ['recap-2', 'rev-2'],
    ]);
    // The address stays unique: a write that expects a new document finds the old one.
    await expect(
      store.put('people', 'all', 'ava', { name: 'Other' }, { expectedRevision: null }),
    ).rejects.toBeInstanceOf(RevisionConflictError);
    expect(await store.claim('prompt:1', 'someone-else', new Date(10))).toBe(false);
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([
      1, 2,
    ]);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT value FROM documents WHERE collection = ? AND partition = ? AND key = ?',
      )
      .all('recaps', 'ava', 'recap-1') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX documents_address/);
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
