import { Writable } from 'node:stream';
import { BackgroundQueue } from '../../../src/bot/events/background-queue';
import { createLogger } from '../../../src/server/logger';

/** A job that runs until the test lets it finish. */
class Gate {
  started = false;
  private open: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => {
    this.open = resolve;
  });

  readonly job = async (): Promise<void> => {
    this.started = true;
    await this.opened;
  };

  finish(): void {
    this.open();
  }
}

/** A job that only counts how often it ran. */
function counting(): { job: () => Promise<void>; runs: () => number } {
  let runs = 0;
  return {
    job: () => {
      runs += 1;
      return Promise.resolve();
    },
    runs: () => runs,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the background queue', () => {
  const logs: { event: string; [field: string]: unknown }[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        logs.push(JSON.parse(chunk.toString('utf8')) as { event: string });
        done();
      },
    }),
  });
  const messages = () => logs.map((l) => l.event);

  beforeEach(() => {
    logs.length = 0;
  });

  test('runs the jobs of one key one after another, in the order they came', async () => {
    const queue = new BackgroundQueue(logger);
    const order: string[] = [];
    const first = new Gate();
    expect(queue.run('recap:1', first.job, 'first')).toBe(true);
    expect(
      queue.run(
        'recap:1',
        () => {
          order.push('second');
          return Promise.resolve();
        },
        'second',
      ),
    ).toBe(true);
    await settle();
    expect(first.started).toBe(true);
    expect(order).toEqual([]);
    first.finish();
    await queue.idle();
    expect(order).toEqual(['second']);
  });

  test('runs at most maxRunning jobs at once; the next starts when one finishes', async () => {
    const queue = new BackgroundQueue(logger, { maxRunning: 2 });
    const gates = [new Gate(), new Gate(), new Gate()];
    gates.forEach((gate, i) => queue.run(`recap:${i}`, gate.job, 'job'));
    await settle();
    expect(gates.map((g) => g.started)).toEqual([true, true, false]);
    gates[1]?.finish();
    await settle();
    expect(gates[2]?.started).toBe(true);
    gates.forEach((g) => {
      g.finish();
    });
    await queue.idle();
  });

  test('turns jobs away past its capacity, logs it once, and takes jobs again once there is room', async () => {
    const queue = new BackgroundQueue(logger, { capacity: 2 });
    const gates = [new Gate(), new Gate()];
    expect(queue.run('recap:1', gates[0]!.job, 'job')).toBe(true);
    expect(queue.run('recap:1', gates[1]!.job, 'job')).toBe(true);
    const counted = counting();
    expect(queue.run('recap:2', counted.job, 'recapSent')).toBe(false);
    expect(queue.run('recap:3', counted.job, 'recapSent')).toBe(false);
    expect(queue.run('recap:1', counted.job, 'recapAcknowledged')).toBe(false);
    expect(messages()).toEqual(['bot.background.full']);
    expect(logs[0]).toMatchObject({ job: 'recapSent', capacity: 2 });

    gates[0]!.finish();
    await settle();
    await settle();
    expect(queue.run('recap:4', counted.job, 'recapSent')).toBe(true);
    expect(logs[1]).toMatchObject({ event: 'bot.background.accepting_again', refused: 3 });
    gates[1]!.finish();
    await queue.idle();
    // Only the accepted job ran: the refused ones are the outbox drain's.
    expect(counted.runs()).toBe(1);
  });

  test('a failing job is logged by name and error only, and the next job of its key still runs', async () => {
    const queue = new BackgroundQueue(logger, { capacity: 1 });
    queue.run('recap:1', () => Promise.reject(new TypeError('secret text')), 'recapSent');
    await queue.idle();
    const next = counting();
    expect(queue.run('recap:1', next.job, 'recapAcknowledged')).toBe(true);
    await queue.idle();
    expect(next.runs()).toBe(1);
    expect(logs).toEqual([
      expect.objectContaining({ event: 'bot.background.failed', job: 'recapSent', error: 'TypeError' }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('secret text');
  });

  test('once closed, it turns every job away', async () => {
    const queue = new BackgroundQueue(logger);
    queue.close();
    const job = counting();
    expect(queue.run('recap:1', job.job, 'recapSent')).toBe(false);
    await queue.idle();
    expect(job.runs()).toBe(0);
    expect(messages()).toEqual(['bot.background.dropped_after_close']);
  });

  test('refuses a capacity or a number of running jobs that is not a whole number from 1', () => {
    expect(() => new BackgroundQueue(logger, { capacity: 0 })).toThrow(
      "The background queue's capacity must be a whole number from 1 (got 0).",
    );
    expect(() => new BackgroundQueue(logger, { maxRunning: 1.5 })).toThrow(/maxRunning/);
    expect(() => new BackgroundQueue(logger, { capacity: Number.NaN })).toThrow(/capacity/);
  });
});
