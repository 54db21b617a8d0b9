import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { RevisionConflictError } from '../../ports/document-store';
import type { WriteOperation } from './write-operations';
import { WAL_AUTOCHECKPOINT_PAGES, WRITE_SQL } from './write-operations';

/**
 * Runs a file-backed store's writes on a worker thread with its own connection, so the thread that serves the
 * app only checks and serialises values and posts one message per group commit: running the statements,
 * committing and appending to the WAL (and SQLite's automatic checkpoints, which run inside a COMMIT) cost the
 * worker's thread instead. Groups are applied one at a time in the order posted; each settles with one outcome
 * per operation, or fails whole when its transaction could not begin or commit (and was rolled back).
 */
export class BackgroundWriter {
  private readonly worker: Worker;
  private readonly inFlight = new Map<number, PostedGroup>();
  private nextId = 1;
  private ended = false;
  private stopping: Promise<void> | null = null;

  constructor(
    options: { file: string; busyTimeoutMs: number },
    /** Called once if the worker dies: every group in flight has been rejected by then. */
    private readonly onDeath: () => void,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        sql: WRITE_SQL,
        walAutocheckpoint: WAL_AUTOCHECKPOINT_PAGES,
        ...options,
      },
    });
    this.worker.on('message', (message: GroupOutcome) => {
      this.settle(message);
    });
    this.worker.once('error', (error) => {
      this.end(error);
    });
    this.worker.once('exit', () => {
      this.end(null);
    });
    // An idle store must not keep the process alive; a pending group does (see `write`). After the listeners:
    // adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  /** False once the worker has stopped or died: later groups must be written some other way. */
  get alive(): boolean {
    return !this.ended;
  }

  /** True while no group is waiting for the worker (it holds no lock then). */
  get idle(): boolean {
    return this.inFlight.size === 0;
  }

  /** Posts a group; resolves with one outcome per operation, in order, once its transaction has committed. */
  write(operations: WriteOperation[]): Promise<OperationOutcome[]> {
    return this.post((id) => ({ id, operations }));
  }

  /**
   * Asks the worker to copy the WAL back into the database file (a passive checkpoint: it waits for no reader
   * or writer), in turn with the groups posted before it. For writes committed on another connection that leaves
   * checkpoints to this one.
   */
  async checkpoint(): Promise<void> {
    await this.post((id) => ({ id, checkpoint: true }));
  }

  private post(message: (id: number) => PostedMessage): Promise<OperationOutcome[]> {
    if (this.ended || this.stopping) {
      return Promise.reject(new Error('The background writer has stopped; this write was not saved.'));
    }
    const id = this.nextId;
    this.nextId += 1;
    const done = new Promise<OperationOutcome[]>((resolve, reject) => {
      if (this.inFlight.size === 0) this.worker.ref();
      this.inFlight.set(id, { resolve, reject, done: Promise.resolve() });
    });
    const group = this.inFlight.get(id);
    if (group) group.done = done.then(noop, noop);
    this.worker.postMessage(message(id));
    return done;
  }

  /** Waits for the groups in flight, then stops the worker (it closes its connection first). Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    await Promise.all([...this.inFlight.values()].map((group) => group.done));
    if (this.ended) return;
    const exited = new Promise<void>((resolve) => {
      this.worker.once('exit', () => {
        resolve();
      });
    });
    // Held open until the worker has closed its connection (an unref'd worker would let the process end first).
    this.worker.ref();
    this.worker.postMessage('stop' satisfies PostedMessage);
    await exited;
  }

  private settle(message: GroupOutcome): void {
    const group = this.inFlight.get(message.id);
    if (!group) return;
    this.inFlight.delete(message.id);
    if (this.inFlight.size === 0 && !this.stopping) this.worker.unref();
    if ('failed' in message) group.reject(rebuildError(message.failed));
    else group.resolve(message.outcomes);
  }

  private end(error: Error | null): void {
    if (this.ended) return;
    this.ended = true;
    const groups = [...this.inFlight.values()];
    this.inFlight.clear();
    const reason = new Error(
      `The background writer stopped${error ? ` (${error.message})` : ''} before confirming this write; it may not have been saved.`,
    );
    for (const group of groups) group.reject(reason);
    if (!this.stopping) this.onDeath();
  }
}

/** One operation's result as the worker reports it. */
export type OperationOutcome = { ok: true; value: unknown } | { ok: false; error: WorkerError };

