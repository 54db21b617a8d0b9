import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * Travels with one request through the middleware chain (as a middleware option) so the gateway
 * learns how many attempts it took, why it stopped, and the error that ended it (the SDK would
 * otherwise re-wrap our typed errors in its generic GraphError).
 */
export class GraphRequestTrace implements MiddlewareOptions {
  attempts = 0;
  throttled = 0;
  /** True when retrying stopped because the attempts ran out (or Graph asked to wait too long). */
  gaveUp = false;
  failure: unknown = undefined;
}

/** The trace of the request in `context`, or a throwaway one when the caller attached none. */
export function traceOf(context: Context): GraphRequestTrace {
  const option = context.middlewareControl?.getMiddlewareOptions(GraphRequestTrace);
  return option instanceof GraphRequestTrace ? option : new GraphRequestTrace();
}
