/**
 * `/users/{id}/calendarView` (paged with `$top`/`$skip`) and `/users/{id}/calendarView/delta`
 * (paged with `Prefer: odata.maxpagesize`, opaque `$skiptoken`/`$deltatoken`).
 */
import { calendarBetween, occurrenceOf, overlaps } from './calendar-view';
import type { Occurrence } from './calendar-view';
import { GraphFailure, invalidParameter } from './graph-errors';
import { EVENT_PROPERTIES, UTC_DISPLAY, eventIdFor, renderEvent } from './graph-event-json';
import { writeEventJson } from './graph-event-text';
import type { DisplayZone } from './graph-event-json';
import { JsonText, jsonHeaders } from './graph-exchange';
import type { GraphRequest, GraphResponse } from './graph-exchange';
import type { DeltaPosition } from './delta-tokens';
import {
  applySelect,
  dateTimeParameter,
  pageSize,
  parsePrefer,
  selectedFields,
  skipCount,
} from './odata-query';
import { seriesAt } from './organisation';
import type { Person } from './organisation';
import { absoluteLink, mailboxUser } from './route-context';
import type { RouteContext } from './route-context';
import { ianaZoneFor } from './time-zones';

export const DEFAULT_DELTA_PAGE_SIZE = 100;
const MAX_DELTA_PAGE_SIZE = 1000;

/** The zone asked for in `Prefer: outlook.timezone` (any Windows name we know or IANA name), else none. */
function preferredZone(request: GraphRequest): {
  display: DisplayZone | null;
  applied: Record<string, string>;
} {
  const wanted = parsePrefer(request.headers.prefer).timeZone;
  if (wanted === undefined) return { display: null, applied: {} };
  const iana = ianaZoneFor(wanted);
  if (iana === null) return { display: UTC_DISPLAY, applied: {} };
  return {
    display: { label: wanted, iana },
    applied: { 'Preference-Applied': `outlook.timezone="${wanted}"` },
  };
}

function timeWindow(request: GraphRequest): { fromMs: number; toMs: number } {
  const fromMs = dateTimeParameter(request.query, 'startDateTime', 'StartDateTime');
  const toMs = dateTimeParameter(request.query, 'endDateTime', 'EndDateTime');
  if (toMs < fromMs) throw invalidParameter('The parameter EndDateTime must be later than StartDateTime.');
  return { fromMs, toMs };
}

function calendarView(ctx: RouteContext, request: GraphRequest, person: Person, path: string): GraphResponse {
  const { fromMs, toMs } = timeWindow(request);
  const fields = selectedFields(request.query, EVENT_PROPERTIES, 'event');
  const size = pageSize(request.query, 10, 1000);
  const skip = skipCount(request.query);
  const zone = preferredZone(request);
  const occurrences = calendarBetween(ctx.org, person.index, fromMs, toMs);
  const page = occurrences.slice(skip, skip + size);
  let nextLink: string | null = null;
  if (skip + size < occurrences.length) {
    const query: [string, string][] = [
      ['startDateTime', request.query.get('startdatetime') ?? ''],
      ['endDateTime', request.query.get('enddatetime') ?? ''],
    ];
    const select = request.query.get('$select');
    if (select !== undefined) query.push(['$select', select]);
    query.push(['$top', String(size)], ['$skip', String(skip + size)]);
    nextLink = absoluteLink(ctx, path, query);
  }
  const context = `${ctx.baseUrl}/$metadata#users('${person.id}')/calendarView`;
  const writeItem = (out: string[], occurrence: Occurrence): void => {
    if (fields === null) writeEventJson(out, ctx.org, occurrence, person.index, zone.display);
    else
      out.push(
        JSON.stringify(applySelect(renderEvent(ctx.org, occurrence, person.index, zone.display), fields)),
      );
  };
  return {
    status: 200,
    headers: jsonHeaders(zone.applied),
    body: pageJson(context, page, writeItem, { nextLink, deltaLink: null }),
  };
}

/** A collection page as Graph writes it: context, items, then the next or delta link. */
function pageJson<T>(
  context: string,
  items: readonly T[],
  writeItem: (out: string[], item: T) => void,
  links: { nextLink: string | null; deltaLink: string | null },
): JsonText {
  const out = ['{"@odata.context":', JSON.stringify(context), ',"value":['];
  items.forEach((item, index) => {
    if (index > 0) out.push(',');
    writeItem(out, item);
  });
  out.push(']');
  if (links.nextLink !== null) out.push(',"@odata.nextLink":', JSON.stringify(links.nextLink));
  if (links.deltaLink !== null) out.push(',"@odata.deltaLink":', JSON.stringify(links.deltaLink));
  out.push('}');
  // Joined now, while its pieces are fresh in the cache: joining a whole batch's pieces later costs more.
  return new JsonText(out.join(''));
}

function syncStateNotFound(): GraphFailure {
  return new GraphFailure(
    410,
    'syncStateNotFound',
    'The sync state generation is not found. The delta token is expired or unknown: start a new initial sync.',
  );
}

