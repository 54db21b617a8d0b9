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
import {
  checkAddress,
  checkClaim,
  checkClaimPrune,
  claimTimeOf,
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
import type { WriteOperation, WriteResultOf } from './write-operations';
import { WAL_AUTOCHECKPOINT_PAGES } from './write-operations';
import { WriteGroups, asError } from './write-groups';

export interface SqliteStoreOptions {
  /** The data file (its folder is created on first open), or `:memory:` for a private in-memory database. */
  file: string;
  /** How long a write waits for another process's lock before failing. Default 5 s. */
  busyTimeoutMs?: number;
  /**
   * After this many commits, a file-backed store moves its writes to a worker thread (see `BackgroundWriter`),
   * so a store that writes little never starts one. Default 20 (a sync commits a few hundred times, each
   * commit holding hundreds of writes); 0 from the first write; `false` never. Small groups are still written
   * on the store's own thread while the worker is idle and the lock is free (see `SMALL_GROUP`).
   */
  backgroundWriterAfter?: number | false;
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
    const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (!inMemory) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    applyMigrations(db);
    const after = options.backgroundWriterAfter ?? 20;
    return new SqliteDocumentStore(
      db,
      inMemory || after === false ? null : { file: resolve(options.file), busyTimeoutMs, after },
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

class SqliteDocumentStore implements DocumentStore {
  private readonly statements;
  /** List queries by which bounds they have: none, lower, upper, both. */
  private readonly listStatements: Record<'none' | 'lower' | 'upper' | 'both', Statement>;
  private readonly groups: WriteGroups;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: Database.Database,
    /** When and how to start the background writer; null when it never should. */
    background: { file: string; busyTimeoutMs: number; after: number } | null,
  ) {
    const where = 'collection = @collection AND partition = @partition';
    this.statements = {
      get: db.prepare(`SELECT key, revision, value FROM documents WHERE ${where} AND key = @key`),
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
    this.groups = new WriteGroups(db, background);
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
      return {
        kind: 'put' as const,
        collection,
        partition,
        key,
        revision: newRevision(),
        value: json,
        expected: options?.expectedRevision,
      };
    });
  }

  putBatch(collection: string, partition: string, documents: readonly BatchDocument[]): Promise<string[]> {
    return this.grouped(() => ({
      kind: 'putBatch' as const,
      collection,
      partition,
      documents: serialiseBatch(collection, partition, documents).map((doc) => ({
        key: doc.key,
        revision: newRevision(),
        value: doc.json,
        expected: doc.expectedRevision,
      })),
    }));
  }

  async delete(collection: string, partition: string, key: string): Promise<void> {
    await this.grouped(() => {
      checkAddress(collection, partition, key);
      return { kind: 'delete' as const, collection, partition, key };
    });
  }

  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      const lease = leaseOf(leaseMs);
      const at = claimTimeOf(key, now);
      return { kind: 'claim' as const, key, holder, at, expiredBy: at - lease };
    });
  }

  renewClaim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      leaseOf(leaseMs);
      return { kind: 'renewClaim' as const, key, holder, at: claimTimeOf(key, now) };
    });
  }

  completeClaim(key: string, holder: string): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      return { kind: 'completeClaim' as const, key, holder };
    });
  }

  releaseClaim(key: string, holder: string): Promise<boolean> {
    return this.grouped(() => {
      checkClaim(key, holder);
      return { kind: 'releaseClaim' as const, key, holder };
    });
  }

  pruneClaims(prefix: string, claimedBefore: Date): Promise<number> {
    return this.grouped(() => {
      const before = checkClaimPrune(prefix, claimedBefore);
      return { kind: 'pruneClaims' as const, lower: prefix, upper: prefixUpperBound(prefix), before };
    });
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    if (!this.db.open) return;
    await this.groups.close();
    this.db.close();
  }

  /**
   * Checks and serialises a write at once (its errors reject at once and change nothing), then hands it to the
   * group commit (see `WriteGroups`).
   */
  private grouped<O extends WriteOperation>(build: () => O): Promise<WriteResultOf<O>> {
    if (this.closing) return Promise.reject(new Error('The store is closed; this write was not saved.'));
    let operation: O;
    try {
      operation = build();
    } catch (error) {
      return Promise.reject(asError(error));
    }
    return this.groups.write(operation);
  }
}

function toDocument<T>(partition: string, row: DocumentRow): StoredDocument<T> {
  return { partition, key: row.key, revision: row.revision, value: JSON.parse(row.value) as T };
}
