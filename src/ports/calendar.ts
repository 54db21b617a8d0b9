import type { GraphEvent } from '../core/graph-event';

/** A span of a calendar, as UTC ISO-8601 instants (`end` exclusive). */
export interface CalendarWindow {
  start: string;
  end: string;
}

/** An event that left the window or was deleted since the last round (`@removed` in a delta answer). */
export interface RemovedEvent {
  id: string;
  reason: 'changed' | 'deleted';
}

/** One complete round of a calendar view: every page followed, ending in a link for the next round. */
export interface CalendarChanges {
  /** Events added or changed (on a first round: every event in the window). */
  events: GraphEvent[];
  removed: RemovedEvent[];
  /** Opaque link that continues change tracking for the same window; store it as is. */
  deltaLink: string;
  /** Items Graph sent that lacked an id, start or end: skipped, never fatal. */
  skipped: number;
  /** How many Graph requests the round took (pages). */
  requests: number;
}

/** Read-only access to people's calendars (Microsoft Graph `calendarView/delta`, or a stand-in). */
export interface Calendar {
  /** A first, full round over a window: every event in it, plus the link for the next round. */
  calendarWindow(userId: string, window: CalendarWindow): Promise<CalendarChanges>;
  /** What changed since the round that produced `deltaLink`. Throws `SyncStateExpired` when that link is no longer valid. */
  calendarDelta(userId: string, deltaLink: string): Promise<CalendarChanges>;
}

/**
 * Graph's 410 Gone (`syncStateNotFound`), or a stored link the adapter will not follow: the delta link is no use
 * any more; the calendar must be read again from scratch.
 */
export class SyncStateExpired extends Error {
  readonly code = 'syncStateNotFound';

  constructor(
    readonly userId: string,
    /** Requests it took to find out: 1 when Graph said so, 0 when the link was never sent (see GraphCalendar). */
    readonly requests = 1,
  ) {
    super('The calendar change-tracking link has expired; a full read of the window is needed.');
    this.name = 'SyncStateExpired';
  }
}
