import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestUrl } from './bearer-auth-middleware';

/** Sees every HTTP exchange that actually went over the wire. */
export interface WireMeter {
  roundTrip(url: string, status: number | null): void;
}

/** Extra trust for `https://` endpoints, e.g. a test server's self-signed certificate. */
export interface WireTls {
  ca?: string | Buffer;
}

/** No complete HTTP answer arrived: refused, reset, timed out, or a body that would not decode. */
export class WireFailure extends Error {
  constructor(
    /** `timeout`, a socket error code such as `ECONNRESET`, or `bad_encoding`, `bad_status`, `bad_redirect`. */
    readonly code: string,
    cause?: unknown,
  ) {
    super(`The HTTP exchange with Microsoft Graph failed (${code}).`, { cause });
    this.name = 'WireFailure';
  }
}

// Sockets are reused LIFO so idle ones age out; no cap below the app's own concurrency limits.
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo' } as const;
const httpAgent = new http.Agent(AGENT_OPTIONS);
const sharedHttpsAgent = new https.Agent(AGENT_OPTIONS);

/**
 * The end of the chain: one `node:http(s)` exchange per attempt over keep-alive sockets, the whole answer read
 * (and decompressed off the main thread) before it is handed on, within a timeout, metered. Behaves as `fetch`
 * did (redirects, default headers, errors the retry recognises) without web streams, which cost the main
 * thread dearly on megabyte `$batch` answers.
 */
export class NodeHttpMiddleware implements Middleware {
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly timeoutMs: number,
    private readonly meter: WireMeter,
    tls: WireTls = {},
  ) {
    this.httpsAgent =
      tls.ca === undefined ? sharedHttpsAgent : new https.Agent({ ...AGENT_OPTIONS, ca: tls.ca });
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    let response: Response;
    try {
      response = await this.exchange(await outgoingOf(context));
    } catch (error) {
      this.meter.roundTrip(url, null);
      throw error;
    }
    context.response = response;
    this.meter.roundTrip(url, response.status);
  }

  private async exchange(first: Outgoing): Promise<Response> {
    const cutoff = new AbortController();
    const timer = setTimeout(() => {
      cutoff.abort(new WireFailure('timeout'));
    }, this.timeoutMs);
    const caller = first.signal;
    const onAbort = () => {
      cutoff.abort(caller?.reason);
    };
    if (caller?.aborted) onAbort();
    else caller?.addEventListener('abort', onAbort, { once: true });
    try {
      let outgoing = first;
      for (;;) {
        const answer = await this.roundTrip(outgoing, cutoff.signal);
        const next = nextHop(outgoing, answer);
        if (!next) return await wireResponse(outgoing, answer);
        outgoing = next;
      }
    } catch (error) {
      if (cutoff.signal.aborted) throw cutoff.signal.reason;
      throw error instanceof WireFailure ? error : new WireFailure(codeOf(error), error);
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    }
  }

  private roundTrip(outgoing: Outgoing, signal: AbortSignal): Promise<Answer> {
    const secure = outgoing.url.protocol === 'https:';
    const headers: http.OutgoingHttpHeaders = {};
    outgoing.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (outgoing.body) headers['content-length'] = outgoing.body.length;
    else if (outgoing.method === 'POST' || outgoing.method === 'PUT') headers['content-length'] = 0;
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(
        outgoing.url,
        { method: outgoing.method, headers, agent: secure ? this.httpsAgent : httpAgent, signal },
        (message) => {
          const chunks: Buffer[] = [];
          message.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
          });
          message.on('end', () => {
            resolve({ message, body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks) });
          });
          message.on('error', reject);
          message.on('close', () => {
            if (!message.complete) reject(new WireFailure('ECONNRESET'));
          });
        },
      );
      request.on('error', reject);
      request.end(outgoing.body ?? undefined);
    });
  }
}

interface Outgoing {
  url: URL;
  method: string;
  headers: Headers;
  body: Buffer | null;
  signal: AbortSignal | null;
  redirect: RequestRedirect;
  hops: number;
}

interface Answer {
  message: http.IncomingMessage;
  body: Buffer;
}

/** The request as `fetch(context.request, context.options)` would have made it. */
async function outgoingOf(context: Context): Promise<Outgoing> {
  const options = context.options ?? {};
  const request = typeof context.request === 'string' ? null : context.request;
  const headers = new Headers(options.headers ?? request?.headers);
  let body: Buffer | null = null;
  if (options.body !== undefined && options.body !== null) body = await bytesOf(options.body, headers);
  else if (request?.body) body = Buffer.from(await request.clone().arrayBuffer());
  if (!headers.has('accept')) headers.set('accept', '*/*');
  if (!headers.has('accept-encoding')) headers.set('accept-encoding', 'gzip, deflate, br');
  return {
    url: new URL(requestUrl(context)),
    method: (options.method ?? request?.method ?? 'GET').toUpperCase(),
    headers,
    body,
    signal: options.signal ?? request?.signal ?? null,
    redirect: options.redirect ?? request?.redirect ?? 'follow',
    hops: 0,
  };
}

