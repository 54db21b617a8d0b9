import { z } from 'zod';

/**
 * The shapes Graph documents, checked at the edge. Only what the product reads is kept (zod drops the
 * rest, subjects included), and an item that breaks the shape is skipped and counted, never fatal.
 */

const emailAddress = z.object({
  name: z.string().nullish(),
  address: z.string().nullish(),
});

const responseStatus = z
  .object({
    response: z
      .enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded'])
      .nullish()
      .catch(null),
    time: z.string().nullish().catch(null),
  })
  .nullish()
  .catch(null);

const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });

/** An event as the core reads it (Calendars.ReadBasic: never a body). */
export const graphEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).nullish().catch(null),
  seriesMasterId: z.string().nullish().catch(null),
  isCancelled: z.boolean().nullish().catch(null),
  isAllDay: z.boolean().nullish().catch(null),
  isOrganizer: z.boolean().nullish().catch(null),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).nullish().catch(null),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).nullish().catch(null),
  responseStatus,
  organizer: z.object({ emailAddress }).nullish().catch(null),
  attendees: z
    .array(
      z.object({
        type: z.enum(['required', 'optional', 'resource']).catch('required'),
        status: responseStatus,
        emailAddress,
      }),
    )
    .nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  lastModifiedDateTime: z.string().nullish().catch(null),
});

/** A delta entry for an event that left the window or was deleted. */
export const removedEventSchema = z.object({
  id: z.string().min(1),
  '@removed': z.object({ reason: z.enum(['changed', 'deleted']).catch('deleted') }).loose(),
});

/** One page of a collection: items checked one by one, links as Graph sends them. */
export const collectionPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().min(1).optional(),
  '@odata.deltaLink': z.string().min(1).optional(),
});

export const directoryUserSchema = z.object({
  '@odata.type': z.string().optional(),
  id: z.string().min(1),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  jobTitle: z.string().nullish(),
});

/** A user read with `$expand=manager`: the manager (a directory object) inlined, or left out when there is none. */
export const userWithManagerSchema = directoryUserSchema.extend({ manager: z.unknown().optional() });

export const mailboxSettingsSchema = z.object({
  timeZone: z.string().nullish(),
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string()).nullish(),
      startTime: z.string().nullish(),
      endTime: z.string().nullish(),
      timeZone: z.object({ name: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});

export const graphErrorBodySchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }).loose(),
});
