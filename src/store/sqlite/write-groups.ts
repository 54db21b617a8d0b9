import type Database from 'better-sqlite3';
import { BackgroundWriter, rebuildError } from './background-writer';
import type { WriteOperation, WriteResultOf } from './write-operations';
import { WAL_AUTOCHECKPOINT_PAGES, WriteStatements } from './write-operations';

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
 * A group on its way to the background writer: gathered during one turn, posted as one message at its end.
 * On the main thread it holds no transaction (the worker opens one), so it is never one of `openGroups`.
 */
interface PostingGroup {
  operations: WriteOperation[];
  waiters: { resolve(value: unknown): void; reject(error: unknown): void }[];
}

/**
 * Open groups of this process. Another connection in the same thread would wait for a group's lock without
 * the event loop ever turning to release it, so a connection about to open a group commits the others first.
 */
const openGroups = new Set<WriteGroups>();

/**
 * Once the worker runs, a group of at most this many documents written is still written on the store's own
 * thread when the worker has nothing queued and the write lock is free. Such a group (a bot turn's few writes,
 * say) costs less to run here than to post and hear back about, and its commit leaves this connection's page
 * cache in place, where a commit by the worker's connection makes the next reads here load their pages again.
 * Groups of a sync (hundreds of writes) still go to the worker, and so does one batch of many documents.
 */
const SMALL_GROUP = 32;

/** Documents a group writes: a batch counts each of its documents, any other write one. */
function documentsIn(operations: readonly WriteOperation[]): number {
  let documents = 0;
  for (const operation of operations)
    documents += operation.kind === 'putBatch' ? operation.documents.length : 1;
  return documents;
}

/**
 * Once the worker runs, this connection never checkpoints (a checkpoint would stall the serving thread); after
 * this many small groups committed here (each a few WAL pages), the worker is asked for a passive checkpoint.
 * About as many pages as WAL_AUTOCHECKPOINT_PAGES lets build up before a commit checkpoints.
 */
const CHECKPOINT_AFTER_COMMITS_HERE = 2000;

/**
 * Where and when a store's writes are committed: in groups, one per turn of the event loop, on the store's own
 * connection, or on a worker thread's (see `BackgroundWriter`) once the store has shown it writes a lot.
 */
export class WriteGroups {
  private readonly writes: WriteStatements;
  private readonly transaction: { begin: Statement; commit: Statement; rollback: Statement };
  private group: WriteGroup | null = null;
  private posting: PostingGroup | null = null;
  private commits = 0;
  /** Set once writes have moved to a worker; null again if it dies (writes come back to this thread). */
  private writer: BackgroundWriter | null = null;
  /** Statements that switch this connection's lock wait off and back on (set when the worker starts). */
  private busyTimeout: { none: Statement; restore: Statement } | null = null;
  /** Small groups committed on this thread since the worker started (see `CHECKPOINT_AFTER_COMMITS_HERE`). */
  private commitsHere = 0;

  constructor(
    private readonly db: Database.Database,
    /** When and how to start the background writer; null once started, or when it never should. */
    private background: { file: string; busyTimeoutMs: number; after: number } | null,
  ) {
    this.writes = new WriteStatements(db);
    this.transaction = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  /** Adds a checked write to this turn's group: on the worker once it runs, on this thread's connection until then. */
  write<O extends WriteOperation>(operation: O): Promise<WriteResultOf<O>> {
    if (!this.group && !this.writer) this.startWriterIfDue();
    return this.writer ? this.post(operation) : this.applyInThread(operation);
  }

  /** Commits or posts what is gathered, waits for the worker's groups and stops it; the caller closes the connection. */
  async close(): Promise<void> {
    this.commitGroup();
    this.postGroup();
    const writer = this.writer;
    this.writer = null;
    this.background = null;
    await writer?.stop();
    // A group the writer could no longer take was applied on this thread: committed (or failed) before closing.
    this.commitGroup();
  }

  /** Runs a write inside this turn's group transaction (opening it if need be); settles when the group commits. */
  private applyInThread<O extends WriteOperation>(operation: O): Promise<WriteResultOf<O>> {
    let result: WriteResultOf<O>;
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
      result = this.writes.apply(operation);
    } catch (error) {
      // Passed on untouched: better-sqlite3's errors carry a `code` (SQLITE_BUSY...) that callers read.
      return Promise.reject(asError(error));
    }
    const group = this.group;
    return new Promise<WriteResultOf<O>>((resolve, reject) => {
      group.settle.push({
        resolve: () => {
          resolve(result);
        },
        reject,
      });
    });
  }

