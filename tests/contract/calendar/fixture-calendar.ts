import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphEvent } from '../../../src/core/graph-event';
import type { OwnerContext } from '../../../src/core/one-on-one-detection';
import type { Calendar, CalendarChanges, CalendarWindow, RemovedEvent } from '../../../src/ports/calendar';
import { SyncStateExpired } from '../../../src/ports/calendar';

/** One page of a `calendarView/delta` answer, as Graph sends it. */
interface GraphPage {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** A recorded conversation with Graph for one mailbox: the first round, then later rounds of changes. */
export interface CalendarRecording {
  userId: string;
  owner: OwnerContext;
  window: CalendarWindow;
  initial: GraphPage[];
  changes: GraphPage[][];
}

export const RECORDING_PATH = path.join(__dirname, 'fixtures', 'calendar-view-delta.json');

export function loadRecording(file = RECORDING_PATH): CalendarRecording {
  return JSON.parse(readFileSync(file, 'utf8')) as CalendarRecording;
}

const CORE_FIELDS = [
  'id',
  'type',
  'seriesMasterId',
  'isCancelled',
  'isAllDay',
  'isOrganizer',
  'showAs',
  'sensitivity',
  'responseStatus',
  'organizer',
  'attendees',
  'start',
  'end',
  'lastModifiedDateTime',
] as const;

/**
 * A Calendar port fed from recorded Graph JSON instead of HTTP: plays the recording's rounds as the
 * mailbox "changes", hands out its own delta links, and keeps only the fields the core reads.
 */
export class FixtureCalendar implements Calendar {
  private applied = 0;
  private generation = 1;
  requests = 0;

  constructor(private readonly recording: CalendarRecording) {}

  /** The next recorded round of changes happens to the mailbox. */
  change(): void {
    if (this.applied < this.recording.changes.length) this.applied += 1;
  }

  /** Every link handed out so far stops working (as after Graph's token cache evicts it). */
  expireLinks(): void {
    this.generation += 1;
  }

  calendarWindow(userId: string, window: CalendarWindow): Promise<CalendarChanges> {
    this.known(userId);
    const current = new Map<string, Record<string, unknown>>();
    for (const page of [...this.recording.initial, ...this.recording.changes.slice(0, this.applied).flat()]) {
      this.requests += 1;
      for (const item of page.value) {
        if (typeof item.id !== 'string') {
          current.set(`broken-${current.size}`, item);
        } else if ('@removed' in item) {
          current.delete(item.id);
        } else {
          current.set(item.id, item);
        }
      }
    }
    const pages = [...this.recording.initial, ...this.recording.changes.slice(0, this.applied).flat()].length;
    const items = [...current.values()].filter((item) => overlaps(item, window) !== false);
    return Promise.resolve(this.changesOf(userId, items, pages));
  }

  calendarDelta(userId: string, deltaLink: string): Promise<CalendarChanges> {
    this.known(userId);
    const match = /\$deltatoken=fixture\.(\d+)\.(\d+)$/.exec(deltaLink);
    if (!match || Number(match[1]) !== this.generation || Number(match[2]) > this.applied) {
      return Promise.reject(new SyncStateExpired(userId));
    }
    const rounds = this.recording.changes.slice(Number(match[2]), this.applied).flat();
    this.requests += Math.max(1, rounds.length);
    return Promise.resolve(
      this.changesOf(
        userId,
        rounds.flatMap((page) => page.value),
        Math.max(1, rounds.length),
      ),
    );
  }

  private changesOf(
    userId: string,
    items: readonly Record<string, unknown>[],
    requests: number,
  ): CalendarChanges {
    const changes: CalendarChanges = {
      events: [],
      removed: [],
      deltaLink: `https://graph.microsoft.com/v1.0/users/${userId}/calendarView/delta?$deltatoken=fixture.${this.generation}.${this.applied}`,
      skipped: 0,
      requests,
    };
    for (const item of items) {
      const removed = item['@removed'] as { reason?: string } | undefined;
      if (removed && typeof item.id === 'string') {
        changes.removed.push({
          id: item.id,
          reason: removed.reason === 'changed' ? 'changed' : 'deleted',
        } satisfies RemovedEvent);
      } else if (isComplete(item)) {
        changes.events.push(
          Object.fromEntries(
            CORE_FIELDS.filter((f) => f in item).map((f) => [f, item[f]]),
          ) as unknown as GraphEvent,
        );
      } else {
        changes.skipped += 1;
      }
    }
    return changes;
  }

  private known(userId: string): void {
    if (userId !== this.recording.userId) throw new Error('The recording holds no mailbox for that user.');
  }
}

function isComplete(item: Record<string, unknown>): boolean {
  const time = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { dateTime?: unknown }).dateTime === 'string' &&
    typeof (value as { timeZone?: unknown }).timeZone === 'string';
  return typeof item.id === 'string' && item.id !== '' && time(item.start) && time(item.end);
}

/** Whether an item overlaps the window (undefined when it has no readable times: it is kept, to be skipped). */
function overlaps(item: Record<string, unknown>, window: CalendarWindow): boolean | undefined {
  if (!isComplete(item)) return undefined;
  const start = (item.start as { dateTime: string }).dateTime;
  const end = (item.end as { dateTime: string }).dateTime;
  return start.slice(0, 10) < window.end.slice(0, 10) && end.slice(0, 10) >= window.start.slice(0, 10);
}
