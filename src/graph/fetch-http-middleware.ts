import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestUrl } from './bearer-auth-middleware';

/** Sees every HTTP exchange that actually went over the wire. */
export interface WireMeter {
  roundTrip(url: string, status: number | null): void;
}

/** The end of the chain: one `fetch` per attempt, with a timeout, metered. */
export class FetchHttpMiddleware implements Middleware {
  constructor(
    private readonly timeoutMs: number,
    private readonly meter: WireMeter,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    try {
      context.response = await fetch(context.request, {
        ...context.options,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.meter.roundTrip(url, null);
      throw error;
    }
    this.meter.roundTrip(url, context.response.status);
  }
}
