/**
 * Graph emulator: the local stand-in for Microsoft 365. An HTTP server on 127.0.0.1 (node `http` only)
 * speaking Microsoft Graph v1.0 wire format under `/v1.0`, backed by a seeded demo organisation
 * (`createDemoOrganisation`, `generateOrganisation`). Production Graph code points its base URL here.
 *
 * Routes (GET): `/users`, `/users/{id|upn}`, `/manager`, `/directReports`, `/mailboxSettings`, `/people`,
 * `/calendarView` (`$select`, `$top` default 10 max 1000, absolute `@odata.nextLink` with `$skip`),
 * `/calendarView/delta` (`Prefer: odata.maxpagesize`, default 100), and `POST /$batch` (max 20).
 * `Prefer: outlook.timezone="..."` is honoured for UTC, the Windows names in `time-zones.ts` and any IANA
 * name. Without it times are UTC, except series flagged `localTimesByDefault`, which come in the
 * organizer's zone (to keep consumers honest about `timeZone`).
 *
 * Knobs (all optional):
 * - `port` (0 = a free port), `now` (injected clock), `seed` (faults and request ids),
 * - `organisation` (default: the demo organisation around `now()`),
 * - `latencyMs` per Graph request, inner `$batch` requests included (they run concurrently),
 * - `faultRate` 0..1 with `faultKinds` (default all): 429 + `Retry-After: 1`, 500, 503, 504, or `timeout`
 *   (hang `faultHangMs`, default 2000, then drop the socket; inside a batch: that long, then an inner 504),
 * - `throttling` (default on) with `limits` (default Outlook's: 4 concurrent and 10,000 per 10 minutes
 *   per mailbox, i.e. the user in the URL): 429 `ApplicationThrottled` with `Retry-After` in seconds
 *   (windows are measured on the injected clock: a frozen `now` never refills the 10-minute allowance),
 * - `acceptToken(token)` (default: any non-empty bearer token; otherwise 401 `InvalidAuthenticationToken`),
 * - `deltaTokenLifetimeMs` (default 7 days); `expireDeltaTokens()` forgets all delta/skip tokens (410).
 * `stats()` counts HTTP round trips, Graph requests as Graph counts them (each request inside a batch
 * counts, the batch envelope does not), throttled answers and injected faults.
 *
 * Cancellation and delta, one consistent choice: a cancelled meeting STAYS on every participant's
 * calendar with `isCancelled: true` (subject prefixed "Canceled: "), and delta reports it as a changed
 * event. `@removed: {reason: 'deleted'}` (id only) is used for meetings removed from the calendars
 * (`mutate` kind `removed`); `@removed: {reason: 'changed'}` for an event moved out of the sync window.
 * Delta tokens are stateless and signed (nothing is stored per client); unknown, tampered, expired or
 * pre-`expireDeltaTokens()` tokens answer 410 `syncStateNotFound`. An empty round returns only a deltaLink.
 * Delta ignores `$select` (as Graph's calendarView delta does) and always sends whole events.
 *
 * SDK note: `@microsoft/microsoft-graph-client`'s `client.api(nextLink)` only strips `https://` hosts, so
 * following an `http://127.0.0.1` link through it requests `/v1.0/http://127.0.0.1:PORT/v1.0/...`. The
 * emulator unwraps that doubled form for its own host, so the SDK's `PageIterator` works unchanged.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeltaTokens } from './delta-tokens';
import { createDemoOrganisation } from './demo-organisation';
import { ALL_FAULT_KINDS, FAULT_ANSWERS, FaultInjector } from './fault-injection';
import type { FaultKind } from './fault-injection';
import { GraphFailure, graphError } from './graph-errors';
import { jsonBytesOf, parseGraphUrl } from './graph-exchange';
import type { GraphRequest, GraphResponse } from './graph-exchange';
import { mailboxOf, routeGraphRequest } from './graph-routes';
import { readBatch, runBatch } from './json-batch';
import { MailboxThrottle, OUTLOOK_LIMITS } from './mailbox-throttle';
import type { MailboxLimits } from './mailbox-throttle';
import { mutateOrganisation } from './mutate-organisation';
import type { CalendarMutation, MutateOptions } from './mutate-organisation';
import type { Organisation } from './organisation';
import { mixHash, stableGuid } from './seeded-random';

export interface GraphEmulatorOptions {
  /** 0 (default) picks a free port. The server always listens on 127.0.0.1. */
  port?: number;
  organisation?: Organisation;
  now?: () => Date;
  seed?: number;
  latencyMs?: number;
  faultRate?: number;
  faultKinds?: readonly FaultKind[];
  faultHangMs?: number;
  throttling?: boolean;
  limits?: Partial<MailboxLimits>;
  acceptToken?: (token: string) => boolean;
  deltaTokenLifetimeMs?: number;
}

