/**
 * `POST /$batch`: up to 20 requests, each answered on its own (own throttling, faults and latency);
 * `dependsOn` waits for the named requests and answers 424 if one of them failed.
 */
import { GraphFailure } from './graph-errors';
import { jsonHeaders, parseGraphUrl } from './graph-exchange';
import type { GraphRequest, GraphResponse } from './graph-exchange';

export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  dependsOn: string[];
}

export interface BatchAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function badBatch(message: string): GraphFailure {
  return new GraphFailure(400, 'BadRequest', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readItem(raw: unknown, position: number): BatchItem {
  if (!isRecord(raw)) throw badBatch(`Batch request ${position + 1} is not an object.`);
  const { id, method, url, headers, dependsOn } = raw;
  if (typeof id !== 'string' || id === '')
    throw badBatch(`Batch request ${position + 1} needs a string 'id'.`);
  if (typeof method !== 'string' || method === '') throw badBatch(`Batch request '${id}' needs a 'method'.`);
  if (typeof url !== 'string' || url === '') throw badBatch(`Batch request '${id}' needs a relative 'url'.`);
  const lowered: Record<string, string | undefined> = {};
  if (headers !== undefined) {
    if (!isRecord(headers)) throw badBatch(`Batch request '${id}' has 'headers' that are not an object.`);
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string') lowered[name.toLowerCase()] = value;
    }
  }
  if (
    dependsOn !== undefined &&
    (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
  ) {
    throw badBatch(`Batch request '${id}' has a 'dependsOn' that is not a list of ids.`);
  }
  return {
    id,
    method: method.toUpperCase(),
    url,
    headers: lowered,
    dependsOn: (dependsOn ?? []) as string[],
  };
}

/** Validates the payload: at most 20 requests, unique ids, known and acyclic dependencies. */
export function readBatch(payload: unknown): BatchItem[] {
  if (!isRecord(payload) || !Array.isArray(payload.requests)) {
    throw badBatch("Invalid batch payload: expected a JSON object with a 'requests' array.");
  }
  const raw: unknown[] = payload.requests;
  if (raw.length === 0) throw badBatch('Invalid batch payload: the batch contains no requests.');
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw badBatch(
      `Invalid batch payload: a batch may contain at most ${MAX_BATCH_REQUESTS} requests, got ${raw.length}.`,
    );
  }
  const items = raw.map(readItem);
  const byId = new Map<string, BatchItem>();
  for (const item of items) {
    if (byId.has(item.id)) throw badBatch(`Invalid batch payload: duplicate request id '${item.id}'.`);
    byId.set(item.id, item);
  }
  for (const item of items) {
    for (const dependency of item.dependsOn) {
      if (!byId.has(dependency))
        throw badBatch(`Batch request '${item.id}' depends on unknown request '${dependency}'.`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: BatchItem): void => {
    if (state.get(item.id) === 'done') return;
    if (state.get(item.id) === 'visiting')
      throw badBatch(`Batch request '${item.id}' is part of a dependency cycle.`);
    state.set(item.id, 'visiting');
    for (const dependency of item.dependsOn) {
      const next = byId.get(dependency);
      if (next) visit(next);
    }
    state.set(item.id, 'done');
  };
  items.forEach(visit);
  return items;
}

export interface BatchHooks {
  /** Answers one inner request (throttling, faults and latency included). */
  run: (request: GraphRequest) => Promise<GraphResponse>;
  /** A Graph error response for an inner request the batch itself answers (424, 400). */
  error: (status: number, code: string, message: string) => GraphResponse;
}

function toInner(item: BatchItem): GraphRequest | null {
  if (/^[a-z]+:\/\//i.test(item.url)) return null;
  const parsed = parseGraphUrl(item.url.startsWith('/') ? item.url : `/${item.url}`);
  if (!parsed) return null;
  return { method: item.method, headers: item.headers, ...parsed };
}

function answer(id: string, response: GraphResponse): BatchAnswer {
  return response.body === undefined
    ? { id, status: response.status, headers: response.headers }
    : { id, status: response.status, headers: response.headers, body: response.body };
}

/** Runs a validated batch, respecting `dependsOn`; answers in request order. */
export async function runBatch(items: readonly BatchItem[], hooks: BatchHooks): Promise<GraphResponse> {
  const results = new Map<string, Promise<GraphResponse>>();
  const byId = new Map(items.map((item) => [item.id, item]));
  const start = (item: BatchItem): Promise<GraphResponse> => {
    const existing = results.get(item.id);
    if (existing) return existing;
    const dependencies = item.dependsOn.map((id) => {
      const dependency = byId.get(id);
      return dependency
        ? start(dependency)
        : Promise.resolve(hooks.error(424, 'FailedDependency', 'Unknown dependency.'));
    });
    const promise = Promise.all(dependencies).then((done) => {
      if (done.some((response) => response.status >= 400)) {
        return hooks.error(424, 'FailedDependency', 'The request depends on a request that failed.');
      }
      const inner = toInner(item);
      if (!inner)
        return hooks.error(400, 'BadRequest', `Batch request '${item.id}' must have a relative url.`);
      return hooks.run(inner);
    });
    results.set(item.id, promise);
    return promise;
  };
  const responses = await Promise.all(
    items.map((item) => start(item).then((response) => answer(item.id, response))),
  );
  return { status: 200, headers: jsonHeaders(), body: { responses } };
}
