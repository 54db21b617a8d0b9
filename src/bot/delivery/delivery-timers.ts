/** Time for pacing and retries: real timers in production, a hand-driven clock in tests. */
export interface DeliveryTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimers: DeliveryTimers = {
  now: () => Date.now(),
  sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))),
};
