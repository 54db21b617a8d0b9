import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import type { DocumentStore } from '../../../src/ports/document-store';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-document-store';

/**
 * Background WAL checkpoints of a file-backed SQLite store: after `backgroundCheckpointAfter` commits a
 * worker thread's own connection copies the log into the data file, while the writer's automatic
 * checkpoints are off.
 */
const DOCUMENTS = 300;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

let folder: string;
let count = 0;
const nextFile = (): string => {
  count += 1;
  return join(folder, `data-${count}`, 'career.db');
};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'career-wal-checkpointer-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const keyOf = (i: number): string => `doc-${String(i).padStart(4, '0')}`;

/** One document per event-loop turn, so each is its own commit. */
async function writeEach(store: DocumentStore, partition: string, n = DOCUMENTS): Promise<void> {
  for (let i = 0; i < n; i += 1) await store.put('notes', partition, keyOf(i), { i, partition });
}

/**
 * The store's own (private) connection, reached at run time for read-only pragmas: the adapter exposes no
 * hook, and a test-only one is not worth adding for this.
 */
function writerOf(store: DocumentStore): Database.Database {
  const db = (store as unknown as { db?: unknown }).db;
  if (!(db instanceof Database)) throw new Error('The SQLite store no longer keeps its connection in `db`.');
  return db;
}

function autocheckpointOf(store: DocumentStore): unknown {
  return writerOf(store).pragma('wal_autocheckpoint', { simple: true });
}

/** The worker thread, when the store has started one (reached at run time, like `writerOf`). */
function workerOf(store: DocumentStore): Worker | null {
  const checkpointer = (store as unknown as { checkpointer?: { worker?: Worker } | null }).checkpointer;
  return checkpointer?.worker ?? null;
}

/**
 * Rows of `partition` found in a copy of the data file alone (no -wal, no -shm): only what has been
 * checkpointed. Null when the copy cannot be read yet (no schema checkpointed, or copied mid-checkpoint).
 */
function rowsInDataFile(file: string, partition: string): number | null {
  const copyFolder = mkdtempSync(join(folder, 'copy-'));
  const copy = join(copyFolder, 'copy.db');
  copyFileSync(file, copy);
  let db: Database.Database | null = null;
  try {
    db = new Database(copy);
    const row = db
      .prepare('SELECT count(*) AS n FROM documents WHERE collection = ? AND partition = ?')
      .get('notes', partition) as { n: number };
    return row.n;
  } catch {
    return null;
  } finally {
    db?.close();
    rmSync(copyFolder, { recursive: true, force: true });
  }
}

