import type { Calendar, CalendarChanges, CalendarWindow, RemovedEvent } from '../ports/calendar';
import { SyncStateExpired } from '../ports/calendar';
import type { GraphGateway, GraphReply } from './graph-gateway';
import { okBody } from './graph-gateway';
import { GraphResponseShapeError } from './graph-errors';
import { collectionPageSchema, removedEventSchema } from './graph-schemas';
import { readGraphEvent } from './read-graph-event';

export interface GraphCalendarOptions {
  /** `Prefer: odata.maxpagesize` for delta pages (Graph's own default is small). */
  pageSize?: number;
  /** A round that has not ended after this many pages is abandoned (a broken link loop). */
  maxPages?: number;
}

/** Graph codes that mean "this delta link is dead, start over". */
const EXPIRED_CODES = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid']);

/**
 * The Calendar port over Graph `calendarView/delta`. Note: Graph does not accept `$select` on a
 * calendarView delta, it returns what a calendarView returns; with Calendars.ReadBasic that excludes
 * the body, and the schema drops everything else the core does not read (subjects included).
 */
export class GraphCalendar implements Calendar {
  private readonly pageSize: number;
  private readonly maxPages: number;

  constructor(
    private readonly gateway: GraphGateway,
    options: GraphCalendarOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = options.maxPages ?? 500;
  }

  calendarWindow(userId: string, window: CalendarWindow): Promise<CalendarChanges> {
    const query = `startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}`;
    return this.round(userId, `/users/${encodeURIComponent(userId)}/calendarView/delta?${query}`);
  }

  calendarDelta(userId: string, deltaLink: string): Promise<CalendarChanges> {
    // A stored link this endpoint does not follow (saved while Graph was reached elsewhere: another cloud, or the
    // demo's emulator on an earlier port) is as good as expired: no request goes there, the window is read again.
    if (!this.gateway.endpoint.follows(deltaLink)) return Promise.reject(new SyncStateExpired(userId, 0));
    return this.round(userId, deltaLink);
  }

  /** Follows `@odata.nextLink`s (absolute URLs, as Graph returns them) until a `@odata.deltaLink` ends the round. */
  private async round(userId: string, firstLink: string): Promise<CalendarChanges> {
    const changes: CalendarChanges = { events: [], removed: [], deltaLink: '', skipped: 0, requests: 0 };
    let link = firstLink;
    for (let page = 0; page < this.maxPages; page++) {
      const reply = await this.gateway.get({
        path: link,
        headers: { Prefer: `odata.maxpagesize=${this.pageSize}` },
      });
      changes.requests += 1;
      if (isExpired(reply)) throw new SyncStateExpired(userId);
      const parsed = collectionPageSchema.safeParse(okBody(reply));
      if (!parsed.success) throw new GraphResponseShapeError('calendar page');
      readItems(parsed.data.value, changes);
      const next = parsed.data['@odata.nextLink'];
      const delta = parsed.data['@odata.deltaLink'];
      if (next) {
        link = next;
        continue;
      }
      if (!delta) throw new GraphResponseShapeError('calendar page without a next or delta link');
      changes.deltaLink = delta;
      return changes;
    }
    throw new GraphResponseShapeError(`calendar round longer than ${this.maxPages} pages`);
  }
}

function isExpired(reply: GraphReply): boolean {
  if (reply.status === 410) return true;
  if (reply.status < 400 || reply.status >= 500) return false;
  const error = (reply.body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && EXPIRED_CODES.has(error.code.toLowerCase());
}

function readItems(items: readonly unknown[], into: CalendarChanges): void {
  for (const item of items) {
    if (item !== null && typeof item === 'object' && '@removed' in item) {
      const removed = removedEventSchema.safeParse(item);
      if (removed.success)
        into.removed.push({
          id: removed.data.id,
          reason: removed.data['@removed'].reason,
        } satisfies RemovedEvent);
      else into.skipped += 1;
      continue;
    }
    const event = readGraphEvent(item);
    if (event) into.events.push(event);
    else into.skipped += 1;
  }
}
