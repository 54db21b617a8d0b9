/** Tiny helpers for talking to the Graph emulator over real HTTP in tests. */

export const TOKEN = { Authorization: 'Bearer test-token' };

export interface GraphReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function graphGet<T = Record<string, unknown>>(
  url: string,
  headers: Record<string, string> = {},
): Promise<GraphReply<T>> {
  const response = await fetch(url, { headers: { ...TOKEN, ...headers } });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? {} : JSON.parse(text)) as T,
  };
}

export async function graphPost<T = Record<string, unknown>>(
  url: string,
  payload: unknown,
): Promise<GraphReply<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...TOKEN, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Follows `@odata.nextLink`s to the end; returns every item and every link followed. */
export async function followPages(
  firstUrl: string,
  headers: Record<string, string> = {},
): Promise<{ items: unknown[]; links: string[]; deltaLink?: string }> {
  const items: unknown[] = [];
  const links: string[] = [];
  let url: string | undefined = firstUrl;
  let deltaLink: string | undefined;
  while (url) {
    const reply: GraphReply<Page<unknown>> = await graphGet<Page<unknown>>(url, headers);
    if (reply.status !== 200)
      throw new Error(`GET ${url} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.value);
    url = reply.body['@odata.nextLink'];
    if (url) links.push(url);
    deltaLink = reply.body['@odata.deltaLink'];
  }
  return deltaLink === undefined ? { items, links } : { items, links, deltaLink };
}

export interface WireEvent {
  id: string;
  iCalUId: string;
  subject: string;
  type: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  isAllDay: boolean;
  seriesMasterId: string | null;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  organizer: { emailAddress: { address: string; name: string } };
  attendees: { type: string; status: { response: string }; emailAddress: { address: string } }[];
  responseStatus: { response: string };
  '@removed'?: { reason: string };
}
