import { readFileSync } from 'node:fs';

/**
 * CPU seconds the main thread has used so far (Linux: /proc/self/task/<pid>/stat, utime + stime), or null
 * elsewhere. Unlike wall time it does not grow when other processes share the cores.
 */
export function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the whole process has used so far (all threads: the emulator's worker, GC, libuv). */
export function processCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
