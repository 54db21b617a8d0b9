import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type {
  BatchDocument,
  DocumentStore,
  ListOptions,
  PutOptions,
  StoredDocument,
} from '../../ports/document-store';
import { RevisionConflictError } from '../../ports/document-store';
import {
  checkAddress,
  checkClaim,
  checkClaimPrune,
  keyRangeOf,
  leaseOf,
  limitOf,
  prefixUpperBound,
  serialiseBatch,
  serialiseValue,
  settle,
} from '../document-rules';
import { newRevision } from '../revision';
import { applyMigrations } from './sqlite-migrations';
import { WalCheckpointer } from './wal-checkpointer';

export interface SqliteStoreOptions {
  /** The data file (its folder is created on first open), or `:memory:` for a private in-memory database. */
  file: string;
  /** How long a write waits for another process's lock before failing. Default 5 s. */
  busyTimeoutMs?: number;
  /**
   * After this many commits, WAL checkpoints move to a worker thread (see `WalCheckpointer`); a store that
   * writes little never starts one. Default 200; `false` keeps SQLite's automatic checkpoints on this thread.
   */
  backgroundCheckpointAfter?: number | false;
}

/**
 * Opens the embedded store: WAL mode (readers never block the writer), a busy timeout (two processes on one file
 * queue for the write lock instead of failing), and the schema migrated at open.
 */
export function openSqliteStore(options: SqliteStoreOptions): DocumentStore {
  const inMemory = options.file === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(options.file)), { recursive: true });
  const db = new Database(options.file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    applyMigrations(db);
    const after = options.backgroundCheckpointAfter ?? 200;
    return new SqliteDocumentStore(
      db,
      inMemory || after === false ? null : { file: resolve(options.file), after },
    );
  } catch (error) {
    db.close();
    throw error;
  }
}

interface DocumentRow {
  key: string;
  revision: string;
  value: string;
}

type Statement = Database.Statement;

/**
 * Group commit: the writes made in one turn of the event loop share one transaction, committed once the turn
 * is over (`setImmediate`), and each write's promise settles only when that commit has (a failed commit
 * rejects them all and rolls them all back). A sync writing for a thousand people at once pays for one commit
 * a turn, not one per document. Each write keeps its own atomicity: a batch is a savepoint inside the group,
 * and a write that throws (a revision conflict) changes nothing and leaves the rest of the group alone.
 */
interface WriteGroup {
  settle: { resolve(): void; reject(error: unknown): void }[];
}

/**
 * Open groups of this process. Another connection in the same thread would wait for a group's lock without
 * the event loop ever turning to release it, so a connection about to open a group commits the others first.
 */
const openGroups = new Set<SqliteDocumentStore>();

class SqliteDocumentStore implements DocumentStore {
  private readonly statements;
  private readonly transaction: { begin: Statement; commit: Statement; rollback: Statement };
  private group: WriteGroup | null = null;
  /** List queries by which bounds they have: none, lower, upper, both. */
  private readonly listStatements: Record<'none' | 'lower' | 'upper' | 'both', Statement>;
  private readonly writeBatch: (
    collection: string,
    partition: string,
    documents: ReturnType<typeof serialiseBatch>,
  ) => string[];

