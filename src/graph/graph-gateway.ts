import type { Middleware } from '@microsoft/microsoft-graph-client';
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { TokenProvider } from '../identity/token-provider';
import { BearerAuthMiddleware } from './bearer-auth-middleware';
import { GraphEndpoint } from './graph-endpoint';
import { GraphRequestError, GraphResponseShapeError } from './graph-errors';
import { batchResponseSchema, graphErrorBodySchema } from './graph-schemas';
import type { BatchOptions, BatchSender, InnerReply } from './json-batcher';
import { JsonBatcher } from './json-batcher';
import { MailboxGate } from './mailbox-gate';
import { NodeHttpMiddleware } from './node-http-middleware';
import { GraphRequestTrace } from './request-trace';
import type { RetryPolicy, RetryTools } from './throttle-retry-middleware';
import { DEFAULT_RETRY_POLICY, ThrottleRetryMiddleware } from './throttle-retry-middleware';

export interface GraphGatewayOptions {
  /** `https://graph.microsoft.com` for a tenant, the emulator's loopback URL in the demo profile. */
  baseUrl: string;
  version?: string;
  tokens: TokenProvider;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** Requests in flight per mailbox (Outlook allows 4). */
  mailboxConcurrency?: number;
  /** JSON batching of GETs; `false` sends every request on its own. */
  batching?: Partial<BatchOptions> | false;
  requestTimeoutMs?: number;
  /** Seams for tests: waiting, jitter and the time Retry-After dates are read against. */
  tools?: Partial<RetryTools>;
}

/** A GET under the version root. */
export interface GraphCall {
  /** `/users/{id}/mailboxSettings?$select=…`, or an absolute `@odata.nextLink`/`deltaLink` of this endpoint. */
  path: string;
  /** The mailbox the request is about, for the per-mailbox concurrency limit; default: the `{id}` of `/users/{id}/…`. */
  mailbox?: string;
  headers?: Record<string, string>;
}

export type GraphReply = InnerReply;

export interface GraphStats {
  /** Requests as Graph counts them: every attempt, inner requests of a batch one by one, the `$batch` wrapper not. */
  graphRequests: number;
  /** HTTP exchanges on the wire (a `$batch` is one). */
  httpRoundTrips: number;
  /** 429 answers, outer and inner. */
  throttled: number;
  batches: number;
}

const BATCH_DEFAULTS: BatchOptions = { maxSize: 20, maxInFlight: 16, lingerMs: 0 };
const BATCH_PATH = '/$batch';

/**
 * The one way into Microsoft Graph: the SDK client over an explicit middleware chain
 * (bearer auth → throttle retry → `node:http` transport), a per-mailbox concurrency gate, and automatic
 * JSON batching of concurrent GETs. Answers come back as status + headers + JSON body; adapters decide
 * what a status means.
 */
export class GraphGateway {
  readonly endpoint: GraphEndpoint;
  private readonly client: Client;
  private readonly gate: MailboxGate;
  private readonly batcher: JsonBatcher | null;
  private readonly counters: GraphStats = { graphRequests: 0, httpRoundTrips: 0, throttled: 0, batches: 0 };
  private readonly logger: Logger | undefined;

  constructor(options: GraphGatewayOptions) {
    this.endpoint = new GraphEndpoint(options.baseUrl, options.version);
    this.logger = options.logger;
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const tools: RetryTools = {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      now: Date.now,
      ...options.tools,
    };
    const chain: Middleware[] = [
      new BearerAuthMiddleware(options.tokens, this.endpoint.origin),
      new ThrottleRetryMiddleware(policy, tools),
      new NodeHttpMiddleware(options.requestTimeoutMs ?? 30_000, {
        roundTrip: (url, status) => {
          this.counters.httpRoundTrips += 1;
          if (status === 429) this.counters.throttled += 1;
          if (new URL(url).pathname.endsWith(BATCH_PATH)) this.counters.batches += 1;
          else this.counters.graphRequests += 1;
        },
      }),
    ];
    this.client = Client.initWithMiddleware({
      baseUrl: this.endpoint.baseUrl,
      defaultVersion: this.endpoint.version,
      middleware: chain,
    });
    this.gate = new MailboxGate(options.mailboxConcurrency ?? 4);
    this.batcher =
      options.batching === false
        ? null
        : new JsonBatcher(
            this.sendBatch,
            { ...BATCH_DEFAULTS, ...options.batching },
            policy,
            tools,
            (status) => {
              this.counters.graphRequests += 1;
              if (status === 429) this.counters.throttled += 1;
            },
          );
  }

