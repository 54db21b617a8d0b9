import type { Logger } from 'pino';
import { errorSummary } from './http/http-server';

/**
 * Runs a task every `intervalMs`, never two at once, until stopped. A failing run is logged and the next
 * one happens as usual: one bad tick must not stop prompts for everybody.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private delay: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(runNow = true): void {
    this.stopped = false;
    if (runNow) void this.tick();
    this.timer = setInterval(() => {
      void this.tick();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Starts after `delayMs`: the first run then, the next ones every `intervalMs` after it. */
  startAfter(delayMs: number): void {
    this.stopped = false;
    this.delay = setTimeout(() => {
      this.delay = null;
      if (!this.stopped) this.start(true);
    }, delayMs);
    this.delay.unref();
  }

  /** Runs once now unless a run is in progress; resolves when that run ends. */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    const started = Date.now();
    this.running = this.task()
      .then((result) => {
        this.logger.debug({ task: this.name, ms: Date.now() - started, result }, 'task.done');
      })
      .catch((error: unknown) => {
        this.logger.error({ task: this.name, err: errorSummary(error) }, 'task.failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.delay) clearTimeout(this.delay);
    this.timer = null;
    this.delay = null;
    await this.running;
  }
}