  private commitGroup(): void {
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
    if (this.background) this.commits += 1;
  }

  /** Adds a write to the group the background writer gets at the end of this turn. */
  private post<O extends WriteOperation>(operation: O): Promise<WriteResultOf<O>> {
    if (!this.posting) {
      this.posting = { operations: [], waiters: [] };
      setImmediate(() => {
        this.postGroup();
      });
    }
    const posting = this.posting;
    posting.operations.push(operation);
    return new Promise<WriteResultOf<O>>((resolve, reject) => {
      posting.waiters.push({
        // The worker applied this very operation, so its value is this operation's result.
        resolve: (value) => {
          resolve(value as WriteResultOf<O>);
        },
        reject,
      });
    });
  }

  private postGroup(): void {
    const group = this.posting;
    if (!group) return;
    this.posting = null;
    const writer = this.writer;
    // The writer died while this group was being gathered: it is written here instead.
    if (!writer) {
      this.writeHere(group);
      return;
    }
    if (writer.idle && documentsIn(group.operations) <= SMALL_GROUP && this.lockWithoutWaiting()) {
      this.writeHere(group);
      this.commitsHere += 1;
      if (this.commitsHere % CHECKPOINT_AFTER_COMMITS_HERE === 0) {
        // Failing or not, the next one is asked for after as many commits again.
        writer.checkpoint().catch(() => undefined);
      }
      return;
    }
    void writer.write(group.operations).then(
      (outcomes) => {
        group.waiters.forEach((waiter, i) => {
          const outcome = outcomes[i];
          if (!outcome) waiter.reject(new Error('The background writer gave no result for this write.'));
          else if (outcome.ok) waiter.resolve(outcome.value);
          else waiter.reject(rebuildError(outcome.error));
        });
      },
      (error: unknown) => {
        for (const waiter of group.waiters) waiter.reject(error);
      },
    );
  }

  /**
   * Writes a gathered group on this thread's connection and commits it at once: in the group transaction
   * `lockWithoutWaiting` opened, or in one opened here (waiting for the lock like any write before the worker).
   */
  private writeHere(group: PostingGroup): void {
    group.operations.forEach((operation, i) => {
      const waiter = group.waiters[i];
      if (!waiter) return;
      this.applyInThread(operation).then(
        (value) => {
          waiter.resolve(value);
        },
        (error: unknown) => {
          waiter.reject(error);
        },
      );
    });
    this.commitGroup();
  }

  /**
   * Opens a group transaction on this thread's connection only if the write lock is free right now; false if
   * another process (or connection) holds it, and the group then waits for it on the worker, never here.
   */
  private lockWithoutWaiting(): boolean {
    const busy = this.busyTimeout;
    if (!busy || this.group) return false;
    for (const other of openGroups) if (other !== this) other.commitGroup();
    busy.none.run();
    try {
      this.transaction.begin.run();
    } catch {
      return false;
    } finally {
      busy.restore.run();
    }
    this.group = { settle: [] };
    openGroups.add(this);
    return true;
  }

  /** Moves writes to a worker once this store has shown it writes a lot; called only between groups. */
  private startWriterIfDue(): void {
    const background = this.background;
    if (!background || this.commits < background.after) return;
    this.background = null;
    const writer = new BackgroundWriter(background, () => {
      if (this.writer !== writer) return;
      this.writer = null;
      // Every write is made here again, so this connection checkpoints again (see below).
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    });
    this.writer = writer;
    // A checkpoint runs inside the COMMIT that passes the limit: tens of milliseconds copying and syncing pages,
    // which must not hold up this thread. From now on the worker checkpoints: after its own commits, and when
    // asked after every CHECKPOINT_AFTER_COMMITS_HERE small groups committed here.
    this.db.pragma('wal_autocheckpoint = 0');
    const waitMs = background.busyTimeoutMs;
    this.busyTimeout = {
      none: this.db.prepare('PRAGMA busy_timeout = 0'),
      restore: this.db.prepare(`PRAGMA busy_timeout = ${waitMs}`),
    };
  }
}

/** Errors from the native driver may come from another realm (not `instanceof Error`) but still carry their code. */
export function asError(error: unknown): Error {
  if (typeof error === 'object' && error !== null && 'message' in error) return error as Error;
  return new Error(String(error));
}
