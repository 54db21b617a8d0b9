/** One Graph request and its answer, independent of HTTP (the same shape serves `$batch` inner requests). */

export interface GraphRequest {
  method: string;
  /** Path after `/v1.0`, starting with `/`, percent-decoded per segment. */
  segments: string[];
  /** Query parameters with lower-cased names (values percent-decoded; `+` is kept as `+`). */
  query: Map<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Parses `/users/a%40b/calendarView?$top=5` (relative to `/v1.0`). Returns `null` if it is not a path. */
export function parseGraphUrl(relative: string): Pick<GraphRequest, 'segments' | 'query'> | null {
  const questionMark = relative.indexOf('?');
  const path = questionMark === -1 ? relative : relative.slice(0, questionMark);
  const search = questionMark === -1 ? '' : relative.slice(questionMark + 1);
  try {
    const segments = path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
    const query = new Map<string, string>();
    for (const pair of search.split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      const name = decodeURIComponent(equals === -1 ? pair : pair.slice(0, equals)).toLowerCase();
      const value = equals === -1 ? '' : decodeURIComponent(pair.slice(equals + 1));
      query.set(name, value);
    }
    return { segments, query };
  } catch {
    return null;
  }
}

export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
    ...extra,
  };
}