export interface GraphEmulatorStats {
  /** HTTP round trips, whatever their outcome. */
  httpRequests: number;
  /** Graph requests as Graph counts them: each outer request and each request inside a batch. */
  graphRequests: number;
  batches: number;
  /** 429s from the mailbox limits (not injected faults). */
  throttled: number;
  faultsInjected: number;
  unauthorized: number;
  /** Graph requests by status code. */
  statuses: Record<string, number>;
}

export interface GraphEmulator {
  /** `http://127.0.0.1:PORT/v1.0` */
  readonly baseUrl: string;
  readonly port: number;
  readonly org: Organisation;
  stats(): GraphEmulatorStats;
  resetStats(): void;
  /** Changes about `fraction` of the calendars now (see `mutateOrganisation`). */
  mutate(options: MutateOptions): CalendarMutation[];
  /** Every delta and skip token issued so far answers 410 `syncStateNotFound` from now on. */
  expireDeltaTokens(): void;
  /** Stops listening, drops keep-alive and hanging sockets, cancels pending timers. */
  close(): Promise<void>;
}

const HANG = Symbol('hang');
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const VERSION_PREFIX = '/v1.0';

function emptyStats(): GraphEmulatorStats {
  return {
    httpRequests: 0,
    graphRequests: 0,
    batches: 0,
    throttled: 0,
    faultsInjected: 0,
    unauthorized: 0,
    statuses: {},
  };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const token = match?.[1]?.trim() ?? '';
  return token === '' ? null : token;
}

