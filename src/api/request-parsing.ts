import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from '../server/http/http-error';
import { readJsonBody } from '../server/http/read-body';
import type { ApiProblem } from './contract/api-types';

/** `asks[1].wanted` from zod's `['asks', 1, 'wanted']`. */
export function fieldPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

function invalid(where: 'body' | 'query', error: z.ZodError): HttpError {
  const problems: ApiProblem[] = error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    return {
      field,
      code: issue.code,
      message: field === null ? issue.message : `${field}: ${issue.message}`,
    };
  });
  const noun = where === 'body' ? 'request body' : 'query';
  return new HttpError(
    400,
    'invalid_request',
    `The ${noun} is not valid: ${problems.map((p) => p.message).join('; ')}`,
    {
      problems,
    },
  );
}

export async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const body = await readJsonBody(req);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid('body', parsed.error);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data;
}