async function bytesOf(body: BodyInit, headers: Headers): Promise<Buffer> {
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    return Buffer.from(body, 'utf8');
  }
  if (Buffer.isBuffer(body)) return body;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  // Blobs, forms, search params, streams: rare here, so let the platform serialise them.
  const carrier = new Response(body);
  const type = carrier.headers.get('content-type');
  if (type !== null && !headers.has('content-type')) headers.set('content-type', type);
  return Buffer.from(await carrier.arrayBuffer());
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type'];
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Where `fetch`'s default `redirect: 'follow'` would go next, with the token dropped on a change of origin. */
function nextHop(outgoing: Outgoing, answer: Answer): Outgoing | null {
  const status = answer.message.statusCode ?? 0;
  const location = answer.message.headers.location;
  if (!REDIRECT_STATUSES.has(status) || location === undefined || outgoing.redirect === 'manual') return null;
  if (outgoing.redirect === 'error' || outgoing.hops >= MAX_REDIRECTS) throw new WireFailure('bad_redirect');
  const url = URL.canParse(location, outgoing.url) ? new URL(location, outgoing.url) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new WireFailure('bad_redirect');
  const headers = new Headers(outgoing.headers);
  let { method, body } = outgoing;
  if ((status === 303 && method !== 'GET' && method !== 'HEAD') || (status <= 302 && method === 'POST')) {
    method = 'GET';
    body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  }
  if (url.origin !== outgoing.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return { ...outgoing, url, method, headers, body, hops: outgoing.hops + 1 };
}

async function wireResponse(outgoing: Outgoing, answer: Answer): Promise<Response> {
  const { message } = answer;
  const status = message.statusCode ?? 0;
  if (status < 200 || status > 599) throw new WireFailure('bad_status');
  const headers: [string, string][] = [];
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (name !== undefined && value !== undefined) headers.push([name, value]);
  }
  const init: ResponseInit = { status, statusText: message.statusMessage ?? '', headers };
  const withBody = outgoing.method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
  const body = withBody ? await decoded(answer.body, message.headers['content-encoding']) : EMPTY;
  return new WireResponse(body, init, outgoing.url.href, outgoing.hops > 0);
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const EMPTY = Buffer.alloc(0);
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/** Undoes `Content-Encoding` (last coding first) off the main thread; an unknown coding leaves the bytes as sent. */
async function decoded(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  if (!encoding || body.length === 0) return body;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim());
  if (!codings.every((coding) => CODINGS.has(coding))) return body;
  let bytes = body;
  try {
    for (const coding of codings.reverse()) bytes = await decode(bytes, coding);
  } catch (error) {
    throw new WireFailure('bad_encoding', error);
  }
  return bytes;
}

const CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity', '']);

function decode(bytes: Buffer, coding: string): Promise<Buffer> {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gunzip(bytes);
    // Some servers send raw deflate without the zlib wrapper; its header's low nibble tells them apart.
    case 'deflate':
      return ((bytes[0] ?? 0) & 0x0f) === 0x08 ? inflate(bytes) : inflateRaw(bytes);
    case 'br':
      return brotliDecompress(bytes);
    default:
      return Promise.resolve(bytes);
  }
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * A Response over bytes already read. Built with a null body so no web stream is made; the readers a
 * Graph answer needs (text, json, arrayBuffer) decode the bytes directly, and may be called more than once.
 */
class WireResponse extends Response {
  readonly #bytes: Buffer;
  readonly #url: string;
  readonly #redirected: boolean;

  constructor(bytes: Buffer, init: ResponseInit, url: string, redirected: boolean) {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
    this.#redirected = redirected;
  }

  override text(): Promise<string> {
    const bytes = this.#bytes;
    const bom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
    return Promise.resolve(bytes.toString('utf8', bom ? 3 : 0));
  }

  override json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#bytes).buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.resolve(new Uint8Array(this.#bytes));
  }

  override blob(): Promise<Blob> {
    const type = this.headers.get('content-type') ?? '';
    return Promise.resolve(new Blob([new Uint8Array(this.#bytes)], { type }));
  }

  override formData(): Promise<FormData> {
    return this.#streamed().formData();
  }

  override clone(): Response {
    const init = { status: this.status, statusText: this.statusText, headers: this.headers };
    return new WireResponse(this.#bytes, init, this.#url, this.#redirected);
  }

  /** The same answer as a stream-backed Response, for the rare reader that wants `body`. */
  #streamed(): Response {
    const body = NULL_BODY_STATUSES.has(this.status) ? null : new Uint8Array(this.#bytes);
    return new Response(body, { status: this.status, statusText: this.statusText, headers: this.headers });
  }

  static {
    Object.defineProperties(WireResponse.prototype, {
      body: {
        get(this: WireResponse) {
          return this.#streamed().body;
        },
      },
      url: {
        get(this: WireResponse) {
          return this.#url;
        },
      },
      redirected: {
        get(this: WireResponse) {
          return this.#redirected;
        },
      },
    });
  }
}

function codeOf(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'network';
}