  private commits = 0;
  private checkpointer: WalCheckpointer | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: Database.Database,
    private background: { file: string; after: number } | null,
  ) {
    const where = 'collection = @collection AND partition = @partition';
    this.statements = {
      get: db.prepare(`SELECT key, revision, value FROM documents WHERE ${where} AND key = @key`),
      upsert: db.prepare(
        `INSERT INTO documents (collection, partition, key, revision, value)
         VALUES (@collection, @partition, @key, @revision, @value)
         ON CONFLICT (collection, partition, key) DO UPDATE SET revision = excluded.revision, value = excluded.value`,
      ),
      insertNew: db.prepare(
        `INSERT INTO documents (collection, partition, key, revision, value)
         VALUES (@collection, @partition, @key, @revision, @value) ON CONFLICT DO NOTHING`,
      ),
      replace: db.prepare(
        `UPDATE documents SET revision = @revision, value = @value WHERE ${where} AND key = @key AND revision = @expected`,
      ),
      delete: db.prepare(`DELETE FROM documents WHERE ${where} AND key = @key`),
      claimNew: db.prepare(
        `INSERT INTO claims (key, holder, claimed_at, completed) VALUES (@key, @holder, @at, 0) ON CONFLICT DO NOTHING`,
      ),
      claimExpired: db.prepare(
        `UPDATE claims SET holder = @holder, claimed_at = @at
         WHERE key = @key AND completed = 0 AND claimed_at <= @expiredBy`,
      ),
      complete: db.prepare(`UPDATE claims SET completed = 1 WHERE key = @key AND holder = @holder`),
      release: db.prepare(`DELETE FROM claims WHERE key = @key AND holder = @holder AND completed = 0`),
      // A range on the primary key (BINARY: code point order, as prefixUpperBound counts) finds the prefix.
      prune: db.prepare(
        `DELETE FROM claims WHERE key >= @lower AND key < @upper AND completed = 1 AND claimed_at < @before`,
      ),
      /** A prefix of U+10FFFF only has no upper bound. */
      pruneToEnd: db.prepare(
        `DELETE FROM claims WHERE key >= @lower AND completed = 1 AND claimed_at < @before`,
      ),
    };
    this.transaction = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
    const list = (bounds: string): Statement =>
      db.prepare(
        `SELECT key, revision, value FROM documents WHERE ${where} ${bounds} ORDER BY key LIMIT @limit`,
      );
    this.listStatements = {
      none: list(''),
      lower: list('AND key >= @lower'),
      upper: list('AND key < @upper'),
      both: list('AND key >= @lower AND key < @upper'),
    };
    const batch = db.transaction(
      (collection: string, partition: string, documents: ReturnType<typeof serialiseBatch>): string[] =>
        documents.map((doc) => this.write(collection, partition, doc.key, doc.json, doc.expectedRevision)),
    );
    this.writeBatch = (collection, partition, documents) => batch.immediate(collection, partition, documents);
  }

  get<T>(collection: string, partition: string, key: string): Promise<StoredDocument<T> | null> {
    return settle(() => {
      checkAddress(collection, partition, key);
      const row = this.statements.get.get({ collection, partition, key }) as DocumentRow | undefined;
      return row ? toDocument<T>(partition, row) : null;
    });
  }

  list<T>(collection: string, partition: string, options?: ListOptions): Promise<StoredDocument<T>[]> {
    return settle(() => {
      checkAddress(collection, partition);
      const range = keyRangeOf(options);
      const limit = limitOf(options) ?? -1;
      if (range.empty || limit === 0) return [];
      const { lower, upper } = range;
      const statement =
        this.listStatements[
          lower !== null && upper !== null
            ? 'both'
            : lower !== null
              ? 'lower'
              : upper !== null
                ? 'upper'
                : 'none'
        ];
      const rows = statement.all({
        collection,
        partition,
        limit,
        ...(lower !== null ? { lower } : {}),
        ...(upper !== null ? { upper } : {}),
      }) as DocumentRow[];
      return rows.map((row) => toDocument<T>(partition, row));
    });
  }

  put(
    collection: string,
    partition: string,
    key: string,
    value: unknown,
    options?: PutOptions,
  ): Promise<string> {
    return this.grouped(() => {
      checkAddress(collection, partition, key);
      const json = serialiseValue(collection, partition, key, value);
      return this.write(collection, partition, key, json, options?.expectedRevision);
    });
  }

  putBatch(collection: string, partition: string, documents: readonly BatchDocument[]): Promise<string[]> {
    return this.grouped(() => {
      const batch = serialiseBatch(collection, partition, documents);
      return batch.length === 0 ? [] : this.writeBatch(collection, partition, batch);
    });
  }

  delete(collection: string, partition: string, key: string): Promise<void> {
    return this.grouped(() => {
      checkAddress(collection, partition, key);
      this.statements.delete.run({ collection, partition, key });
    });
  }

  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      const lease = leaseOf(leaseMs);
      const at = now.getTime();
      // Each statement is atomic on its own and SQLite lets one writer in at a time, across processes too:
      // the insert wins for exactly one caller; the takeover matches only while the claim is still expired.
      if (this.statements.claimNew.run({ key, holder, at }).changes === 1) return true;
      return this.statements.claimExpired.run({ key, holder, at, expiredBy: at - lease }).changes === 1;
    });
  }

  completeClaim(key: string, holder: string): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      return this.statements.complete.run({ key, holder }).changes === 1;
    });
  }

  releaseClaim(key: string, holder: string): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      return this.statements.release.run({ key, holder }).changes === 1;
    });
  }

  pruneClaims(prefix: string, claimedBefore: Date): Promise<number> {
    return this.grouped(() => {
      const before = checkClaimPrune(prefix, claimedBefore);
      const upper = prefixUpperBound(prefix);
      return upper === null
        ? this.statements.pruneToEnd.run({ lower: prefix, before }).changes
        : this.statements.prune.run({ lower: prefix, upper, before }).changes;
    });
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    if (!this.db.open) return;
    this.commitGroup();
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    this.background = null;
    await checkpointer?.stop();
    // Writes made while the worker stopped are committed (or fail) before the connection goes.
    this.commitGroup();
    this.db.close();
  }

  /** Runs a write inside this turn's group transaction (opening it if need be); settles when the group commits. */
  private grouped<R>(operation: () => R): Promise<R> {
    let result: R;
    try {
      if (!this.group) {
        for (const other of openGroups) if (other !== this) other.commitGroup();
        this.transaction.begin.run();
        this.group = { settle: [] };
        openGroups.add(this);
        setImmediate(() => {
          this.commitGroup();
        });
      }
      result = operation();
    } catch (error) {
      // Passed on untouched: better-sqlite3's errors carry a `code` (SQLITE_BUSY...) that callers read.
      return Promise.reject(asError(error));
    }
    const group = this.group;
    return new Promise<R>((resolve, reject) => {
      group.settle.push({
        resolve: () => {
          resolve(result);
        },
        reject,
      });
    });
  }

  commitGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    openGroups.delete(this);
    try {
      if (!this.db.open) throw new Error('The store was closed before this write was committed.');
      if (this.db.inTransaction) this.transaction.commit.run();
    } catch (error) {
      try {
        if (this.db.inTransaction) this.transaction.rollback.run();
      } catch {
        // Nothing more to undo.
      }
      for (const waiter of group.settle) waiter.reject(error);
      return;
    }
    for (const waiter of group.settle) waiter.resolve();
    this.afterCommit();
  }

  /** Hands checkpoints to a worker once this store has shown it writes a lot. */
  private afterCommit(): void {
    if (this.checkpointer) {
      this.checkpointer.committed();
      return;
    }
    if (!this.background || ++this.commits < this.background.after) return;
    const file = this.background.file;
    this.background = null;
    this.checkpointer = new WalCheckpointer(file, (on) => {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${on ? 1000 : 0}`);
    });
    this.checkpointer.committed();
  }

  private write(
    collection: string,
    partition: string,
    key: string,
    value: string,
    expected: string | null | undefined,
  ): string {
    const revision = newRevision();
    const params = { collection, partition, key, revision, value };
    if (expected === undefined) {
      this.statements.upsert.run(params);
      return revision;
    }
    const changes =
      expected === null
        ? this.statements.insertNew.run(params).changes
        : this.statements.replace.run({ ...params, expected }).changes;
    if (changes !== 1) throw new RevisionConflictError(collection, partition, key);
    return revision;
  }
}

function toDocument<T>(partition: string, row: DocumentRow): StoredDocument<T> {
  return { partition, key: row.key, revision: row.revision, value: JSON.parse(row.value) as T };
}

/** Errors from the native driver may come from another realm (not `instanceof Error`) but still carry their code. */
function asError(error: unknown): Error {
  if (typeof error === 'object' && error !== null && 'message' in error) return error as Error;
  return new Error(String(error));
}
