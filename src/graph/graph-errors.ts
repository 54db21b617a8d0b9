/** Errors the Graph gateway raises. Messages carry status and Graph's error code only: no URLs, no ids, no tokens. */

export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    /** Graph's `error.code` (e.g. `ErrorItemNotFound`), or a gateway code such as `retries_exhausted`. */
    readonly graphCode: string | null,
    message: string,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }

  /** A short stable code for logs and the sync state, e.g. `graph.429` or `graph.404.ErrorItemNotFound`. */
  get code(): string {
    return this.graphCode ? `graph.${this.status}.${this.graphCode}` : `graph.${this.status}`;
  }
}

/** The whole request could not be made (connection refused, reset, timed out). */
export class GraphNetworkError extends Error {
  readonly code = 'graph.network';

  constructor(readonly attempts: number) {
    super(`Microsoft Graph could not be reached after ${attempts} attempt(s).`);
    this.name = 'GraphNetworkError';
  }
}

/** Graph answered 2xx with a body that is not the shape it documents. */
export class GraphResponseShapeError extends Error {
  readonly code = 'graph.invalid_response';

  constructor(what: string) {
    super(`Microsoft Graph answered with an unexpected ${what}.`);
    this.name = 'GraphResponseShapeError';
  }
}

/** A paging or delta link that points somewhere other than the configured Graph endpoint: never followed. */
export class GraphLinkRefused extends Error {
  readonly code = 'graph.foreign_link';

  constructor() {
    super('Refused to follow a Graph link to a different host: the bearer token would leave its audience.');
    this.name = 'GraphLinkRefused';
  }
}

/** The stable code of any error, for the sync state and logs (no personal data). */
export function errorCode(error: unknown): string {
  if (error instanceof GraphRequestError) return error.code;
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'internal';
}