function deltaPosition(ctx: RouteContext, request: GraphRequest, person: Person): DeltaPosition {
  const token = request.query.get('$skiptoken') ?? request.query.get('$deltatoken');
  if (token === undefined) {
    const { fromMs, toMs } = timeWindow(request);
    const latest = ctx.org.changes.latestChange;
    return {
      kind: 'page',
      mailbox: person.index,
      fromMs,
      toMs,
      after: -1,
      upTo: latest,
      offset: 0,
      issuedMs: ctx.nowMs,
    };
  }
  const position = ctx.deltaTokens.read(token, ctx.nowMs);
  if (!position || position.mailbox !== person.index) throw syncStateNotFound();
  if (position.kind === 'page') return position;
  // A deltaLink starts a new round: everything changed since the last one.
  return { ...position, kind: 'page', after: position.upTo, upTo: ctx.org.changes.latestChange, offset: 0 };
}

/** What a delta round reports, in order: occurrences to send in full, or ids that left the view. */
type DeltaItem = Occurrence | { id: string; reason: 'deleted' | 'changed' };

function deltaItems(ctx: RouteContext, position: DeltaPosition, person: Person): DeltaItem[] {
  const { fromMs, toMs } = position;
  if (position.after < 0) return calendarBetween(ctx.org, person.index, fromMs, toMs);
  return ctx.org.changes.changedSince(person.index, position.after, position.upTo).map(({ series, k }) => {
    const occurrence = occurrenceOf(ctx.org, seriesAt(ctx.org, series), k);
    const id = eventIdFor(person.index, series, k);
    if (!occurrence) return { id, reason: 'deleted' };
    if (!overlaps(occurrence, fromMs, toMs)) return { id, reason: 'changed' };
    return occurrence;
  });
}

function writeDeltaItem(
  out: string[],
  ctx: RouteContext,
  item: DeltaItem,
  person: Person,
  display: DisplayZone | null,
): void {
  if ('reason' in item)
    out.push(
      `{"@odata.type":"#microsoft.graph.event","id":${JSON.stringify(item.id)},"@removed":{"reason":"${item.reason}"}}`,
    );
  else writeEventJson(out, ctx.org, item, person.index, display);
}

function calendarDelta(
  ctx: RouteContext,
  request: GraphRequest,
  person: Person,
  path: string,
): GraphResponse {
  const position = deltaPosition(ctx, request, person);
  const zone = preferredZone(request);
  const requestedSize = parsePrefer(request.headers.prefer).maxPageSize;
  const size = Math.min(requestedSize ?? DEFAULT_DELTA_PAGE_SIZE, MAX_DELTA_PAGE_SIZE);
  const items = deltaItems(ctx, position, person);
  const page = items.slice(position.offset, position.offset + size);
  const issuedMs = ctx.nowMs;
  let nextLink: string | null = null;
  let deltaLink: string | null = null;
  if (position.offset + size < items.length) {
    const next = ctx.deltaTokens.issue({ ...position, offset: position.offset + size, issuedMs });
    nextLink = absoluteLink(ctx, path, [['$skiptoken', next]]);
  } else {
    const delta = ctx.deltaTokens.issue({
      ...position,
      kind: 'delta',
      after: position.upTo,
      offset: 0,
      issuedMs,
    });
    deltaLink = absoluteLink(ctx, path, [['$deltatoken', delta]]);
  }
  const applied = [
    zone.applied['Preference-Applied'],
    requestedSize === undefined ? undefined : `odata.maxpagesize=${size}`,
  ]
    .filter((value): value is string => value !== undefined)
    .join(', ');
  return {
    status: 200,
    headers: jsonHeaders(applied === '' ? {} : { 'Preference-Applied': applied }),
    body: pageJson(
      `${ctx.baseUrl}/$metadata#Collection(event)`,
      page,
      (out, item) => {
        writeDeltaItem(out, ctx, item, person, zone.display);
      },
      { nextLink, deltaLink },
    ),
  };
}

/** Handles calendar routes; `null` when the path is not one of them. */
export function calendarRoute(ctx: RouteContext, request: GraphRequest): GraphResponse | null {
  const [root, key, ...rest] = request.segments;
  if (root?.toLowerCase() !== 'users' || key === undefined) return null;
  const tail = rest.map((segment) => segment.toLowerCase());
  // `/calendar/calendarView` is the same view as `/calendarView` for the default calendar.
  if (tail[0] === 'calendar') tail.shift();
  const isView = tail.length === 1 && tail[0] === 'calendarview';
  const isDelta = tail.length === 2 && tail[0] === 'calendarview' && tail[1] === 'delta';
  if (!isView && !isDelta) return null;
  const person = mailboxUser(ctx, key);
  const path = `/users/${person.id}/calendarView${isDelta ? '/delta' : ''}`;
  return isView ? calendarView(ctx, request, person, path) : calendarDelta(ctx, request, person, path);
}
