import type { ApiProblem } from '../../api/contract/api-types';

/** A refusal from the API (or the network), with the stable code and any field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first problem's message for one field, e.g. `asks[0].wanted`. */
  problemFor(field: string): string | undefined {
    return this.problems.find((p) => p.field === field)?.message;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Check your connection and try again.';
}
