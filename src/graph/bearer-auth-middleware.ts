import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../identity/token-provider';
import { GraphLinkRefused } from './graph-errors';
import { traceOf } from './request-trace';

/**
 * Puts `Authorization: Bearer <token>` on every request, for `http://` loopback endpoints too (the SDK's
 * own handler only does it for known Graph hosts). A request to any other origin is refused so the token
 * never leaves its audience, whatever link Graph (or anything pretending to be Graph) hands back.
 */
export class BearerAuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('BearerAuthMiddleware needs a next middleware.');
    try {
      if (new URL(requestUrl(context)).origin !== this.origin) throw new GraphLinkRefused();
      const token = await this.tokens.getGraphToken();
      const headers = new Headers(context.options?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers };
      await next.execute(context);
    } catch (error) {
      // First in the chain: keep the real error for the gateway before the SDK re-wraps it.
      traceOf(context).failure ??= error;
      throw error;
    }
  }
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}
