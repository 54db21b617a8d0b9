/** Command-line options of `npm run bench:sync -- [options]`. */
export interface SyncBenchOptions {
  users: number;
  json: boolean;
  latencyMs: number;
  faultRate: number;
  /** Default SQLite, the embedded store production runs on (`CC_STORE` defaults to it). */
  store: 'memory' | 'sqlite';
  /** People synced at once by ours. */
  concurrency: number;
  /** `$batch` calls in flight at once by ours. */
  batchesInFlight: number;
  /** Share of calendars the emulator changes before the delta cycle. */
  mutate: number;
  seed: number;
  /** How many of the people the naive sync reads (default all; fewer = extrapolated, and said so). */
  naiveUsers: number | null;
  skipNaive: boolean;
}

export const USAGE = `Usage: npm run bench:sync -- [--users 10000] [--json] [--latency 20] [--fault-rate 0]
  [--store sqlite|memory] [--concurrency 250] [--batches-in-flight 64] [--mutate 0.05] [--seed 1]
  [--naive-users N] [--skip-naive]`;

export function parseBenchOptions(argv: readonly string[]): SyncBenchOptions {
  const options: SyncBenchOptions = {
    users: 10_000,
    json: false,
    latencyMs: 20,
    faultRate: 0,
    store: 'sqlite',
    concurrency: 250,
    batchesInFlight: 64,
    mutate: 0.05,
    seed: 1,
    naiveUsers: null,
    skipNaive: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return next;
    };
    const number = (min: number, max: number): number => {
      const parsed = Number(value());
      if (!Number.isFinite(parsed) || parsed < min || parsed > max)
        throw new Error(`${flag} must be between ${min} and ${max}.\n${USAGE}`);
      return parsed;
    };
    switch (flag) {
      case '--users':
        options.users = Math.round(number(1, 200_000));
        break;
      case '--json':
        options.json = true;
        break;
      case '--latency':
        options.latencyMs = number(0, 10_000);
        break;
      case '--fault-rate':
        options.faultRate = number(0, 1);
        break;
      case '--store': {
        const kind = value();
        if (kind !== 'memory' && kind !== 'sqlite') throw new Error(`--store is memory or sqlite.\n${USAGE}`);
        options.store = kind;
        break;
      }
      case '--concurrency':
        options.concurrency = Math.round(number(1, 100_000));
        break;
      case '--batches-in-flight':
        options.batchesInFlight = Math.round(number(1, 1000));
        break;
      case '--mutate':
        options.mutate = number(0, 1);
        break;
      case '--seed':
        options.seed = Math.round(number(0, 2 ** 31));
        break;
      case '--naive-users':
        options.naiveUsers = Math.round(number(1, 200_000));
        break;
      case '--skip-naive':
        options.skipNaive = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${USAGE}`);
    }
  }
  return options;
}
