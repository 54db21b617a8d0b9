import type { RetryPolicy, RetryTools } from './throttle-retry-middleware';
import { GraphRequestError } from './graph-errors';
import { backoffDelayMs, isRetryableStatus, retryAfterMs } from './retry-delay';

/** A GET that may travel inside a `$batch`. */
export interface BatchableRequest {
  /** Path under the version root, query included. */
  url: string;
  headers?: Record<string, string>;
}

/** One inner answer, as `$batch` returns it. */
export interface InnerReply {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: unknown;
  attempts: number;
}

export interface BatchOptions {
  /** Inner requests per `$batch` (Graph allows 20). */
  maxSize: number;
  /** `$batch` calls in flight at once. */
  maxInFlight: number;
  /** How long a partly filled batch waits for company (0: the rest of this turn of the event loop). */
  lingerMs: number;
}

/** Sends one `$batch`; resolves with the inner replies by id, rejects when the batch as a whole failed. */
export type BatchSender = (
  requests: readonly ({ id: string; method: 'GET' } & BatchableRequest)[],
) => Promise<Map<string, Omit<InnerReply, 'attempts'>>>;

interface Pending {
  request: BatchableRequest;
  attempt: number;
  resolve(reply: InnerReply): void;
  reject(error: unknown): void;
}

/**
 * Coalesces concurrent GETs into `$batch` calls of up to 20 and retries each throttled inner request on
 * its own, after its own `Retry-After`, without holding back the others. A batch that fails as a whole
 * sends its requests round again (with back-off) until their attempts run out.
 */
export class JsonBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly send: BatchSender,
    private readonly options: BatchOptions,
    private readonly policy: RetryPolicy,
    private readonly tools: RetryTools,
    private readonly onInnerAttempt: (status: number | null) => void,
  ) {
    if (options.maxSize < 1 || options.maxSize > 20)
      throw new RangeError('A Graph $batch holds 1 to 20 requests.');
  }

  request(request: BatchableRequest): Promise<InnerReply> {
    return new Promise<InnerReply>((resolve, reject) => {
      this.enqueue({ request, attempt: 0, resolve, reject });
    });
  }

  private enqueue(pending: Pending): void {
    this.queue.push(pending);
    if (this.queue.length >= this.options.maxSize) {
      this.pump(false);
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump(true);
      }, this.options.lingerMs);
    }
  }

  /** Sends full batches while there is room; a partly filled one only when `flushPartial`. */
  private pump(flushPartial: boolean): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      if (this.queue.length < this.options.maxSize && !flushPartial) break;
      const batch = this.queue.splice(0, this.options.maxSize);
      this.inFlight += 1;
      void this.dispatch(batch).finally(() => {
        this.inFlight -= 1;
        this.pump(true);
      });
    }
  }

  private async dispatch(batch: Pending[]): Promise<void> {
    const requests = batch.map((pending, index) => {
      pending.attempt += 1;
      return { id: String(index + 1), method: 'GET' as const, ...pending.request };
    });
    let replies: Map<string, Omit<InnerReply, 'attempts'>>;
    try {
      replies = await this.send(requests);
    } catch (error) {
      for (const pending of batch) {
        this.onInnerAttempt(null);
        this.again(pending, null, error);
      }
      return;
    }
    batch.forEach((pending, index) => {
      const reply = replies.get(String(index + 1));
      this.onInnerAttempt(reply?.status ?? null);
      if (!reply) {
        this.again(
          pending,
          null,
          new GraphRequestError(502, 'missing_batch_response', 'A $batch answer left out a request.'),
        );
        return;
      }
      if (!isRetryableStatus(reply.status, true)) {
        pending.resolve({ ...reply, attempts: pending.attempt });
        return;
      }
      const asked = retryAfterMs(reply.headers['retry-after'], this.tools.now());
      if (
        pending.attempt >= this.policy.maxAttempts ||
        (asked !== null && asked > this.policy.maxRetryAfterMs)
      ) {
        pending.resolve({ ...reply, attempts: pending.attempt });
        return;
      }
      this.later(pending, asked);
    });
  }

  /** The batch as a whole failed: send this request round again, or give up with the error. */
  private again(pending: Pending, asked: number | null, error: unknown): void {
    const hopeless = error instanceof GraphRequestError && !isRetryableStatus(error.status, true);
    if (hopeless || pending.attempt >= this.policy.maxAttempts) {
      pending.reject(error);
      return;
    }
    this.later(pending, asked);
  }

  private later(pending: Pending, asked: number | null): void {
    const wait = asked ?? backoffDelayMs(pending.attempt, this.policy, () => this.tools.random());
    void this.tools.sleep(wait).then(() => {
      this.enqueue(pending);
    });
  }
}
