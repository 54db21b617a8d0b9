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

/** The API over HTTP with JSON, turning every refusal into an `ApiError`. */
export function createHttpCareerApi(options: HttpCareerApiOptions): CareerApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    retried = false,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.authHeaders()) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(
        0,
        'network',
        'Career Conversations could not be reached. Check your connection and try again.',
      );
    }
    if (response.ok) return (await response.json()) as T;
    const failure = await errorOf(response);
    if (
      failure.code === 'token_expired' &&
      !retried &&
      options.refreshAuth &&
      (await options.refreshAuth())
    ) {
      return request<T>(method, path, body, signal, true);
    }
    throw failure;
  }

  return {
    me: () => request('GET', '/api/me'),
    demoPeople: () => request('GET', '/api/demo/people'),
    searchPeople: (query, signal) =>
      request('GET', `/api/people/search?q=${encodeURIComponent(query)}`, undefined, signal),
    upcoming: () => request('GET', '/api/one-on-ones/upcoming'),
    past: () => request('GET', '/api/one-on-ones/past'),
    agenda: (oneOnOneId) => request('GET', `/api/one-on-ones/${id(oneOnOneId)}/agenda`),
    saveAgenda: (oneOnOneId, body) => request('PUT', `/api/one-on-ones/${id(oneOnOneId)}/agenda`, body),
    shareAgenda: (oneOnOneId) => request('POST', `/api/one-on-ones/${id(oneOnOneId)}/agenda/share`),
    recapFor: (oneOnOneId) => request('GET', `/api/one-on-ones/${id(oneOnOneId)}/recap`),
    writeRecap: (oneOnOneId, body) => request('PUT', `/api/one-on-ones/${id(oneOnOneId)}/recap`, body),
    sendRecap: (recapId) => request('POST', `/api/recaps/${id(recapId)}/send`),
    acknowledgeRecap: (recapId, version) =>
      request('POST', `/api/recaps/${id(recapId)}/acknowledge`, { version }),
    requestRecapChange: (recapId, version, comment) =>
      request('POST', `/api/recaps/${id(recapId)}/request-change`, { version, comment }),
    recap: (recapId) => request('GET', `/api/recaps/${id(recapId)}`),
    actions: () => request('GET', '/api/actions'),
    setActionStatus: (actionId, status) => request('PATCH', `/api/actions/${id(actionId)}`, { status }),
    growth: () => request('GET', '/api/growth'),
    team: () => request('GET', '/api/team'),
    teamAgendas: (reportId) => request('GET', `/api/team/${id(reportId)}/agendas`),
    settings: () => request('GET', '/api/settings'),
    updateSettings: (change) => request('PATCH', '/api/settings', change),
    matchMeeting: ({ start, end, attendees }) =>
      request(
        'GET',
        `/api/one-on-ones/match?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&attendees=${encodeURIComponent(attendees.join(','))}`,
      ),
  };
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
