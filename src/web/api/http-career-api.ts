import type { ApiErrorBody } from '../../api/contract/api-types';
import { ApiError } from './api-error';
import type { CareerApi } from './career-api';

export interface HttpCareerApiOptions {
  /** Where `/api` lives; empty for the same origin. */
  baseUrl?: string;
  /** Headers that say who is calling (`x-demo-user`, or `authorization: Bearer ...`). */
  authHeaders: () => Promise<Record<string, string>>;
  /** Called once when the server says the token expired; the request is retried when it returns true. */
  refreshAuth?: () => Promise<boolean>;
  fetch?: typeof fetch;
}

const id = (value: string): string => encodeURIComponent(value);

/** Browsers refuse a `keepalive` body over 64 KiB; a bigger save goes as an ordinary request instead. */
const KEEPALIVE_BODY_LIMIT = 60_000;

interface RequestParts {
  body?: unknown;
  signal?: AbortSignal | undefined;
  keepalive?: boolean | undefined;
}

/** The API over HTTP with JSON, turning every refusal into an `ApiError`. */
export function createHttpCareerApi(options: HttpCareerApiOptions): CareerApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let lastAuthHeaders: Record<string, string> | null = null;

  async function authHeaders(): Promise<Record<string, string>> {
    lastAuthHeaders = await options.authHeaders();
    return lastAuthHeaders;
  }

  async function send(method: string, path: string, parts: RequestParts, retried = false): Promise<Response> {
    // Leaving the page: nothing is awaited before `fetch`, so the request is out before the page goes.
    const auth = parts.keepalive && lastAuthHeaders ? lastAuthHeaders : await authHeaders();
    const headers: Record<string, string> = { accept: 'application/json', ...auth };
    const body = parts.body === undefined ? null : JSON.stringify(parts.body);
    if (body !== null) headers['content-type'] = 'application/json';
    const keepalive =
      parts.keepalive === true && (body === null || new Blob([body]).size <= KEEPALIVE_BODY_LIMIT);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body,
        signal: parts.signal ?? null,
        ...(keepalive ? { keepalive } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(
        0,
        'network',
        'Career Conversations could not be reached. Check your connection and try again.',
      );
    }
    if (response.ok) return response;
    const failure = await errorOf(response);
    if (
      failure.code === 'token_expired' &&
      !retried &&
      options.refreshAuth &&
      (await options.refreshAuth())
    ) {
      return send(method, path, { ...parts, keepalive: false }, true);
    }
    throw failure;
  }

  async function request<T>(method: string, path: string, parts: RequestParts = {}): Promise<T> {
    const response = await send(method, path, parts);
    return (await response.json()) as T;
  }

  return {
    me: () => request('GET', '/api/me'),
    demoPeople: () => request('GET', '/api/demo/people'),
    searchPeople: (query, signal) =>
      request('GET', `/api/people/search?q=${encodeURIComponent(query)}`, { signal }),
    upcoming: () => request('GET', '/api/one-on-ones/upcoming'),
    past: () => request('GET', '/api/one-on-ones/past'),
    agenda: (oneOnOneId) => request('GET', `/api/one-on-ones/${id(oneOnOneId)}/agenda`),
    saveAgenda: (oneOnOneId, body, sendOptions) =>
      request('PUT', `/api/one-on-ones/${id(oneOnOneId)}/agenda`, {
        body,
        keepalive: sendOptions?.keepalive,
      }),
    shareAgenda: (oneOnOneId) => request('POST', `/api/one-on-ones/${id(oneOnOneId)}/agenda/share`),
    recapFor: (oneOnOneId) => request('GET', `/api/one-on-ones/${id(oneOnOneId)}/recap`),
    writeRecap: (oneOnOneId, body, sendOptions) =>
      request('PUT', `/api/one-on-ones/${id(oneOnOneId)}/recap`, { body, keepalive: sendOptions?.keepalive }),
    sendRecap: (recapId) => request('POST', `/api/recaps/${id(recapId)}/send`),
    acknowledgeRecap: (recapId, version) =>
      request('POST', `/api/recaps/${id(recapId)}/acknowledge`, { body: { version } }),
    requestRecapChange: (recapId, version, comment) =>
      request('POST', `/api/recaps/${id(recapId)}/request-change`, { body: { version, comment } }),
    recap: (recapId) => request('GET', `/api/recaps/${id(recapId)}`),
    actions: () => request('GET', '/api/actions'),
    setActionStatus: (actionId, status) =>
      request('PATCH', `/api/actions/${id(actionId)}`, { body: { status } }),
    growth: () => request('GET', '/api/growth'),
    team: () => request('GET', '/api/team'),
    teamAgendas: (reportId) => request('GET', `/api/team/${id(reportId)}/agendas`),
    settings: () => request('GET', '/api/settings'),
    updateSettings: (change, sendOptions) =>
      request('PATCH', '/api/settings', { body: change, keepalive: sendOptions?.keepalive }),
    exportMyData: async () => {
      const response = await send('GET', '/api/me/export', {});
      const data: unknown = await response.json();
      return {
        fileName: fileNameOf(response.headers.get('content-disposition')),
        blob: new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }),
      };
    },
    matchMeeting: ({ start, end, attendees }) =>
      request(
        'GET',
        `/api/one-on-ones/match?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&attendees=${encodeURIComponent(attendees.join(','))}`,
      ),
  };
}

/** The name the server suggests in `Content-Disposition`, else a plain one; never a path. */
function fileNameOf(disposition: string | null): string {
  const suggested = /filename="([^"/\\]+)"/.exec(disposition ?? '')?.[1];
  return suggested ?? 'career-conversations-my-data.json';
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message,
        body.error.details?.problems ?? [],
      );
    }
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic message.
  }
  return new ApiError(
    response.status,
    'http_error',
    `The server answered ${response.status}. Try again in a moment.`,
  );
}
