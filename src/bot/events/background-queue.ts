import type { Logger } from 'pino';

/**
 * How many jobs may wait or run at once before new ones are turned away. A waiting job (an outbox entry, its
 * closures and promises) takes about 3 KB of heap (measured with 10,000), so a full queue holds about 15 MB.
 * At Teams' pace (50 sends a second per tenant, one to three sends a job) that is a few minutes of sending.
 */
export const BACKGROUND_CAPACITY = 5_000;

export interface BackgroundQueueOptions {
  /** Jobs running at once; the rest wait their turn. Default 8. */
  maxRunning?: number;
  /** Jobs waiting or running at once; `run` turns the next ones away. Default `BACKGROUND_CAPACITY`. */
  capacity?: number;
}

/**
 * Work that follows a turn without holding up its answer (cards for the other person). Jobs with the same key
 * run one after another in order; at most `maxRunning` jobs run at once (the rest wait their turn, so a burst
 * of card actions never turns into a burst of renders and sends). `idle()` waits for everything queued.
 *
 * The queue is bounded: past `capacity` jobs (Teams slow or down while people keep working in the tab, say),
 * or once closed, `run` refuses the job and says so. Callers only queue work that is also saved in the outbox,
 * so a refused job is not lost: the outbox drain runs it on a later scheduler tick.
 */
export class BackgroundQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private readonly maxRunning: number;
  private readonly capacity: number;
  private running = 0;
  /** Jobs accepted and not finished yet (waiting or running). */
  private size = 0;
  /** Jobs refused since the queue was last accepting; a count, so a flood of refusals logs twice, not each time. */
  private refused = 0;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    options: BackgroundQueueOptions = {},
  ) {
    this.maxRunning = wholeNumber('maxRunning', options.maxRunning ?? 8, 1);
    this.capacity = wholeNumber('capacity', options.capacity ?? BACKGROUND_CAPACITY, 1);
  }

  /** Queues the job; false (and it never runs) when the queue is closed or full. */
  run(key: string, job: () => Promise<void>, name: string): boolean {
    if (this.closed) {
      this.logger.warn({ job: name }, 'bot.background.dropped_after_close');
      return false;
    }
    if (this.size >= this.capacity) {
      if (this.refused === 0) this.logger.warn({ job: name, capacity: this.capacity }, 'bot.background.full');
      this.refused += 1;
      return false;
    }
    if (this.refused > 0) {
      this.logger.info({ refused: this.refused }, 'bot.background.accepting_again');
      this.refused = 0;
    }
    this.size += 1;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.withSlot(job))
      .catch((error: unknown) => {
        this.logger.error({ job: name, error: errorName(error) }, 'bot.background.failed');
      })
      .finally(() => {
        this.size -= 1;
      });
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return true;
  }

  /** Resolves once no job is queued or running (jobs queued meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  close(): void {
    this.closed = true;
  }

  private async withSlot(job: () => Promise<void>): Promise<void> {
    if (this.running >= this.maxRunning) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      await job();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`The background queue's ${name} must be a whole number from ${min} (got ${value}).`);
  return value;
}

export function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
