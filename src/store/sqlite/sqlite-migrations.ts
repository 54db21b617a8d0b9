import type Database from 'better-sqlite3';

/** One step of the schema. Steps are applied in order, once each, and never edited after release. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and claims',
    sql: `
      CREATE TABLE documents (
        collection TEXT NOT NULL,
        partition TEXT NOT NULL,
        key TEXT NOT NULL,
        revision TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (collection, partition, key)
      ) WITHOUT ROWID;
      CREATE TABLE claims (
        key TEXT NOT NULL PRIMARY KEY,
        holder TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        completed INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
    `,
  },
];

/**
 * Brings the file's schema up to date in one immediate transaction, so two processes opening the same new file
 * at once apply each step exactly once (the second waits, then finds nothing left to do).
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const apply = db.transaction((): number[] => {
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new Error(
        `The data file is at schema version ${newest}, newer than this app knows (${known}); upgrade the app.`,
      );
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      done.push(migration.version);
    }
    return done;
  });
  return apply.immediate();
}