  /** A GET, batched with whatever else is in flight unless batching is off. */
  async get(call: GraphCall): Promise<GraphReply> {
    const path = this.endpoint.pathOf(call.path);
    const mailbox = call.mailbox?.toLowerCase() ?? mailboxOf(path);
    const release = mailbox === null ? null : await this.gate.acquire(mailbox);
    try {
      const reply = this.batcher
        ? await this.batcher.request(call.headers ? { url: path, headers: call.headers } : { url: path })
        : await this.single(path, call.headers);
      if (reply.status === 429)
        this.logger?.warn({ status: reply.status, attempts: reply.attempts }, 'graph.gave_up');
      return reply;
    } finally {
      release?.();
    }
  }

  /** A GET on its own (no batching), e.g. what a Microsoft sample would do. */
  async getUnbatched(call: GraphCall): Promise<GraphReply> {
    const path = this.endpoint.pathOf(call.path);
    const mailbox = call.mailbox?.toLowerCase() ?? mailboxOf(path);
    const release = mailbox === null ? null : await this.gate.acquire(mailbox);
    try {
      return await this.single(path, call.headers);
    } finally {
      release?.();
    }
  }

  stats(): GraphStats {
    return { ...this.counters };
  }

  private async single(path: string, headers: Record<string, string> | undefined): Promise<GraphReply> {
    const trace = new GraphRequestTrace();
    const request = this.client.api(path).middlewareOptions([trace]).responseType(ResponseType.RAW);
    if (headers) request.headers(headers);
    const response = await this.sent(request.get(), trace);
    return { ...(await readResponse(response)), attempts: trace.attempts };
  }

  private readonly sendBatch: BatchSender = async (requests) => {
    const trace = new GraphRequestTrace();
    const response = await this.sent(
      this.client
        .api(BATCH_PATH)
        .middlewareOptions([trace])
        .responseType(ResponseType.RAW)
        .post({ requests }),
      trace,
    );
    const reply = await readResponse(response);
    if (reply.status !== 200) throw failure(reply.status, reply.body, trace.attempts);
    const parsed = batchResponseSchema.safeParse(reply.body);
    if (!parsed.success) throw new GraphResponseShapeError('$batch answer');
    return new Map(
      parsed.data.responses.map((inner) => [
        inner.id,
        { status: inner.status, headers: lowerCaseKeys(inner.headers ?? {}), body: inner.body ?? null },
      ]),
    );
  };

  /** Awaits the SDK; our own typed errors come back from the trace, not the SDK's GraphError wrapper. */
  private async sent(pending: Promise<unknown>, trace: GraphRequestTrace): Promise<Response> {
    let response: unknown;
    try {
      response = await pending;
    } catch (error) {
      throw trace.failure ?? error;
    }
    if (!(response instanceof Response)) throw new GraphResponseShapeError('transport result');
    return response;
  }
}

/** Throws the clear error for a non-2xx reply: status, Graph's code, attempts. */
export function failure(status: number, body: unknown, attempts: number): GraphRequestError {
  const parsed = graphErrorBodySchema.safeParse(body);
  const code = parsed.success ? (parsed.data.error.code ?? null) : null;
  const retried = attempts > 1 ? ` after ${attempts} attempts` : '';
  const hint = status === 429 ? '; Graph is throttling this app, retry later' : '';
  return new GraphRequestError(
    status,
    code,
    `Microsoft Graph answered ${status}${code ? ` (${code})` : ''}${retried}${hint}.`,
    attempts,
  );
}

/** The reply's JSON body, or throws the clear error when it is not a success. */
export function okBody(reply: GraphReply): unknown {
  if (reply.status < 200 || reply.status >= 300) throw failure(reply.status, reply.body, reply.attempts);
  return reply.body;
}

async function readResponse(response: Response): Promise<Omit<GraphReply, 'attempts'>> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const text = await response.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      if (response.ok) throw new GraphResponseShapeError('non-JSON body');
    }
  }
  return { status: response.status, headers, body };
}

/** `/users/{id}/…` is about mailbox `{id}` (Outlook throttles per mailbox, directory reads included). */
export function mailboxOf(path: string): string | null {
  const match = /^\/users\/([^/?]+)/i.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return match[1].toLowerCase();
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}
