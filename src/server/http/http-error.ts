/** An HTTP error with a status, a stable code and a message safe to show a person. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown): HttpError =>
  new HttpError(400, code, message, details);
export const unauthorized = (code: string, message: string): HttpError => new HttpError(401, code, message);
export const forbidden = (code: string, message: string): HttpError => new HttpError(403, code, message);
export const notFound = (message = 'Not found.'): HttpError => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);
