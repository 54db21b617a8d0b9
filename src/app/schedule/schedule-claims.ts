import { DEFAULT_SCHEDULE_OPTIONS } from '../../core/schedule';

const DAY_MS = 86_400_000;

/** Every action reminder's claim key starts with this (`action-due:${actionId}:${dueOn}`, see `dueNow`). */
export const ACTION_REMINDER_CLAIM_PREFIX = 'action-due:';

/**
 * Longest span over which `dueNow` offers one action-reminder key: from the due date to the end of the lookback,
 * in the owner's local calendar, plus a day each side because a local date spans UTC-12 to UTC+14.
 */
export const ACTION_REMINDER_DUE_SPAN_MS = (DEFAULT_SCHEDULE_OPTIONS.actionReminderLookbackDays + 3) * DAY_MS;

/**
 * How long completed action-reminder claims are kept. The key names the due date and a reminder is offered only
 * within the lookback after it, so a claim older than twice that span names a reminder that is never due again.
 */
export const ACTION_REMINDER_CLAIM_RETENTION_MS = Math.max(30 * DAY_MS, 2 * ACTION_REMINDER_DUE_SPAN_MS);
