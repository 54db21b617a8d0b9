import type { DeliveryTimers } from './delivery-timers';
import { TokenBucket } from './token-bucket';

export interface SendLimits {
  /** Teams: 7 messages per second in one conversation. */
  perConversationPerSecond: number;
  /** Teams: 50 requests per second per app per tenant. */
  perTenantPerSecond: number;
}

export const TEAMS_SEND_LIMITS: SendLimits = { perConversationPerSecond: 7, perTenantPerSecond: 50 };

// A burst of one keeps any one-second window at or under the limit (a larger burst would allow up to twice it).
const BURST = 1;
const FORGET_AFTER = 10_000;

/** Spaces proactive sends so no conversation and no tenant goes over the Teams rate limits. */
export class SendPacing {
  private readonly conversations = new Map<string, TokenBucket>();
  private readonly tenants = new Map<string, TokenBucket>();

  constructor(
    private readonly timers: DeliveryTimers,
    private readonly limits: SendLimits = TEAMS_SEND_LIMITS,
  ) {}

  /** Resolves when one more request may go to this conversation (first its own slot, then the tenant's). */
  async take(conversationId: string, tenantId: string): Promise<void> {
    await this.timers.sleep(
      this.bucket(this.conversations, conversationId, this.limits.perConversationPerSecond).reserve(
        this.timers.now(),
      ),
    );
    await this.timers.sleep(
      this.bucket(this.tenants, tenantId, this.limits.perTenantPerSecond).reserve(this.timers.now()),
    );
  }

  private bucket(buckets: Map<string, TokenBucket>, key: string, perSecond: number): TokenBucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= FORGET_AFTER) this.forgetIdle(buckets);
      bucket = new TokenBucket(perSecond, BURST, this.timers.now());
      buckets.set(key, bucket);
    }
    return bucket;
  }

  private forgetIdle(buckets: Map<string, TokenBucket>): void {
    const now = this.timers.now();
    for (const [key, bucket] of buckets) if (bucket.isIdle(now)) buckets.delete(key);
  }
}
