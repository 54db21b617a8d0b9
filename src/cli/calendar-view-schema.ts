import { z } from 'zod';
import type { GraphEvent } from '../core';

/**
 * The part of a Graph v1.0 `calendarView` (or `calendarView/delta`) response that detection reads, checked
 * before the core sees it. Fields the core does not read are let through unchecked and dropped.
 */

/** `2026-03-10T09:00:00.0000000`, as Graph writes it; seconds and the fraction are optional, a trailing Z is tolerated. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

const emailAddress = z.object({
  name: z.string().nullish(),
  address: z.string().nullish(),
});

const responseStatus = z.object({
  response: z
    .enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded'])
    .nullish(),
  time: z.string().nullish(),
});

const dateTimeTimeZone = z.object({
  dateTime: z.string().regex(LOCAL_DATE_TIME, { error: 'must look like 2026-03-10T09:00:00.0000000' }),
  timeZone: z.string().min(1),
});

export const graphEventSchema = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).nullish(),
  seriesMasterId: z.string().nullish(),
  isCancelled: z.boolean().nullish(),
  isAllDay: z.boolean().nullish(),
  isOrganizer: z.boolean().nullish(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).nullish(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).nullish(),
  responseStatus: responseStatus.nullish(),
  organizer: z.object({ emailAddress }).nullish(),
  attendees: z
    .array(
      z.object({
        type: z.enum(['required', 'optional', 'resource']),
        status: responseStatus.nullish(),
        emailAddress,
      }),
    )
    .nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  lastModifiedDateTime: z.string().nullish(),
}) satisfies z.ZodType<GraphEvent>;

/** A delta response lists an event that was deleted or left the window with only its id. */
export const removedEventSchema = z.object({
  id: z.string().min(1),
  '@removed': z.object({ reason: z.enum(['changed', 'deleted']) }),
});

export const calendarViewEnvelopeSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

export type CalendarViewItem =
  { kind: 'event'; event: GraphEvent } | { kind: 'removed'; id: string; reason: 'changed' | 'deleted' };

/** One thing wrong with the input, with the path to it, e.g. `value[3].start.dateTime`. */
export interface InputProblem {
  /** Index of the event in `value`, when the problem is inside one. */
  eventIndex: number | null;
  /** The event's id when it has a readable one. */
  eventId: string | null;
  /** Path inside the event (or the whole document when `eventIndex` is null), e.g. `attendees[1].type`. */
  field: string;
  message: string;
}

export type CalendarViewParse =
  { ok: true; items: CalendarViewItem[]; nextLink: string | null } | { ok: false; problems: InputProblem[] };

/** Checks a parsed JSON document, reporting every problem with the event index and field it concerns. */
export function parseCalendarView(document: unknown): CalendarViewParse {
  const envelope = calendarViewEnvelopeSchema.safeParse(document);
  if (!envelope.success) {
    return { ok: false, problems: envelope.error.issues.map((issue) => toProblem(issue, document, null)) };
  }

  const items: CalendarViewItem[] = [];
  const problems: InputProblem[] = [];
  envelope.data.value.forEach((raw, index) => {
    const removed = isObject(raw) && '@removed' in raw;
    if (removed) {
      const parsed = removedEventSchema.safeParse(raw);
      if (parsed.success) {
        items.push({ kind: 'removed', id: parsed.data.id, reason: parsed.data['@removed'].reason });
      } else {
        problems.push(...parsed.error.issues.map((issue) => toProblem(issue, raw, index)));
      }
      return;
    }
    const parsed = graphEventSchema.safeParse(raw);
    if (parsed.success) {
      items.push({ kind: 'event', event: parsed.data });
    } else {
      problems.push(...parsed.error.issues.map((issue) => toProblem(issue, raw, index)));
    }
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items, nextLink: envelope.data['@odata.nextLink'] ?? null };
}

type Issue = z.core.$ZodIssue;

function toProblem(issue: Issue, root: unknown, eventIndex: number | null): InputProblem {
  const id = eventIndex !== null && isObject(root) && typeof root.id === 'string' && root.id ? root.id : null;
  return {
    eventIndex,
    eventId: id,
    field: formatPath(issue.path),
    message: describe(issue, valueAt(root, issue.path)),
  };
}

function describe(issue: Issue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return 'is missing';
      return `must be ${article(issue.expected)} (found ${kindOf(actual)})`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (found ${JSON.stringify(actual)})`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : issue.message;
    case 'invalid_format':
      return `${issue.message} (found ${JSON.stringify(actual)})`;
    case 'too_big':
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list (JSON array)';
  if (expected === 'object') return 'an object';
  if (expected === 'string') return 'a text (JSON string)';
  if (expected === 'boolean') return 'true or false';
  return `a ${expected}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** `['attendees', 1, 'type']` → `attendees[1].type` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
