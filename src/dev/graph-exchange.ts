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
  /** JSON-able, and may hold `JsonText` parts written beforehand. */
  body: unknown;
}

/** A piece of a response body already written as JSON text: sent, or spliced into a `$batch` answer, as is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Marks where a `JsonText` goes while the rest is stringified (NUL never appears in Graph's data). */
const SPLICE = /"\\u0000(\d+)\\u0000"/g;

/** The JSON text of a body as pieces in order: the stringified body with `JsonText` parts spliced in. */
function jsonPiecesOf(body: unknown): string[] {
  if (body instanceof JsonText) return [body.text];
  const spliced: JsonText[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof JsonText ? `\u0000${spliced.push(value) - 1}\u0000` : value,
  );
  if (spliced.length === 0) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const marker of text.matchAll(SPLICE)) {
    pieces.push(text.slice(from, marker.index));
    pieces.push(spliced[Number(marker[1])]?.text ?? 'null');
    from = marker.index + marker[0].length;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** The JSON text of a body, `JsonText` parts spliced in where they stand. */
export function jsonTextOf(body: unknown): string {
  return jsonPiecesOf(body).join('');
}

/**
 * `Buffer.from(jsonTextOf(body))`, each piece written straight into the buffer: joining a `$batch` answer
 * (megabytes) into one string first would copy it once more, and the large string costs garbage collections.
 */
export function jsonBytesOf(body: unknown): Buffer {
  const pieces = jsonPiecesOf(body);
  const sizes = pieces.map((piece) => Buffer.byteLength(piece, 'utf8'));
  const bytes = Buffer.allocUnsafe(sizes.reduce((total, size) => total + size, 0));
  let offset = 0;
  pieces.forEach((piece, index) => {
    // As many bytes as characters: all ASCII, whose UTF-8 is its Latin-1 (a plain copy).
    offset += bytes.write(piece, offset, sizes[index] === piece.length ? 'latin1' : 'utf8');
  });
  return bytes;
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
