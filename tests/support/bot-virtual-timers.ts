import type { DeliveryTimers } from '../../src/bot/delivery/delivery-timers';

/** Delivery time that only moves when something sleeps: each sleep jumps the clock forward and is recorded. */
export class VirtualTimers implements DeliveryTimers {
  readonly sleeps: number[] = [];
  private current: number;

  constructor(start = Date.parse('2026-11-24T10:00:00.000Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    if (ms > 0) {
      this.sleeps.push(ms);
      this.current += ms;
    }
    return Promise.resolve();
  }
}
