import { z } from 'zod';

/**
 * Request bodies and queries, parsed at the edge. Limits here only stop abuse; the product's own limits
 * (with messages a person can act on) are checked by the use cases, field by field.
 */
const text = (max: number): z.ZodString => z.string().max(max);
const id = z.string().min(1).max(300);

export const saveAgendaBody = z.strictObject({
  learningFocus: text(10_000).default(''),
  knowledgeHolders: z
    .array(z.strictObject({ label: text(2_000).default(''), personId: id.nullable().default(null) }))
    .max(100)
    .default([]),
  asks: z
    .array(z.strictObject({ wanted: text(5_000).default(''), support: text(10_000).default('') }))
    .max(100)
    .default([]),
  carriedActionIds: z.array(id).max(200).default([]),
  privateNotes: text(40_000).default(''),
  /** The revision the editor was showing; null before the first save. */
  baseRevision: z.number().int().min(1).nullable(),
});

export const writeRecapBody = z.strictObject({
  topics: z.array(text(5_000)).max(100).default([]),
  actions: z
    .array(
      z.strictObject({
        id: z.string().max(100).optional(),
        text: text(5_000),
        owner: z.enum(['author', 'recipient'], {
          error: 'owner must be "author" (me) or "recipient" (the other person)',
        }),
        dueOn: text(40),
      }),
    )
    .max(100)
    .default([]),
});

const version = z
  .number({ error: 'version must be the recap version number you are answering' })
  .int()
  .min(1);

export const acknowledgeBody = z.strictObject({ version });

export const requestChangeBody = z.strictObject({
  version,
  comment: z.string({ error: 'comment must say what should change' }).max(10_000),
});

export const actionStatusBody = z.strictObject({
  status: z.enum(['open', 'done'], { error: 'status must be "open" or "done"' }),
});

export const settingsBody = z
  .strictObject({
    leadTimeHours: z.number().optional(),
    promptsPaused: z.boolean().optional(),
    nudgeAfterWeeks: z.number().optional(),
    respectWorkingHours: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, {
    error: 'Send at least one setting to change.',
  });

export const peopleSearchQuery = z.object({
  q: z
    .string({ error: 'q (what to search for) is required' })
    .trim()
    .min(1, { error: 'q (what to search for) must not be empty' })
    .max(100),
});

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date and time, e.g. 2026-03-02T09:30:00Z',
});

export const meetingMatchQuery = z
  .object({
    start: instant,
    end: instant,
    attendees: z
      .string({ error: 'attendees (comma-separated email addresses) is required' })
      .transform((list) =>
        list
          .split(',')
          .map((address) => address.trim().toLowerCase())
          .filter((address) => address.length > 0),
      )
      .pipe(
        z
          .array(z.email({ error: 'each attendee must be an email address' }))
          .min(1)
          .max(50),
      ),
  })
  .refine((q) => Date.parse(q.end) > Date.parse(q.start), {
    error: 'end must be after start',
    path: ['end'],
  });