/** Starts the emulator on 127.0.0.1. */
export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? 1;
  const org = options.organisation ?? createDemoOrganisation({ now: now() });
  const latencyMs = options.latencyMs ?? 0;
  const hangMs = options.faultHangMs ?? 2000;
  const throttling = options.throttling ?? true;
  const acceptToken = options.acceptToken ?? (() => true);
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new RangeError(`latencyMs must be 0 or more, got ${latencyMs}.`);
  if (!Number.isFinite(hangMs) || hangMs < 0)
    throw new RangeError(`faultHangMs must be 0 or more, got ${hangMs}.`);
  const faults = new FaultInjector(
    mixHash(seed, 0xfa17),
    options.faultRate ?? 0,
    options.faultKinds ?? ALL_FAULT_KINDS,
  );
  const throttle = new MailboxThrottle({ ...OUTLOOK_LIMITS, ...options.limits });
  const deltaTokens = new DeltaTokens(
    mixHash(seed, org.seed, 0xde17a),
    options.deltaTokenLifetimeMs ?? 7 * 86_400_000,
  );
  const timers = new Set<NodeJS.Timeout>();
  let stats = emptyStats();
  let requestCounter = 0;
  let baseUrl = '';
  let hostPort = '';
  let closed = false;

  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };
  const delay = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          later(ms, resolve);
        });
  const nextRequestId = (): string => stableGuid(seed, 0x5eed, requestCounter++);
  const counted = (response: GraphResponse): GraphResponse => {
    const key = String(response.status);
    stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
    return response;
  };

  /** One Graph request: fault injection, mailbox limits, latency, then the route. */
  const answerGraph = async (request: GraphRequest): Promise<GraphResponse | typeof HANG> => {
    stats.graphRequests += 1;
    const requestId = nextRequestId();
    const stamp = () => ({ date: now(), requestId, clientRequestId: request.headers['client-request-id'] });
    const fault = faults.next();
    if (fault) {
      stats.faultsInjected += 1;
      await delay(latencyMs);
      if (fault === 'timeout') return HANG;
      const answer = FAULT_ANSWERS[fault];
      return counted(graphError(answer.status, answer.code, answer.message, stamp(), answer.headers));
    }
    const mailbox = throttling ? mailboxOf(org, request) : null;
    if (mailbox !== null) {
      const verdict = throttle.admit(mailbox, now().getTime());
      if (!verdict.admitted) {
        stats.throttled += 1;
        return counted(
          graphError(429, 'ApplicationThrottled', verdict.message, stamp(), {
            'Retry-After': String(verdict.retryAfterSeconds),
          }),
        );
      }
    }
    try {
      await delay(latencyMs);
      const ctx = { org, baseUrl, nowMs: now().getTime(), deltaTokens };
      const response = routeGraphRequest(ctx, request);
      return counted({ ...response, headers: { ...response.headers, 'request-id': requestId } });
    } catch (error: unknown) {
      if (error instanceof GraphFailure)
        return counted(graphError(error.status, error.code, error.message, stamp(), error.headers));
      const message = error instanceof Error ? error.message : String(error);
      return counted(graphError(500, 'generalException', `Emulator error: ${message}`, stamp()));
    } finally {
      if (mailbox !== null) throttle.release(mailbox);
    }
  };

  const answerInner = async (request: GraphRequest): Promise<GraphResponse> => {
    const outcome = await answerGraph(request);
    if (outcome !== HANG) return outcome;
    await delay(hangMs);
    return graphError(504, 'GatewayTimeout', 'The request timed out.', {
      date: now(),
      requestId: nextRequestId(),
    });
  };

  const send = (
    res: ServerResponse,
    response: GraphResponse,
    requestId: string,
    clientRequestId?: string,
  ): void => {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string> = { 'request-id': requestId, ...response.headers };
    headers['client-request-id'] = clientRequestId ?? headers['request-id'] ?? requestId;
    if (response.status === 204 || response.body === undefined) {
      res.writeHead(response.status, headers);
      res.end();
      return;
    }
    res.writeHead(response.status, headers);
    res.end(jsonBytesOf(response.body));
  };

  /** The SDK turns an absolute http nextLink into `/v1.0/http://host/v1.0/...`: read it as meant. */
  const unwrapLink = (url: string): string => {
    const doubled = /^\/v1\.0\/https?:\/+([^/]+)(\/v1\.0(?:[/?].*)?)$/i.exec(url);
    return doubled && doubled[1] === hostPort && doubled[2] !== undefined ? doubled[2] : url;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.httpRequests += 1;
    const headers = lowerCaseHeaders(req);
    const clientRequestId = headers['client-request-id'];
    const requestId = nextRequestId();
    const stamp = { date: now(), requestId, clientRequestId };
    const url = unwrapLink(req.url ?? '/');
    if (
      url !== VERSION_PREFIX &&
      !url.startsWith(`${VERSION_PREFIX}/`) &&
      !url.startsWith(`${VERSION_PREFIX}?`)
    ) {
      send(
        res,
        graphError(400, 'BadRequest', `Invalid version: the emulator serves ${VERSION_PREFIX} only.`, stamp),
        requestId,
        clientRequestId,
      );
      return;
    }
    const token = bearerToken(headers.authorization);
    if (token === null || !acceptToken(token)) {
      stats.unauthorized += 1;
      const message =
        token === null ? 'Access token is empty.' : 'Access token validation failure. Invalid audience.';
      const challenge = { 'WWW-Authenticate': 'Bearer realm="", error="invalid_token"' };
      send(
        res,
        graphError(401, 'InvalidAuthenticationToken', message, stamp, challenge),
        requestId,
        clientRequestId,
      );
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      send(
        res,
        graphError(413, 'RequestEntityTooLarge', 'The request body is too large.', stamp),
        requestId,
        clientRequestId,
      );
      return;
    }
    const parsed = parseGraphUrl(url.slice(VERSION_PREFIX.length) || '/');
    if (!parsed) {
      send(
        res,
        graphError(400, 'BadRequest', 'The request URL is not valid.', stamp),
        requestId,
        clientRequestId,
      );
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (parsed.segments.length === 1 && parsed.segments[0] === '$batch') {
      stats.batches += 1;
      if (method !== 'POST') {
        send(res, graphError(405, 'BadRequest', 'Use POST for $batch.', stamp), requestId, clientRequestId);
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(body);
      } catch {
        send(
          res,
          graphError(400, 'BadRequest', 'Invalid batch payload: the body is not JSON.', stamp),
          requestId,
          clientRequestId,
        );
        return;
      }
      try {
        const items = readBatch(payload);
        const response = await runBatch(items, {
          run: answerInner,
          error: (status, code, message) =>
            graphError(status, code, message, { date: now(), requestId: nextRequestId() }),
        });
        send(res, response, requestId, clientRequestId);
      } catch (error: unknown) {
        if (!(error instanceof GraphFailure)) throw error;
        send(res, graphError(error.status, error.code, error.message, stamp), requestId, clientRequestId);
      }
      return;
    }
    const outcome = await answerGraph({ method, headers, ...parsed });
    if (outcome === HANG) {
      later(hangMs, () => req.socket.destroy());
      return;
    }
    send(res, outcome, outcome.headers['request-id'] ?? requestId, clientRequestId);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const requestId = nextRequestId();
      send(
        res,
        graphError(500, 'generalException', `Emulator error: ${message}`, { date: now(), requestId }),
        requestId,
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hostPort = `127.0.0.1:${port}`;
  baseUrl = `http://${hostPort}${VERSION_PREFIX}`;

  return {
    baseUrl,
    port,
    org,
    stats: () => ({ ...stats, statuses: { ...stats.statuses } }),
    resetStats: () => {
      stats = emptyStats();
    },
    mutate: (mutation) => mutateOrganisation(org, { ...mutation, now: now() }),
    expireDeltaTokens: () => {
      deltaTokens.expireAll();
    },
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