/** Polls the data file (up to `timeoutMs`) until it holds `expected` rows; returns the last count seen. */
async function checkpointedRows(
  file: string,
  partition: string,
  expected: number,
  timeoutMs = 3000,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = rowsInDataFile(file, partition);
    if (rows === expected || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every row of the partitions, read back through a fresh store. */
async function readBack(file: string, partitions: readonly string[]): Promise<Map<string, number>> {
  const store = openSqliteStore({ file, backgroundCheckpointAfter: false });
  try {
    const counts = new Map<string, number>();
    for (const partition of partitions) {
      const docs = await store.list<{ i: number; partition: string }>('notes', partition);
      expect(docs.map((doc) => doc.value)).toEqual(
        Array.from({ length: DOCUMENTS }, (_, i) => ({ i, partition })),
      );
      counts.set(partition, docs.length);
    }
    return counts;
  } finally {
    await store.close();
  }
}

describe('SQLite background WAL checkpoints', () => {
  it('with backgroundCheckpointAfter: 1 the worker checkpoints into the data file while the writer’s automatic checkpoints are off', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundCheckpointAfter: 1 });
    expect(autocheckpointOf(store)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT);
    await writeEach(store, 'p');
    expect(workerOf(store)).not.toBeNull();
    expect(autocheckpointOf(store)).toBe(0);

    // The writer never checkpoints now, so rows in the bare data file were put there by the worker.
    expect(await checkpointedRows(file, 'p', DOCUMENTS)).toBe(DOCUMENTS);
    expect(autocheckpointOf(store)).toBe(0);

    await expect(store.close()).resolves.toBeUndefined();
    // The last connection to close removes the log: the worker's connection was closed before the writer's.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await readBack(file, ['p'])).toEqual(new Map([['p', DOCUMENTS]]));
  });

  it('by default the worker starts at the 200th commit, not before', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file });
    await writeEach(store, 'p', 199);
    expect(workerOf(store)).toBeNull();
    expect(autocheckpointOf(store)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT);
    await store.put('notes', 'p', 'one-more', { i: 199 });
    expect(workerOf(store)).not.toBeNull();
    expect(autocheckpointOf(store)).toBe(0);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('with backgroundCheckpointAfter: false no worker starts and SQLite’s automatic checkpoints stay as they are', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundCheckpointAfter: false });
    await writeEach(store, 'p');
    expect(workerOf(store)).toBeNull();
    expect(autocheckpointOf(store)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT);
    await expect(store.close()).resolves.toBeUndefined();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await readBack(file, ['p'])).toEqual(new Map([['p', DOCUMENTS]]));
  });

  it('when the worker dies, the writer’s automatic checkpoints come back on and the store keeps working', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundCheckpointAfter: 1 });
    await writeEach(store, 'p', 5);
    const worker = workerOf(store);
    if (!worker) throw new Error('no checkpoint worker started');
    expect(autocheckpointOf(store)).toBe(0);
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        resolve();
      });
    });
    await worker.terminate();
    await exited;
    expect(autocheckpointOf(store)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT);
    await writeEach(store, 'q', 5);
    await expect(store.close()).resolves.toBeUndefined();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = openSqliteStore({ file, backgroundCheckpointAfter: false });
    expect(await reopened.list('notes', 'p')).toHaveLength(5);
    expect(await reopened.list('notes', 'q')).toHaveLength(5);
    await reopened.close();
  });

  it('close() right after the worker started still stops it and keeps every write', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundCheckpointAfter: 1 });
    await store.put('notes', 'p', keyOf(0), { i: 0, partition: 'p' });
    expect(workerOf(store)).not.toBeNull();
    const pending = store.put('notes', 'p', keyOf(1), { i: 1, partition: 'p' });
    await expect(store.close()).resolves.toBeUndefined();
    await expect(pending).resolves.toEqual(expect.any(String));
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = openSqliteStore({ file, backgroundCheckpointAfter: false });
    expect((await reopened.list('notes', 'p')).map((doc) => doc.key)).toEqual([keyOf(0), keyOf(1)]);
    await reopened.close();
  });

  it('two stores on one file, both checkpointing in the background, write at once without SQLITE_BUSY', async () => {
    const file = nextFile();
    const first = openSqliteStore({ file, backgroundCheckpointAfter: 1 });
    const second = openSqliteStore({ file, backgroundCheckpointAfter: 1 });
    const results = await Promise.allSettled([writeEach(first, 'first'), writeEach(second, 'second')]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(workerOf(first)).not.toBeNull();
    expect(workerOf(second)).not.toBeNull();
    expect(autocheckpointOf(first)).toBe(0);
    expect(autocheckpointOf(second)).toBe(0);
    expect(await checkpointedRows(file, 'second', DOCUMENTS)).toBe(DOCUMENTS);
    expect(rowsInDataFile(file, 'first')).toBe(DOCUMENTS);

    await expect(Promise.all([first.close(), second.close()])).resolves.toEqual([undefined, undefined]);
    // Four connections (two writers, two workers) were open; the log goes with the last of them.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await readBack(file, ['first', 'second'])).toEqual(
      new Map([
        ['first', DOCUMENTS],
        ['second', DOCUMENTS],
      ]),
    );
  });
});
