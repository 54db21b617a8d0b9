import { fork } from 'node:child_process';
import path from 'node:path';
import type { GraphEmulatorStats } from '../../src/dev';

export interface BenchEmulatorSettings {
  users: number;
  seed: number;
  /** ms since epoch: the moment the organisation's calendars are generated around. */
  now: number;
  latencyMs: number;
  faultRate: number;
}

export type BenchEmulatorRequest =
  | { op: 'start' }
  | { op: 'stats' }
  | { op: 'resetStats' }
  | { op: 'advance'; ms: number }
  | { op: 'mutate'; fraction: number; seed: number }
  | { op: 'usage' }
  | { op: 'close' };

/** What the emulator's process has used: its V8 heap now, its peak RSS and its CPU so far. */
export interface EmulatorUsage {
  heapUsedMb: number;
  heapTotalMb: number;
  peakRssMb: number;
  cpuSeconds: number;
}

export interface BenchEmulator {
  baseUrl: string;
  people: { id: string; mail: string }[];
  stats(): Promise<GraphEmulatorStats>;
  resetStats(): Promise<void>;
  /** Moves the emulator's clock (keep it in step with the sync's clock). */
  advance(ms: number): Promise<void>;
  /** Changes about `fraction` of the calendars; resolves with the number of changes. */
  mutate(fraction: number, seed: number): Promise<number>;
  usage(): Promise<EmulatorUsage>;
  close(): Promise<void>;
}

/**
 * Starts the Graph emulator (with a generated organisation) in a child process: it stands in for Microsoft's
 * servers, so its memory is not the app's and stays out of the bench process's peak RSS. It still shares the
 * machine's cores, and requests still go over loopback HTTP.
 */
export async function startBenchEmulator(settings: BenchEmulatorSettings): Promise<BenchEmulator> {
  const child = fork(
    path.resolve(__dirname, '..', '..', 'scripts', 'run-ts.cjs'),
    [path.join(__dirname, 'emulator-process.ts'), JSON.stringify(settings)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=256'] },
  );
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const failAll = (error: Error): void => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
  });
  child.on('error', failAll);
  child.on('exit', (code) => {
    failAll(new Error(`The Graph emulator's process exited (${String(code)}).`));
  });
  const call = <T>(request: BenchEmulatorRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, {
        resolve: (value) => {
          resolve(value as T);
        },
        reject,
      });
      child.send({ ...request, id });
    });

  const started = await call<{ baseUrl: string; people: { id: string; mail: string }[] }>({ op: 'start' });
  return {
    ...started,
    stats: () => call<GraphEmulatorStats>({ op: 'stats' }),
    resetStats: () => call<null>({ op: 'resetStats' }).then(() => undefined),
    advance: (ms) => call<null>({ op: 'advance', ms }).then(() => undefined),
    mutate: (fraction, seed) => call<number>({ op: 'mutate', fraction, seed }),
    usage: () => call<EmulatorUsage>({ op: 'usage' }),
    close: async () => {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );
      await call<null>({ op: 'close' });
      child.disconnect();
      await exited;
    },
  };
}
