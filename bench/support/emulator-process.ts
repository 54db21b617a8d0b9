/**
 * Child-process side of the bench's Graph emulator: the emulator and its organisation live here, apart from
 * the process being measured. Settings come as one JSON argument; requests come over IPC. The process ends
 * when its parent disconnects (or dies).
 */
import { getHeapStatistics } from 'node:v8';
import type { GraphEmulator } from '../../src/dev';
import { generateOrganisation, startGraphEmulator } from '../../src/dev';
import { ManualClock } from '../../src/ports/clock';
import type { BenchEmulatorRequest, BenchEmulatorSettings, EmulatorUsage } from './bench-emulator';

const settings = JSON.parse(process.argv[2] ?? '{}') as BenchEmulatorSettings;
const clock = new ManualClock(settings.now);
let emulator: GraphEmulator | null = null;

function usage(): EmulatorUsage {
  const heap = getHeapStatistics();
  const cpu = process.cpuUsage();
  return {
    heapUsedMb: Math.round(heap.used_heap_size / 1048576),
    heapTotalMb: Math.round(heap.total_heap_size / 1048576),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
  };
}

async function answer(request: BenchEmulatorRequest): Promise<unknown> {
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
    case 'usage':
      return usage();
    case 'close':
      await emulator?.close();
      emulator = null;
      return null;
  }
}

process.on('message', (request: BenchEmulatorRequest & { id: number }) => {
  answer(request).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: unknown) =>
      process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => {
  void (emulator?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