/** An error as it crosses threads: a revision conflict, or anything else with its message and SQLite code. */
export type WorkerError =
  { conflict: { collection: string; partition: string; key: string } } | { message: string; code?: string };

type PostedMessage = { id: number; operations: WriteOperation[] } | { id: number; checkpoint: true } | 'stop';
type GroupOutcome = { id: number; outcomes: OperationOutcome[] } | { id: number; failed: WorkerError };

interface PostedGroup {
  resolve(outcomes: OperationOutcome[]): void;
  reject(error: Error): void;
  /** Settles (never rejects) when the group has. */
  done: Promise<void>;
}

const noop = (): void => undefined;

/** The error the caller would have seen had the write run on its own thread: the same class, message and code. */
export function rebuildError(error: WorkerError): Error {
  if ('conflict' in error) {
    const { collection, partition, key } = error.conflict;
    return new RevisionConflictError(collection, partition, key);
  }
  return typeof error.code === 'string'
    ? new Database.SqliteError(error.message, error.code)
    : new Error(error.message);
}

/**
 * Plain JavaScript: runs as-is in the worker (no transpiling there), with the driver the store uses. `apply`
 * mirrors `WriteStatements.apply`, on the same SQL.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.walAutocheckpoint);
const s = {};
for (const [name, sql] of Object.entries(workerData.sql)) s[name] = db.prepare(sql);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');

class Conflict {
  constructor(collection, partition, key) {
    this.conflict = { collection, partition, key };
  }
}

function write(collection, partition, doc) {
  const params = { collection, partition, key: doc.key, revision: doc.revision, value: doc.value };
  if (doc.expected === undefined) {
    s.upsert.run(params);
    return doc.revision;
  }
  const changes = doc.expected === null
    ? s.insertNew.run(params).changes
    : s.replace.run({ ...params, expected: doc.expected }).changes;
  if (changes !== 1) throw new Conflict(collection, partition, doc.key);
  return doc.revision;
}

// Inside the group's transaction better-sqlite3 makes this a savepoint: the batch is all or nothing.
const batch = db.transaction((collection, partition, documents) =>
  documents.map((doc) => write(collection, partition, doc)),
);

function apply(op) {
  switch (op.kind) {
    case 'put':
      return write(op.collection, op.partition, op);
    case 'putBatch':
      return op.documents.length === 0 ? [] : batch.immediate(op.collection, op.partition, op.documents);
    case 'delete':
      s.delete.run({ collection: op.collection, partition: op.partition, key: op.key });
      return undefined;
    case 'claim':
      if (s.claimNew.run({ key: op.key, holder: op.holder, at: op.at }).changes === 1) return true;
      return s.claimExpired.run({ key: op.key, holder: op.holder, at: op.at, expiredBy: op.expiredBy }).changes === 1;
    case 'renewClaim':
      return s.renew.run({ key: op.key, holder: op.holder, at: op.at }).changes === 1;
    case 'completeClaim':
      return s.complete.run({ key: op.key, holder: op.holder }).changes === 1;
    case 'releaseClaim':
      return s.release.run({ key: op.key, holder: op.holder }).changes === 1;
    case 'pruneClaims':
      return op.upper === null
        ? s.pruneToEnd.run({ lower: op.lower, before: op.before }).changes
        : s.prune.run({ lower: op.lower, upper: op.upper, before: op.before }).changes;
    default:
      throw new Error('Unknown write: ' + op.kind);
  }
}

function describe(error) {
  if (error instanceof Conflict) return { conflict: error.conflict };
  const message = error && typeof error.message === 'string' ? error.message : String(error);
  return error && typeof error.code === 'string' ? { message, code: error.code } : { message };
}

parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  if (message.checkpoint === true) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ id: message.id, outcomes: [] });
    } catch (error) {
      parentPort.postMessage({ id: message.id, failed: describe(error) });
    }
    return;
  }
  const { id, operations } = message;
  try {
    begin.run();
  } catch (error) {
    parentPort.postMessage({ id, failed: describe(error) });
    return;
  }
  const outcomes = operations.map((op) => {
    try {
      return { ok: true, value: apply(op) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  });
  try {
    commit.run();
  } catch (error) {
    try {
      if (db.inTransaction) rollback.run();
    } catch {}
    parentPort.postMessage({ id, failed: describe(error) });
    return;
  }
  parentPort.postMessage({ id, outcomes });
});
`;
