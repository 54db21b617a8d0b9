/** Graph's error body: `{error:{code, message, innerError:{date, 'request-id', 'client-request-id'}}}`. */
import { jsonHeaders } from './graph-exchange';
import type { GraphResponse } from './graph-exchange';

export interface ErrorStamp {
  date: Date;
  requestId: string;
  clientRequestId?: string | undefined;
}

export function graphError(
  status: number,
  code: string,
  message: string,
  stamp: ErrorStamp,
  headers: Record<string, string> = {},
): GraphResponse {
  return {
    status,
    headers: jsonHeaders({ 'request-id': stamp.requestId, ...headers }),
    body: {
      error: {
        code,
        message,
        innerError: {
          date: stamp.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          'request-id': stamp.requestId,
          'client-request-id': stamp.clientRequestId ?? stamp.requestId,
        },
      },
    },
  };
}

/** Thrown by routes for a 4xx answer; turned into a Graph error body by the dispatcher. */
export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

export function invalidParameter(message: string): GraphFailure {
  return new GraphFailure(400, 'ErrorInvalidParameter', message);
}
