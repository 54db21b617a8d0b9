import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DocumentStore } from '../../../src/ports/document-store';
import { RevisionConflictError } from '../../../src/ports/document-store';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-document-store';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../../src/store/sqlite/write-operations';
import { bundleForPlainNode, temporaryStoreFiles } from '../../support/sqlite-files';

/**
 * The background writer of a file-backed SQLite store: after `backgroundWriterAfter` commits a worker thread's
 * own connection runs every write, while the store's connection only reads.
 */
const ROOT = resolve(__dirname, '../../..');

const files = temporaryStoreFiles('career-background-writer-');
const { nextFile } = files;

const keyOf = (i: number): string => `doc-${String(i).padStart(4, '0')}`;
const nextTurn = (): Promise<void> => new Promise((go) => setImmediate(go));

/** One document per event-loop turn, so each is its own group. */
async function writeEach(store: DocumentStore, partition: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await store.put('notes', partition, keyOf(i), { i, partition });
}

/**
 * The store's own (private) connection and worker (in its `WriteGroups`), reached at run time: the adapter
 * exposes no hook, and a test-only one is not worth adding for this.
 */
function connectionOf(store: DocumentStore): Database.Database {
  const db = (store as unknown as { db?: unknown }).db;
  if (!(db instanceof Database)) throw new Error('The SQLite store no longer keeps its connection in `db`.');
  return db;
}

function workerOf(store: DocumentStore): Worker | null {
  const groups = (store as unknown as { groups?: { writer?: { worker?: Worker } | null } }).groups;
  if (!groups) throw new Error('The SQLite store no longer keeps its group commit in `groups`.');
  return groups.writer?.worker ?? null;
}

/** Keys of a partition as a separate connection (another process, say) reads them from the file. */
function keysInFile(file: string, partition: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT key FROM documents WHERE collection = ? AND partition = ? ORDER BY key')
      .all('notes', partition) as { key: string }[];
    return rows.map((row) => row.key);
  } finally {
    db.close();
  }
}

/** SQLite's `data_version` on the store's connection: it moves when another connection (the worker's) commits. */
const commitsByOthers = (store: DocumentStore): unknown =>
  connectionOf(store).pragma('data_version', { simple: true });

const keys = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => keyOf(from + i));

