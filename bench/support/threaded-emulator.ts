import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GraphEmulatorStats } from '../../src/dev';

export interface EmulatorThreadSettings {
  users: number;
  seed: number;
  /** ms since epoch: the moment the organisation's calendars are generated around. */
  now: number;
  latencyMs: number;
  faultRate: number;
}

export type EmulatorThreadRequest =
  | { op: 'start' }
  | { op: 'stats' }
  | { op: 'resetStats' }
  | { op: 'advance'; ms: number }
  | { op: 'mutate'; fraction: number; seed: number }
  | { op: 'heap' }
  | { op: 'close' };

export interface ThreadedEmulator {
  baseUrl: string;
  people: { id: string; mail: string }[];
  stats(): Promise<GraphEmulatorStats>;
  resetStats(): Promise<void>;
  /** Moves the emulator's clock (keep it in step with the sync's clock). */
  advance(ms: number): Promise<void>;
  /** Changes about `fraction` of the calendars; resolves with the number of changes. */
  mutate(fraction: number, seed: number): Promise<number>;
  /** The emulator thread's V8 heap (used and reserved), in MB. */
  heap(): Promise<{ usedMb: number; totalMb: number }>;
  close(): Promise<void>;
}

/** Starts the Graph emulator (with a generated organisation) on a worker thread of this process. */
export async function startThreadedEmulator(settings: EmulatorThreadSettings): Promise<ThreadedEmulator> {
  const root = path.resolve(__dirname, '..', '..');
  const entry = path.join(__dirname, 'emulator-thread.ts');
  const worker = new Worker(
    `require(${JSON.stringify(path.join(root, 'scripts', 'ts-loader.cjs'))}).register(); require(${JSON.stringify(entry)});`,
    { eval: true, workerData: settings, resourceLimits: { maxOldGenerationSizeMb: 128 } },
  );
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const call = <T>(request: EmulatorThreadRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, {
        resolve: (value) => {
          resolve(value as T);
        },
        reject,
      });
      worker.postMessage({ ...request, id });
    });

  const started = await call<{ baseUrl: string; people: { id: string; mail: string }[] }>({ op: 'start' });
  return {
    ...started,
    stats: () => call<GraphEmulatorStats>({ op: 'stats' }),
    resetStats: () => call<null>({ op: 'resetStats' }).then(() => undefined),
    advance: (ms) => call<null>({ op: 'advance', ms }).then(() => undefined),
    mutate: (fraction, seed) => call<number>({ op: 'mutate', fraction, seed }),
    heap: () => call<{ usedMb: number; totalMb: number }>({ op: 'heap' }),
    close: async () => {
      await call<null>({ op: 'close' });
      await worker.terminate();
    },
  };
}
