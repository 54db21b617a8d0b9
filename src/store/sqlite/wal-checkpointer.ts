import { Worker } from 'node:worker_threads';

/**
 * Checkpoints the write-ahead log from a worker thread, so the thread that writes never pays for copying WAL
 * pages back into the data file (SQLite's automatic checkpoint runs inside the COMMIT that crosses its
 * threshold, on the caller's thread). The writer marks each commit in a shared flag; the worker's own
 * connection runs a PASSIVE checkpoint (it never blocks readers or the writer) when the flag is set, at most
 * once per interval. The writer turns its automatic checkpoints off only while the worker runs, and back on
 * if the worker stops for any reason, so the log never grows without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly dirty = new Int32Array(new SharedArrayBuffer(4));
  private stopped = false;

  constructor(
    file: string,
    private readonly automatic: (on: boolean) => void,
    intervalMs = 100,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs, dirty: this.dirty },
    });
    this.worker.unref();
    this.automatic(false);
    const fallBack = (): void => {
      if (this.stopped) return;
      this.stopped = true;
      this.automatic(true);
    };
    this.worker.once('error', fallBack);
    this.worker.once('exit', fallBack);
  }

  /** Called after each commit: the next round of the worker checkpoints. */
  committed(): void {
    Atomics.store(this.dirty, 0, 1);
  }

  /** Stops the worker (its connection closed first); the writer's automatic checkpoints come back on. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    const exited = new Promise<void>((resolve) => {
      this.worker.once('exit', () => {
        resolve();
      });
    });
    // Held open until the worker has closed its connection (an unref'd worker would let the process end first).
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }
}

/** Plain JavaScript: runs as-is in a worker thread (no transpiling there), with the driver the store uses. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const dirty = workerData.dirty;
const timer = setInterval(() => {
  if (Atomics.exchange(dirty, 0, 0) === 0) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    Atomics.store(dirty, 0, 1);
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