describe('SQLite background writer', () => {
  it('starts only at a group boundary after backgroundWriterAfter commits, and every write before and after is kept', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 3 });
    await writeEach(store, 'before', 2);

    // The third commit is a group of ten: all of it stays on the store's connection, in one transaction.
    const third = keys(10, 2).map((key) => store.put('notes', 'before', key, { key }));
    expect(connectionOf(store).inTransaction).toBe(true);
    await Promise.all(third);
    expect(workerOf(store)).toBeNull();

    const fourth = store.put('notes', 'after', keyOf(0), { i: 0 });
    expect(workerOf(store)).not.toBeNull();
    expect(connectionOf(store).inTransaction).toBe(false);
    await fourth;
    await writeEach(store, 'after', 20);

    expect((await store.list('notes', 'before')).map((doc) => doc.key)).toEqual(keys(12));
    expect((await store.list('notes', 'after')).map((doc) => doc.key)).toEqual(keys(20));
    expect(keysInFile(file, 'before')).toEqual(keys(12));
    expect(keysInFile(file, 'after')).toEqual(keys(20));
    await store.close();
  });

  it('by default the writer starts with the write after the 20th commit, not before', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file });
    await writeEach(store, 'p', 20);
    expect(workerOf(store)).toBeNull();
    await store.put('notes', 'p', 'one-more', { i: 20 });
    expect(workerOf(store)).not.toBeNull();
    await store.close();
  });

  it('with backgroundWriterAfter: false no worker ever starts', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: false });
    await writeEach(store, 'p', 250);
    expect(workerOf(store)).toBeNull();
    await store.close();
    expect(keysInFile(file, 'p')).toHaveLength(250);
  });

  it('a write whose promise resolved is seen at once by get and list on the store’s connection', async () => {
    const store = openSqliteStore({ file: nextFile(), backgroundWriterAfter: 0 });
    for (let i = 0; i < 100; i += 1) {
      const revision = await store.put('notes', 'p', keyOf(i), { i });
      expect(await store.get('notes', 'p', keyOf(i))).toEqual({
        partition: 'p',
        key: keyOf(i),
        revision,
        value: { i },
      });
      expect(await store.list('notes', 'p')).toHaveLength(i + 1);
      // Reads are autocommit: the store's connection never keeps a snapshot open.
      expect(connectionOf(store).inTransaction).toBe(false);
    }
    expect(workerOf(store)).not.toBeNull();
    await store.close();
  });

  it('a revision conflict in a group rejects only that write, which changes nothing', async () => {
    const store = openSqliteStore({ file: nextFile(), backgroundWriterAfter: 0 });
    const original = await store.put('notes', 'p', 'b', { v: 'original' });
    const results = await Promise.allSettled([
      store.put('notes', 'p', 'a', { v: 1 }),
      store.put('notes', 'p', 'b', { v: 'stale' }, { expectedRevision: 'not-the-revision' }),
      store.put('notes', 'p', 'c', { v: 3 }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [, second] = results;
    const conflict = second.status === 'rejected' ? (second.reason as unknown) : null;
    expect(conflict).toBeInstanceOf(RevisionConflictError);
    expect(conflict).toMatchObject({ collection: 'notes', partition: 'p', key: 'b' });
    expect(await store.get('notes', 'p', 'b')).toMatchObject({
      revision: original,
      value: { v: 'original' },
    });
    expect((await store.list('notes', 'p')).map((doc) => doc.key)).toEqual(['a', 'b', 'c']);
    await store.close();
  });

  it('a batch that conflicts rolls back only itself: the writes around it in its group are kept', async () => {
    const store = openSqliteStore({ file: nextFile(), backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'y2', { v: 'existing' });
    const results = await Promise.allSettled([
      store.put('notes', 'p', 'x', { v: 1 }),
      store.putBatch('notes', 'p', [
        { key: 'y1', value: { v: 1 } },
        { key: 'y2', value: { v: 2 }, expectedRevision: null },
      ]),
      store.put('notes', 'p', 'z', { v: 3 }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [, batch] = results;
    expect(batch.status === 'rejected' ? (batch.reason as unknown) : null).toMatchObject({
      name: 'RevisionConflictError',
      key: 'y2',
    });
    expect((await store.list('notes', 'p')).map((doc) => doc.key)).toEqual(['x', 'y2', 'z']);
    expect((await store.get('notes', 'p', 'y2'))?.value).toEqual({ v: 'existing' });
    await store.close();
  });

  it('a group the worker cannot begin (SQLITE_BUSY) rejects all its writes with the driver’s code', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, busyTimeoutMs: 100, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'first', 1);
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const results = await Promise.allSettled([
      store.put('notes', 'p', 'a', 1),
      store.claim('prompt:1', 'me', new Date()),
    ]);
    other.prepare('ROLLBACK').run();
    other.close();
    const codes = results.map((result) =>
      result.status === 'rejected' ? (result.reason as { code?: unknown }).code : 'fulfilled',
    );
    expect(codes).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY']);
    expect(await store.list('notes', 'p')).toHaveLength(1);
    await store.put('notes', 'p', 'a', 1);
    expect(await store.list('notes', 'p')).toHaveLength(2);
    await store.close();
  });

  it('close() commits the writes still in flight, stops the worker, and removes the log', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', keyOf(0), { i: 0 });
    const inFlight = keys(50, 1).map((key) => store.put('notes', 'p', key, { key }));
    await nextTurn(); // the group has been posted to the worker
    const unposted = store.put('notes', 'p', keyOf(51), { i: 51 });
    await expect(store.close()).resolves.toBeUndefined();
    await expect(Promise.all([...inFlight, unposted])).resolves.toHaveLength(51);
    // The last connection to close removes the log: the worker's was closed before the store's.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(keysInFile(file, 'p')).toEqual(keys(52));
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('a write after close() rejects, saying the store is closed, and writes nothing', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'a', 1);
    await store.close();
    await expect(store.put('notes', 'p', 'b', 2)).rejects.toThrow(/store is closed/);
    await expect(store.claim('k', 'me', new Date())).rejects.toThrow(/store is closed/);
    expect(keysInFile(file, 'p')).toEqual(['a']);
  });

  it('when the worker dies its group in flight rejects, and later writes are made on the store’s own connection', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'before', 1);
    const worker = workerOf(store);
    if (!worker) throw new Error('no background writer started');
    // A message that is no group makes the worker throw and die before it reaches the group posted after it.
    // (Not `terminate()`: stopping a worker inside a SQLite call aborts the whole process in the driver.)
    const exited = new Promise<void>((go) => {
      worker.once('exit', () => {
        go();
      });
    });
    worker.postMessage({ id: -1 });
    // More writes than a group the store would write on its own thread: this group goes to the worker.
    const inFlight = keys(40).map((key) => store.put('notes', 'p', `lost-${key}`, 2));
    await exited;
    for (const write of inFlight) await expect(write).rejects.toThrow(/background writer stopped/);

    expect(workerOf(store)).toBeNull();
    // Every write is made on the store's connection again, and it checkpoints again.
    expect(connectionOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    const after = store.put('notes', 'p', 'after', 3);
    expect(connectionOf(store).inTransaction).toBe(true);
    await expect(after).resolves.toEqual(expect.any(String));
    await writeEach(store, 'q', 5);
    await store.close();
    expect(keysInFile(file, 'p')).toEqual(['after', 'before']);
    expect(keysInFile(file, 'q')).toEqual(keys(5));
  });

  it('two stores on one file, each with its own worker, write at once without deadlock and each claim has one winner', async () => {
    const file = nextFile();
    const first = openSqliteStore({ file, backgroundWriterAfter: 0 });
    const second = openSqliteStore({ file, backgroundWriterAfter: 0 });
    const now = new Date('2026-03-02T09:00:00.000Z');
    const claimAll = async (store: DocumentStore, holder: string): Promise<number[]> => {
      const won = await Promise.all(
        Array.from({ length: 100 }, (_, k) => store.claim(`prompt:${k}`, holder, now)),
      );
      return won.flatMap((ok, k) => (ok ? [k] : []));
    };
    const [, , firstWon, secondWon] = await Promise.all([
      writeEach(first, 'first', 100),
      writeEach(second, 'second', 100),
      claimAll(first, 'first'),
      claimAll(second, 'second'),
    ]);
    expect(workerOf(first)).not.toBeNull();
    expect(workerOf(second)).not.toBeNull();
    expect([...firstWon, ...secondWon].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, k) => k),
    );
    expect(await first.list('notes', 'second')).toHaveLength(100);
    expect(await second.list('notes', 'first')).toHaveLength(100);
    await Promise.all([first.close(), second.close()]);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a process with a write in flight waits for it, and an idle store does not keep the process alive', () => {
    const file = nextFile();
    const bundle = join(files.folder(), 'sqlite-store.cjs');
    bundleForPlainNode(bundle, `export { openSqliteStore } from './src/store/sqlite/sqlite-document-store';`);
    // Never closes the store: the process ends only when nothing is left to do.
    const script = `
      const { openSqliteStore } = require(process.argv[1]);
      const store = openSqliteStore({ file: process.argv[2], backgroundWriterAfter: 0 });
      store.put('notes', 'p', 'a', 1).then(() => {
        // Forty writes in one turn: a group for the worker, in flight when the script has nothing else to do.
        const group = Array.from({ length: 40 }, (_, i) => store.put('notes', 'p', 'b-' + String(i).padStart(2, '0'), i));
        Promise.all(group).then(() => process.stdout.write('saved'));
      });
    `;
    const child = spawnSync(process.execPath, ['-e', script, bundle, file], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('saved');
    expect(keysInFile(file, 'p')).toEqual([
      'a',
      ...Array.from({ length: 40 }, (_, i) => `b-${String(i).padStart(2, '0')}`),
    ]);
  });

  it('once the worker runs, a group of up to 32 writes is committed on the store’s own connection while the worker is idle', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'first', 1);
    expect(workerOf(store)).not.toBeNull();
    const before = commitsByOthers(store);
    await Promise.all(keys(32).map((key) => store.put('notes', 'p', key, { key })));
    await store.claim('prompt:1', 'me', new Date());
    // No other connection committed: the page cache of the store's connection is still good for its reads.
    expect(commitsByOthers(store)).toBe(before);

    await Promise.all(keys(33, 100).map((key) => store.put('notes', 'p', key, { key })));
    expect(commitsByOthers(store)).not.toBe(before);
    expect(keysInFile(file, 'p')).toEqual([...keys(32), ...keys(33, 100), 'first']);
    await store.close();
  });

  it('one batch counts each of its documents: a batch of 33 goes to the worker, one of 32 stays on the store’s connection', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'first', 1);
    const batch = (from: number, n: number) => keys(n, from).map((key) => ({ key, value: { key } }));
    const before = commitsByOthers(store);
    await store.putBatch('notes', 'p', batch(0, 32));
    expect(commitsByOthers(store)).toBe(before);

    await store.putBatch('notes', 'p', batch(100, 33));
    expect(commitsByOthers(store)).not.toBe(before);
    expect(keysInFile(file, 'p')).toEqual([...keys(32), ...keys(33, 100), 'first']);
    await store.close();
  });

  it('a small group made while a group is at the worker is written after it, so the later write wins', async () => {
    const store = openSqliteStore({ file: nextFile(), backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'first', 1);
    const text = 'x'.repeat(2000);
    const big = keys(3000).map((key) => store.put('notes', 'p', key, { text, from: 'big group' }));
    await nextTurn(); // the big group has been posted
    const small = store.put('notes', 'p', keyOf(0), { from: 'small group' });
    await Promise.all([...big, small]);
    expect((await store.get('notes', 'p', keyOf(0)))?.value).toEqual({ from: 'small group' });
    await store.close();
  });

  it('a small group never waits on the serving thread for a lock another connection holds: the worker waits for it', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, busyTimeoutMs: 5000, backgroundWriterAfter: 0 });
    await store.put('notes', 'p', 'first', 1);
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const saved = store.put('notes', 'p', 'a', 1);
    const started = Date.now();
    await new Promise((go) => setTimeout(go, 100));
    // Had this thread waited for the lock (up to 5 s), the timer would have fired that much later.
    expect(Date.now() - started).toBeLessThan(1000);
    other.prepare('COMMIT').run();
    other.close();
    await expect(saved).resolves.toEqual(expect.any(String));
    expect(connectionOf(store).pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(keysInFile(file, 'p')).toEqual(['a', 'first']);
    await store.close();
  });

  it('the worker lets the WAL grow to WAL_AUTOCHECKPOINT_PAGES before one of its commits checkpoints it', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    expect(connectionOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    // 2,400 documents of about 4 KB each (a page or two), in groups of 40 (the worker's): with SQLite's default
    // of 1,000 pages the WAL would be checkpointed and reused from its start, never passing about 4 MB.
    const text = 'x'.repeat(3500);
    for (let i = 0; i < 2400; i += 40)
      await Promise.all(keys(40, i).map((key) => store.put('notes', 'wal', key, { text })));
    expect(workerOf(store)).not.toBeNull();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(8 * 1024 * 1024);
    await store.close();
    expect(keysInFile(file, 'wal')).toHaveLength(2400);
  });

  it('once the worker runs, the store’s own commits never checkpoint: the worker does, after 2,000 of them', async () => {
    const file = nextFile();
    const store = openSqliteStore({ file, backgroundWriterAfter: 0 });
    const text = 'x'.repeat(3500);
    await store.put('notes', 'wal', keyOf(0), { text }); // starts the worker; committed here all the same
    expect(connectionOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const fileSize = statSync(file).size;
    // 1,999 commits here (7 MB of WAL, past SQLite's default limit): none of them copies a page into the file.
    for (let i = 1; i < 2000; i += 1) await store.put('notes', 'wal', keyOf(i), { text });
    expect(statSync(file).size).toBe(fileSize);
    // The 2,000th asks the worker for a checkpoint; a write posted behind it finds it done.
    await store.put('notes', 'wal', keyOf(2000), { text });
    await Promise.all(keys(40, 3000).map((key) => store.put('notes', 'wal', key, { text })));
    expect(statSync(file).size).toBeGreaterThan(fileSize + 7 * 1024 * 1024);
    await store.close();
    expect(keysInFile(file, 'wal')).toHaveLength(2041);
  });
});
