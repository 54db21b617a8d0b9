/**
 * Worker-thread side of the bench's Graph emulator: the emulator and its organisation live here, on the
 * process's second core, so the emulator's own CPU (rendering events, HTTP) does not share a thread with
 * the sync being measured. Still one process; requests still go over loopback HTTP.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { GraphEmulator } from '../../src/dev';
import { generateOrganisation, startGraphEmulator } from '../../src/dev';
import { ManualClock } from '../../src/ports/clock';
import type { EmulatorThreadRequest, EmulatorThreadSettings } from './threaded-emulator';

const settings = workerData as EmulatorThreadSettings;
const clock = new ManualClock(settings.now);
let emulator: GraphEmulator | null = null;

async function answer(request: EmulatorThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'start': {
      const organisation = generateOrganisation({
        size: settings.users,
        seed: settings.seed,
        now: new Date(settings.now),
      });
      emulator = await startGraphEmulator({
        organisation,
        now: () => clock.now(),
        seed: settings.seed,
        latencyMs: settings.latencyMs,
        faultRate: settings.faultRate,
        throttling: true,
      });
      return {
        baseUrl: emulator.baseUrl,
        people: organisation.people.map((p) => ({ id: p.id, mail: p.mail })),
      };
    }
    case 'stats':
      return emulator?.stats();
    case 'resetStats':
      emulator?.resetStats();
      return null;
    case 'advance':
      clock.advance(request.ms);
      return null;
    case 'mutate':
      return emulator?.mutate({ fraction: request.fraction, seed: request.seed }).length ?? 0;
    case 'heap': {
      const heap = getHeapStatistics();
      return {
        usedMb: Math.round(heap.used_heap_size / 1048576),
        totalMb: Math.round(heap.total_heap_size / 1048576),
      };
    }
    case 'close':
      await emulator?.close();
      return null;
  }
}

parentPort?.on('message', (request: EmulatorThreadRequest & { id: number }) => {
  answer(request).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
