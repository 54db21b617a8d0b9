import type { Logger } from 'pino';

/**
 * Work that follows a turn without holding up its answer (cards for the other person). Jobs with the same key
 * run one after another in order; at most `maxRunning` jobs run at once (the rest wait their turn, so a burst
 * of card actions never turns into a burst of renders and sends). `idle()` waits for everything queued.
 */
export class BackgroundQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly maxRunning = 8,
  ) {}

  run(key: string, job: () => Promise<void>, name: string): void {
    if (this.closed) {
      this.logger.warn({ job: name }, 'bot.background.dropped_after_close');
      return;
    }
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.withSlot(job))
      .catch((error: unknown) => {
        this.logger.error({ job: name, error: errorName(error) }, 'bot.background.failed');
      });
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
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

export function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
